import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import {
  createStaffUser,
  employerBody,
  OTHER_TOWNSHIP,
  registerEmployer,
  registerUser,
  TEST_TOWNSHIP,
  TestApi,
  TestUser,
  uniqueCreditCode,
} from '@jipin/testing';

let api: TestApi;
let staff: TestUser;

beforeAll(async () => {
  api = await TestApi.start('employers');
  staff = await createStaffUser(api);
});
afterAll(async () => api.close());

const count = async (table: string) =>
  (await api.dataSource.query(`select count(*)::int as n from ${table}`))[0].n as number;

describe('employer registration', () => {
  test('a recruiter registers a company, becomes its owner, and it waits for verification', async () => {
    const owner = await registerUser(api, 'employer');
    const body = employerBody();
    const created = await api.post('/api/employers', body, { token: owner.token });
    assert.equal(created.status, 201);
    assert.equal(created.body.status, 'pending');
    const phone = body.contactPhone as string;
    assert.equal(created.body.contactPhone, `${phone.slice(0, 3)}****${phone.slice(7)}`);
    const mine = await api.get('/api/employers/mine', { token: owner.token });
    assert.equal(mine.body.myRole, 'owner');
    const rows = await api.dataSource.query(`select * from employers where id = $1`, [
      created.body.id,
    ]);
    assert.ok(!JSON.stringify(rows).includes(phone), 'contact phone is stored encrypted');
  });

  test('a wrong credit code is a 400 with the reason in Chinese, and nothing is written', async () => {
    const owner = await registerUser(api, 'employer');
    const before = await count('employers');
    const good = uniqueCreditCode();
    const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const response = await api.post('/api/employers', employerBody({ creditCode: wrongCheck }), {
      token: owner.token,
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'invalid_credit_code');
    assert.equal(response.body.message, '统一社会信用代码校验位不正确，请核对是否输错');
    assert.equal(response.body.details[0].field, 'creditCode');
    assert.equal(await count('employers'), before);
  });

  test('the same company registered twice is refused with 409', async () => {
    const creditCode = uniqueCreditCode();
    const first = await registerUser(api, 'employer');
    const second = await registerUser(api, 'employer');
    assert.equal(
      (await api.post('/api/employers', employerBody({ creditCode }), { token: first.token }))
        .status,
      201,
    );
    const before = await count('employers');
    const duplicate = await api.post(
      '/api/employers',
      employerBody({ creditCode: creditCode.toLowerCase() }),
      { token: second.token },
    );
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.code, 'duplicate_company');
    assert.equal(await count('employers'), before);
  });

  test('a township outside the county is refused', async () => {
    const owner = await registerUser(api, 'employer');
    const response = await api.post(
      '/api/employers',
      employerBody({ townshipCode: '110101001000' }),
      { token: owner.token },
    );
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'unknown_township');
  });

  test('a seeker cannot register a company', async () => {
    const seeker = await registerUser(api, 'seeker');
    const response = await api.post('/api/employers', employerBody(), { token: seeker.token });
    assert.equal(response.status, 403);
  });

  test('a user belongs to at most one employer', async () => {
    const { owner } = await registerEmployer(api, { verified: false });
    const again = await api.post('/api/employers', employerBody(), { token: owner.token });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'already_member');
  });
});

describe('staff verification', () => {
  test('staff verify a pending employer and who/when is recorded, with an outbox event', async () => {
    const { id } = await registerEmployer(api, { verified: false });
    const verified = await api.post(
      `/api/staff/employers/${id}/verify`,
      {},
      { token: staff.token },
    );
    assert.equal(verified.status, 200);
    assert.equal(verified.body.status, 'verified');
    assert.equal(verified.body.statusChangedBy, staff.userId);
    assert.ok(verified.body.statusChangedAt);
    const events = await api.dataSource.query(
      `select payload from outbox_events where type = 'employer.status_changed' and aggregate_id = $1`,
      [id],
    );
    assert.deepEqual(events[0].payload, { employerId: id });
    const detail = await api.get(`/api/staff/employers/${id}`, { token: staff.token });
    assert.deepEqual(
      detail.body.history.map((h: { action: string }) => h.action),
      ['registered', 'verify'],
    );
  });

  test('a rejection needs a reason, and the reason is kept', async () => {
    const { id, owner } = await registerEmployer(api, { verified: false });
    const noReason = await api.post(
      `/api/staff/employers/${id}/reject`,
      {},
      { token: staff.token },
    );
    assert.equal(noReason.status, 400);
    const rejected = await api.post(
      `/api/staff/employers/${id}/reject`,
      { reason: '营业执照信息与登记不符' },
      { token: staff.token },
    );
    assert.equal(rejected.body.status, 'rejected');
    const mine = await api.get('/api/employers/mine', { token: owner.token });
    assert.equal(mine.body.statusReason, '营业执照信息与登记不符');
  });

  test('suspend and reinstate follow the lifecycle; a wrong step is a 409', async () => {
    const { id } = await registerEmployer(api, { verified: false });
    const early = await api.post(
      `/api/staff/employers/${id}/suspend`,
      { reason: '违规' },
      { token: staff.token },
    );
    assert.equal(early.status, 409);
    await api.post(`/api/staff/employers/${id}/verify`, {}, { token: staff.token });
    const suspended = await api.post(
      `/api/staff/employers/${id}/suspend`,
      { reason: '发布虚假招聘信息' },
      { token: staff.token },
    );
    assert.equal(suspended.body.status, 'suspended');
    const reinstated = await api.post(
      `/api/staff/employers/${id}/reinstate`,
      {},
      {
        token: staff.token,
      },
    );
    assert.equal(reinstated.body.status, 'verified');
  });

  test('township window staff only see and decide employers of their township', async () => {
    const local = await createStaffUser(api, { townshipCode: TEST_TOWNSHIP });
    const other = await createStaffUser(api, { townshipCode: OTHER_TOWNSHIP });
    const { id } = await registerEmployer(api, { verified: false });
    const denied = await api.post(`/api/staff/employers/${id}/verify`, {}, { token: other.token });
    assert.equal(denied.status, 404);
    const list = await api.get('/api/staff/employers?status=pending', { token: other.token });
    assert.ok(!list.body.items.some((e: { id: string }) => e.id === id));
    const allowed = await api.post(`/api/staff/employers/${id}/verify`, {}, { token: local.token });
    assert.equal(allowed.status, 200);
  });

  test('recruiters cannot use staff routes', async () => {
    const { id, owner } = await registerEmployer(api, { verified: false });
    const response = await api.post(
      `/api/staff/employers/${id}/verify`,
      {},
      { token: owner.token },
    );
    assert.equal(response.status, 403);
  });
});

