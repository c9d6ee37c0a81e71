import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import { withCreditCheckChar, withIdCheckDigit } from '@jipin/core';
import { createStaffUser, FUTIAN, TestApi, TestUser, uploadFile, WENFENG } from '@jipin/testing';
import { ledgerWorkbook } from '../../../scripts/ledger/ledger-year';

/**
 * 公益性岗位补贴 from records: two people in public-welfare posts of different
 * standards, one who left in February, one hired mid-March; a hire in an
 * ordinary post earns nothing.
 */
let api: TestApi;
let county: TestUser;

const ID_A = withIdCheckDigit('36082219700315102'); // 文峰镇, 脱贫劳动力, 1000/month from 2025-03-16
const ID_B = withIdCheckDigit('36082219750820204'); // 阜田镇, 监测对象, 1500/month 2025-01-01 to 02-14
const ID_C = withIdCheckDigit('36082219900101301'); // an ordinary post
const CREDIT = withCreditCheckChar('91360822MA35AB77Q');
const BASE = '/api/staff/public-welfare-subsidies';
const YEAR = 'from=2025-01-01&to=2025-12-31';

const person = (idNumber: string, name: string, township: string, keyGroups: string) => ({
  idNumber,
  name,
  household: '农村',
  township,
  registeredOn: '2025-01-01',
  status: '失业',
  keyGroups,
});
const post = (postNumber: string, kind: string, township: string, subsidy: number | '') => ({
  creditCode: CREDIT,
  postNumber,
  title: kind === '公益性岗位' ? '乡村保洁员' : '装配工',
  occupation: '6-25-04-01',
  kind,
  headcount: 5,
  payMin: 1000,
  payMax: 1500,
  payUnit: '月',
  township,
  publishedOn: '2025-01-01',
  expiresOn: '2025-12-31',
  keyGroups: kind === '公益性岗位' ? '脱贫劳动力、监测对象' : '',
  monthlySubsidy: subsidy,
});

beforeAll(async () => {
  api = await TestApi.start('welfare_subsidies');
  county = await createStaffUser(api);
  const file = await ledgerWorkbook({
    people: [
      person(ID_A, '王秀兰', '文峰镇', '脱贫劳动力'),
      person(ID_B, '李建国', '阜田镇', '监测对象'),
      person(ID_C, '张伟', '文峰镇', ''),
    ],
    employers: [
      {
        creditCode: CREDIT,
        name: '吉水县城乡环卫服务中心',
        industry: '公共管理',
        township: '文峰镇',
        address: '文峰镇1号',
        contactName: '刘主任',
        contactPhone: '13800001111',
      },
    ],
    posts: [
      post('GY1', '公益性岗位', '文峰镇', 1000),
      post('GY2', '公益性岗位', '阜田镇', 1500),
      post('PT1', '全职', '文峰镇', ''),
    ],
    placements: [
      { idNumber: ID_A, creditCode: CREDIT, postNumber: 'GY1', hiredOn: '2025-03-16' },
      {
        idNumber: ID_B,
        creditCode: CREDIT,
        postNumber: 'GY2',
        hiredOn: '2025-01-01',
        leftOn: '2025-02-14',
      },
      { idNumber: ID_C, creditCode: CREDIT, postNumber: 'PT1', hiredOn: '2025-02-01' },
    ],
  });
  const res = await uploadFile(
    api,
    '/api/staff/ledger-imports?mode=all_or_nothing',
    file,
    'ledger.xlsx',
    county.token,
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
});
afterAll(async () => api.close());

describe('public-welfare post subsidies', () => {
  test('each person and month in post: the standard for the days in post, summed per month, township and key group', async () => {
    const res = await api.get(`${BASE}?${YEAR}`, { token: county.token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // A: 16/31 of March, then April to December in full; B: January, and 14/28 of February.
    assert.equal(res.body.amount, 11766.13);
    assert.equal(res.body.people, 2);
    assert.equal(res.body.personMonths, 10 + 2);
    const month = (m: string) =>
      res.body.byMonth.find((b: { month: string }) => b.month === m)?.amount;
    assert.equal(month('2025-01'), 1500);
    assert.equal(month('2025-02'), 750);
    assert.equal(month('2025-03'), 516.13);
    const township = (name: string) =>
      res.body.byTownship.find((b: { townshipName: string }) => b.townshipName === name)?.amount;
    assert.equal(township('文峰镇'), 9516.13);
    assert.equal(township('阜田镇'), 2250);
    const group = (code: string) =>
      res.body.byKeyGroup.find((b: { code: string }) => b.code === code)?.amount;
    assert.equal(group('poverty_alleviated'), 9516.13);
    assert.equal(group('monitored'), 2250);
    const march = res.body.items.find(
      (i: { month: string; name: string }) => i.month === '2025-03',
    );
    assert.equal(march.daysInPost, 16);
    assert.equal(march.daysInMonth, 31);
    assert.equal(march.standard, 1000);
    assert.match(march.idNumber, /^3608\*{13}.$/);
    assert.ok(!JSON.stringify(res.body).includes(ID_A));
  });

  test('a period, a township, a key group; window staff see only their township', async () => {
    const quarter = await api.get(`${BASE}?from=2025-01-01&to=2025-03-31`, { token: county.token });
    assert.equal(quarter.body.amount, 2766.13);
    const group = await api.get(`${BASE}?${YEAR}&keyGroup=monitored`, { token: county.token });
    assert.equal(group.body.amount, 2250);
    const futian = await createStaffUser(api, { townshipCode: FUTIAN });
    const own = await api.get(`${BASE}?${YEAR}`, { token: futian.token });
    assert.equal(own.body.amount, 2250);
    const other = await api.get(`${BASE}?${YEAR}&townshipCode=${WENFENG}`, { token: futian.token });
    assert.equal(other.status, 403);
  });

  test('the report paragraph says the subsidies paid', async () => {
    const res = await api.get(`/api/staff/statistics/report-text?${YEAR}`, { token: county.token });
    assert.match(res.body.text, /发放岗位补贴1\.18万元/);
  });

  test('the payment list: .xlsx, IDs masked, each person logged as exported', async () => {
    const res = await fetch(
      `${api.baseUrl}${BASE}/export?${YEAR}&purpose=发放2025年公益性岗位补贴`,
      {
        headers: { authorization: `Bearer ${county.token}` },
      },
    );
    assert.equal(res.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    assert.equal(sheet.name, '公益性岗位补贴发放名单');
    const cells = sheet.getSheetValues().flat().map(String).join('|');
    assert.ok(!cells.includes(ID_A) && !cells.includes(ID_B), 'full ID numbers in the list');
    assert.match(cells, /王秀兰/);
    assert.equal(sheet.lastRow!.getCell(14).value, 11766.13);
    const logged = await api.dataSource.query(
      `select count(distinct subject_profile_id)::int as n from pii_access_log
        where field = 'export' and route = 'GET /api/staff/public-welfare-subsidies/export'
          and purpose = '发放2025年公益性岗位补贴'`,
    );
    assert.equal(logged[0].n, 2);
  });

  test('a wrong period is a 400 in Chinese', async () => {
    const res = await api.get(`${BASE}?from=2025-12-31&to=2025-01-01`, { token: county.token });
    assert.equal(res.status, 400);
    assert.match(JSON.stringify(res.body), /结束日期不能早于开始日期/);
  });
});
