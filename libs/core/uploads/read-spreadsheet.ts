import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../errors/domain-error';
import { SheetLine } from './sheet-rows';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  SpreadsheetLimits,
  toDomainError,
  tooComplex,
} from './spreadsheet-limits';
import { NamedSheet, SpreadsheetJob, SpreadsheetResult } from './spreadsheet-worker';
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
 * checked and parsed in a worker thread with its own heap cap and a deadline,
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
 * removed when the worker is gone, even after a deadline or an out-of-memory.
 */
async function runWorker(job: SpreadsheetJob): Promise<SpreadsheetResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'jipin-sheet-'));
  try {
    return await runWorkerIn(scratch, job);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function runWorkerIn(scratch: string, job: SpreadsheetJob): Promise<SpreadsheetResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(compiledFile('libs', 'core', 'uploads', 'spreadsheet-worker.js'), {
      workerData: job,
      env: { ...process.env, TMPDIR: scratch },
      transferList: [job.file.buffer as ArrayBuffer],
      resourceLimits: {
        maxOldGenerationSizeMb: job.limits.heapMb,
        maxYoungGenerationSizeMb: 8,
        codeRangeSizeMb: 16,
        stackSizeMb: 4,
      },
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      // Answer once the thread is gone, so its temporary files can be removed.
      void worker.terminate().then(outcome, outcome);
    };
    const deadline = setTimeout(
      () => settle(() => reject(tooComplex(`读取超过 ${job.limits.timeoutMs / 1000} 秒`))),
      job.limits.timeoutMs,
    );
    worker.once('message', (result: SpreadsheetResult) => settle(() => resolve(result)));
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooComplex(`读取需要超过 ${job.limits.heapMb} MB 内存`)
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(tooComplex(`读取进程意外结束（${code}）`))));
  });
}
