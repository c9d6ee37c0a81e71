import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import {
  createStaffUser,
  eventually,
  FUTIAN,
  gigBody,
  registerEmployer,
  registerGigWorker,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestUser,
} from '@jipin/testing';

/**
 * Gig threads: one per place on a gig, between the worker and whoever posted
 * (an employer's recruiters, an individual, township staff for someone).
 */
let api: TestApi;
let employer: TestEmployer;
let futianStaff: TestUser;

beforeAll(async () => {
  api = await TestApi.start('gig-messages');
  employer = await registerEmployer(api);
  futianStaff = await createStaffUser(api, { townshipCode: FUTIAN });
});
afterAll(async () => api?.close());

async function placeOn(gigId: string, worker: { token: string }): Promise<string> {
  const place = await api.post(`/api/gigs/${gigId}/accept`, {}, { token: worker.token });
  assert.equal(place.status, 201, JSON.stringify(place.body));
  return place.body.id;
}

async function openThread(token: string, assignmentId: string) {
  return api.post(
    '/api/messages/threads',
    { subjectKind: 'gig', subjectId: assignmentId },
    { token },
  );
}

/** Each side says something; each reads the other's words in the same thread. */
async function exchange(threadId: string, worker: { token: string }, posterToken: string) {
  const asks = await api.post(
    `/api/messages/threads/${threadId}/messages`,
    { body: '明天几点到地头？' },
    { token: worker.token },
  );
  assert.equal(asks.status, 201, JSON.stringify(asks.body));
  const unread = await api.get('/api/messages/unread', { token: posterToken });
  assert.equal(unread.body.unread, 1, 'the poster has one unread message');
  const answers = await api.post(
    `/api/messages/threads/${threadId}/messages`,
    { body: '七点，村口集合，带手套。' },
    { token: posterToken },
  );
  assert.equal(answers.status, 201, JSON.stringify(answers.body));
  assert.equal(answers.body.status, 'visible');
  const seen = await api.get(`/api/messages/threads/${threadId}`, { token: worker.token });
  assert.equal(seen.status, 200);
  assert.deepEqual(
    seen.body.messages.map((m: { body: string; mine: boolean }) => [m.body, m.mine]),
    [
      ['明天几点到地头？', true],
      ['七点，村口集合，带手套。', false],
    ],
  );
  assert.equal(seen.body.mySide, 'seeker');
}

