import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { ApplicationNotifierService, RecruitmentRetentionService } from '@jipin/applications';
import {
  createStaffUser,
  daysFromToday,
  eventually,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  registerUser,
  shiftDays,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
} from '@jipin/testing';
import { chinaToday } from '@jipin/seekers';

let api: TestApi;
let employer: TestEmployer;
let otherEmployer: TestEmployer;
let staff: TestUser;
let vacancyId: string;

const count = async (sql: string, params: unknown[] = []) =>
  Number((await api.dataSource.query(sql, params))[0].count);

beforeAll(async () => {
  api = await TestApi.start('applications');
  await api.startWorker();
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
  otherEmployer = await registerEmployer(api, { staff });
  vacancyId = await publishVacancy(api, employer);
});
afterAll(async () => api.close());

const apply = (seeker: TestUser, id: string, coverNote?: string) =>
  api.post('/api/applications', { vacancyId: id, coverNote }, { token: seeker.token });

describe('applying', () => {
  test('one application per seeker and vacancy: applying again returns the existing one with 200', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const first = await apply(seeker, vacancyId, '有焊工经验');
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'applied');
    assert.equal(first.body.history[0].toStatus, 'applied');
    const again = await apply(seeker, vacancyId);
    assert.equal(again.status, 200);
    assert.equal(again.body.id, first.body.id);
    assert.equal(
      await count(`select count(*) from applications where seeker_user_id = $1`, [seeker.userId]),
      1,
    );
    const [both] = await Promise.all([apply(seeker, vacancyId), apply(seeker, vacancyId)]);
    assert.equal(both.body.id, first.body.id);
  });

  test('a seeker without a résumé is asked to fill one in first', async () => {
    const seeker = await registerUser(api, 'seeker');
    const response = await apply(seeker, vacancyId);
    assert.equal(response.status, 422);
    assert.equal(response.body.code, 'profile_required');
  });

  test('paused, closed and expired vacancies are refused with the reason, and nothing is written', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const token = employer.owner.token;
    const paused = await publishVacancy(api, employer);
    await api.post(`/api/employer/vacancies/${paused}/pause`, { reason: '春节放假' }, { token });
    const closed = await publishVacancy(api, employer);
    await api.post(`/api/employer/vacancies/${closed}/close`, { reason: '已招到' }, { token });
    const expired = await publishVacancy(api, employer);
    await api.dataSource.query(
      `update vacancies set start_date = current_date - 30, expires_at = current_date - 2 where id = $1`,
      [expired],
    );
    for (const [id, reason] of [
      [paused, /暂停/],
      [closed, /停止招聘/],
      [expired, /过期/],
    ] as const) {
      const response = await apply(seeker, id);
      assert.equal(response.status, 409, JSON.stringify(response.body));
      assert.equal(response.body.code, 'vacancy_not_open');
      assert.match(response.body.message, reason);
    }
    assert.equal(
      await count(`select count(*) from applications where seeker_user_id = $1`, [seeker.userId]),
      0,
    );
  });

  test('a public-welfare post refuses a seeker outside its groups, with the reason, until staff verify the group', async () => {
    const welfare = await publishVacancy(api, employer, {
      kind: 'public_welfare',
      title: '乡村保洁员',
      occupationCode: '4-09-08-02',
      pay: { min: 1600, max: 1800, unit: 'month' },
      eligibility: { keyGroups: ['poverty_alleviated', 'monitored'], ageMin: 18, ageMax: 60 },
    });
    const seeker = await registerSeekerWithProfile(api, { birthDate: '1975-03-03' });
    const refused = await apply(seeker, welfare);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.code, 'not_eligible');
    assert.match(refused.body.message, /不符合该岗位的招用条件/);
    assert.match(refused.body.message, /脱贫劳动力/);

    await api.post(
      '/api/seekers/me/key-groups',
      { code: 'poverty_alleviated' },
      { token: seeker.token },
    );
    assert.equal((await apply(seeker, welfare)).status, 422, 'a declaration alone is not enough');
    await api.post(
      `/api/staff/seekers/${seeker.profileId}/key-groups/verify`,
      { code: 'poverty_alleviated', decision: 'verified' },
      { token: staff.token },
    );
    assert.equal((await apply(seeker, welfare)).status, 201);
  });

  test('an internship takes graduates within two years of leaving school and explains why not otherwise', async () => {
    const internship = await publishVacancy(api, employer, {
      kind: 'internship',
      title: '会计见习生',
      occupationCode: '2-06-03-00',
      pay: { min: 1800, max: 2200, unit: 'month' },
      ageMin: undefined,
      ageMax: undefined,
      eligibility: { keyGroups: ['graduate'], graduatedWithinYears: 2 },
    });
    const today = chinaToday();
    const old = await registerSeekerWithProfile(api, {
      birthDate: '1998-01-01',
      education: [
        { level: 'bachelor', school: '南昌大学', graduationDate: shiftDays(today, -1200) },
      ],
    });
    const refused = await apply(old, internship);
    assert.equal(refused.status, 422);
    assert.match(refused.body.message, /离校超过2年/);
    const recent = await registerSeekerWithProfile(api, {
      birthDate: '2002-01-01',
      education: [
        { level: 'bachelor', school: '南昌大学', graduationDate: shiftDays(today, -300) },
      ],
    });
    assert.equal((await apply(recent, internship)).status, 201);
  });
});

