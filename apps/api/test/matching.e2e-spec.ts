import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { JobQueue, QueueName } from '@jipin/core';
import { MatchingService } from '@jipin/matching';
import {
  bornYearsBefore,
  createStaffUser,
  eventually,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
} from '@jipin/testing';

/**
 * Matching through the real API and worker: publishing a vacancy or changing
 * a profile stores matches with reasons; hard constraints hold; seekers and
 * employers read them; opting out stops it. Each test uses its own occupation
 * family so the tests do not see each other's seekers.
 */
let api: TestApi;
let staff: TestUser;
let employer: TestEmployer;

const query = (sql: string, params: unknown[] = []) => api.dataSource.query(sql, params);
const matchedSeekers = async (vacancyId: string): Promise<string[]> =>
  (
    await query(`select seeker_id from matches where vacancy_id = $1 order by seeker_id`, [
      vacancyId,
    ])
  ).map((r: { seeker_id: string }) => r.seeker_id);
const runs = async (kind: string, id: string): Promise<number> =>
  Number(
    (
      await query(`select runs from match_runs where subject_kind = $1 and subject_id = $2`, [
        kind,
        id,
      ])
    )[0]?.runs ?? 0,
  );
/** Every outbox event delivered and the matching queue empty. */
const settled = () =>
  eventually(async () => {
    const [{ count }] = await query(
      `select count(*)::int as count from outbox_events where delivered_at is null`,
    );
    const jobs = await api.app
      .get(JobQueue)
      .queue(QueueName.Matching)
      .getJobCounts('waiting', 'active', 'prioritized'); // delayed: the nightly refresh
    return count === 0 && Object.values(jobs).every((n) => !n);
  }, 30000);
const recommendations = (seeker: TestUser) =>
  api.get('/api/seekers/me/recommendations', { token: seeker.token });

beforeAll(async () => {
  api = await TestApi.start('matching');
  await api.startWorker();
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
});
afterAll(async () => api.close());