describe('recruiters', () => {
  test('the owner invites a recruiter by phone; a removed recruiter loses access at once', async () => {
    const { owner } = await registerEmployer(api);
    const recruiter = await registerUser(api, 'employer', '招聘专员');
    const invited = await api.post(
      '/api/employers/mine/recruiters',
      { phone: recruiter.phone },
      { token: owner.token },
    );
    assert.equal(invited.status, 201);
    assert.equal(invited.body.length, 2);
    const seen = await api.get('/api/employers/mine', { token: recruiter.token });
    assert.equal(seen.status, 200);
    assert.equal(seen.body.myRole, 'recruiter');

    const removed = await api.delete(`/api/employers/mine/recruiters/${recruiter.userId}`, {
      token: owner.token,
    });
    assert.equal(removed.status, 204);
    // Same access token as before: membership is read from the database, not the token.
    const after = await api.get('/api/employers/mine', { token: recruiter.token });
    assert.equal(after.status, 403);
    assert.equal(after.body.code, 'not_employer_member');
  });

  test('a recruiter already at another employer cannot be invited', async () => {
    const a = await registerEmployer(api);
    const b = await registerEmployer(api);
    const response = await api.post(
      '/api/employers/mine/recruiters',
      { phone: b.owner.phone },
      { token: a.owner.token },
    );
    assert.equal(response.status, 409);
    assert.equal(response.body.code, 'already_member');
  });

  test('only the owner manages recruiters; a seeker account cannot be invited', async () => {
    const { owner } = await registerEmployer(api);
    const seeker = await registerUser(api, 'seeker');
    const refused = await api.post(
      '/api/employers/mine/recruiters',
      { phone: seeker.phone },
      { token: owner.token },
    );
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'not_employer_account');
    const recruiter = await registerUser(api, 'employer');
    await api.post(
      '/api/employers/mine/recruiters',
      { phone: recruiter.phone },
      { token: owner.token },
    );
    const other = await registerUser(api, 'employer');
    const notOwner = await api.post(
      '/api/employers/mine/recruiters',
      { phone: other.phone },
      { token: recruiter.token },
    );
    assert.equal(notOwner.status, 403);
    assert.equal(notOwner.body.code, 'owner_only');
  });

  test('a recruiter who leaves loses access at once', async () => {
    const { owner } = await registerEmployer(api);
    const recruiter = await registerUser(api, 'employer');
    await api.post(
      '/api/employers/mine/recruiters',
      { phone: recruiter.phone },
      { token: owner.token },
    );
    assert.equal(
      (await api.post('/api/employers/mine/leave', {}, { token: recruiter.token })).status,
      204,
    );
    assert.equal((await api.get('/api/employers/mine', { token: recruiter.token })).status, 403);
  });
});

describe('corrections', () => {
  test('a rejected employer corrects its details and is resubmitted; a verified one cannot self-edit', async () => {
    const { id, owner } = await registerEmployer(api, { verified: false });
    await api.post(
      `/api/staff/employers/${id}/reject`,
      { reason: '地址不详' },
      { token: staff.token },
    );
    const wrongCode = await api.patch(
      '/api/employers/mine',
      { creditCode: '91360822MA35XXXXX1' },
      { token: owner.token },
    );
    assert.equal(wrongCode.status, 400);
    const corrected = await api.patch(
      '/api/employers/mine',
      { address: '吉水县城西工业园区恒达路8号' },
      { token: owner.token },
    );
    assert.equal(corrected.status, 200);
    assert.equal(corrected.body.status, 'pending');
    assert.equal(corrected.body.address, '吉水县城西工业园区恒达路8号');
    const detail = await api.get(`/api/staff/employers/${id}`, { token: staff.token });
    assert.equal(detail.body.history.at(-1).action, 'resubmitted');
    await api.post(`/api/staff/employers/${id}/verify`, {}, { token: staff.token });
    const locked = await api.patch('/api/employers/mine', { size: 'lt20' }, { token: owner.token });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.code, 'employer_locked');
  });
});
