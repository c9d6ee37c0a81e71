export { readSpreadsheetUpload, readWorkbookUpload } from './read-spreadsheet';
export type { NamedSheet } from './spreadsheet-worker';
export type { SheetLine } from './sheet-rows';
export { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
export type { SpreadsheetLimits } from './spreadsheet-limits';
export { newWorkbook } from './new-workbook';