describe('matches for a published vacancy', () => {
  let seeker: TestSeeker;
  let vacancyId: string;

  beforeAll(async () => {
    seeker = await registerSeekerWithProfile(api, {
      desiredOccupations: ['6-25-04-01'],
      skills: ['电焊'],
      desiredPayMin: 4000,
    });
    vacancyId = await publishVacancy(api, employer); // 电子设备装配工, 4000-6500, rural_labour
  });

  test('are stored with score components and a short Chinese explanation', async () => {
    const [row] = await eventually(async () => {
      const rows = await query(`select * from matches where vacancy_id = $1 and seeker_id = $2`, [
        vacancyId,
        seeker.profileId,
      ]);
      return rows.length ? rows : undefined;
    });
    assert.match(
      row.explanation,
      /^意向职业为电子设备装配工；具备焊工技能；薪资符合期望；距您\d+(\.\d)?公里；属于岗位优先招收的重点群体$/,
    );
    assert.equal(row.components.occupation, 1);
    assert.equal(row.components.pay, 1);
    assert.equal(row.components.keyGroup, 1);
    assert.equal(typeof row.components.distanceKm, 'number');
    assert.ok(row.score > 0.8 && row.score <= 1);
  });

  test('the seeker sees them under 为你推荐 with the explanation', async () => {
    const response = await eventually(async () => {
      const r = await recommendations(seeker);
      return r.body.items?.length ? r : undefined;
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.personalised, true);
    const [item] = response.body.items;
    assert.equal(item.vacancyId, vacancyId);
    assert.match(item.explanation, /^意向职业为电子设备装配工；/);
  });

  test('the employer sees the seeker under 推荐人才, masked, without the key-group reason', async () => {
    const response = await api.get(`/api/employer/vacancies/${vacancyId}/recommended-seekers`, {
      token: employer.owner.token,
    });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    const item = response.body.items.find(
      (i: { seekerId: string }) => i.seekerId === seeker.profileId,
    );
    assert.ok(item, 'the open seeker is recommended');
    assert.equal(item.name, '测****');
    assert.equal(item.idNumber, undefined);
    assert.equal(item.phone, undefined);
    // Ids are left out first: a UUID's last group can be twelve digits by chance.
    const withoutIds = JSON.stringify(response.body).replace(
      /[\da-f]{8}(-[\da-f]{4}){3}-[\da-f]{12}/g,
      '',
    );
    assert.doesNotMatch(withoutIds, /\d{11}|\d{17}[\dX]/);
    assert.doesNotMatch(item.explanation, /重点群体/);
    assert.match(item.explanation, /意向职业为电子设备装配工/);
  });

  test('an employer who is not verified, or not the owner, is refused', async () => {
    const unverified = await registerEmployer(api, { verified: false });
    const refused = await api.get(`/api/employer/vacancies/${vacancyId}/recommended-seekers`, {
      token: unverified.owner.token,
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'employer_not_verified');
    const other = await registerEmployer(api, { staff });
    const foreign = await api.get(`/api/employer/vacancies/${vacancyId}/recommended-seekers`, {
      token: other.owner.token,
    });
    assert.equal(foreign.status, 404);
  });

  test('closing the vacancy removes its matches and its recommendation', async () => {
    const closed = await api.post(
      `/api/employer/vacancies/${vacancyId}/close`,
      { reason: '已招满' },
      { token: employer.owner.token },
    );
    assert.ok(closed.status < 300, JSON.stringify(closed.body));
    const listed = await recommendations(seeker);
    assert.ok(!listed.body.items.some((i: { vacancyId: string }) => i.vacancyId === vacancyId));
    await eventually(async () => (await matchedSeekers(vacancyId)).length === 0);
  });
});

describe('employer status', () => {
  test("a suspended employer's vacancies lose their matches, and get them back on reinstatement", async () => {
    const own = await registerEmployer(api, { staff });
    const seeker = await registerSeekerWithProfile(api, { desiredOccupations: ['6-05-01-03'] });
    const sewing = await publishVacancy(api, own, {
      title: '缝纫工',
      occupationCode: '6-05-01-03',
    });
    await eventually(async () => (await matchedSeekers(sewing)).includes(seeker.profileId));

    const suspended = await api.post(
      `/api/staff/employers/${own.id}/suspend`,
      { reason: '营业执照信息与登记不符' },
      { token: staff.token },
    );
    assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
    const listed = await recommendations(seeker);
    assert.ok(!listed.body.items.some((i: { vacancyId: string }) => i.vacancyId === sewing));
    await eventually(async () => (await matchedSeekers(sewing)).length === 0);

    const reinstated = await api.post(
      `/api/staff/employers/${own.id}/reinstate`,
      {},
      { token: staff.token },
    );
    assert.equal(reinstated.status, 200, JSON.stringify(reinstated.body));
    await eventually(async () => (await matchedSeekers(sewing)).includes(seeker.profileId));
  });
});

describe('hard constraints', () => {
  test('an ineligible seeker is never matched to a public-welfare post; a verified one is, once verified', async () => {
    const body = { desiredOccupations: ['4-09-08-02'], birthDate: '1975-03-03' };
    const outsider = await registerSeekerWithProfile(api, body);
    const member = await registerSeekerWithProfile(api, body);
    const tooOld = await registerSeekerWithProfile(api, {
      ...body,
      birthDate: bornYearsBefore(65),
    });
    for (const seeker of [member, tooOld]) {
      await api.post(
        '/api/seekers/me/key-groups',
        { code: 'poverty_alleviated' },
        { token: seeker.token },
      );
      const verified = await api.post(
        `/api/staff/seekers/${seeker.profileId}/key-groups/verify`,
        { code: 'poverty_alleviated', decision: 'verified' },
        { token: staff.token },
      );
      assert.ok(verified.status < 300, JSON.stringify(verified.body));
    }
    const welfare = await publishVacancy(api, employer, {
      kind: 'public_welfare',
      title: '乡村保洁员',
      occupationCode: '4-09-08-02',
      pay: { min: 1600, max: 1800, unit: 'month' },
      ageMin: undefined,
      ageMax: undefined,
      targetKeyGroups: ['poverty_alleviated'],
      eligibility: { keyGroups: ['poverty_alleviated', 'monitored'], ageMin: 18, ageMax: 60 },
    });
    await eventually(async () => (await matchedSeekers(welfare)).includes(member.profileId));
    await settled();
    assert.deepEqual(await matchedSeekers(welfare), [member.profileId]);

    // The outsider's own run (a profile change) does not match them either.
    await api.patch('/api/seekers/me', { skills: ['保洁'] }, { token: outsider.token });
    await settled();
    assert.deepEqual(await matchedSeekers(welfare), [member.profileId]);
    const outsiderView = await recommendations(outsider);
    assert.ok(!outsiderView.body.items.some((i: { vacancyId: string }) => i.vacancyId === welfare));
  });

  test('the age limits of a vacancy are never violated', async () => {
    const young = await registerSeekerWithProfile(api, {
      desiredOccupations: ['4-03-02-01'],
      birthDate: bornYearsBefore(30),
    });
    const atLimit = await registerSeekerWithProfile(api, {
      desiredOccupations: ['4-03-02-03'],
      birthDate: bornYearsBefore(35),
    });
    const older = await registerSeekerWithProfile(api, {
      desiredOccupations: ['4-03-02-01'],
      birthDate: bornYearsBefore(36),
    });
    const cook = await publishVacancy(api, employer, {
      title: '中式烹调师',
      occupationCode: '4-03-02-01',
      ageMin: 18,
      ageMax: 35,
    });
    await eventually(async () => (await matchedSeekers(cook)).length === 2);
    await settled();
    assert.deepEqual(await matchedSeekers(cook), [young.profileId, atLimit.profileId].sort());
    const olderView = await recommendations(older);
    assert.equal(olderView.body.items.length, 0);
  });
});

describe('privacy', () => {
  test('a seeker hidden from employers is matched for themselves but not shown to employers', async () => {
    const hidden = await registerSeekerWithProfile(api, {
      desiredOccupations: ['4-10-01-05'],
      visibility: 'hidden',
    });
    const open = await registerSeekerWithProfile(api, { desiredOccupations: ['4-10-01-05'] });
    const carer = await publishVacancy(api, employer, {
      title: '养老护理员',
      occupationCode: '4-10-01-05',
    });
    await eventually(async () => (await matchedSeekers(carer)).length === 2);
    const talent = await api.get(`/api/employer/vacancies/${carer}/recommended-seekers`, {
      token: employer.owner.token,
    });
    assert.deepEqual(
      talent.body.items.map((i: { seekerId: string }) => i.seekerId),
      [open.profileId],
    );
    const own = await recommendations(hidden);
    assert.equal(own.body.items[0]?.vacancyId, carer);
  });

  test('switching personalised recommendation off removes the matches, says so, and search still works', async () => {
    const seeker = await registerSeekerWithProfile(api, { desiredOccupations: ['4-02-06-04'] });
    const forklift = await publishVacancy(api, employer, {
      title: '叉车司机',
      occupationCode: '4-02-06-04',
    });
    await eventually(async () => (await matchedSeekers(forklift)).includes(seeker.profileId));

    const off = await api.patch(
      '/api/seekers/me',
      { recommendationOptOut: true },
      { token: seeker.token },
    );
    assert.equal(off.status, 200, JSON.stringify(off.body));
    const view = await recommendations(seeker);
    assert.equal(view.status, 200);
    assert.equal(view.body.personalised, false);
    assert.match(view.body.message, /关闭个性化推荐/);
    assert.deepEqual(view.body.items, []);
    const talent = await api.get(`/api/employer/vacancies/${forklift}/recommended-seekers`, {
      token: employer.owner.token,
    });
    assert.deepEqual(talent.body.items, [], 'not shown to employers at once');
    await eventually(async () => !(await matchedSeekers(forklift)).includes(seeker.profileId));
    // A vacancy run does not bring them back while they are opted out.
    await api.app.get(MatchingService).matchVacancy(forklift, { force: true });
    assert.ok(!(await matchedSeekers(forklift)).includes(seeker.profileId));

    const search = await api.get(`/api/vacancies?keyword=${encodeURIComponent('叉车')}`, {
      token: seeker.token,
    });
    assert.equal(search.status, 200);
    assert.ok(
      search.body.items.some((i: { id: string }) => i.id === forklift),
      'search is not personalised recommendation and still works',
    );

    await api.patch('/api/seekers/me', { recommendationOptOut: false }, { token: seeker.token });
    await eventually(async () => (await matchedSeekers(forklift)).includes(seeker.profileId));
  });
});

describe('jobs', () => {
  test('a burst of edits while the jobs wait computes once; an edit after the run computes again', async () => {
    const seeker = await registerSeekerWithProfile(api, { desiredOccupations: ['4-01-02-04'] });
    const till = await publishVacancy(api, employer, {
      title: '收银员',
      occupationCode: '4-01-02-04',
      pay: { min: 3000, max: 3500, unit: 'month' },
    });
    await eventually(async () => (await matchedSeekers(till)).includes(seeker.profileId));
    await settled();
    const before = await runs('seeker', seeker.profileId);

    await api.stopWorker();
    for (const pay of [3100, 3200, 3300, 3400, 3600])
      await api.patch('/api/seekers/me', { desiredPayMin: pay }, { token: seeker.token });
    await api.startWorker();
    await settled();
    assert.equal(await runs('seeker', seeker.profileId), before + 1, 'five edits, one run');
    const [row] = await query(`select components from matches where seeker_id = $1`, [
      seeker.profileId,
    ]);
    assert.ok(row.components.pay < 1, 'computed from the last edit (3600 > 3500)');

    await api.patch('/api/seekers/me', { desiredPayMin: 3000 }, { token: seeker.token });
    await eventually(async () => (await runs('seeker', seeker.profileId)) === before + 2);
    const [again] = await query(`select components from matches where seeker_id = $1`, [
      seeker.profileId,
    ]);
    assert.equal(again.components.pay, 1);
  });

  test('duplicate and concurrent runs of the same job give the same rows and no duplicates', async () => {
    for (let i = 0; i < 3; i++)
      await registerSeekerWithProfile(api, { desiredOccupations: ['4-02-01-02'] });
    const truck = await publishVacancy(api, employer, {
      title: '货车司机',
      occupationCode: '4-02-01-02',
    });
    await eventually(async () => (await matchedSeekers(truck)).length === 3);
    await settled();
    const snapshot = async () =>
      query(
        `select seeker_id, vacancy_id, score, components, explanation from matches
          where vacancy_id = $1 order by seeker_id`,
        [truck],
      );
    const first = await snapshot();
    const matching = api.app.get(MatchingService);
    await Promise.all([1, 2, 3, 4].map(() => matching.matchVacancy(truck, { force: true })));
    await Promise.all([matching.matchVacancy(truck), matching.matchVacancy(truck)]);
    assert.deepEqual(await snapshot(), first);
    const [{ count, pairs }] = await query(
      `select count(*)::int as count, count(distinct (seeker_id, vacancy_id))::int as pairs from matches`,
    );
    assert.equal(count, pairs);
  });
});
