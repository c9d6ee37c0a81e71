import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';
import { DomainError } from '../errors/domain-error';
import { SheetLine } from './sheet-rows';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  SpreadsheetLimits,
  toDomainError,
  tooComplex,
} from './spreadsheet-limits';
import type { NamedSheet, SpreadsheetJob, SpreadsheetResult } from './spreadsheet-worker';
import { compiledFile } from '../paths';

/** Parses at once per process (the machine's cores); more wait, and past the queue they are refused. */
const PARALLEL_PARSES = 2;
const WAITING_PARSES = 8;

let running = 0;
const waiting: (() => void)[] = [];

async function takeSlot(): Promise<void> {
  if (running < PARALLEL_PARSES) {
    running++;
    return;
  }
  if (waiting.length >= WAITING_PARSES)
    throw new DomainError('unavailable', 'import_busy', '正在处理的导入文件较多，请稍后再试');
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/**
 * Reads the first sheet of an uploaded .xlsx or .csv into its non-empty rows
 * (the first one is the header), within bounded memory and time: the file is
 * checked and parsed in a child process with its own heap cap and a deadline,
 * at most PARALLEL_PARSES at once. Every bad, hostile or oversized file ends
 * in a DomainError with a Chinese message (4xx), never in a crash of the caller.
 */
export async function readSpreadsheetUpload(
  file: Buffer,
  limits: Partial<SpreadsheetLimits> = {},
): Promise<SheetLine[]> {
  const [first] = await readSheets(file, limits, false);
  return first?.lines ?? [];
}

/**
 * Every worksheet of an uploaded .xlsx (a .csv is one sheet named ''), with the
 * same bounds as readSpreadsheetUpload; maxRows and maxSheetRows hold per sheet.
 */
export function readWorkbookUpload(
  file: Buffer,
  limits: Partial<SpreadsheetLimits> = {},
): Promise<NamedSheet[]> {
  return readSheets(file, limits, true);
}

async function readSheets(
  file: Buffer,
  limits: Partial<SpreadsheetLimits>,
  allSheets: boolean,
): Promise<NamedSheet[]> {
  const job: SpreadsheetJob = {
    kind: isZip(file) ? 'xlsx' : 'csv',
    file: new Uint8Array(file),
    limits: { ...DEFAULT_SPREADSHEET_LIMITS, ...limits },
    allSheets,
  };
  await takeSlot();
  try {
    const result = await runWorker(job);
    if ('refusal' in result) throw toDomainError(result.refusal);
    return result.sheets;
  } finally {
    releaseSlot();
  }
}

function isZip(file: Buffer): boolean {
  return file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;
}

/**
 * exceljs' streaming reader spills sheets that come before the shared strings
 * (as Excel orders them) to temporary files; each parse gets its own directory,
 * removed when the process is gone, even after a deadline or an out-of-memory.
 */
async function runWorker(job: SpreadsheetJob): Promise<SpreadsheetResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'jipin-sheet-'));
  try {
    return await runWorkerIn(scratch, job);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What a process that ran out of heap writes before it aborts. */
const OUT_OF_MEMORY = /heap out of memory|Reached heap limit|Allocation failed/;

/**
 * A child process, not a worker thread: Node aborts the whole process when a thread is
 * stopped while a zlib stream of the unzipping is being set up ("close before init", seen
 * in CI), so a deadline, or the end of a parse, could take the API down with the upload.
 * A child that dies is only a refused file.
 */
function runWorkerIn(scratch: string, job: SpreadsheetJob): Promise<SpreadsheetResult> {
  return new Promise((resolve, reject) => {
    const child = fork(compiledFile('libs', 'core', 'uploads', 'spreadsheet-worker.js'), [], {
      env: { ...process.env, TMPDIR: scratch, NODE_OPTIONS: '', JIPIN_SPREADSHEET_CHILD: '1' },
      execArgv: [`--max-old-space-size=${job.limits.heapMb}`, '--max-semi-space-size=4'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let result: SpreadsheetResult | undefined;
    let timedOut = false;
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4096);
    });
    const deadline = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, job.limits.timeoutMs);
    child.once('message', (message: SpreadsheetResult) => (result = message));
    child.once('error', (error) => {
      clearTimeout(deadline);
      child.kill('SIGKILL');
      reject(error);
    });
    // Answered once the process is gone, so its temporary files can be removed.
    child.once('close', (code, signal) => {
      clearTimeout(deadline);
      if (result) resolve(result);
      else if (timedOut) reject(tooComplex(`读取超过 ${job.limits.timeoutMs / 1000} 秒`));
      else if (OUT_OF_MEMORY.test(stderr))
        reject(tooComplex(`读取需要超过 ${job.limits.heapMb} MB 内存`));
      else reject(tooComplex(`读取进程意外结束（${code ?? signal}）`));
    });
    child.send(job);
  });
}
