import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import {
  chinaTomorrow,
  createStaffUser,
  eventually,
  FUTIAN,
  gigBody,
  profileBody,
  registerEmployer,
  registerGigWorker,
  registerSeekerWithProfile,
  registerUser,
  shiftDays,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
  WENFENG,
} from '@jipin/testing';

/**
 * The gig market through HTTP: who may post, the review and gig rules, one-tap
 * acceptance under concurrency, the wait list, cancels on both sides, the day's
 * record, and the station screen.
 */
let api: TestApi;
let employer: TestEmployer;
let farmer: TestSeeker;
let futianStaff: TestUser;

beforeAll(async () => {
  api = await TestApi.start('gigs', {
    GIG_MAX_OPEN_PER_INDIVIDUAL: '2',
    GIG_LATE_CANCEL_HOURS: '48',
  });
  employer = await registerEmployer(api);
  farmer = await registerSeekerWithProfile(api, { name: '王大伯' });
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
});
afterAll(async () => api?.close());

async function postGig(token: string, overrides: Record<string, unknown> = {}) {
  const posted = await api.post('/api/gigs', gigBody(overrides), { token });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  return posted.body as { id: string; status: string; headcount: number };
}

const statusOf = async (gigId: string) =>
  (await api.dataSource.query(`select status, accepted_count from gigs where id = $1`, [gigId]))[0];

