import { invalid, readSpreadsheetUpload } from '@jipin/core';
import {
  COLUMN_OF_HEADER,
  IMPORT_COLUMNS,
  ImportColumnKey,
  normalizeHeader,
} from './import-columns';

export interface SheetRow {
  /** The line in the file as the user sees it (the header is line 1). */
  line: number;
  cells: Partial<Record<ImportColumnKey, string>>;
}

export const MAX_IMPORT_ROWS = 2000;

/**
 * Reads an .xlsx (first sheet) or a .csv (UTF-8 or GBK, as Excel saves it) into
 * rows, with the bounds of readSpreadsheetUpload (memory, time, size of the sheet).
 */
export async function readVacancySheet(file: Buffer): Promise<SheetRow[]> {
  const [header, ...body] = await readSpreadsheetUpload(file, { maxRows: MAX_IMPORT_ROWS });
  if (!header) throw invalid('import_empty', '文件是空的，请使用下载的模板填写');
  const keys = header.cells.map((cell) => COLUMN_OF_HEADER.get(normalizeHeader(cell)));
  const missing = IMPORT_COLUMNS.filter((c) => c.header.endsWith('*') && !keys.includes(c.key)).map(
    (c) => c.header.replace('*', ''),
  );
  if (missing.length)
    throw invalid(
      'import_missing_columns',
      `文件缺少必填列：${missing.join('、')}。请使用下载的模板`,
      [{ field: 'file', message: `缺少列：${missing.join('、')}` }],
    );
  if (!body.length) throw invalid('import_empty', '文件中没有岗位数据');
  return body.map(({ line, cells: values }) => {
    const cells: SheetRow['cells'] = {};
    keys.forEach((key, column) => {
      if (key) cells[key] = (values[column] ?? '').trim();
    });
    return { line, cells };
  });
}
