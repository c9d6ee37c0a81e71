import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import { buildXlsx, inlineCell, inTestRealm, sheetXml } from '@jipin/testing';
import { DomainError } from '../errors/domain-error';
import { readSpreadsheetUpload } from './read-spreadsheet';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

describe('readSpreadsheetUpload (a real child process)', () => {
  test('reads the non-empty rows of a .csv with their line numbers, quotes and GBK as Excel saves it', async () => {
    const utf8 = Buffer.from(
      '\uFEFF名称,说明\r\n"普工","包吃, 包住"\r\n,\r\n"电工","持证\n上岗"\r\n',
    );
    assert.deepEqual(inTestRealm(await readSpreadsheetUpload(utf8)), [
      { line: 1, cells: ['名称', '说明'] },
      { line: 2, cells: ['普工', '包吃, 包住'] },
      { line: 4, cells: ['电工', '持证\n上岗'] },
    ]);
    const gbk = Buffer.from('c3fbb3c60ac6d5b9a40a', 'hex'); // "名称\n普工" in GBK
    assert.deepEqual(inTestRealm((await readSpreadsheetUpload(gbk)).map((l) => l.cells[0])), [
      '名称',
      '普工',
    ]);
  });

  test('reads an .xlsx sheet with its Excel row numbers', async () => {
    const file = buildXlsx([
      sheetXml(
        `<row r="1">${inlineCell('A1', '名称')}${inlineCell('B1', '人数')}</row>` +
          `<row r="3">${inlineCell('A3', '普工')}<c r="B3"><v>5</v></c></row>`,
        'A1:B3',
      ),
    ]);
    assert.deepEqual(inTestRealm(await readSpreadsheetUpload(file)), [
      { line: 1, cells: ['名称', '人数'] },
      { line: 3, cells: ['普工', '5'] },
    ]);
  });

  test('leaves no temporary files behind, though exceljs spills sheets stored before the shared strings (as Excel and exceljs store them)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('岗位').addRows([['名称'], ['普工']]);
    book.addWorksheet('说明').addRow(['第二张表']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const own = mkdtempSync(join(tmpdir(), 'sheet-spec-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      assert.deepEqual(inTestRealm((await readSpreadsheetUpload(file)).map((l) => l.cells)), [
        ['名称'],
        ['普工'],
      ]);
      assert.deepEqual(inTestRealm(readdirSync(own)), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(own, { recursive: true, force: true });
    }
  });

  test('a parse that needs more heap than its cap is stopped: 422 import_too_complex, the caller lives on', async () => {
    const items: string[] = [];
    for (let i = 0; i < 600_000; i++) items.push(`<si><t>${i.toString(36)}</t></si>`);
    const file = buildXlsx(
      [sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)],
      [
        {
          name: 'xl/sharedStrings.xml',
          content: Buffer.from(`<sst xmlns="${MAIN_NS}">${items.join('')}</sst>`),
        },
      ],
    );
    const error = await refusal(readSpreadsheetUpload(file, { heapMb: 8 }));
    assert.equal(error.code, 'import_too_complex');
    assert.match(error.details[0].message, /超过 8 MB 内存/);
  });

  test('a parse past its deadline is stopped: 422 import_too_complex', async () => {
    const error = await refusal(readSpreadsheetUpload(Buffer.from('a\nb\n'), { timeoutMs: 1 }));
    assert.equal(error.code, 'import_too_complex');
    assert.match(error.details[0].message, /读取超过/);
  });

  test('two parses run at once and eight wait; the next is told to come back (503 import_busy)', async () => {
    const file = Buffer.from('名称\n普工\n');
    const results = await Promise.allSettled(
      Array.from({ length: 11 }, () => readSpreadsheetUpload(file)),
    );
    const busy = results.filter(
      (r) => r.status === 'rejected' && (r.reason as DomainError).code === 'import_busy',
    );
    assert.equal(busy.length, 1);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
  });
});
