import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { LogSmsSender, SMS_SENDER } from '@jipin/accounts';
import { JobAlertDigestService } from '@jipin/alerts';
import { chinaToday } from '@jipin/seekers';
import {
  createStaffUser,
  lastSmsCode,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  registerUser,
  shiftDays,
  TestApi,
  TestEmployer,
  TestUser,
  uniquePhone,
  vacancyBody,
  WENFENG,
} from '@jipin/testing';

/** Issue 18: calling the employer, job alerts, and signing in with an SMS code. */
let api: TestApi;
let employer: TestEmployer;

const REVEALS_PER_DAY = 3;

beforeAll(async () => {
  api = await TestApi.start('contact_alerts', { PHONE_REVEALS_PER_DAY: String(REVEALS_PER_DAY) });
  employer = await registerEmployer(api, { staff: await createStaffUser(api) });
});
afterAll(async () => api.close());

const reveal = (user: TestUser, vacancyId: string) =>
  api.post(`/api/vacancies/${vacancyId}/contact-reveal`, {}, { token: user.token });

describe('calling the employer', () => {
  test('every vacancy shows how to reach it and the bureau hotline; the phone only to signed-in seekers', async () => {
    const vacancyId = await publishVacancy(api, employer, { contactName: '王经理' });
    const options = await api.get(`/api/vacancies/${vacancyId}/contact`);
    assert.equal(options.status, 200);
    assert.equal(options.body.contactMode, 'signed_in');
    assert.equal(options.body.contactName, '王经理');
    assert.deepEqual(options.body.hotline, { name: '县人社局就业服务热线', phone: '0796-12333' });
    assert.equal(
      // Not inside a longer run of letters and digits, as in a UUID's last group.
      JSON.stringify(options.body).match(/(?<![\dA-Za-z])1\d{10}(?![\dA-Za-z])/),
      null,
      'no phone without signing in',
    );
    assert.equal((await api.post(`/api/vacancies/${vacancyId}/contact-reveal`, {})).status, 401);
    const seeker = await registerSeekerWithProfile(api);
    const shown = await reveal(seeker, vacancyId);
    assert.equal(shown.status, 200);
    assert.match(shown.body.phone, /^1\d{10}$/);
    assert.equal(shown.body.telUri, `tel:${shown.body.phone}`);
    assert.equal((await reveal(employer.owner, vacancyId)).status, 403);
    assert.equal(
      (await api.get('/api/vacancies/00000000-0000-0000-0000-000000000000/contact')).status,
      404,
    );
  });

  test('after-applying and messages-only vacancies say what to do instead', async () => {
    const afterApplying = await publishVacancy(api, employer, { contactMode: 'after_applying' });
    const messagesOnly = await publishVacancy(api, employer, { contactMode: 'messages_only' });
    const seeker = await registerSeekerWithProfile(api);
    const early = await reveal(seeker, afterApplying);
    assert.equal(early.status, 403);
    assert.equal(early.body.code, 'apply_first');
    assert.match(early.body.message, /投递/);
    await api.post('/api/applications', { vacancyId: afterApplying }, { token: seeker.token });
    assert.equal((await reveal(seeker, afterApplying)).status, 200);
    const only = await reveal(seeker, messagesOnly);
    assert.equal(only.status, 403);
    assert.equal(only.body.code, 'messages_only');
    const wrongMode = await api.post(
      '/api/employer/vacancies',
      vacancyBody({ contactMode: 'fax' }),
      { token: employer.owner.token },
    );
    assert.equal(wrongMode.status, 400);
  });

  test('reveals are counted per seeker; past the daily limit new numbers are refused, known ones still shown', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const vacancies = [];
    for (let i = 0; i <= REVEALS_PER_DAY; i++) vacancies.push(await publishVacancy(api, employer));
    for (const id of vacancies.slice(0, REVEALS_PER_DAY))
      assert.equal((await reveal(seeker, id)).status, 200);
    const refused = await reveal(seeker, vacancies[REVEALS_PER_DAY]);
    assert.equal(refused.status, 429);
    assert.match(refused.body.message, /查看招聘方电话的次数已达上限/);
    assert.equal(
      (await reveal(seeker, vacancies[0])).status,
      200,
      'calling again the same employer',
    );
    const [{ n }] = await api.dataSource.query(
      `select count(*)::int as n from contact_reveals where seeker_user_id = $1`,
      [seeker.userId],
    );
    assert.equal(n, REVEALS_PER_DAY + 1);
  });
});

