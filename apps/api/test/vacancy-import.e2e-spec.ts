import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import {
  createStaffUser,
  daysFromToday,
  OTHER_TOWNSHIP,
  registerEmployer,
  TestApi,
  TestEmployer,
  TestUser,
  uploadFile,
} from '@jipin/testing';
import { IMPORT_COLUMNS } from '@jipin/vacancies';

let api: TestApi;
let staff: TestUser;
let employer: TestEmployer;

beforeAll(async () => {
  api = await TestApi.start('vacancy_import');
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
});
afterAll(async () => api.close());

type Row = Record<string, string | number>;

function goodRow(i: number): Row {
  return {
    title: `装配工${i}号线`,
    occupation: i % 2 ? '电子设备装配工' : '普工',
    kind: '全职',
    headcount: 5,
    payMin: 3800,
    payMax: 5500,
    payUnit: '月',
    education: '初中',
    ageMin: 18,
    ageMax: 50,
    experienceYears: 0,
    welfareTags: '五险一金、包吃',
    shiftPattern: '两班倒',
    township: '文峰镇',
    address: '城西工业园区',
    contactName: '李主管',
    contactPhone: '13912345678',
    startDate: daysFromToday(0),
    expiresAt: daysFromToday(45),
    description: `第${i}条生产线，负责电子产品装配和检验，有师傅带教`,
    requirements: '身体健康',
  };
}

/** 50 rows; rows 7, 20 and 33 of the data (file lines 8, 21, 34) are bad. */
function fiftyRows(): Row[] {
  const rows = Array.from({ length: 50 }, (_, i) => goodRow(i + 1));
  rows[6] = { ...rows[6], requirements: '限男性' };
  rows[19] = { ...rows[19], payMin: 6000, payMax: 4000 };
  rows[32] = { ...rows[32], township: '北京市', expiresAt: '2020-01-01' };
  return rows;
}

