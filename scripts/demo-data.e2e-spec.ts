import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { createLogger } from '@jipin/core';
import {
  createStaffUser,
  FUTIAN,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestUser,
} from '@jipin/testing';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoDataOnFirstRun } from './seed-demo';

let api: TestApi;
let staff: TestUser;

beforeAll(async () => {
  api = await TestApi.start('demo_data');
  const seeded = await seedDemoDataOnFirstRun(
    api.config,
    api.database.url,
    createLogger('warn', 'demo-test'),
    true,
  );
  assert.ok(seeded, 'the demo data was loaded into the empty database');
  staff = await createStaffUser(api);
});
afterAll(async () => api?.close());

const count = async (sql: string) => (await api.dataSource.query(sql))[0].n as number;

test('staff see the demo data and remove it with what hangs on it; real records stay', async () => {
  const shown = await api.get('/api/staff/demo-data', { token: staff.token });
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  assert.equal(shown.body.counts.fairs, 3);
  assert.ok(shown.body.counts.vacancies > 0 && shown.body.counts.employers > 0);
  assert.ok(shown.body.counts.seeker_profiles > 0);
  assert.equal(shown.body.staffAccounts.length, DEMO_ACCOUNTS.length);

  // The bureau's own records, some of them touching demo data.
  const employer = await registerEmployer(api, { staff });
  const realVacancy = await publishVacancy(api, employer);
  const seeker = await registerSeekerWithProfile(api);
  const [demoVacancy] = await api.dataSource.query(
    `select v.id from vacancies v join demo_records d on d.record_id = v.id
      where v.kind = 'regular' and v.status = 'published' limit 1`,
  );
  const applied = await api.post(
    '/api/applications',
    { vacancyId: demoVacancy.id },
    { token: seeker.token },
  );
  assert.equal(applied.status, 201, JSON.stringify(applied.body));

  const window = await createStaffUser(api, { townshipCode: FUTIAN });
  const refused = await api.delete('/api/staff/demo-data', { token: window.token });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 'county_staff_only');

  const removed = await api.delete('/api/staff/demo-data', { token: staff.token });
  assert.equal(removed.status, 200, JSON.stringify(removed.body));
  assert.equal(removed.body.counts.fairs, 3, 'the answer says what was removed');
  assert.equal(await count(`select count(*)::int as n from fairs`), 0);
  assert.equal(
    await count(`select count(*)::int as n from vacancies where employer_id <> '${employer.id}'`),
    0,
  );
  assert.equal(await count(`select count(*)::int as n from placement_intents`), 0);
  const after = await api.get('/api/staff/demo-data', { token: staff.token });
  assert.deepEqual(
    { ...after.body.counts, users: 0 },
    { users: 0, employers: 0, vacancies: 0, fairs: 0, seeker_profiles: 0 },
  );
  const year = new Date().getFullYear();
  const figures = await api.get(
    `/api/staff/statistics/indicators?from=${year}-01-01&to=${year}-12-31`,
    { token: staff.token },
  );
  assert.equal(figures.body.find((i: { code: string }) => i.code === 'fairs_held').value, 0);

  const kept = await api.get(`/api/vacancies/${realVacancy}`);
  assert.equal(kept.status, 200, 'a real vacancy is not touched');
  const mine = await api.get('/api/seekers/me', { token: seeker.token });
  assert.equal(mine.status, 200, 'a real seeker keeps their résumé');
  const demoStaff = await api.post('/api/auth/login', {
    phone: DEMO_ACCOUNTS[1].phone,
    password: DEMO_PASSWORD,
  });
  assert.equal(demoStaff.status, 200, 'staff logins stay (the person removing may use one)');

  const again = await api.delete('/api/staff/demo-data', { token: staff.token });
  assert.equal(again.status, 200);
  assert.equal(again.body.counts.fairs, 0);
});
