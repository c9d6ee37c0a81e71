export { readSpreadsheetUpload } from './read-spreadsheet';
export type { SheetLine } from './sheet-rows';
export { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
export type { SpreadsheetLimits } from './spreadsheet-limits';