async function xlsx(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('岗位');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(IMPORT_COLUMNS.map((c) => row[c.key] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: Row[]): Buffer {
  const quote = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  const lines = [
    IMPORT_COLUMNS.map((c) => quote(c.header)).join(','),
    ...rows.map((row) => IMPORT_COLUMNS.map((c) => quote(row[c.key])).join(',')),
  ];
  return Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8');
}

const countOf = async (employerId: string) =>
  (
    await api.dataSource.query(`select count(*)::int as n from vacancies where employer_id = $1`, [
      employerId,
    ])
  )[0].n as number;

describe('bulk import', () => {
  test('the template downloads as .xlsx with Chinese headers', async () => {
    const response = await fetch(`${api.baseUrl}/api/vacancy-imports/template`, {
      headers: { authorization: `Bearer ${employer.owner.token}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const headers = (workbook.worksheets[0].getRow(1).values as string[]).filter(Boolean);
    assert.ok(headers.includes('岗位名称*') && headers.includes('计薪单位*'));
    assert.equal(workbook.worksheets[0].rowCount, 2, 'headers and one example row');
  });

  test('all_or_nothing: 3 bad rows of 50 import nothing and each bad line is listed with its reasons', async () => {
    const before = await countOf(employer.id);
    const response = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=all_or_nothing',
      await xlsx(fiftyRows()),
      'jobs.xlsx',
      employer.owner.token,
    );
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'import_has_errors');
    assert.deepEqual(
      response.body.details.map((d: { line: number }) => d.line),
      [8, 21, 34],
    );
    const [gender, pay, place] = response.body.details;
    assert.match(gender.reasons.join(), /性别/);
    assert.match(pay.reasons.join(), /最低薪资（6000）不能高于最高薪资（4000）/);
    assert.match(place.reasons.join(), /工作乡镇/);
    assert.match(place.reasons.join(), /截止日期/);
    assert.equal(await countOf(employer.id), before);
  });

  test('row_by_row: the 47 good rows are imported, the 3 bad listed; uploading again creates no duplicates', async () => {
    const file = await xlsx(fiftyRows());
    const before = await countOf(employer.id);
    const first = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=row_by_row',
      file,
      'jobs.xlsx',
      employer.owner.token,
    );
    assert.equal(first.status, 201);
    assert.equal(first.body.totalRows, 50);
    assert.equal(first.body.imported, 47);
    assert.equal(first.body.published, 47);
    assert.deepEqual(
      first.body.errors.map((e: { line: number }) => e.line),
      [8, 21, 34],
    );
    assert.equal(await countOf(employer.id), before + 47);
    const events = await api.dataSource.query(
      `select count(*)::int as n from outbox_events where type = 'vacancy.changed' and aggregate_id = any($1)`,
      [first.body.vacancyIds],
    );
    assert.equal(events[0].n, 47, 'one outbox event per imported vacancy');

    const again = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=row_by_row',
      file,
      'jobs-again.xlsx',
      employer.owner.token,
    );
    assert.equal(again.status, 201);
    assert.equal(again.body.imported, 0);
    assert.equal(again.body.duplicates, 47);
    assert.equal(await countOf(employer.id), before + 47);

    const allAgain = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=all_or_nothing',
      await xlsx(fiftyRows().filter((_, i) => ![6, 19, 32].includes(i))),
      'fixed.xlsx',
      employer.owner.token,
    );
    assert.equal(allAgain.status, 201);
    assert.equal(allAgain.body.imported, 0, 'the fixed file repeats rows already imported');
    assert.equal(await countOf(employer.id), before + 47);
  });

  test('a .csv file (UTF-8 with BOM, as Excel saves it) imports the same way', async () => {
    const other = await registerEmployer(api, { staff });
    const rows = [goodRow(1), { ...goodRow(2), description: '工作地点在园区，需交报名费50元' }];
    const response = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=row_by_row',
      csv(rows),
      'jobs.csv',
      other.owner.token,
    );
    assert.equal(response.status, 201);
    assert.equal(response.body.imported, 1);
    assert.equal(response.body.errors[0].line, 3);
    assert.match(response.body.errors[0].reasons[0], /^岗位描述：.*报名费/);
  });

  test('staff import for a chosen employer; township staff only for employers of their township', async () => {
    const target = await registerEmployer(api, { staff });
    const outsider = await createStaffUser(api, { townshipCode: OTHER_TOWNSHIP });
    const file = await xlsx([goodRow(1), goodRow(2)]);
    const denied = await uploadFile(
      api,
      `/api/staff/employers/${target.id}/vacancy-imports?mode=all_or_nothing`,
      file,
      'fair.xlsx',
      outsider.token,
    );
    assert.equal(denied.status, 404);
    const done = await uploadFile(
      api,
      `/api/staff/employers/${target.id}/vacancy-imports?mode=all_or_nothing`,
      file,
      'fair.xlsx',
      staff.token,
    );
    assert.equal(done.status, 201);
    assert.equal(done.body.imported, 2);
    assert.equal(await countOf(target.id), 2);
  });

  test('a file over 1 MB is read; one over the 5 MB upload limit is a 413', async () => {
    const long = '负责生产线装配、检验和包装，按作业指导书操作。'.repeat(40);
    const rows: Row[] = Array.from({ length: 800 }, (_, i) => ({
      ...goodRow(i),
      description: long,
    }));
    rows[799] = { ...rows[799], payUnit: '年' };
    const big = csv(rows);
    assert.ok(big.length > 1024 * 1024);
    const parsed = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=all_or_nothing',
      big,
      'big.csv',
      employer.owner.token,
    );
    assert.equal(parsed.status, 422);
    assert.deepEqual(
      parsed.body.details.map((d: { line: number }) => d.line),
      [801],
    );
    const tooBig = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=row_by_row',
      Buffer.alloc(6 * 1024 * 1024, 'a'),
      'huge.csv',
      employer.owner.token,
    );
    assert.equal(tooBig.status, 413);
    assert.equal(tooBig.body.code, 'file_too_large');
  });

  test('only .xlsx and .csv are taken, by name and by content: an image, an executable renamed .xlsx or a binary .csv is a 415 and imports nothing', async () => {
    const before = await countOf(employer.id);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const elf = Buffer.concat([Buffer.from('7f454c46', 'hex'), Buffer.alloc(64)]);
    const attempts: [Buffer, string][] = [
      [png, 'photo.png'],
      [elf, 'jobs.xlsx'],
      [Buffer.concat([Buffer.from('岗位名称*,', 'utf8'), Buffer.alloc(8)]), 'jobs.csv'],
      [await xlsx([goodRow(1)]), 'jobs.exe'],
    ];
    for (const [file, name] of attempts) {
      const response = await uploadFile(
        api,
        '/api/employer/vacancy-imports?mode=row_by_row',
        file,
        name,
        employer.owner.token,
      );
      assert.equal(response.status, 415, name);
      assert.equal(response.body.code, 'file_type_not_allowed');
      assert.match(response.body.message, /只能上传 Excel \(\.xlsx\)、CSV 文件/);
    }
    assert.equal(await countOf(employer.id), before);
  });

  test('a missing mode, a file without the required columns, or no file is a clear 400', async () => {
    const noMode = await uploadFile(
      api,
      '/api/employer/vacancy-imports',
      await xlsx([goodRow(1)]),
      'a.xlsx',
      employer.owner.token,
    );
    assert.equal(noMode.status, 400);
    const wrongColumns = await uploadFile(
      api,
      '/api/employer/vacancy-imports?mode=row_by_row',
      Buffer.from('名称,薪资\n普工,4000\n'),
      'a.csv',
      employer.owner.token,
    );
    assert.equal(wrongColumns.status, 400);
    assert.equal(wrongColumns.body.code, 'import_missing_columns');
    const noFile = await api.post(
      '/api/employer/vacancy-imports?mode=row_by_row',
      {},
      {
        token: employer.owner.token,
      },
    );
    assert.equal(noFile.status, 400);
    assert.equal(noFile.body.code, 'file_required');
  });
});
