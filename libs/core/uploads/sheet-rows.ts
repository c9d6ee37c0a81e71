import { sheetTooLarge, SpreadsheetLimits, tooManyRows } from './spreadsheet-limits';

/** One non-empty row of an uploaded sheet. */
export interface SheetLine {
  /** The row number as the user sees it in Excel (the line of a .csv record). */
  line: number;
  cells: string[];
}

/**
 * Keeps the non-empty rows of a sheet and stops the reading (by throwing) as
 * soon as a limit is passed, so a sheet of a million rows costs no more than
 * one of maxRows.
 */
export class SheetRowCollector {
  readonly lines: SheetLine[] = [];

  constructor(private readonly limits: SpreadsheetLimits) {}

  /** cells: column number (1-based) → text. */
  add(line: number, cells: Map<number, string> | string[]): void {
    const values = Array.isArray(cells) ? cells : spread(cells);
    if (values.every((v) => v.trim() === '')) return;
    if (line > this.limits.maxSheetRows) throw sheetTooLarge(`（第 ${line} 行）`, this.limits);
    if (values.length > this.limits.maxColumns)
      throw sheetTooLarge(`（第 ${line} 行第 ${values.length} 列）`, this.limits);
    // The first non-empty row is the header and does not count.
    if (this.lines.length > this.limits.maxRows) throw tooManyRows(this.limits);
    this.lines.push({ line, cells: values });
  }
}

/** Cells by column number into a dense array, up to the last non-empty one. */
function spread(cells: Map<number, string>): string[] {
  let last = 0;
  for (const [column, text] of cells) if (text.trim() !== '' && column > last) last = column;
  const values: string[] = [];
  for (let c = 1; c <= last; c++) values.push(cells.get(c) ?? '');
  return values;
}

/**
 * RFC 4180 CSV (quoted fields may hold commas, quotes ("") and line breaks),
 * handed record by record to the collector, which stops at its limits.
 */
export function collectCsv(
  text: string,
  collector: SheetRowCollector,
  limits: SpreadsheetLimits,
): void {
  const { maxColumns } = limits;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  const endRow = () => {
    row.push(field);
    collector.add(line++, row);
    row = [];
    field = '';
  };
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
      // A row of a million commas is refused without building a million fields.
      if (row.length >= maxColumns)
        throw sheetTooLarge(`（第 ${line} 行超过 ${maxColumns} 列）`, limits);
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length) endRow();
}
