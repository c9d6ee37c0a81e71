import { type Workbook } from 'exceljs';

/**
 * An empty workbook for an export or a template. exceljs and the zip and XML libraries it pulls in
 * cost the API ~30 MiB of memory, so they are loaded by the first download, not at start (uploads
 * are read in a child process, see read-spreadsheet.ts).
 */
export async function newWorkbook(): Promise<Workbook> {
  const { default: exceljs } = await import('exceljs');
  return new exceljs.Workbook();
}
