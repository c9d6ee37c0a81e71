/**
 * Runs in a child process with its own heap cap (see read-spreadsheet.ts): a
 * file that gets past the checks and still blows up takes only this process down.
 * Imports stay relative and small: this file must not load the whole platform.
 */
import { Readable } from 'node:stream';
import * as ExcelJS from 'exceljs';
import { collectCsv, SheetLine, SheetRowCollector } from './sheet-rows';
import { SheetRefused, SpreadsheetLimits, unreadable } from './spreadsheet-limits';
import { checkXlsxArchive } from './xlsx-archive-check';

export interface SpreadsheetJob {
  kind: 'xlsx' | 'csv';
  file: Uint8Array;
  limits: SpreadsheetLimits;
  /** Every worksheet (a workbook of ledgers), not only the first. */
  allSheets?: boolean;
}

/** One worksheet's non-empty rows; a .csv is one sheet without a name. */
export interface NamedSheet {
  name: string;
  lines: SheetLine[];
}

export type SpreadsheetResult = { sheets: NamedSheet[] } | { refusal: SheetRefused['refusal'] };

async function readSheets(job: SpreadsheetJob): Promise<NamedSheet[]> {
  const file = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
  if (job.kind === 'csv') {
    const collector = new SheetRowCollector(job.limits);
    collectCsv(decodeText(file).replace(/^\uFEFF/, ''), collector, job.limits);
    return [{ name: '', lines: collector.lines }];
  }
  const ordered = checkXlsxArchive(file, job.limits);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([ordered]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: NamedSheet[] = [];
  for await (const sheet of workbook) {
    const collector = new SheetRowCollector(job.limits);
    for await (const row of sheet) {
      const cells = new Map<number, string>();
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells.set(column, cellText(cell.value));
      });
      collector.add(row.number, cells);
    }
    sheets.push({ name: (sheet as unknown as { name: string }).name, lines: collector.lines });
    if (!job.allSheets) break;
  }
  return sheets;
}

/** UTF-8, else GB18030 (what Excel on Chinese Windows saves as "CSV"). */
function decodeText(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function run(job: SpreadsheetJob): Promise<SpreadsheetResult> {
  try {
    return { sheets: await readSheets(job) };
  } catch (error) {
    if (error instanceof SheetRefused) return { refusal: error.refusal };
    // exceljs and its XML parser throw English errors on malformed content; the user gets a Chinese reason.
    return { refusal: unreadable('表格内容无法解析').refusal };
  }
}

// One job a process; it exits once the answer is sent (streams of the reader may linger).
if (process.env.JIPIN_SPREADSHEET_CHILD === '1' && process.send)
  process.once('message', (job: SpreadsheetJob) => {
    void run(job).then((result) => process.send!(result, () => process.exit(0)));
  });
