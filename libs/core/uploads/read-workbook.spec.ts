import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import { inTestRealm } from '@jipin/testing';
import { readWorkbookUpload } from './read-spreadsheet';

/** Three sheets of strings, written as exceljs and Excel write them: sheets first, workbook.xml last. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of [
    ['人员台账', 40],
    ['单位台账', 5],
    ['实际就业台账', 30],
  ] as const) {
    const sheet = book.addWorksheet(name);
    sheet.addRow(['身份证号', '姓名']);
    for (let i = 0; i < rows; i++) sheet.addRow([`${name}-${i}`, `张${i}`]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('readWorkbookUpload (a real child process)', () => {
  test('every sheet with its name and its strings, every time', async () => {
    const file = await workbook();
    // The streaming reader used to read sheets before the shared strings now and then (empty cells).
    for (let run = 0; run < 8; run++) {
      const sheets = inTestRealm(await readWorkbookUpload(file));
      assert.deepEqual(
        sheets.map((s) => [s.name, s.lines.length]),
        [
          ['人员台账', 41],
          ['单位台账', 6],
          ['实际就业台账', 31],
        ],
      );
      assert.deepEqual(sheets[2].lines[30], { line: 31, cells: ['实际就业台账-29', '张29'] });
    }
  });

  test('a .csv is one sheet without a name; the row limit holds per sheet', async () => {
    assert.deepEqual(inTestRealm(await readWorkbookUpload(Buffer.from('a,b\r\n1,2\r\n'))), [
      {
        name: '',
        lines: [
          { line: 1, cells: ['a', 'b'] },
          { line: 2, cells: ['1', '2'] },
        ],
      },
    ]);
    await assert.rejects(
      readWorkbookUpload(await workbook(), { maxRows: 35 }),
      /一次最多导入 35 行/,
    );
  });
});
