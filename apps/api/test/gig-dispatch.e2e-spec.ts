import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import {
  chinaTomorrow,
  eventually,
  FUTIAN,
  gigBody,
  registerEmployer,
  registerGigWorker,
  shiftDays,
  TestApi,
  TestEmployer,
  TestGigWorker,
  WorkerProcess,
} from '@jipin/testing';

/**
 * Dispatch: a new gig goes to the nearest free workers who fit, in waves,
 * and stops when filled; a worker process killed mid-dispatch loses nobody
 * and tells nobody twice.
 */
let api: TestApi;
let employer: TestEmployer;

beforeAll(async () => {
  api = await TestApi.start('gig_dispatch', {
    GIG_WAVE_SIZE: '3',
    GIG_WAVE_INTERVAL_SECONDS: '2',
  });
  employer = await registerEmployer(api);
});
afterAll(async () => api?.close());

const JINTAN_VILLAGE = { townshipCode: '360822105000', villageCode: '360822105201' }; // 8.4 km
const SHANGXIAN = { townshipCode: '360822200000', villageCode: '360822200201' }; // 35.6 km
const NANCUN = { townshipCode: FUTIAN, villageCode: '360822101202' }; // 4.8 km

async function offeredTo(gigId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await api.dataSource.query(
    `select user_id from notifications where kind = 'gig_offer' and link = $1 order by created_at`,
    [`/gigs/${gigId}`],
  );
  return rows.map((r) => r.user_id);
}

const post = async (overrides: Record<string, unknown>) => {
  const posted = await api.post('/api/gigs', gigBody(overrides), { token: employer.owner.token });
  assert.equal(posted.status, 201, JSON.stringify(posted.body));
  return posted.body.id as string;
};

test('the nearest free workers who fit are told first, in waves; the unfit and the far never', async () => {
  const skill = { skills: ['摘果'] };
  const here = await registerGigWorker(api, { ...skill, radiusKm: 10 }, '樟树村');
  const village = await registerGigWorker(api, { ...NANCUN, ...skill, radiusKm: 10 }, '南村');
  const township = await registerGigWorker(
    api,
    { ...JINTAN_VILLAGE, ...skill, radiusKm: 15 },
    '金滩',
  );
  const wideRadius = await registerGigWorker(
    api,
    { ...SHANGXIAN, ...skill, radiusKm: 50 },
    '尚贤远但愿意',
  );
  const tooFar = await registerGigWorker(api, { ...SHANGXIAN, ...skill, radiusKm: 30 }, '尚贤');
  const shortRadius = await registerGigWorker(
    api,
    { ...JINTAN_VILLAGE, ...skill, radiusKm: 5 },
    '只去5公里',
  );
  const otherSkill = await registerGigWorker(api, { skills: ['电焊'], radiusKm: 10 }, '焊工');
  const busyDay = await registerGigWorker(
    api,
    { ...skill, availableDates: [shiftDays(chinaTomorrow(), 3)] },
    '后天才有空',
  );
  const inactive = await registerGigWorker(api, { ...skill, active: false }, '暂停');
  await api.startWorker();
  try {
    const gigId = await post({ headcount: 10, skills: ['摘果'] });
    const firstWave = await eventually(async () => {
      const told = await offeredTo(gigId);
      return told.length >= 3 && told;
    });
    assert.deepEqual(
      new Set(firstWave.slice(0, 3)),
      new Set([here.userId, village.userId, township.userId]),
      'the three nearest come first',
    );
    const all = await eventually(async () => {
      const told = await offeredTo(gigId);
      return told.length >= 4 && told;
    }, 15000);
    assert.equal(all[3], wideRadius.userId, 'the second wave reaches further');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const final = await offeredTo(gigId);
    for (const never of [tooFar, shortRadius, otherSkill, busyDay, inactive])
      assert.ok(!final.includes(never.userId), 'not fitting, not free or too far');
    assert.equal(final.length, 4);
    const [sms] = await api.dataSource.query(
      `select count(*) filter (where sms_status = 'sent')::int as sent from notifications where link = $1`,
      [`/gigs/${gigId}`],
    );
    assert.equal(sms.sent, 4, 'each is also told by SMS');
  } finally {
    await api.stopWorker();
  }
});

