import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import {
  createStaffUser,
  FUTIAN,
  registerSeekerWithProfile,
  TestApi,
  TestSeeker,
  TestUser,
  WENFENG,
} from '@jipin/testing';

/** 求职者台账: staff list, filter and export the people registered in their scope. */
let api: TestApi;
let county: TestUser;
let futianStaff: TestUser;
const people: (TestSeeker & { townshipCode: string })[] = [];

beforeAll(async () => {
  api = await TestApi.start('seeker_ledger');
  county = await createStaffUser(api);
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  const plan = [
    { townshipCode: FUTIAN, employmentStatus: 'unemployed', household: 'rural', name: '李台账' },
    { townshipCode: FUTIAN, employmentStatus: 'employed', household: 'urban', name: '王台账' },
    { townshipCode: FUTIAN, employmentStatus: 'unemployed', household: 'urban', name: '张台账' },
    { townshipCode: WENFENG, employmentStatus: 'unemployed', household: 'rural', name: '赵台账' },
  ] as const;
  for (const p of plan) {
    const seeker = await registerSeekerWithProfile(api, {
      ...p,
      villageCode: undefined,
      desiredTownships: [p.townshipCode],
    });
    people.push({ ...seeker, townshipCode: p.townshipCode });
  }
  // 张台账 registered last year.
  await api.dataSource.query(
    `update seeker_profiles set created_at = now() - interval '400 days' where id = $1`,
    [people[2].profileId],
  );
  await api.post(
    `/api/staff/seekers/${people[0].profileId}/key-groups`,
    { code: 'poverty_alleviated' },
    { token: county.token },
  );
  await api.post(
    `/api/staff/seekers/${people[0].profileId}/key-groups/verify`,
    { code: 'poverty_alleviated', decision: 'verified' },
    { token: county.token },
  );
});
afterAll(async () => api?.close());

const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

test('staff filter the register by township, key group, status, registration date and name; masked', async () => {
  const list = (query: string, token = county.token) =>
    api.get(`/api/staff/seekers?${query}`, { token });
  assert.deepEqual(names((await list(`townshipCode=${FUTIAN}`)).body), [
    '张台账',
    '李台账',
    '王台账',
  ]);
  assert.deepEqual(names((await list('keyGroup=poverty_alleviated')).body), ['李台账']);
  assert.deepEqual(names((await list('keyGroup=rural_labour')).body), ['李台账', '赵台账']);
  assert.deepEqual(names((await list('status=employed')).body), ['王台账']);
  const thisYear = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 4);
  assert.deepEqual(
    names((await list(`registeredFrom=${thisYear}-01-01&townshipCode=${FUTIAN}`)).body).length,
    2,
  );
  assert.deepEqual(names((await list(`name=${encodeURIComponent('赵')}`)).body), ['赵台账']);
  assert.deepEqual(names((await list(`name=${encodeURIComponent('%')}`)).body), []);
  const bad = await list('status=rich&registeredFrom=2026-13-01');
  assert.equal(bad.status, 400);

  const one = (await list(`name=${encodeURIComponent('李台账')}`)).body.items[0];
  assert.ok(one.idNumber.includes('*') && !one.idNumber.includes(people[0].idNumber.slice(6, 14)));
  assert.ok(one.phone.includes('****'));
});

test('window staff see and export only their township; asking for another is refused', async () => {
  const own = await api.get('/api/staff/seekers', { token: futianStaff.token });
  assert.deepEqual(names(own.body), ['张台账', '李台账', '王台账']);
  const other = await api.get(`/api/staff/seekers?townshipCode=${WENFENG}`, {
    token: futianStaff.token,
  });
  assert.equal(other.status, 403);
  const otherExport = await api.get(`/api/staff/seekers/export?townshipCode=${WENFENG}`, {
    token: futianStaff.token,
  });
  assert.equal(otherExport.status, 403);
});

test('the export is an xlsx of the filtered people, masked, and each person exported is in the audit log', async () => {
  const response = await fetch(
    `${api.baseUrl}/api/staff/seekers/export?status=unemployed&purpose=${encodeURIComponent('就业援助月走访')}`,
    { headers: { authorization: `Bearer ${futianStaff.token}` } },
  );
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /spreadsheetml/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.getWorksheet('求职者台账')!;
  const rows: string[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 2) rows.push((row.values as unknown[]).slice(1).map(String));
  });
  assert.deepEqual(rows.map((r) => r[1]).sort(), ['张台账', '李台账']);
  const text = JSON.stringify(rows);
  for (const person of people) {
    assert.ok(!text.includes(person.idNumber), 'no full ID number');
    assert.ok(!text.includes(person.idNumber.slice(6, 14)), 'no birth-date digits');
    assert.ok(!text.includes(person.phone), 'no full phone');
  }
  assert.ok(rows.find((r) => r[1] === '李台账')![8].includes('脱贫劳动力'));

  const log = await api.get(`/api/staff/pii-access-log`, { token: county.token });
  const exported = log.body.items.filter(
    (l: { field: string; purpose: string }) =>
      l.field === 'export' && l.purpose === '就业援助月走访',
  );
  assert.deepEqual(
    exported.map((l: { subjectProfileId: string }) => l.subjectProfileId).sort(),
    [people[0].profileId, people[2].profileId].sort(),
  );
  const mine = await api.get('/api/seekers/me/pii-access-log', { token: people[0].token });
  assert.ok(
    mine.body.some((l: { field: string }) => l.field === 'export'),
    'the person can see it',
  );
});
