import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import {
  ApiProcess,
  buildXlsx,
  createStaffUser,
  daysFromToday,
  freePort,
  inlineCell,
  processMemory,
  registerEmployer,
  resetPeakMemory,
  sheetXml,
  TestApi,
  TestEmployer,
} from '@jipin/testing';
import { IMPORT_COLUMNS } from '@jipin/vacancies';

/** The bound docs/security.md states: one upload raises the API's resident memory by less than this. */
const MEMORY_BOUND_MIB = 200;
/** Every hostile file is answered within the parse deadline (15 s) and a margin for a busy machine. */
const ANSWER_WITHIN_MS = 18000;
const MIB = 1024 * 1024;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

let api: TestApi;
let server: ApiProcess;
let employer: TestEmployer;

beforeAll(async () => {
  api = await TestApi.start('upload_bombs');
  employer = await registerEmployer(api, { staff: await createStaffUser(api) });
  // The uploads go to a separate API process whose memory /proc shows alone. Its
  // heap is capped at 1 GiB so that, before the fix, the first probe killed it
  // quickly instead of taking 4 GiB of a shared test machine.
  server = await new ApiProcess(api.env, await freePort()).start(30000, [
    '--max-old-space-size=1024',
  ]);
});
afterAll(async () => {
  await server?.stop();
  await api?.close();
});

interface Probe {
  name: string;
  file: Buffer;
  status: number;
  code: string;
  message: RegExp;
}

async function upload(file: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), name);
  const response = await fetch(`${server.baseUrl}/api/employer/vacancy-imports?mode=row_by_row`, {
    method: 'POST',
    headers: { authorization: `Bearer ${employer.owner.token}` },
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

const vacancyCount = async () =>
  (
    await api.dataSource.query(`select count(*)::int as n from vacancies where employer_id = $1`, [
      employer.id,
    ])
  )[0].n as number;

function goodRow(i: number): string[] {
  const row: Record<string, string | number> = {
    title: `包装工${i}`,
    occupation: '普工',
    kind: '全职',
    headcount: 2,
    payMin: 3500,
    payMax: 4500,
    payUnit: '月',
    township: '文峰镇',
    address: '城东园区',
    contactName: '王主管',
    contactPhone: '13912345678',
    startDate: daysFromToday(0),
    expiresAt: daysFromToday(30),
    description: `第${i}条包装线，负责成品包装和装箱，有师傅带教`,
  };
  return IMPORT_COLUMNS.map((c) => String(row[c.key] ?? ''));
}

async function workbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('岗位');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (let i = 1; i <= rows; i++) sheet.addRow(goodRow(i));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** 300 MB of one letter: deflate packs it about 1000 to 1 (the 293 KB → 300 MB). */
function expandsTo300Mb(head: string, tail: string): Buffer {
  return Buffer.concat([Buffer.from(head), Buffer.alloc(300 * MIB, 'A'), Buffer.from(tail)]);
}

/** Short distinct strings: exceljs keeps each as an object, the most heap per unpacked byte. */
function manySharedStrings(count: number): Buffer {
  const items: string[] = [];
  for (let i = 0; i < count; i++) items.push(`<si><t>${i.toString(36)}</t></si>`);
  return Buffer.from(`<sst xmlns="${MAIN_NS}">${items.join('')}</sst>`);
}

async function probes(): Promise<Probe[]> {
  const header = IMPORT_COLUMNS.map((c) => c.header).join(',');
  const legit = await workbook(20);
  const manySheets = Array.from({ length: 3000 }, () => sheetXml(''));
  const [sheetHead, sheetTail] = sheetXml('|').split('|');
  return [
    {
      name: 'xfd-dimension.xlsx: only cell at XFD1048576, dimension says so',
      file: buildXlsx([
        sheetXml(`<row r="1048576">${inlineCell('XFD1048576', 'x')}</row>`, 'XFD1048576'),
      ]),
      status: 400,
      code: 'import_sheet_too_large',
      message: /表格范围 XFD1048576 超出限制/,
    },
    {
      name: 'xfd-no-dimension.xlsx: only cell at XFD1048576, no dimension element',
      file: buildXlsx([sheetXml(`<row r="1048576">${inlineCell('XFD1048576', 'x')}</row>`)]),
      status: 400,
      code: 'import_sheet_too_large',
      message: /第 1048576 行/,
    },
    {
      name: 'shared-strings-bomb.xlsx: sharedStrings.xml expands to 300 MB',
      file: buildXlsx(
        [sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)],
        [
          {
            name: 'xl/sharedStrings.xml',
            content: expandsTo300Mb(`<sst xmlns="${MAIN_NS}"><si><t>`, '</t></si></sst>'),
          },
        ],
      ),
      status: 413,
      code: 'import_unpacked_too_large',
      message: /解压后过大.*压缩炸弹/,
    },
    {
      name: 'lying-sheet-bomb.xlsx: sheet declares 4 KB, expands to 300 MB',
      file: buildXlsx([
        {
          content: expandsTo300Mb(
            `${sheetHead}<row r="1"><c r="A1" t="inlineStr"><is><t>`,
            `</t></is></c></row>${sheetTail}`,
          ),
          declaredSize: 4096,
        },
      ]),
      status: 400,
      code: 'import_unreadable',
      message: /无法读取该 Excel 文件/,
    },
    {
      name: 'million-rows.csv: a header and a million one-letter rows (2 MB)',
      file: Buffer.from(`${header}\n${'x\n'.repeat(1_000_000)}`),
      status: 400,
      code: 'import_too_many_rows',
      message: /一次最多导入 2000 行/,
    },
    {
      name: 'million-commas.csv: one line of a million commas',
      file: Buffer.from(`${header}\n${','.repeat(1_000_000)}x\n`),
      status: 400,
      code: 'import_sheet_too_large',
      message: /超过 100 列/,
    },
    {
      name: 'truncated.xlsx: a real workbook cut in half',
      file: legit.subarray(0, Math.floor(legit.length / 2)),
      status: 400,
      code: 'import_unreadable',
      message: /文件不完整或已损坏/,
    },
    {
      name: 'garbage.xlsx: a zip signature followed by noise',
      file: Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(64 * 1024, 0x5a)]),
      status: 400,
      code: 'import_unreadable',
      message: /文件不完整或已损坏/,
    },
    {
      name: 'many-sheets.xlsx: 3,000 worksheets',
      file: buildXlsx(manySheets),
      status: 400,
      code: 'import_too_many_sheets',
      message: /3000 个工作表，最多 32 个/,
    },
    {
      name: 'heavy-shared-strings.xlsx: 1.6 million distinct shared strings, 30 MB unpacked, inside every declared limit',
      file: buildXlsx(
        [sheetXml(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)],
        [{ name: 'xl/sharedStrings.xml', content: manySharedStrings(1_600_000) }],
      ),
      // Read in full (the heaviest file the limits let through), then its header is wrong.
      status: 400,
      code: 'import_missing_columns',
      message: /文件缺少必填列/,
    },
    {
      name: 'too-many-rows.xlsx: a real workbook of 2,500 rows',
      file: await workbook(2500),
      status: 400,
      code: 'import_too_many_rows',
      message: /一次最多导入 2000 行/,
    },
  ];
}