describe("the employer's applicant inbox", () => {
  let seeker: TestSeeker;
  let applicationId: string;

  beforeAll(async () => {
    seeker = await registerSeekerWithProfile(api, { visibility: 'hidden' });
    applicationId = (await apply(seeker, vacancyId, '随时到岗')).body.id;
  });

  test('lists applicants with ID number and phone masked; opening one marks it viewed', async () => {
    const inbox = await api.get(`/api/employer/vacancies/${vacancyId}/applications`, {
      token: employer.owner.token,
    });
    assert.equal(inbox.status, 200);
    const item = inbox.body.items.find((i: { id: string }) => i.id === applicationId);
    assert.equal(item.seeker.phone, `${seeker.phone.slice(0, 3)}****${seeker.phone.slice(7)}`);
    assert.equal(item.seeker.idNumber, undefined, 'an employer needs no ID number before a hire');
    assert.equal(item.seeker.birthDate, undefined, 'the age says enough');
    assert.ok(!JSON.stringify(inbox.body).includes(seeker.phone));
    assert.equal(item.seeker.declaredKeyGroups, undefined, 'sensitive groups are not shown');
    const opened = await api.get(`/api/employer/applications/${applicationId}`, {
      token: employer.owner.token,
    });
    assert.equal(opened.body.status, 'viewed');
  });

  test('another employer sees neither the inbox nor the application', async () => {
    const token = otherEmployer.owner.token;
    assert.equal(
      (await api.get(`/api/employer/vacancies/${vacancyId}/applications`, { token })).status,
      404,
    );
    assert.equal(
      (await api.get(`/api/employer/applications/${applicationId}`, { token })).status,
      404,
    );
    const reveal = await api.post(
      `/api/employer/applications/${applicationId}/reveal`,
      { field: 'phone', purpose: '联系面试' },
      { token },
    );
    assert.equal(reveal.status, 404);
  });

  test('the employer reveals the phone of an applicant, and the reveal is audited', async () => {
    const revealed = await api.post(
      `/api/employer/applications/${applicationId}/reveal`,
      { field: 'phone', purpose: '电话通知面试' },
      { token: employer.owner.token },
    );
    assert.equal(revealed.status, 200);
    assert.equal(revealed.body.value, seeker.phone);
    const rows = await api.dataSource.query(
      `select actor_user_id, actor_role, field, purpose, route from pii_access_log where subject_user_id = $1`,
      [seeker.userId],
    );
    assert.deepEqual(rows, [
      {
        actor_user_id: employer.owner.userId,
        actor_role: 'employer',
        field: 'phone',
        purpose: '电话通知面试',
        route: 'POST /api/employer/applications/:id/reveal',
      },
    ]);
  });

  test('an employer opens a résumé only where the person applied to it, and the answer says so', async () => {
    const seen = await api.get(`/api/seekers/${seeker.profileId}`, { token: employer.owner.token });
    assert.equal(seen.status, 200);
    assert.deepEqual(seen.body.access, {
      reason: 'applied',
      reasonName: '该求职者投递过贵单位的岗位',
    });
    assert.equal(
      (await api.get(`/api/seekers/${seeker.profileId}`, { token: otherEmployer.owner.token }))
        .status,
      404,
    );
    // An open résumé is found through 推荐人才 or a fair, not by its id alone.
    const open = await registerSeekerWithProfile(api, { visibility: 'open' });
    const unrelated = await api.get(`/api/seekers/${open.profileId}`, {
      token: otherEmployer.owner.token,
    });
    assert.equal(unrelated.status, 404);
    assert.equal(unrelated.body.code, 'not_found');
  });

  test('statuses move forward with history; the seeker is notified in-app, once per change', async () => {
    const token = employer.owner.token;
    for (const status of ['interviewing', 'intent', 'hired']) {
      const moved = await api.post(
        `/api/employer/applications/${applicationId}/status`,
        { status, note: status === 'interviewing' ? '周一上午面试' : undefined },
        { token },
      );
      assert.equal(moved.status, 200, JSON.stringify(moved.body));
      assert.equal(moved.body.status, status);
    }
    const back = await api.post(
      `/api/employer/applications/${applicationId}/status`,
      { status: 'interviewing' },
      { token },
    );
    assert.equal(back.status, 409);
    assert.equal(back.body.code, 'invalid_transition');
    const mine = await api.get(`/api/applications/${applicationId}`, { token: seeker.token });
    assert.deepEqual(
      mine.body.history.map((h: { toStatus: string }) => h.toStatus),
      ['applied', 'viewed', 'interviewing', 'intent', 'hired'],
    );

    const seekerNotes = await eventually(async () => {
      const list = await api.get('/api/notifications', { token: seeker.token });
      const items = list.body.items.filter(
        (n: { kind: string }) => n.kind === 'application_status',
      );
      return items.length >= 5 && items;
    });
    assert.ok(seekerNotes.some((n: { title: string }) => n.title.includes('已录用')));
    const employerNotes = await api.get('/api/notifications', { token });
    assert.ok(
      employerNotes.body.items.some((n: { title: string }) => n.title === '收到新的求职申请'),
    );

    const [last] = await api.dataSource.query(
      `select id from application_history where application_id = $1 order by id desc limit 1`,
      [applicationId],
    );
    await api.app.get(ApplicationNotifierService).statusChanged(String(last.id));
    assert.equal(
      await count(`select count(*) from notifications where dedupe_key like $1`, [
        `application-status:${last.id}:%`,
      ]),
      2,
      'a re-run job notifies nobody twice',
    );
  });

  test('the seeker withdraws; the employer cannot move a withdrawn application, and a seeker cannot use employer routes', async () => {
    const other = await registerSeekerWithProfile(api);
    const application = (await apply(other, vacancyId)).body.id;
    const withdrawn = await api.post(`/api/applications/${application}/withdraw`, undefined, {
      token: other.token,
    });
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.body.status, 'withdrawn');
    const moved = await api.post(
      `/api/employer/applications/${application}/status`,
      { status: 'interviewing' },
      { token: employer.owner.token },
    );
    assert.equal(moved.status, 409);
    const asSeeker = await api.post(
      `/api/employer/applications/${application}/status`,
      { status: 'hired' },
      { token: other.token },
    );
    assert.equal(asSeeker.status, 403);
    const foreign = await api.post(`/api/applications/${applicationId}/withdraw`, undefined, {
      token: other.token,
    });
    assert.equal(foreign.status, 404, 'a seeker cannot touch another seeker’s application');
  });
});

