import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import * as ExcelJS from 'exceljs';
import {
  createStaffUser,
  FUTIAN,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestUser,
  WENFENG,
} from '@jipin/testing';
import { chinaToday } from '@jipin/seekers';

/** The statistics API over a small county: scope rules, targets, exports and bad input. */
let api: TestApi;
let staff: TestUser;
let futianStaff: TestUser;
const year = chinaToday().slice(0, 4);
const period = `from=${year}-01-01&to=${year}-12-31`;

beforeAll(async () => {
  api = await TestApi.start('statistics', { RATE_LIMIT_EXPORT: '4' });
  staff = await createStaffUser(api);
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  const employer = await registerEmployer(api, { staff });
  await publishVacancy(api, employer, { headcount: 20 });
  await publishVacancy(api, employer, { headcount: 15, title: '包装工' });
  for (let i = 0; i < 3; i++) await registerSeekerWithProfile(api, { townshipCode: FUTIAN });
  await registerSeekerWithProfile(api, {
    townshipCode: WENFENG,
    villageCode: undefined,
    employmentStatus: 'employed',
  });
});
afterAll(async () => api?.close());

const valueOf = (rows: { code: string; value: number | null }[], code: string) =>
  rows.find((r) => r.code === code)?.value;

describe('statistics', () => {
  test('indicators come from the records: vacancies, positions, seekers and 求人倍率', async () => {
    const response = await api.get(`/api/staff/statistics/indicators?${period}`, {
      token: staff.token,
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.equal(valueOf(response.body, 'vacancies_registered'), 2);
    assert.equal(valueOf(response.body, 'positions_registered'), 35);
    assert.equal(valueOf(response.body, 'seekers_registered'), 4);
    assert.equal(valueOf(response.body, 'registered_unemployed'), 3);
    assert.equal(valueOf(response.body, 'supply_demand_ratio'), 11.67, '35 positions / 3 seekers');
    assert.equal(valueOf(response.body, 'zero_employment_family_placement_rate'), null);

    const occupations = await api.get(`/api/staff/statistics/occupations?${period}`, {
      token: staff.token,
    });
    const assembler = occupations.body.find((o: { code: string }) => o.code === '6-25-04-01');
    assert.deepEqual(
      { demand: assembler.demand, supply: assembler.supply, ratio: assembler.ratio },
      { demand: 35, supply: 0, ratio: null },
    );
    assert.equal(occupations.body.find((o: { code: string }) => o.code === '6-18-02-04').supply, 3);
  });

  test('window staff see their own township only and may not set targets', async () => {
    const own = await api.get(`/api/staff/statistics/indicators?${period}`, {
      token: futianStaff.token,
    });
    assert.equal(own.status, 200);
    assert.equal(valueOf(own.body, 'seekers_registered'), 3, 'the Wenfeng seeker is not theirs');
    const other = await api.get(
      `/api/staff/statistics/indicators?${period}&townshipCode=${WENFENG}`,
      {
        token: futianStaff.token,
      },
    );
    assert.equal(other.status, 403);
    const target = await api.put(
      '/api/staff/statistics/figures',
      { year: Number(year), indicator: 'urban_new_employment', kind: 'target', value: 10 },
      { token: futianStaff.token },
    );
    assert.equal(target.status, 403);
    assert.equal(target.body.code, 'county_staff_only');
  });

  test('a target entered by county staff gives the completion rate; entering it again replaces it', async () => {
    for (const value of [10, 8]) {
      const set = await api.put(
        '/api/staff/statistics/figures',
        { year: Number(year), indicator: 'vacancies_registered', kind: 'target', value },
        { token: staff.token },
      );
      assert.equal(set.status, 400, 'vacancies registered has no yearly target');
      const ok = await api.put(
        '/api/staff/statistics/figures',
        { year: Number(year), indicator: 'public_welfare_posts', kind: 'target', value },
        { token: staff.token },
      );
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    }
    const figures = await api.get(`/api/staff/statistics/figures?year=${year}`, {
      token: staff.token,
    });
    assert.deepEqual(
      figures.body.map((f: { indicator: string; value: number }) => [f.indicator, f.value]),
      [['public_welfare_posts', 8]],
    );
    const indicators = await api.get(`/api/staff/statistics/indicators?${period}`, {
      token: staff.token,
    });
    const welfare = indicators.body.find(
      (r: { code: string }) => r.code === 'public_welfare_posts',
    );
    assert.deepEqual([welfare.value, welfare.target, welfare.completionRate], [0, 8, 0]);
  });

  test('monthly series add up to the year; a rate cannot be split by month', async () => {
    const monthly = await api.get(
      `/api/staff/statistics/monthly?${period}&indicator=positions_registered`,
      { token: staff.token },
    );
    assert.equal(monthly.status, 200);
    assert.equal(monthly.body.length, 12);
    assert.equal(
      monthly.body.reduce((sum: number, p: { value: number }) => sum + p.value, 0),
      35,
    );
    const rate = await api.get(
      `/api/staff/statistics/monthly?${period}&indicator=supply_demand_ratio`,
      { token: staff.token },
    );
    assert.equal(rate.status, 400);
    assert.equal(rate.body.code, 'not_monthly');
  });

  test('exports: .xlsx with the main table, by township and 求人倍率; .csv with a BOM for Excel', async () => {
    const xlsx = await fetch(`${api.baseUrl}/api/staff/statistics/export?${period}&format=xlsx`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    assert.equal(xlsx.status, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      ['主要指标', '分乡镇', '求人倍率', '文字说明'],
    );
    const main = workbook.getWorksheet('主要指标')!;
    const rows = main.getSheetValues().filter(Boolean) as unknown[][];
    const seekers = rows.find((r) => r.includes('登记求职人数'))!;
    assert.equal(seekers[4], 4);
    assert.equal(workbook.getWorksheet('分乡镇')!.rowCount, 19, 'header + 18 townships');

    const csv = await fetch(`${api.baseUrl}/api/staff/statistics/export?${period}&format=csv`, {
      headers: { authorization: `Bearer ${staff.token}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /序号,指标,单位,本期完成,年度目标,完成率\(%\)/);
  });

  test('exports are rate limited per person', async () => {
    let last = 0;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(
        `${api.baseUrl}/api/staff/statistics/export?${period}&format=csv`,
        { headers: { authorization: `Bearer ${futianStaff.token}` } },
      );
      last = response.status;
      if (last === 429) break;
    }
    assert.equal(last, 200, 'four exports an hour are allowed');
    const fifth = await api.get(`/api/staff/statistics/export?${period}&format=csv`, {
      token: futianStaff.token,
    });
    assert.equal(fifth.status, 429);
    assert.equal(fifth.body.code, 'rate_limited');
  });

  test('bad periods, townships, groups and fields are a clear 400', async () => {
    const cases: [string, string][] = [
      [`from=${year}-12-31&to=${year}-01-01`, 'to'],
      [`from=2022-13-01&to=2022-12-31`, 'from'],
      [`from=2022/01/01&to=2022-12-31`, 'from'],
      [`${period}&townshipCode=360822999000`, 'townshipCode'],
      [`${period}&keyGroup=millionaires`, 'keyGroup'],
      [`${period}&status=published`, 'status'],
      [`from=2000-01-01&to=2030-12-31`, 'to'],
    ];
    for (const [query, field] of cases) {
      const response = await api.get(`/api/staff/statistics/indicators?${query}`, {
        token: staff.token,
      });
      assert.equal(response.status, 400, query);
      assert.ok(
        response.body.details.some((d: { field: string }) => d.field === field),
        `${query}: ${JSON.stringify(response.body)}`,
      );
    }
  });
});
