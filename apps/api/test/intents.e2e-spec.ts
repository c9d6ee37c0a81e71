import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { FollowUpService, IntentNotifierService } from '@jipin/intents';
import {
  createStaffUser,
  eventually,
  FUTIAN,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
  WENFENG,
} from '@jipin/testing';

let api: TestApi;
let employer: TestEmployer;
let otherEmployer: TestEmployer;
let staff: TestUser;
let futianStaff: TestUser;
let wenfengStaff: TestUser;
let vacancyId: string;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await api.dataSource.query(sql, params))[0].count);

beforeAll(async () => {
  api = await TestApi.start('intents');
  await api.startWorker();
  staff = await createStaffUser(api);
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
  wenfengStaff = await createStaffUser(api, { townshipCode: WENFENG });
  employer = await registerEmployer(api, { staff });
  otherEmployer = await registerEmployer(api, { staff });
  vacancyId = await publishVacancy(api, employer);
});
afterAll(async () => api.close());

/** A seeker who applied to the vacancy and whose application the employer moved to `intent`. */
async function intentThroughApplication(seeker: TestSeeker, vacancy = vacancyId) {
  const applied = await api.post(
    '/api/applications',
    { vacancyId: vacancy },
    { token: seeker.token },
  );
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const moved = await api.post(
    `/api/employer/applications/${applied.body.id}/status`,
    { status: 'intent' },
    { token: employer.owner.token },
  );
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  return applied.body.id as string;
}

const staffIntent = (seeker: TestSeeker, token = staff.token, headers?: Record<string, string>) =>
  api.post(
    '/api/staff/intents',
    { seekerProfileId: seeker.profileId, vacancyId },
    { token, headers },
  );

describe('recording intents', () => {
  test('moving an application to intent records the intent in the same transaction, and both sides are told', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const applicationId = await intentThroughApplication(seeker);
    const [intent] = await api.dataSource.query(
      `select * from placement_intents where seeker_user_id = $1 and vacancy_id = $2`,
      [seeker.userId, vacancyId],
    );
    assert.equal(intent.source, 'application');
    assert.equal(intent.application_id, applicationId);
    assert.equal(intent.recorded_by, employer.owner.userId);
    assert.equal(intent.township_code, FUTIAN);
    await eventually(async () =>
      (await count(
        `select count(*) from notifications where kind = 'intent_recorded' and dedupe_key like $1`,
        [`intent-recorded:${intent.id}:%`],
      )) === 2
        ? true
        : undefined,
    );
  });

  test('a repeated or concurrent record is the same intent: one row, one announcement', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const first = await staffIntent(seeker);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.source, 'staff');
    assert.match(first.body.seekerPhone, /^\d{3}\*{4}\d{4}$/);
    const again = await staffIntent(seeker);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => staffIntent(seeker)));
    assert.ok(concurrent.every((r) => r.status === 200 && r.body.id === first.body.id));
    // The same agreement reached later through the application keeps the first source.
    await intentThroughApplication(seeker);
    assert.equal(
      await count(`select count(*) from placement_intents where seeker_user_id = $1`, [
        seeker.userId,
      ]),
      1,
    );
    assert.equal(
      await count(
        `select count(*) from outbox_events where type = 'intent.recorded' and aggregate_id = $1`,
        [first.body.id],
      ),
      1,
    );
  });

  test('concurrent first records from different sources still make one intent', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const applied = await api.post('/api/applications', { vacancyId }, { token: seeker.token });
    const [fromStaff, fromEmployer] = await Promise.all([
      staffIntent(seeker),
      api.post(
        `/api/employer/applications/${applied.body.id}/status`,
        { status: 'intent' },
        { token: employer.owner.token },
      ),
    ]);
    assert.ok([200, 201].includes(fromStaff.status), JSON.stringify(fromStaff.body));
    assert.equal(fromEmployer.status, 200, JSON.stringify(fromEmployer.body));
    const rows = await api.dataSource.query(
      `select application_id from placement_intents where seeker_user_id = $1`,
      [seeker.userId],
    );
    assert.equal(rows.length, 1);
    assert.equal(rows[0].application_id, applied.body.id, 'the application is linked either way');
  });

  test('an Idempotency-Key replays the first answer', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const headers = { 'idempotency-key': `intent-${seeker.profileId}` };
    const first = await staffIntent(seeker, staff.token, headers);
    const replay = await staffIntent(seeker, staff.token, headers);
    assert.equal(first.status, 201);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
  });

  test('township staff record intents only for people of their township', async () => {
    const seeker = await registerSeekerWithProfile(api); // lives in 阜田镇
    const refused = await staffIntent(seeker, wenfengStaff.token);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'outside_township');
    assert.equal((await staffIntent(seeker, futianStaff.token)).status, 201);
  });

  test('the notification job run twice, even at once, notifies each side once', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const { body } = await staffIntent(seeker);
    const notifier = api.app.get(IntentNotifierService);
    await Promise.all([notifier.recorded(body.id), notifier.recorded(body.id)]);
    await notifier.recorded(body.id);
    assert.equal(
      await count(`select count(*) from notifications where dedupe_key like $1`, [
        `intent-recorded:${body.id}:%`,
      ]),
      2,
    );
  });
});