describe('posting', () => {
  test('a verified employer and a verified individual post; the gig opens at once', async () => {
    const gig = await postGig(employer.owner.token);
    assert.equal(gig.status, 'open');
    const byFarmer = await postGig(farmer.token, { title: '插秧' });
    assert.equal(byFarmer.status, 'open');
    const shown = await api.get(`/api/gigs/${byFarmer.id}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.posterLabel, '王**（个人）', 'a person is shown masked');
    assert.equal(shown.body.payLabel, '160 元/天，日结');
  });

  test('an unverified employer and an individual without an ID number are refused', async () => {
    const pending = await registerEmployer(api, { verified: false });
    const refused = await api.post('/api/gigs', gigBody(), { token: pending.owner.token });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'employer_not_verified');
    const anonymous = await registerUser(api, 'seeker');
    const noId = await api.post('/api/gigs', gigBody(), { token: anonymous.token });
    assert.equal(noId.status, 403);
    assert.equal(noId.body.code, 'individual_not_verified');
    assert.match(noId.body.message, /身份证/);
  });

  test('an individual has a limit on open gigs', async () => {
    const neighbour = await registerSeekerWithProfile(api, { name: '李婶' });
    await postGig(neighbour.token, { title: '打扫卫生', headcount: 1 });
    await postGig(neighbour.token, { title: '做饭帮工', headcount: 1 });
    const third = await api.post('/api/gigs', gigBody({ title: '搬家' }), {
      token: neighbour.token,
    });
    assert.equal(third.status, 409);
    assert.equal(third.body.code, 'too_many_open_gigs');
    assert.match(third.body.message, /最多同时发布 2 个/);
  });

  test('a gig in the past is refused with a clear answer', async () => {
    const yesterday = shiftDays(chinaTomorrow(), -2);
    const past = await api.post('/api/gigs', gigBody({ startDate: yesterday }), {
      token: employer.owner.token,
    });
    assert.equal(past.status, 400);
    assert.equal(past.body.code, 'gig_in_past');
    const inverted = await api.post(
      '/api/gigs',
      gigBody({ endDate: shiftDays(chinaTomorrow(), -1) }),
      { token: employer.owner.token },
    );
    assert.equal(inverted.body.code, 'gig_dates_inverted');
  });

  test('pay below the county floor, discrimination and deposits are refused; nothing is stored', async () => {
    const before = Number((await api.dataSource.query(`select count(*) from gigs`))[0].count);
    const low = await api.post('/api/gigs', gigBody({ payAmount: 80 }), {
      token: employer.owner.token,
    });
    assert.equal(low.status, 400);
    assert.equal(low.body.code, 'gig_pay_below_floor');
    assert.match(low.body.message, /100 元\/天/);
    const hourly = await api.post('/api/gigs', gigBody({ payUnit: 'hour', payAmount: 12 }), {
      token: employer.owner.token,
    });
    assert.equal(hourly.body.code, 'gig_pay_below_floor');
    const male = await api.post('/api/gigs', gigBody({ description: '限男性，力气大' }), {
      token: employer.owner.token,
    });
    assert.equal(male.status, 400);
    assert.equal(male.body.code, 'gig_refused');
    assert.match(male.body.message, /性别/);
    for (const description of ['上工先交押金100元', '押一天工资，做满一周再结', '先交50元定金']) {
      const deposit = await api.post('/api/gigs', gigBody({ description }), {
        token: employer.owner.token,
      });
      assert.equal(deposit.status, 400, description);
      assert.equal(deposit.body.code, 'gig_refused', description);
    }
    const fine = await api.post('/api/gigs', gigBody({ description: '不收押金，管午饭' }), {
      token: employer.owner.token,
    });
    assert.equal(fine.status, 201, JSON.stringify(fine.body));
    const afterCount = Number((await api.dataSource.query(`select count(*) from gigs`))[0].count);
    assert.equal(afterCount, before + 1, 'refused gigs leave nothing behind');
  });

  test('a gig the rules hold waits for staff of its township, then opens; a refused one never shows', async () => {
    const held = await postGig(employer.owner.token, { description: '需体检，乙肝携带者请说明' });
    assert.equal(held.status, 'pending_review');
    assert.equal((await api.get(`/api/gigs/${held.id}`)).status, 404, 'not public while held');
    const accept = await api.post(
      `/api/gigs/${held.id}/accept`,
      {},
      { token: (await registerGigWorker(api)).token },
    );
    assert.equal(accept.status, 404);
    const wenfeng = await createStaffUser(api, { townshipCode: WENFENG });
    const queue = await api.get('/api/staff/gigs/review-queue', { token: wenfeng.token });
    assert.ok(
      !queue.body.some((g: { id: string }) => g.id === held.id),
      'another township does not see it',
    );
    const mine = await api.get('/api/staff/gigs/review-queue', { token: futianStaff.token });
    assert.ok(mine.body.some((g: { id: string }) => g.id === held.id));
    const approved = await api.post(
      `/api/staff/gigs/${held.id}/approve`,
      {},
      { token: futianStaff.token },
    );
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'open');
    const [event] = await api.dataSource.query(
      `select count(*)::int as n from outbox_events where type = 'gig.opened' and aggregate_id = $1`,
      [held.id],
    );
    assert.equal(event.n, 1, 'approval dispatches the gig');
    const again = await api.post(
      `/api/staff/gigs/${held.id}/approve`,
      {},
      { token: futianStaff.token },
    );
    assert.equal(again.body.code, 'gig_not_pending');
    const other = await postGig(employer.owner.token, { description: '乙肝两对半需查' });
    const rejected = await api.post(
      `/api/staff/gigs/${other.id}/reject`,
      { reason: '不得要求乙肝检测' },
      {
        token: futianStaff.token,
      },
    );
    assert.equal(rejected.body.status, 'rejected');
  });

  test('hostile input gets a Chinese 400, never a 500', async () => {
    for (const body of [
      gigBody({ headcount: 0 }),
      gigBody({ headcount: 'many' }),
      gigBody({ startTime: '25:00' }),
      gigBody({ startDate: '2026-02-30' }),
      gigBody({ townshipCode: '999999999999' }),
      gigBody({ villageCode: '360822100201' }),
      gigBody({ payUnit: 'month' }),
      gigBody({ hoursPerDay: 30 }),
      { title: '' },
    ]) {
      const answer = await api.post('/api/gigs', body, { token: employer.owner.token });
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.match(answer.body.message, /[\u4e00-\u9fa5]/);
    }
  });
});

describe('accepting', () => {
  test('100 concurrent accepts of a 10-person gig: exactly 10 accepted, 90 wait-listed in order', async () => {
    const gig = await postGig(employer.owner.token, { headcount: 10, title: '装车卸货' });
    const workers = [];
    for (let i = 0; i < 100; i++) workers.push(await registerGigWorker(api));
    const answers = await Promise.all(
      workers.map((w) => api.post(`/api/gigs/${gig.id}/accept`, {}, { token: w.token })),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [201]);
    const accepted = answers.filter((a) => a.body.status === 'accepted');
    const waiting = answers.filter((a) => a.body.status === 'waitlisted');
    assert.equal(accepted.length, 10);
    assert.equal(waiting.length, 90);
    assert.deepEqual(
      waiting.map((a) => a.body.waitPosition).sort((x, y) => x - y),
      Array.from({ length: 90 }, (_, i) => i + 1),
    );
    assert.deepEqual(await statusOf(gig.id), { status: 'filled', accepted_count: 10 });
    const again = await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: workers[0].token });
    assert.equal(again.status, 200, 'a repeated tap keeps the same place');
  });

  test('one worker cannot hold two gigs at the same time, even tapping both at once', async () => {
    const morning = await postGig(employer.owner.token, {
      title: '除草',
      startTime: '08:00',
      hoursPerDay: 4,
    });
    const overlapping = await postGig(employer.owner.token, {
      title: '施肥',
      startTime: '10:00',
      hoursPerDay: 4,
    });
    const evening = await postGig(employer.owner.token, {
      title: '看护',
      startTime: '18:00',
      hoursPerDay: 2,
    });
    const worker = await registerGigWorker(api);
    const both = await Promise.all(
      [morning, overlapping].map((g) =>
        api.post(`/api/gigs/${g.id}/accept`, {}, { token: worker.token }),
      ),
    );
    assert.deepEqual(both.map((a) => a.status).sort(), [201, 409]);
    const refused = both.find((a) => a.status === 409)!;
    assert.equal(refused.body.code, 'gig_overlap');
    assert.match(refused.body.message, /时间重叠/);
    const later = await api.post(`/api/gigs/${evening.id}/accept`, {}, { token: worker.token });
    assert.equal(later.status, 201, 'a gig later the same day does not overlap');
  });

  test("a worker's 零工 tab: gigs within their radius today and tomorrow, most places missing first", async () => {
    const small = await postGig(employer.owner.token, { title: '小活', headcount: 1 });
    const big = await postGig(employer.owner.token, { title: '大活', headcount: 8 });
    const near = await registerGigWorker(api, { radiusKm: 5 });
    const far = await registerGigWorker(api, {
      townshipCode: '360822200000',
      villageCode: '360822200201',
      radiusKm: 10,
    });
    const seen = await api.get('/api/gigs/nearby', { token: near.token });
    assert.equal(seen.status, 200);
    assert.equal(seen.body.registered, true);
    const ids = seen.body.gigs.map((g: { id: string }) => g.id);
    assert.ok(ids.indexOf(big.id) >= 0 && ids.indexOf(big.id) < ids.indexOf(small.id));
    assert.equal(seen.body.gigs.find((g: { id: string }) => g.id === big.id).distanceKm, 0);
    const farAway = await api.get('/api/gigs/nearby', { token: far.token });
    assert.ok(
      !farAway.body.gigs.some((g: { id: string }) => g.id === big.id),
      '35 km is beyond 10',
    );
    const unregistered = await registerUser(api, 'seeker');
    const county = await api.get('/api/gigs/nearby', { token: unregistered.token });
    assert.equal(county.body.registered, false);
    assert.ok(
      county.body.gigs.some((g: { id: string }) => g.id === big.id),
      'the county board instead',
    );
  });

  test('a worker must say when they are free first; a started gig cannot be taken', async () => {
    const gig = await postGig(employer.owner.token);
    const stranger = await registerUser(api, 'seeker');
    const refused = await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: stranger.token });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'gig_worker_required');
    await api.dataSource.query(
      `update gigs set starts_at = now() - interval '1 hour' where id = $1`,
      [gig.id],
    );
    const worker = await registerGigWorker(api);
    const late = await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: worker.token });
    assert.equal(late.status, 409);
    assert.equal(late.body.code, 'gig_started');
  });

  test('a worker cancelling late is recorded as late and the first on the wait list moves up and is told', async () => {
    await api.startWorker();
    try {
      const gig = await postGig(employer.owner.token, { headcount: 1, title: '守果园' });
      const first = await registerGigWorker(api);
      const second = await registerGigWorker(api);
      const placed = await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: first.token });
      const waiting = await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: second.token });
      assert.equal(waiting.body.status, 'waitlisted');
      const cancelled = await api.post(
        `/api/gig-assignments/${placed.body.id}/cancel`,
        {},
        {
          token: first.token,
        },
      );
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal(cancelled.body.cancelledLate, true, 'within GIG_LATE_CANCEL_HOURS of the start');
      const [moved] = await api.dataSource.query(
        `select status from gig_assignments where id = $1`,
        [waiting.body.id],
      );
      assert.equal(moved.status, 'accepted');
      assert.deepEqual(await statusOf(gig.id), { status: 'filled', accepted_count: 1 });
      await eventually(async () => {
        const notices = await api.get('/api/notifications', { token: second.token });
        return notices.body.items.some((n: { kind: string }) => n.kind === 'gig_promoted');
      });
      const early = await postGig(employer.owner.token, {
        headcount: 1,
        title: '剪枝',
        startDate: shiftDays(chinaTomorrow(), 5),
      });
      const third = await registerGigWorker(api, {
        availableDates: [],
        weekdays: [1, 2, 3, 4, 5, 6, 7],
      });
      const taken = await api.post(`/api/gigs/${early.id}/accept`, {}, { token: third.token });
      const dropped = await api.post(
        `/api/gig-assignments/${taken.body.id}/cancel`,
        {},
        {
          token: third.token,
        },
      );
      assert.equal(dropped.body.cancelledLate, false, 'days ahead is not late');
      assert.deepEqual(await statusOf(early.id), { status: 'open', accepted_count: 0 });
    } finally {
      await api.stopWorker();
    }
  });

  test('a poster cancelling after acceptance tells every worker who accepted or waits', async () => {
    await api.startWorker();
    try {
      const gig = await postGig(farmer.token, { headcount: 1, title: '挖红薯' });
      const accepted = await registerGigWorker(api);
      const waiting = await registerGigWorker(api);
      await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: accepted.token });
      await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: waiting.token });
      const noReason = await api.post(`/api/gigs/${gig.id}/cancel`, {}, { token: farmer.token });
      assert.equal(noReason.status, 400);
      const other = await registerSeekerWithProfile(api);
      const notMine = await api.post(
        `/api/gigs/${gig.id}/cancel`,
        { reason: '下雨' },
        { token: other.token },
      );
      assert.equal(notMine.status, 404);
      const cancelled = await api.post(
        `/api/gigs/${gig.id}/cancel`,
        { reason: '明天下大雨' },
        {
          token: farmer.token,
        },
      );
      assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
      assert.equal(cancelled.body.status, 'cancelled');
      for (const worker of [accepted, waiting]) {
        const told = await eventually(async () => {
          const notices = await api.get('/api/notifications', { token: worker.token });
          return notices.body.items.find((n: { kind: string }) => n.kind === 'gig_cancelled');
        });
        assert.match(told.body, /明天下大雨/);
      }
      const places = await api.get('/api/gig-assignments', { token: accepted.token });
      assert.equal(places.body[0].status, 'gig_cancelled');
      const retry = await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: accepted.token });
      assert.equal(retry.status, 409);
      assert.equal(retry.body.code, 'gig_cancelled');
    } finally {
      await api.stopWorker();
    }
  });
});

describe('on the day', () => {
  test('check-in and out by poster or worker, pay, ratings once each, an unpaid report to the township', async () => {
    const gig = await postGig(farmer.token, { headcount: 2, title: '摘茶叶' });
    const [a, b] = [
      await registerGigWorker(api, {}, '张三'),
      await registerGigWorker(api, {}, '李四'),
    ];
    const placeA = (await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: a.token })).body;
    const placeB = (await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: b.token })).body;
    const early = await api.post(
      `/api/gig-assignments/${placeA.id}/check-in`,
      {},
      { token: farmer.token },
    );
    assert.equal(early.status, 400);
    assert.equal(early.body.code, 'not_a_gig_day', 'the gig is tomorrow');
    assert.match(early.body.message, /不是这个零工的工作日/);
    // The day comes, the start three hours away: too early yet.
    await api.dataSource.query(
      `update gigs set start_date = (now() at time zone 'Asia/Shanghai')::date, end_date = (now() at time zone 'Asia/Shanghai')::date,
         starts_at = now() + interval '3 hours' where id = $1`,
      [gig.id],
    );
    const tooEarly = await api.post(
      `/api/gig-assignments/${placeA.id}/check-in`,
      {},
      { token: farmer.token },
    );
    assert.equal(tooEarly.status, 400);
    assert.equal(tooEarly.body.code, 'check_in_too_early');
    // The gig starts now.
    await api.dataSource.query(
      `update gigs set start_date = (now() at time zone 'Asia/Shanghai')::date, end_date = (now() at time zone 'Asia/Shanghai')::date,
         starts_at = now() - interval '10 minutes' where id = $1`,
      [gig.id],
    );
    const byPoster = await api.post(
      `/api/gig-assignments/${placeA.id}/check-in`,
      {},
      { token: farmer.token },
    );
    assert.equal(byPoster.status, 200, JSON.stringify(byPoster.body));
    assert.equal(byPoster.body.workerName, '张三');
    assert.match(byPoster.body.workerPhone, /^1\d\d\*{4}\d{4}$/);
    const byWorker = await api.post(
      `/api/gig-assignments/${placeB.id}/check-in`,
      {},
      { token: b.token },
    );
    assert.equal(byWorker.status, 200);
    assert.equal(byWorker.body.workerName, undefined, 'the worker sees their own record');
    const twice = await api.post(
      `/api/gig-assignments/${placeB.id}/check-in`,
      {},
      { token: b.token },
    );
    assert.equal(twice.body.code, 'already_checked_in');
    const stranger = await registerGigWorker(api);
    const notTheirs = await api.post(
      `/api/gig-assignments/${placeA.id}/check-in`,
      {},
      { token: stranger.token },
    );
    assert.equal(notTheirs.status, 404);
    const future = await api.post(
      `/api/gig-assignments/${placeA.id}/check-out`,
      { at: new Date(Date.now() + 3600000).toISOString() },
      { token: farmer.token },
    );
    assert.equal(future.body.code, 'time_in_future');
    for (const place of [placeA, placeB]) {
      const out = await api.post(
        `/api/gig-assignments/${place.id}/check-out`,
        {},
        { token: farmer.token },
      );
      assert.equal(out.status, 200);
    }
    const paid = await api.post(
      `/api/gig-assignments/${placeA.id}/pay`,
      { amount: 160, status: 'paid' },
      {
        token: farmer.token,
      },
    );
    assert.equal(paid.body.days[0].payStatus, 'paid');
    const workerPays = await api.post(
      `/api/gig-assignments/${placeA.id}/pay`,
      { amount: 999, status: 'paid' },
      {
        token: a.token,
      },
    );
    assert.equal(workerPays.status, 404, 'a worker does not record their own pay');
    await api.post(
      `/api/gig-assignments/${placeB.id}/pay`,
      { amount: 160, status: 'owed' },
      { token: farmer.token },
    );
    assert.equal(
      (
        await api.post(
          `/api/gig-assignments/${placeA.id}/rating`,
          { score: 5 },
          { token: farmer.token },
        )
      ).status,
      201,
    );
    assert.equal(
      (await api.post(`/api/gig-assignments/${placeA.id}/rating`, { score: 4 }, { token: a.token }))
        .status,
      201,
    );
    const again = await api.post(
      `/api/gig-assignments/${placeA.id}/rating`,
      { score: 1 },
      { token: a.token },
    );
    assert.equal(again.body.code, 'already_rated');
    const badScore = await api.post(
      `/api/gig-assignments/${placeA.id}/rating`,
      { score: 9 },
      { token: a.token },
    );
    assert.equal(badScore.status, 400);

    const report = await api.post(
      `/api/gig-assignments/${placeB.id}/unpaid-report`,
      { amountOwed: 160, note: '说好日结，至今未付' },
      {
        token: b.token,
      },
    );
    assert.equal(report.status, 201, JSON.stringify(report.body));
    const duplicate = await api.post(
      `/api/gig-assignments/${placeB.id}/unpaid-report`,
      { amountOwed: 160 },
      { token: b.token },
    );
    assert.equal(duplicate.body.code, 'already_reported');
    const reports = await api.get('/api/staff/gig-unpaid-reports', { token: futianStaff.token });
    assert.equal(reports.status, 200);
    const mine = reports.body.find((r: { id: string }) => r.id === report.body.id);
    assert.equal(mine.record.workerName, '李四');
    assert.equal(mine.record.days[0].payStatus, 'owed');
    assert.ok(
      mine.record.days[0].checkedInAt && mine.record.days[0].checkedOutAt,
      'the report comes with the record',
    );
    const wenfeng = await createStaffUser(api, { townshipCode: WENFENG });
    const elsewhere = await api.get('/api/staff/gig-unpaid-reports', { token: wenfeng.token });
    assert.ok(!elsewhere.body.some((r: { id: string }) => r.id === report.body.id));

    const today = (
      await api.dataSource.query(`select (now() at time zone 'Asia/Shanghai')::date::text as d`)
    )[0].d;
    const station = await api.get(`/api/staff/gig-station?date=${today}`, {
      token: futianStaff.token,
    });
    assert.equal(station.status, 200, JSON.stringify(station.body));
    const onScreen = station.body.gigs.find((g: { id: string }) => g.id === gig.id);
    assert.deepEqual(onScreen.workers.map((w: { workerName: string }) => w.workerName).sort(), [
      '张三',
      '李四',
    ]);
    assert.equal(station.body.openUnpaidReports >= 1, true);
    const figures = await api.get(`/api/staff/statistics/gigs?from=${today}&to=${today}`, {
      token: futianStaff.token,
    });
    assert.equal(figures.status, 200, JSON.stringify(figures.body));
    assert.equal(figures.body.total.flexibleEmployed, 2);
    assert.equal(figures.body.total.payPaid, 160);
    assert.equal(figures.body.total.payOwed, 160);
    assert.equal(figures.body.total.workDays, 2);
    assert.match(figures.body.text, /实现灵活就业2人/);
    const paragraph = await api.get(`/api/staff/statistics/report-text?from=${today}&to=${today}`, {
      token: futianStaff.token,
    });
    assert.equal(paragraph.status, 200, JSON.stringify(paragraph.body));
    assert.match(
      paragraph.body.text,
      /零工市场发布零工\d+个/,
      'the report paragraph counts the gig market',
    );
  });

  test('a gig of several days: each day its own check-in, check-out and pay, counted per day', async () => {
    const grower = await registerSeekerWithProfile(api, { name: '陈大叔' });
    const gig = await postGig(grower.token, {
      headcount: 1,
      title: '收稻谷',
      endDate: shiftDays(chinaTomorrow(), 2),
    });
    const worker = await registerGigWorker(api, {}, '孙大姐');
    const place = (await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: worker.token })).body;
    // The gig runs from yesterday to tomorrow; yesterday's start was 25 hours ago.
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3600000).toISOString();
    const [{ yesterday, today }] = await api.dataSource.query(
      `select ((now() - interval '1 day') at time zone 'Asia/Shanghai')::date::text as yesterday,
              (now() at time zone 'Asia/Shanghai')::date::text as today`,
    );
    await api.dataSource.query(
      `update gigs set start_date = $2, end_date = $2::date + 2,
         starts_at = now() - interval '25 hours' where id = $1`,
      [gig.id, yesterday],
    );
    const figuresNow = async () =>
      (
        await api.get(`/api/staff/statistics/gigs?from=${yesterday}&to=${today}`, {
          token: futianStaff.token,
        })
      ).body.total;
    const before = await figuresNow();
    const record = (path: string, body: object = {}) =>
      api.post(`/api/gig-assignments/${place.id}/${path}`, body, { token: grower.token });

    const dayBefore = await record('check-in', { at: hoursAgo(48) });
    assert.equal(dayBefore.status, 400, 'the day before the gig is not one of its days');
    assert.equal(dayBefore.body.code, 'not_a_gig_day');
    assert.match(dayBefore.body.message, /不是这个零工的工作日/);
    assert.equal((await record('check-in', { at: hoursAgo(24) })).status, 200);
    assert.equal((await record('check-out', { at: hoursAgo(16) })).status, 200);
    const first = await record('pay', { amount: 160, status: 'paid', date: yesterday });
    assert.equal(first.status, 200, JSON.stringify(first.body));

    const second = await record('check-in');
    assert.equal(second.status, 200, 'the second day has a check-in of its own');
    const twice = await record('check-in');
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'already_checked_in');
    assert.match(twice.body.message, /同一天不能重复签到/);
    assert.equal((await record('check-out')).status, 200);
    const outTwice = await record('check-out');
    assert.equal(outTwice.body.code, 'already_checked_out');
    const paid = await record('pay', { amount: 150, status: 'owed' });
    assert.deepEqual(
      paid.body.days.map((d: { date: string; payAmount: number; payStatus: string }) => [
        d.date,
        d.payAmount,
        d.payStatus,
      ]),
      [
        [yesterday, 160, 'paid'],
        [today, 150, 'owed'],
      ],
    );
    const noDay = await record('pay', { amount: 150, status: 'paid', date: shiftDays(today, 1) });
    assert.equal(noDay.status, 409);
    assert.equal(noDay.body.code, 'not_worked');

    const after = await figuresNow();
    assert.equal(after.workDays - before.workDays, 2, 'two days of work, one person');
    assert.equal(after.flexibleEmployed - before.flexibleEmployed, 1);
    assert.equal(after.payPaid - before.payPaid, 160);
    assert.equal(after.payOwed - before.payOwed, 150);
  });

  test('a no-show is recorded and the wait list fills the place', async () => {
    const gig = await postGig(employer.owner.token, { headcount: 1, title: '卸化肥' });
    const [late, next] = [await registerGigWorker(api), await registerGigWorker(api)];
    const place = (await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: late.token })).body;
    const waiting = (await api.post(`/api/gigs/${gig.id}/accept`, {}, { token: next.token })).body;
    const confirmed = await api.post(
      `/api/gig-assignments/${place.id}/confirm`,
      {},
      { token: employer.owner.token },
    );
    assert.equal(confirmed.body.status, 'confirmed');
    const noShow = await api.post(
      `/api/gig-assignments/${place.id}/no-show`,
      {},
      { token: employer.owner.token },
    );
    assert.equal(noShow.status, 200);
    assert.equal(noShow.body.status, 'no_show');
    const list = await api.get(`/api/gigs/${gig.id}/assignments`, { token: employer.owner.token });
    assert.equal(list.body.find((p: { id: string }) => p.id === waiting.id).status, 'accepted');
    const workerAsks = await api.get(`/api/gigs/${gig.id}/assignments`, { token: next.token });
    assert.equal(workerAsks.status, 404, 'workers do not see who else is on the gig');
  });
});

describe('the township station', () => {
  test('staff post for a farmer at the window, sign up a worker without a smartphone and place them', async () => {
    const person = await api.post(
      '/api/staff/seekers',
      {
        ...profileBody({ name: '刘大爷', birthDate: '1958-02-03' }),
        consent: { method: 'signed_paper', reference: '阜田驿站-001' },
      },
      { token: futianStaff.token },
    );
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const signed = await api.post(
      '/api/staff/gig-workers',
      {
        profileId: person.body.id,
        townshipCode: FUTIAN,
        radiusKm: 5,
        availableDates: [chinaTomorrow()],
        skills: ['农活'],
      },
      { token: futianStaff.token },
    );
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.noSmartphone, true);
    const noName = await api.post(
      '/api/staff/gigs',
      { ...gigBody(), onBehalfOf: { name: '' } },
      { token: futianStaff.token },
    );
    assert.equal(noName.status, 400);
    const elsewhere = await api.post(
      '/api/staff/gigs',
      {
        ...gigBody({ townshipCode: WENFENG, villageCode: undefined }),
        onBehalfOf: { name: '赵大妈' },
      },
      { token: futianStaff.token },
    );
    assert.equal(elsewhere.status, 403);
    const posted = await api.post(
      '/api/staff/gigs',
      { ...gigBody({ headcount: 1 }), onBehalfOf: { name: '赵大妈', phone: '13912345678' } },
      {
        token: futianStaff.token,
      },
    );
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(posted.body.posterLabel, '赵**（阜田镇零工驿站代发）');
    const placed = await api.post(
      `/api/staff/gigs/${posted.body.id}/assignments`,
      { workerUserId: signed.body.userId },
      {
        token: futianStaff.token,
      },
    );
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    assert.equal(placed.body.source, 'window');
    assert.equal(placed.body.workerName, '刘大爷');
    const station = await api.get(`/api/staff/gig-station?date=${chinaTomorrow()}`, {
      token: futianStaff.token,
    });
    assert.ok(station.body.gigs.some((g: { id: string }) => g.id === posted.body.id));
    assert.ok(!JSON.stringify(station.body).includes('13912345678'));
    const county = await createStaffUser(api);
    const noTownship = await api.get('/api/staff/gig-station', { token: county.token });
    assert.equal(noTownship.status, 400);
    assert.equal(noTownship.body.code, 'township_required');
  });
});
