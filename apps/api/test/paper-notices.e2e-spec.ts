import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { NotificationService } from '@jipin/notifications';
import {
  createStaffUser,
  FUTIAN,
  profileBody,
  registerSeekerWithProfile,
  TestApi,
  TestUser,
  WENFENG,
} from '@jipin/testing';

/** Notifications for people registered without a phone reach them on paper, printed once at the window. */
let api: TestApi;
let futianStaff: TestUser;
let wenfengStaff: TestUser;
let withoutPhone: { userId: string; profileId: string };
let withPhone: { userId: string };

const BASE = '/api/staff/paper-notices';

beforeAll(async () => {
  api = await TestApi.start('paper_notices');
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  wenfengStaff = await createStaffUser(api, { townshipCode: WENFENG });
  const registered = await api.post(
    '/api/staff/seekers',
    {
      ...profileBody({ name: '刘<奶奶>', birthDate: '1958-02-03', gender: 'female' }),
      consent: { method: 'signed_paper', reference: '阜田镇代录2026-101' },
    },
    { token: futianStaff.token },
  );
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  withoutPhone = { userId: registered.body.userId, profileId: registered.body.id };
  withPhone = await registerSeekerWithProfile(api, { name: '有手机的人' });
  const notify = api.app.get(NotificationService);
  for (const [user, key] of [
    [withoutPhone.userId, 'a'],
    [withPhone.userId, 'b'],
  ])
    await notify.notify({
      userId: user,
      kind: 'fair_invitation',
      title: '春风行动招聘会邀请',
      body: '3月15日上午9点在县人力资源市场举办招聘会，欢迎参加',
      dedupeKey: `paper-test:${key}`,
    });
});
afterAll(async () => api?.close());

test('the window lists and prints the notices of its people without a phone, escaped', async () => {
  const list = await api.get(BASE, { token: futianStaff.token });
  assert.equal(list.status, 200, JSON.stringify(list.body));
  assert.equal(list.body.length, 1, 'only the person without a phone');
  assert.equal(list.body[0].profileId, withoutPhone.profileId);
  assert.equal(list.body[0].title, '春风行动招聘会邀请');
  const page = await api.get(`${BASE}/print`, { token: futianStaff.token });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(String(page.body), /刘&#60;奶奶&#62;/);
  assert.match(String(page.body), /春风行动招聘会邀请/);
});

test('another township sees none of them and cannot ask for them', async () => {
  assert.deepEqual((await api.get(BASE, { token: wenfengStaff.token })).body, []);
  const asked = await api.get(`${BASE}?townshipCode=${FUTIAN}`, { token: wenfengStaff.token });
  assert.equal(asked.status, 403);
  const confirm = await api.post(
    `${BASE}/printed`,
    {
      notificationIds: [(await api.get(BASE, { token: futianStaff.token })).body[0].notificationId],
    },
    { token: wenfengStaff.token },
  );
  assert.equal(confirm.body.printed, 0, 'a notice of another township is not marked');
});

test('once the window confirms, a notice is not printed again', async () => {
  const [notice] = (await api.get(BASE, { token: futianStaff.token })).body;
  const confirm = await api.post(
    `${BASE}/printed`,
    { notificationIds: [notice.notificationId] },
    { token: futianStaff.token },
  );
  assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
  assert.equal(confirm.body.printed, 1);
  assert.deepEqual((await api.get(BASE, { token: futianStaff.token })).body, []);
  assert.match(
    String((await api.get(`${BASE}/print`, { token: futianStaff.token })).body),
    /没有待打印的通知/,
  );
  const again = await api.post(
    `${BASE}/printed`,
    { notificationIds: [notice.notificationId] },
    { token: futianStaff.token },
  );
  assert.equal(again.body.printed, 0);
  const bad = await api.post(
    `${BASE}/printed`,
    { notificationIds: ['x'] },
    { token: futianStaff.token },
  );
  assert.equal(bad.status, 400);
  assert.match(JSON.stringify(bad.body), /通知编号格式不对/);
});