describe('job alerts', () => {
  test('bad saved searches get a reason per field', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'keyword'],
      [{ townshipCode: '110101000000' }, 'townshipCode'],
      [{ keyword: '电工', radiusKm: 10 }, 'townshipCode'],
      [{ townshipCode: WENFENG, radiusKm: 500 }, 'radiusKm'],
      [{ kind: 'spy' }, 'kind'],
      [{ keyword: '字'.repeat(41) }, 'keyword'],
      [{ payMin: -5 }, 'payMin'],
    ];
    for (const [body, field] of cases) {
      const answer = await api.post('/api/job-alerts', body, { token: seeker.token });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.ok(
        answer.body.details.some((d: { field: string }) => d.field === field),
        JSON.stringify(answer.body),
      );
    }
    for (let i = 0; i < 10; i++)
      assert.equal(
        (await api.post('/api/job-alerts', { keyword: `词${i}` }, { token: seeker.token })).status,
        201,
      );
    assert.equal(
      (await api.post('/api/job-alerts', { keyword: '多余' }, { token: seeker.token })).status,
      409,
    );
  });

  test('the résumé suggests a search; the next day brings one digest, one SMS at most, stopped in one tap', async () => {
    const seeker = await registerSeekerWithProfile(api, { desiredOccupations: ['6-25-04-01'] });
    const suggestion = await api.get('/api/job-alerts/suggestion', { token: seeker.token });
    assert.equal(suggestion.status, 200);
    assert.ok(suggestion.body.keyword, JSON.stringify(suggestion.body));
    const first = await api.post(
      '/api/job-alerts',
      { keyword: '焊工', sms: true },
      { token: seeker.token },
    );
    assert.equal(first.status, 201);
    await api.post(
      '/api/job-alerts',
      { keyword: '焊', townshipCode: WENFENG, radiusKm: 30, sms: true },
      { token: seeker.token },
    );
    const welder = await publishVacancy(api, employer, { title: '电焊工（新）' });
    await publishVacancy(api, employer, { title: '厨师' });
    const sms = api.app.get<LogSmsSender>(SMS_SENDER);
    const digests = api.app.get(JobAlertDigestService);
    const tomorrow = shiftDays(chinaToday(), 1);
    await digests.run(tomorrow);
    await digests.run(tomorrow); // a rerun after a crash
    const notes = await api.dataSource.query(
      `select title, body, link, sms_status from notifications where user_id = $1 and kind = 'job_alert'`,
      [seeker.userId],
    );
    assert.equal(notes.length, 1);
    assert.equal(notes[0].title, '1个新岗位符合您的订阅');
    assert.match(notes[0].body, /电焊工（新）/);
    assert.doesNotMatch(notes[0].body, /厨师/);
    assert.equal(notes[0].link, `/vacancies/${welder}`);
    const texts = sms.sent.filter((m) => m.phone === seeker.phone && m.text.includes('订阅'));
    assert.equal(texts.length, 1, 'one SMS a day');
    const token = texts[0].text.match(/alerts\/unsubscribe\/([A-Za-z0-9_-]+)/)![1];
    assert.equal((await api.post('/api/job-alerts/unsubscribe', { token: 'x' })).status, 400);
    assert.equal(
      (await api.post('/api/job-alerts/unsubscribe', { token: 'A'.repeat(32) })).status,
      404,
    );
    const stopped = await api.post('/api/job-alerts/unsubscribe', { token });
    assert.deepEqual(stopped.body, { stopped: 2 });
    assert.deepEqual((await api.get('/api/job-alerts', { token: seeker.token })).body, []);
  });
});

describe('signing in with an SMS code', () => {
  test('a code signs a person in without their password; wrong codes and unknown phones are told apart only after the code', async () => {
    const user = await registerUser(api, 'seeker', '李阿姨');
    await api.post('/api/auth/sms-codes', { phone: user.phone, purpose: 'login' });
    const wrong = await api.post('/api/auth/login-with-code', {
      phone: user.phone,
      code: lastSmsCode(api, user.phone) === '000000' ? '111111' : '000000',
    });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.code, 'sms_code_invalid');
    const bad = await api.post('/api/auth/login-with-code', { phone: '123', code: 'abc' });
    assert.equal(bad.status, 400);
    await api.post('/api/auth/sms-codes', { phone: user.phone, purpose: 'login' });
    const signedIn = await api.post('/api/auth/login-with-code', {
      phone: user.phone,
      code: lastSmsCode(api, user.phone),
    });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    const me = await api.get('/api/auth/me', { token: signedIn.body.accessToken });
    assert.equal(me.body.name, '李阿姨');
    const stranger = uniquePhone();
    await api.post('/api/auth/sms-codes', { phone: stranger, purpose: 'login' });
    const unknown = await api.post('/api/auth/login-with-code', {
      phone: stranger,
      code: lastSmsCode(api, stranger),
    });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.message, /尚未注册/);
  });
});
