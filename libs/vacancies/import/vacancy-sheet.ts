import * as ExcelJS from 'exceljs';
import { invalid } from '@jipin/core';
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

/** Reads an .xlsx (first sheet) or a .csv (UTF-8 or GBK, as Excel saves it) into rows. */
export async function readVacancySheet(file: Buffer): Promise<SheetRow[]> {
  const table = isZip(file) ? await readXlsx(file) : readCsv(file);
  const [header, ...body] = table;
  if (!header) throw invalid('import_empty', '文件是空的，请使用下载的模板填写');
  const keys = header.map((cell) => COLUMN_OF_HEADER.get(normalizeHeader(cell)));
  const missing = IMPORT_COLUMNS.filter((c) => c.header.endsWith('*') && !keys.includes(c.key)).map(
    (c) => c.header.replace('*', ''),
  );
  if (missing.length)
    throw invalid(
      'import_missing_columns',
      `文件缺少必填列：${missing.join('、')}。请使用下载的模板`,
      [{ field: 'file', message: `缺少列：${missing.join('、')}` }],
    );
  const rows: SheetRow[] = [];
  body.forEach((values, index) => {
    if (values.every((v) => v.trim() === '')) return;
    const cells: SheetRow['cells'] = {};
    keys.forEach((key, column) => {
      if (key) cells[key] = (values[column] ?? '').trim();
    });
    rows.push({ line: index + 2, cells });
  });
  if (!rows.length) throw invalid('import_empty', '文件中没有岗位数据');
  if (rows.length > MAX_IMPORT_ROWS)
    throw invalid('import_too_many_rows', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批上传`);
  return rows;
}

function isZip(file: Buffer): boolean {
  return file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;
}

async function readXlsx(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw invalid('import_unreadable', '无法读取该 Excel 文件，请另存为 .xlsx 或 .csv 后重试');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const values: string[] = [];
    for (let c = 1; c <= width; c++) values.push(cellText(row.getCell(c).value));
    table.push(values);
  }
  return table;
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

function readCsv(file: Buffer): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    text = new TextDecoder('gb18030').decode(file);
  }
  return parseCsv(text.replace(/^\uFEFF/, ''));
}

/** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
