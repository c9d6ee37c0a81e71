import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { IdempotencyService } from '@jipin/core';
import {
  createFair,
  createStaffUser,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TEST_PASSWORD,
  TestApi,
  TestUser,
  uniquePhone,
} from '@jipin/testing';

let api: TestApi;
let admin: TestUser;
beforeAll(async () => {
  api = await TestApi.start('idempotency');
  admin = await createStaffUser(api, { role: 'admin' });
});
afterAll(async () => api.close());

const staffBody = () => ({
  phone: uniquePhone(),
  password: TEST_PASSWORD,
  name: '窗口人员',
  role: 'staff',
});

test('the same key and body give the same answer without doing it twice', async () => {
  const body = staffBody();
  const options = { token: admin.token, headers: { 'idempotency-key': 'create-staff-1' } };
  const first = await api.post('/api/admin/staff', body, options);
  const second = await api.post('/api/admin/staff', body, options);
  assert.equal(first.status, 201);
  assert.equal(second.status, 201);
  assert.deepEqual(second.body, first.body);
  assert.equal(second.headers.get('idempotent-replayed'), 'true');
  const [{ count }] = await api.dataSource.query(
    `select count(*)::int as count from users where role = 'staff'`,
  );
  assert.equal(count, 1);
});

test('the same key with another body is a 422', async () => {
  const options = { token: admin.token, headers: { 'idempotency-key': 'create-staff-2' } };
  assert.equal((await api.post('/api/admin/staff', staffBody(), options)).status, 201);
  const reused = await api.post('/api/admin/staff', staffBody(), options);
  assert.equal(reused.status, 422);
  assert.equal(reused.body.code, 'idempotency_key_reused');
});

test('the same key while the first request is still running is a 409', async () => {
  const body = staffBody();
  const hash = api.app.get(IdempotencyService).requestHash('POST', '/api/admin/staff', body);
  await api.dataSource.query(
    `insert into idempotency_keys (scope, key, request_hash, state) values ($1, 'busy-1', $2, 'in_flight')`,
    [`user:${admin.userId}`, hash],
  );
  const response = await api.post('/api/admin/staff', body, {
    token: admin.token,
    headers: { 'idempotency-key': 'busy-1' },
  });
  assert.equal(response.status, 409);
  assert.equal(response.body.code, 'idempotency_in_flight');
});

test('a request that failed can be retried with the same key', async () => {
  const body = { ...staffBody(), townshipCode: '999999999999' };
  const options = { token: admin.token, headers: { 'idempotency-key': 'fails-first' } };
  assert.equal((await api.post('/api/admin/staff', body, options)).status, 400);
  const fixed = { ...body, townshipCode: '360822101000' };
  assert.equal(
    (await api.post('/api/admin/staff', fixed, options)).status,
    201,
    'a different body is allowed after a failure',
  );
});

test('a malformed key is a 400', async () => {
  const response = await api.post('/api/admin/staff', staffBody(), {
    token: admin.token,
    headers: { 'idempotency-key': 'bad key with spaces' },
  });
  assert.equal(response.status, 400);
  assert.equal(response.body.code, 'invalid_idempotency_key');
});

test('applying with an Idempotency-Key: a retry replays the answer, another vacancy under the same key is a 422', async () => {
  const employer = await registerEmployer(api);
  const first = await publishVacancy(api, employer);
  const second = await publishVacancy(api, employer, { title: '包装工' });
  const seeker = await registerSeekerWithProfile(api);
  const options = { token: seeker.token, headers: { 'idempotency-key': 'apply-1' } };
  const applied = await api.post('/api/applications', { vacancyId: first }, options);
  const retried = await api.post('/api/applications', { vacancyId: first }, options);
  assert.equal(applied.status, 201);
  assert.deepEqual(retried.body, applied.body);
  assert.equal(retried.headers.get('idempotent-replayed'), 'true');
  const other = await api.post('/api/applications', { vacancyId: second }, options);
  assert.equal(other.status, 422);
  const [{ count }] = await api.dataSource.query(
    `select count(*)::int as count from applications where seeker_user_id = $1`,
    [seeker.userId],
  );
  assert.equal(count, 1, 'nothing was applied for under the reused key');
});

test('checking in with an Idempotency-Key: a retried scan replays the answer, another ticket under the same key is a 422', async () => {
  const staff = await createStaffUser(api);
  const fairId = await createFair(api, staff);
  const tickets = [];
  for (let i = 0; i < 2; i++) {
    const seeker = await registerSeekerWithProfile(api);
    const ticket = await api.post(
      `/api/fairs/${fairId}/registrations`,
      {},
      { token: seeker.token },
    );
    tickets.push(ticket.body.ticketCode as string);
  }
  const options = { token: staff.token, headers: { 'idempotency-key': 'door-1-scan-1' } };
  const url = `/api/staff/fairs/${fairId}/check-ins`;
  const first = await api.post(url, { ticketCode: tickets[0] }, options);
  const retried = await api.post(url, { ticketCode: tickets[0] }, options);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.deepEqual(retried.body, first.body);
  assert.equal(retried.headers.get('idempotent-replayed'), 'true');
  assert.equal((await api.post(url, { ticketCode: tickets[1] }, options)).status, 422);
});

test('a replay answers with the first answer’s own status: 200 for an intent that already existed', async () => {
  const staff = await createStaffUser(api);
  const vacancyId = await publishVacancy(api, await registerEmployer(api));
  const seeker = await registerSeekerWithProfile(api);
  const body = { seekerProfileId: seeker.profileId, vacancyId };
  const created = await api.post('/api/staff/intents', body, { token: staff.token });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const options = { token: staff.token, headers: { 'idempotency-key': 'intent-again-1' } };
  const existing = await api.post('/api/staff/intents', body, options);
  const replayed = await api.post('/api/staff/intents', body, options);
  assert.equal(existing.status, 200, 'the intent was there already');
  assert.equal(replayed.status, 200);
  assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(replayed.body, existing.body);
  const [stored] = await api.dataSource.query(
    `select response_status from idempotency_keys where scope = $1 and key = 'intent-again-1'`,
    [`user:${staff.userId}`],
  );
  assert.equal(stored.response_status, 200);
});