describe('hostile uploads to the vacancy import', () => {
  test('each is a 4xx with a Chinese message within seconds, writes nothing, and raises API memory by less than the stated bound', async () => {
    const pid = server.pid!;
    const before = await vacancyCount();
    for (const probe of await probes()) {
      const name = probe.name.split(':')[0];
      resetPeakMemory(pid);
      const start = processMemory(pid).rss;
      const started = Date.now();
      const answer = await upload(probe.file, name);
      const took = Date.now() - started;
      const growth = (processMemory(pid).peak - start) / MIB;
      console.log(
        `${name} ${(probe.file.length / 1024).toFixed(0)} KB → ${answer.status} ${answer.body.code} in ${took} ms, RSS +${growth.toFixed(0)} MiB`,
      );
      assert.equal(answer.status, probe.status, `${probe.name}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.code, probe.code, probe.name);
      assert.match(answer.body.message, probe.message, probe.name);
      assert.ok(took < ANSWER_WITHIN_MS, `${probe.name}: answered in ${took} ms`);
      assert.ok(growth < MEMORY_BOUND_MIB, `${probe.name}: API RSS grew ${growth.toFixed(0)} MiB`);
    }
    assert.equal(await vacancyCount(), before, 'no vacancy written');
    const live = await fetch(`${server.baseUrl}/health/live`);
    assert.equal(live.status, 200, 'the API still answers');
  });

  test('after the probes the same API still imports a real workbook', async () => {
    const before = await vacancyCount();
    const answer = await upload(await workbook(30), 'jobs.xlsx');
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.equal(answer.body.imported, 30);
    assert.equal(await vacancyCount(), before + 30);
  });
});

describe('multipart limits', () => {
  async function send(form: FormData) {
    const response = await fetch(`${server.baseUrl}/api/employer/vacancy-imports?mode=row_by_row`, {
      method: 'POST',
      headers: { authorization: `Bearer ${employer.owner.token}` },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }
  const csv = () =>
    new Blob([`${IMPORT_COLUMNS.map((c) => c.header).join(',')}\n${goodRow(1).join(',')}\n`]);

  test('two files, too many fields or an over-long field are refused with a 4xx in Chinese, importing nothing', async () => {
    const before = await vacancyCount();
    const twoFiles = new FormData();
    twoFiles.append('file', csv(), 'a.csv');
    twoFiles.append('file', csv(), 'b.csv');
    const manyFields = new FormData();
    for (let i = 0; i < 30; i++) manyFields.append(`f${i}`, 'x');
    manyFields.append('file', csv(), 'a.csv');
    const longField = new FormData();
    longField.append('note', 'x'.repeat(2 * MIB));
    longField.append('file', csv(), 'a.csv');
    const cases = [
      [twoFiles, 'too_many_files', /一次只能上传 1 个文件/],
      [manyFields, 'too_many_fields', /表单字段太多/],
      [longField, 'field_too_long', /表单字段过长/],
    ] as const;
    for (const [form, code, message] of cases) {
      const answer = await send(form);
      assert.equal(answer.status, 413, JSON.stringify(answer.body));
      assert.equal(answer.body.code, code);
      assert.match(answer.body.message, message);
    }
    assert.equal(await vacancyCount(), before);
  });
});