describe('hiring through an application', () => {
  test('the hire takes its date, not in the future nor before the application; the résumé says employed from then', async () => {
    const seeker = await registerSeekerWithProfile(api, { employmentStatus: 'unemployed' });
    const applied = await apply(seeker, vacancyId);
    const id = applied.body.id;
    // The person applied three weeks ago.
    await api.dataSource.query(
      `update applications set created_at = now() - interval '21 days' where id = $1`,
      [id],
    );
    const move = (body: Record<string, unknown>) =>
      api.post(`/api/employer/applications/${id}/status`, body, { token: employer.owner.token });
    const early = await move({ status: 'intent', hiredOn: shiftDays(chinaToday(), -3) });
    assert.equal(early.status, 400, 'a hire date only goes with a hire');
    assert.equal(early.body.code, 'hired_on_not_hire');
    assert.equal((await move({ status: 'intent' })).status, 200);
    const future = await move({ status: 'hired', hiredOn: daysFromToday(2) });
    assert.equal(future.status, 400);
    assert.equal(future.body.code, 'hired_on_future');
    const beforeApplying = await move({ status: 'hired', hiredOn: shiftDays(chinaToday(), -30) });
    assert.equal(beforeApplying.status, 400);
    assert.equal(beforeApplying.body.code, 'hired_on_before_application');
    assert.match(beforeApplying.body.details[0].message, /入职日期不能早于投递日期/);
    const badDate = await move({ status: 'hired', hiredOn: '2026-02-30' });
    assert.equal(badDate.status, 400);
    const hiredOn = shiftDays(chinaToday(), -10);
    const hired = await move({ status: 'hired', hiredOn });
    assert.equal(hired.status, 200, JSON.stringify(hired.body));
    const [placement] = await api.dataSource.query(
      `select to_char(pl.hired_on, 'YYYY-MM-DD') as "hiredOn" from placements pl
         join placement_intents i on i.id = pl.intent_id where i.application_id = $1`,
      [id],
    );
    assert.equal(placement.hiredOn, hiredOn);
    const resume = await api.get('/api/seekers/me', { token: seeker.token });
    assert.equal(resume.body.employmentStatus, 'employed');
  });
});