test('dispatch stops when the gig is filled', async () => {
  const workers: TestGigWorker[] = [];
  for (let i = 0; i < 7; i++)
    workers.push(await registerGigWorker(api, { skills: ['插秧'], radiusKm: 30 }));
  await api.startWorker();
  try {
    const gigId = await post({ headcount: 2, skills: ['插秧'], title: '插秧' });
    const firstWave = await eventually(async () => {
      const told = await offeredTo(gigId);
      return told.length >= 3 && told;
    });
    for (const userId of firstWave.slice(0, 2)) {
      const worker = workers.find((w) => w.userId === userId)!;
      const accepted = await api.post(`/api/gigs/${gigId}/accept`, {}, { token: worker.token });
      assert.equal(accepted.body.status, 'accepted');
    }
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.equal((await offeredTo(gigId)).length, 3, 'no wave after the gig is filled');

    // Without filling, the waves go on: the five who are not busy that day are all told.
    const unfilled = await post({ headcount: 5, skills: ['插秧'], title: '插秧二' });
    await eventually(async () => (await offeredTo(unfilled)).length === 5, 15000);
  } finally {
    await api.stopWorker();
  }
});

test('a worker process killed mid-dispatch: every worker told once, nobody twice', async () => {
  const restartApi = await TestApi.start('gig_dispatch_restart', {
    GIG_WAVE_SIZE: '5',
    GIG_WAVE_INTERVAL_SECONDS: '1',
  });
  let worker: WorkerProcess | undefined;
  try {
    const owner = await registerEmployer(restartApi);
    const workers: TestGigWorker[] = [];
    for (let i = 0; i < 25; i++)
      workers.push(await registerGigWorker(restartApi, { skills: ['装车'], radiusKm: 30 }));
    const posted = await restartApi.post(
      '/api/gigs',
      gigBody({ headcount: 50, skills: ['装车'], title: '装车' }),
      {
        token: owner.owner.token,
      },
    );
    assert.equal(posted.status, 201);
    const link = `/gigs/${posted.body.id}`;
    const told = async () =>
      Number(
        (
          await restartApi.dataSource.query(`select count(*) from notifications where link = $1`, [
            link,
          ])
        )[0].count,
      );
    worker = new WorkerProcess(restartApi.env).start();
    await eventually(async () => (await told()) >= 5, 30000, 20);
    await worker.kill();
    const outputBefore = [...worker.output];
    worker = new WorkerProcess(restartApi.env).start();
    await eventually(async () => (await told()) === 25, 180000);
    // A job killed between its notice and its SMS is taken up again once its lock expires.
    const texted = async () =>
      Number(
        (
          await restartApi.dataSource.query(
            `select count(*) from notifications where link = $1 and sms_status = 'sent'`,
            [link],
          )
        )[0].count,
      );
    await eventually(async () => (await texted()) === 25, 60000);
    const perWorker: { user_id: string; n: number }[] = await restartApi.dataSource.query(
      `select user_id, count(*)::int as n from notifications where link = $1 group by user_id`,
      [link],
    );
    assert.equal(perWorker.length, 25, 'every worker told');
    assert.ok(
      perWorker.every((row) => row.n === 1),
      'nobody told twice',
    );
    const [offers] = await restartApi.dataSource.query(
      `select count(*)::int as n, count(distinct worker_user_id)::int as people from gig_offers where gig_id = $1`,
      [posted.body.id],
    );
    assert.deepEqual(offers, { n: 25, people: 25 });
    const smsLines = [...outputBefore, ...worker.output].filter(
      (line) => line.includes('SMS (log driver)') && line.includes('装车'),
    );
    assert.ok(smsLines.length >= 25, 'each worker got the SMS');
  } finally {
    await worker?.stop();
    await restartApi.close();
  }
}, 300000);