describe('gig threads', () => {
  test('a farmer who posted and the worker who took the place talk; others are kept out', async () => {
    const farmer = await registerSeekerWithProfile(api, { name: '王大伯' });
    const posted = await api.post('/api/gigs', gigBody({ headcount: 1 }), { token: farmer.token });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const worker = await registerGigWorker(api, {}, '张三');
    const waiting = await registerGigWorker(api, {}, '李四');
    const place = await placeOn(posted.body.id, worker);
    const waitPlace = await placeOn(posted.body.id, waiting);

    const opened = await openThread(worker.token, place);
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    const [{ name }] = await api.dataSource.query(`select name from users where id = $1`, [
      farmer.userId,
    ]);
    assert.equal(opened.body.counterpartName, name, 'the worker sees who posted, not a company');
    const byPoster = await openThread(farmer.token, place);
    assert.equal(byPoster.body.id, opened.body.id, 'one thread per place');
    assert.equal(byPoster.body.mySide, 'employer');
    assert.equal(byPoster.body.counterpartName, '张三');
    await exchange(opened.body.id, worker, farmer.token);
    const list = await api.get('/api/messages/threads', { token: farmer.token });
    assert.ok(list.body.some((t: { id: string }) => t.id === opened.body.id));

    const stranger = await registerGigWorker(api, {}, '路人');
    assert.equal((await openThread(stranger.token, place)).status, 404);
    const read = await api.get(`/api/messages/threads/${opened.body.id}`, {
      token: stranger.token,
    });
    assert.equal(read.status, 404, 'a third person cannot read it');
    const write = await api.post(
      `/api/messages/threads/${opened.body.id}/messages`,
      { body: '我也来' },
      { token: stranger.token },
    );
    assert.equal(write.status, 404, 'nor write in it');
    assert.equal(
      (await openThread(waiting.token, waitPlace)).status,
      200,
      'a wait-listed worker may ask the poster too',
    );
    assert.equal(
      (await openThread(waiting.token, place)).status,
      404,
      'but not in another worker’s thread',
    );
  });

  test('each message is told to the other side: the farmer by the worker’s name, the worker by the farmer’s', async () => {
    const farmer = await registerSeekerWithProfile(api, { name: '赵大婶' });
    const posted = await api.post('/api/gigs', gigBody({ headcount: 1, title: '摘茶' }), {
      token: farmer.token,
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const worker = await registerGigWorker(api, {}, '钱五');
    const thread = await openThread(worker.token, await placeOn(posted.body.id, worker));
    await api.startWorker();
    try {
      await exchange(thread.body.id, worker, farmer.token);
      const [{ name: farmerName }] = await api.dataSource.query(
        `select name from users where id = $1`,
        [farmer.userId],
      );
      const toldFarmer = await eventually(async () => {
        const notices = await api.get('/api/notifications', { token: farmer.token });
        return notices.body.items.find((n: { kind: string }) => n.kind === 'message');
      });
      assert.equal(toldFarmer.title, '钱五发来新消息');
      assert.match(toldFarmer.body, /明天几点到地头/);
      assert.equal(toldFarmer.link, `/messages/${thread.body.id}`);
      const toldWorker = await eventually(async () => {
        const notices = await api.get('/api/notifications', { token: worker.token });
        return notices.body.items.find((n: { kind: string }) => n.kind === 'message');
      });
      assert.equal(toldWorker.title, `${farmerName}发来新消息`, 'the farmer, not a company');
      assert.match(toldWorker.body, /七点，村口集合/);
    } finally {
      await api.stopWorker();
    }
  });

  test('an employer’s recruiters answer for the company; a worker never placed has no thread', async () => {
    const posted = await api.post('/api/gigs', gigBody({ headcount: 2, title: '搬货' }), {
      token: employer.owner.token,
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const worker = await registerGigWorker(api, {}, '赵五');
    const place = await placeOn(posted.body.id, worker);
    const opened = await openThread(employer.owner.token, place);
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    await exchange(opened.body.id, worker, employer.owner.token);

    const other = await registerEmployer(api);
    assert.equal((await openThread(other.owner.token, place)).status, 404);
    const cancelled = await registerGigWorker(api, {}, '钱六');
    const gone = await placeOn(posted.body.id, cancelled);
    await api.post(`/api/gig-assignments/${gone}/cancel`, {}, { token: cancelled.token });
    assert.equal(
      (await openThread(cancelled.token, gone)).status,
      404,
      'a worker who gave up the place has no thread',
    );
    const neverPlaced = await registerGigWorker(api, {}, '孙七');
    assert.equal((await openThread(neverPlaced.token, posted.body.id)).status, 404);
    assert.equal(
      (await openThread(neverPlaced.token, '00000000-0000-4000-8000-000000000000')).status,
      404,
    );
  });

  test('township staff who posted for someone at the window talk with the worker', async () => {
    const posted = await api.post(
      '/api/staff/gigs',
      { ...gigBody({ headcount: 1 }), onBehalfOf: { name: '赵大妈' } },
      { token: futianStaff.token },
    );
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const worker = await registerGigWorker(api, {}, '周八');
    const place = await placeOn(posted.body.id, worker);
    const opened = await openThread(futianStaff.token, place);
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    await exchange(opened.body.id, worker, futianStaff.token);
    const colleague = await createStaffUser(api, { townshipCode: FUTIAN });
    const read = await api.get(`/api/messages/threads/${opened.body.id}`, {
      token: colleague.token,
    });
    assert.equal(read.status, 404, 'only the staff member who posted sits in the thread');
  });

  test('staff see a reported farmer by name and are told a person is not an employer to suspend', async () => {
    const farmer = await registerSeekerWithProfile(api, { name: '孙大娘' });
    const posted = await api.post('/api/gigs', gigBody({ headcount: 1 }), { token: farmer.token });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const worker = await registerGigWorker(api, {}, '周七');
    const opened = await openThread(worker.token, await placeOn(posted.body.id, worker));
    await exchange(opened.body.id, worker, farmer.token);
    const report = await api.post(
      `/api/messages/threads/${opened.body.id}/reports`,
      { reason: 'harassment', note: '半夜打电话' },
      { token: worker.token },
    );
    assert.equal(report.status, 201, JSON.stringify(report.body));

    const county = await createStaffUser(api);
    const [{ name }] = await api.dataSource.query(`select name from users where id = $1`, [
      farmer.userId,
    ]);
    const listed = await api.get('/api/staff/message-reports', { token: county.token });
    const row = listed.body.find((r: { id: string }) => r.id === report.body.id);
    assert.equal(row.employerName, name, 'the poster is named, not left blank');
    const read = await api.get(
      `/api/staff/message-reports/${report.body.id}/thread?purpose=${encodeURIComponent('核实骚扰举报')}`,
      { token: county.token },
    );
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.employerName, name);

    const decision = `/api/staff/message-reports/${report.body.id}/decision`;
    const suspend = await api.post(
      decision,
      { decision: 'suspend_employer' },
      { token: county.token },
    );
    assert.equal(suspend.status, 409, JSON.stringify(suspend.body));
    assert.equal(suspend.body.code, 'poster_not_employer');
    assert.match(suspend.body.message, /个人/);
    const open = await api.get('/api/staff/message-reports', { token: county.token });
    assert.ok(
      open.body.some((r: { id: string }) => r.id === report.body.id),
      'the refused decision left the report open',
    );
    const dismiss = await api.post(decision, { decision: 'dismiss' }, { token: county.token });
    assert.equal(dismiss.status, 200, JSON.stringify(dismiss.body));
  });
});
