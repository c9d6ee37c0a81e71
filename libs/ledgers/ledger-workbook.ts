import { DomainError, invalid, readWorkbookUpload, SpreadsheetLimits } from '@jipin/core';
import { LedgerLine } from './ledger-rows';
import { LEDGER_SHEETS, LedgerSheet, normalizeHeader } from './ledger-sheets';

/**
 * A year of a county's ledgers: thousands of people, a few thousand of each
 * link. Bounded like every upload (a child process with a heap cap and a
 * deadline), only with room for a year.
 */
export const LEDGER_LIMITS: Partial<SpreadsheetLimits> = {
  maxRows: 30000,
  maxSheetRows: 40000,
  maxColumns: 40,
  maxSheets: 16,
  maxUnpackedBytes: 96 * 1024 * 1024,
  timeoutMs: 40000,
  heapMb: 384,
};

/** Sheets that explain the template and hold no records. */
const HELP_SHEETS = new Set(['填写说明']);

/** Reads the ledger sheets of a workbook, each row with its sheet's column keys. */
export async function readLedgerWorkbook(file: Buffer): Promise<LedgerLine[]> {
  const sheets = await readWorkbookUpload(file, LEDGER_LIMITS);
  if (sheets.length === 1 && sheets[0].name === '')
    throw invalid('ledger_not_xlsx', '请上传 Excel (.xlsx) 台账：每个台账一个工作表');
  const lines: LedgerLine[] = [];
  for (const { name, lines: rows } of sheets) {
    if (HELP_SHEETS.has(name.trim())) continue;
    const sheet = LEDGER_SHEETS.find((s) => s.name === name.trim());
    if (!sheet)
      throw invalid(
        'ledger_unknown_sheet',
        `无法识别工作表“${name.slice(0, 30)}”：工作表应命名为 ${LEDGER_SHEETS.map((s) => s.name).join('、')}`,
        [{ field: 'file', message: `未知工作表：${name.slice(0, 30)}` }],
      );
    const [header, ...body] = rows;
    if (!header) continue;
    const keys = columnKeys(sheet, header.cells);
    for (const { line, cells } of body) {
      const record: Record<string, string> = {};
      keys.forEach((key, column) => {
        if (key) record[key] = cells[column] ?? '';
      });
      lines.push({ kind: sheet.kind, line, cells: record });
    }
  }
  if (!lines.length)
    throw invalid('import_empty', '文件中没有台账数据，请使用下载的模板填写', [
      { field: 'file', message: '没有数据行' },
    ]);
  return lines;
}

function columnKeys(sheet: LedgerSheet, header: string[]): (string | undefined)[] {
  const byHeader = new Map(sheet.columns.map((c) => [normalizeHeader(c.header), c.key]));
  const keys = header.map((cell) => byHeader.get(normalizeHeader(cell)));
  const missing = sheet.columns.filter((c) => c.required && !keys.includes(c.key));
  if (missing.length)
    throw new DomainError(
      'invalid',
      'import_missing_columns',
      `${sheet.name}缺少必填列：${missing.map((c) => c.header).join('、')}。请使用下载的模板`,
      [
        {
          field: 'file',
          sheet: sheet.name,
          message: `缺少列：${missing.map((c) => c.header).join('、')}`,
        },
      ],
    );
  return keys;
}
