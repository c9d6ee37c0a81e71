import { DomainError, ErrorDetail, ErrorKind } from '../errors/domain-error';

/** What one uploaded spreadsheet may cost; every bound is checked before the work it guards. */
export interface SpreadsheetLimits {
  /** Non-empty rows after the header row. */
  maxRows: number;
  /** Columns a row may use (Excel allows 16,384; our sheets need a few dozen). */
  maxColumns: number;
  /** Last row number a sheet may reach, blank rows included. */
  maxSheetRows: number;
  /** Worksheets in an .xlsx. */
  maxSheets: number;
  /** Parts (files) in the .xlsx zip. */
  maxEntries: number;
  /** Sum of the parts' sizes once unpacked. */
  maxUnpackedBytes: number;
  /** Unpacked / packed size of a part over 1 MiB; XML of real sheets stays far below. */
  maxCompressionRatio: number;
  /** Wall time of the parse, after which the worker is stopped. */
  timeoutMs: number;
  /** V8 heap (old generation) of the parsing child process. */
  heapMb: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxRows: 2000,
  maxColumns: 100,
  maxSheetRows: 10000,
  maxSheets: 32,
  maxEntries: 256,
  maxUnpackedBytes: 32 * 1024 * 1024,
  maxCompressionRatio: 200,
  timeoutMs: 15000,
  heapMb: 96,
};

/** A refusal as it crosses from the child process: plain data, turned into a DomainError on the other side. */
export interface SheetRefusal {
  kind: ErrorKind;
  code: string;
  message: string;
  details: ErrorDetail[];
}

export class SheetRefused extends Error {
  constructor(readonly refusal: SheetRefusal) {
    super(refusal.message);
  }
}

export const refuse = (
  kind: ErrorKind,
  code: string,
  message: string,
  details: ErrorDetail[] = [],
): SheetRefused => new SheetRefused({ kind, code, message, details });

export const toDomainError = (r: SheetRefusal): DomainError =>
  new DomainError(r.kind, r.code, r.message, r.details);

export const UNREADABLE_MESSAGE =
  '无法读取该 Excel 文件（文件不完整或已损坏），请另存为 .xlsx 或 .csv 后重试';

export const unreadable = (why?: string): SheetRefused =>
  refuse(
    'invalid',
    'import_unreadable',
    UNREADABLE_MESSAGE,
    why ? [{ field: 'file', message: why }] : [],
  );

export const sheetTooLarge = (where: string, limits: SpreadsheetLimits): SheetRefused =>
  refuse(
    'invalid',
    'import_sheet_too_large',
    `表格范围${where}超出限制（最多 ${limits.maxSheetRows} 行、${limits.maxColumns} 列）；请把数据复制到下载的模板中再上传`,
    [{ field: 'file', message: `超出范围：${where}` }],
  );

export const tooManyRows = (limits: SpreadsheetLimits): SheetRefused =>
  refuse('invalid', 'import_too_many_rows', `一次最多导入 ${limits.maxRows} 行，请分批上传`);

export const tooComplex = (why: string): DomainError =>
  new DomainError(
    'unprocessable',
    'import_too_complex',
    '文件内容过于复杂，无法在限定的时间和内存内读取；请另存为 .csv 或分批上传',
    [{ field: 'file', message: why }],
  );