describe('follow-up to hire', () => {
  const makeDue = (intentId: string) =>
    api.dataSource.query(
      `update placement_intents set follow_up_due_on = current_date - 1 where id = $1`,
      [intentId],
    );

  test('an intent is due for follow-up INTENT_FOLLOW_UP_DAYS later and appears in the lists once due', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const { body } = await staffIntent(seeker);
    const recordedOn = new Date(Date.now() + 8 * 3600 * 1000);
    recordedOn.setUTCDate(recordedOn.getUTCDate() + api.config.matching.followUpDays);
    assert.equal(body.followUpDueOn, recordedOn.toISOString().slice(0, 10));
    const notYet = await api.get('/api/employer/intents/follow-ups', {
      token: employer.owner.token,
    });
    assert.ok(!notYet.body.some((i: { id: string }) => i.id === body.id));
    await makeDue(body.id);
    const due = await api.get('/api/employer/intents/follow-ups', { token: employer.owner.token });
    assert.ok(due.body.some((i: { id: string }) => i.id === body.id));
    const other = await api.get('/api/employer/intents/follow-ups', {
      token: otherEmployer.owner.token,
    });
    assert.ok(!other.body.some((i: { id: string }) => i.id === body.id));
    const futian = await api.get('/api/staff/intents/follow-ups', { token: futianStaff.token });
    assert.ok(futian.body.some((i: { id: string }) => i.id === body.id));
    const wenfeng = await api.get('/api/staff/intents/follow-ups', { token: wenfengStaff.token });
    assert.ok(!wenfeng.body.some((i: { id: string }) => i.id === body.id));
  });

  test('a confirmed hire becomes one placement with the key groups and indicators of the hire date', async () => {
    const seeker = await registerSeekerWithProfile(api); // rural, unemployed, 1990
    const { body } = await staffIntent(seeker);
    const hired = await api.post(
      `/api/employer/intents/${body.id}/outcome`,
      { outcome: 'hired', hiredOn: '2026-01-05' },
      { token: employer.owner.token },
    );
    assert.equal(hired.status, 200, JSON.stringify(hired.body));
    assert.equal(hired.body.outcome, 'hired');
    assert.ok(hired.body.placementId);
    const again = await api.post(
      `/api/staff/intents/${body.id}/outcome`,
      { outcome: 'hired' },
      { token: staff.token },
    );
    assert.equal(again.status, 200);
    const changed = await api.post(
      `/api/staff/intents/${body.id}/outcome`,
      { outcome: 'fell_through' },
      { token: staff.token },
    );
    assert.equal(changed.status, 409);
    const placements = await api.dataSource.query(
      `select hired_on::text, key_groups, rural_labour_transfer, urban_new_employment,
              difficulty_reemployment, township_code, employer_id
         from placements where intent_id = $1`,
      [body.id],
    );
    assert.equal(placements.length, 1);
    assert.equal(placements[0].hired_on, '2026-01-05');
    assert.deepEqual(placements[0].key_groups, ['rural_labour']);
    assert.equal(placements[0].rural_labour_transfer, true);
    assert.equal(placements[0].urban_new_employment, true);
    assert.equal(placements[0].difficulty_reemployment, false);
    assert.equal(placements[0].township_code, FUTIAN);
    assert.equal(placements[0].employer_id, employer.id);
  });

  test('fell through makes no placement; other employers and other townships cannot settle it', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const { body } = await staffIntent(seeker);
    const outsider = await api.post(
      `/api/employer/intents/${body.id}/outcome`,
      { outcome: 'fell_through' },
      { token: otherEmployer.owner.token },
    );
    assert.equal(outsider.status, 404);
    const otherTownship = await api.post(
      `/api/staff/intents/${body.id}/outcome`,
      { outcome: 'fell_through' },
      { token: wenfengStaff.token },
    );
    assert.equal(otherTownship.status, 404);
    const settled = await api.post(
      `/api/staff/intents/${body.id}/outcome`,
      { outcome: 'fell_through', note: '本人放弃' },
      { token: futianStaff.token },
    );
    assert.equal(settled.status, 200, JSON.stringify(settled.body));
    assert.equal(await count(`select count(*) from placements where intent_id = $1`, [body.id]), 0);
  });

  test('marking the application hired confirms the intent and places the person', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const applicationId = await intentThroughApplication(seeker);
    const hired = await api.post(
      `/api/employer/applications/${applicationId}/status`,
      { status: 'hired' },
      { token: employer.owner.token },
    );
    assert.equal(hired.status, 200, JSON.stringify(hired.body));
    const [intent] = await api.dataSource.query(
      `select i.outcome, p.id as placement from placement_intents i
         left join placements p on p.intent_id = i.id where i.application_id = $1`,
      [applicationId],
    );
    assert.equal(intent.outcome, 'hired');
    assert.ok(intent.placement);
  });

  test('the scheduled reminder tells recruiters once per due intent', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const { body } = await staffIntent(seeker);
    await makeDue(body.id);
    const followUps = api.app.get(FollowUpService);
    await followUps.remindDue();
    await followUps.remindDue();
    assert.equal(
      await count(`select count(*) from notifications where dedupe_key = $1`, [
        `intent-follow-up:${body.id}:${employer.owner.userId}`,
      ]),
      1,
    );
  });
});