describe('favourites, history, export and deletion', () => {
  test('favourites are kept once and removed; history and export list the applications', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const token = seeker.token;
    assert.equal((await api.put(`/api/favourites/${vacancyId}`, {}, { token })).status, 200);
    const twice = await api.put(`/api/favourites/${vacancyId}`, {}, { token });
    assert.equal(twice.body.length, 1);
    await apply(seeker, vacancyId);
    const history = await api.get('/api/applications', { token });
    assert.equal(history.body.length, 1);
    assert.equal(history.body[0].vacancyId, vacancyId);
    const exported = await api.get('/api/seekers/me/export', { token });
    assert.equal(exported.body.applications.length, 1);
    assert.equal(exported.body.favourites.length, 1);
    assert.equal((await api.delete(`/api/favourites/${vacancyId}`, { token })).status, 204);
    assert.equal((await api.get('/api/favourites', { token })).body.length, 0);
  });

  test('deleting the account keeps the application counted but anonymised', async () => {
    const vacancy = await publishVacancy(api, employer);
    const seeker = await registerSeekerWithProfile(api);
    const application = (await apply(seeker, vacancy, '我的电话随时可打')).body.id;
    const inbox = () =>
      api.get(`/api/employer/vacancies/${vacancy}/applications`, { token: employer.owner.token });
    assert.equal((await inbox()).body.total, 1);
    const deleted = await api.post(
      '/api/seekers/me/account-deletion',
      { confirm: '确认注销' },
      { token: seeker.token },
    );
    assert.equal(deleted.status, 204);
    const after = (await inbox()).body;
    assert.equal(after.total, 1, 'the application still counts');
    assert.equal(after.items[0].seeker.name, '已注销用户');
    assert.equal(after.items[0].coverNote, null);
    assert.equal(after.items[0].seeker.phone, '');
    const reveal = await api.post(
      `/api/employer/applications/${application}/reveal`,
      { field: 'phone', purpose: '联系' },
      { token: employer.owner.token },
    );
    assert.equal(reveal.status, 404);
    assert.equal(
      await count(`select count(*) from applications where vacancy_id = $1`, [vacancy]),
      1,
    );
  });

  test('a vacancy that does not exist is a 404', async () => {
    const seeker = await registerSeekerWithProfile(api);
    const response = await apply(seeker, '00000000-0000-4000-8000-000000000000');
    assert.equal(response.status, 404);
    assert.equal(daysFromToday(0), chinaToday());
  });
});

describe('retention', () => {
  test('after the retention period the words in an application are removed; newer ones and the rows themselves stay', async () => {
    const oldSeeker = await registerSeekerWithProfile(api);
    const newSeeker = await registerSeekerWithProfile(api);
    const old = await apply(oldSeeker, vacancyId, '我家住在附近，可以随时上班');
    const recent = await apply(newSeeker, vacancyId, '有两年经验');
    await api.dataSource.query(
      `update applications set status_changed_at = now() - interval '1096 days' where id = $1`,
      [old.body.id],
    );
    await api.dataSource.query(
      `insert into notifications (user_id, kind, title, body, dedupe_key, created_at)
       values ($1, 'test', '旧消息', '三年多以前的消息', $2, now() - interval '1096 days')`,
      [oldSeeker.userId, `retention-${old.body.id}`],
    );
    const result = await api.app.get(RecruitmentRetentionService).purgeExpired();
    assert.ok(result.applicationsCleared >= 1);
    assert.ok(result.notificationsDeleted >= 1);
    const rows: { id: string; cover_note: string | null }[] = await api.dataSource.query(
      `select id, cover_note from applications where id = any($1)`,
      [[old.body.id, recent.body.id]],
    );
    const noteOf = (id: string) => rows.find((r) => r.id === id)?.cover_note;
    assert.equal(rows.length, 2, 'the rows stay for statistics');
    assert.equal(noteOf(old.body.id), null);
    assert.equal(noteOf(recent.body.id), '有两年经验');
    assert.equal(
      await count(`select count(*) from notifications where dedupe_key = $1`, [
        `retention-${old.body.id}`,
      ]),
      0,
    );
  });
});
