import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { LogSmsSender, SMS_SENDER } from '@jipin/accounts';
import { MessageRetentionService } from '@jipin/messages';
import {
  createStaffUser,
  eventually,
  publishVacancy,
  registerEmployer,
  registerSeekerWithProfile,
  TestApi,
  TestEmployer,
  TestSeeker,
  TestUser,
  vacancyBody,
} from '@jipin/testing';

/**
 * Issue 18, messages: who may write to whom, what is refused and why, and
 * that delivery goes through the outbox once.
 */
let api: TestApi;
let staff: TestUser;
let employer: TestEmployer;
let vacancyId: string;

const SENDS_PER_MINUTE = 8;

beforeAll(async () => {
  api = await TestApi.start('messages', {
    MESSAGE_SENDS_PER_MINUTE: String(SENDS_PER_MINUTE),
    MESSAGE_SMS_AFTER_MINUTES: '60',
  });
  staff = await createStaffUser(api);
  employer = await registerEmployer(api, { staff });
  vacancyId = await publishVacancy(api, employer);
});
afterAll(async () => api.close());

/** A new seeker who applied to the vacancy, and their thread with the employer. */
async function conversation(
  vacancy = vacancyId,
): Promise<{ seeker: TestSeeker; threadId: string; applicationId: string }> {
  const seeker = await registerSeekerWithProfile(api);
  const applied = await api.post(
    '/api/applications',
    { vacancyId: vacancy },
    { token: seeker.token },
  );
  assert.equal(applied.status, 201, JSON.stringify(applied.body));
  const thread = await api.post(
    '/api/messages/threads',
    { subjectKind: 'application', subjectId: applied.body.id },
    { token: seeker.token },
  );
  assert.equal(thread.status, 200, JSON.stringify(thread.body));
  return { seeker, threadId: thread.body.id, applicationId: applied.body.id };
}

/** Staff reads of the seeker's messages in the personal-data access log, oldest first. */
const messageReads = (seeker: TestSeeker, route: string) =>
  api.dataSource.query(
    `select actor_user_id, actor_role, purpose from pii_access_log
      where subject_user_id = $1 and field = 'messages' and route = $2 order by id`,
    [seeker.userId, route],
  ) as Promise<{ actor_user_id: string; actor_role: string; purpose: string }[]>;

const send = (user: TestUser, threadId: string, body: Record<string, unknown>) =>
  api.post(`/api/messages/threads/${threadId}/messages`, body, { token: user.token });
const unread = async (user: TestUser) =>
  (await api.get('/api/messages/unread', { token: user.token })).body.unread;

describe('threads', () => {
  test('both sides of an application open the same thread; nobody else can', async () => {
    const { seeker, threadId, applicationId } = await conversation();
    const subject = { subjectKind: 'application', subjectId: applicationId };
    const again = await api.post('/api/messages/threads', subject, { token: employer.owner.token });
    assert.equal(again.body.id, threadId);
    assert.equal(again.body.counterpartName, '测试用户');
    const seen = await api.get(`/api/messages/threads/${threadId}`, { token: seeker.token });
    assert.match(seen.body.counterpartName, /吉水县测试电子有限公司/);
    const stranger = await registerSeekerWithProfile(api);
    const other = await registerEmployer(api, { staff });
    for (const outsider of [stranger, other.owner]) {
      const opened = await api.post('/api/messages/threads', subject, { token: outsider.token });
      assert.equal(opened.status, 404);
      const sent = await send(outsider, threadId, { body: '你好' });
      assert.equal(sent.status, 404);
      assert.equal(sent.body.message, '会话不存在或您无权查看');
      assert.equal(
        (await api.get(`/api/messages/threads/${threadId}`, { token: outsider.token })).status,
        404,
      );
    }
    const unknown = await api.post(
      '/api/messages/threads',
      { subjectKind: 'boat', subjectId: applicationId },
      { token: seeker.token },
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message, /不能就/);
    // Staff sit only in threads about gigs they posted for someone: none here.
    const staffCall = await api.get('/api/messages/threads', { token: staff.token });
    assert.equal(staffCall.status, 200);
    assert.deepEqual(staffCall.body, []);
    const staffOpens = await api.post('/api/messages/threads', subject, { token: staff.token });
    assert.equal(staffOpens.status, 404);
  });

  test('empty, blank, oversized and unknown quick replies get a clear 400 and store nothing', async () => {
    const { seeker, threadId } = await conversation();
    const cases: [Record<string, unknown>, string][] = [
      [{ body: '' }, 'message_empty'],
      [{ body: '   \n ' }, 'message_empty'],
      [{}, 'message_empty'],
      [{ body: '好'.repeat(501) }, 'message_too_long'],
      [{ quickReply: 'bribe' }, 'unknown_quick_reply'],
    ];
    for (const [body, code] of cases) {
      const answer = await send(seeker, threadId, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.code, code);
      assert.match(answer.body.message, /[\u4e00-\u9fa5]/);
    }
    const huge = await send(seeker, threadId, { body: '好'.repeat(3000) });
    assert.equal(huge.status, 400);
    const [{ n }] = await api.dataSource.query(
      `select count(*)::int as n from messages where thread_id = $1`,
      [threadId],
    );
    assert.equal(n, 0);
  });

  test('text and quick replies, read receipts, unread counts on both sides', async () => {
    const other = await registerEmployer(api, { staff });
    const otherVacancy = await publishVacancy(api, other);
    const { seeker, threadId } = await conversation(otherVacancy);
    const quick = await send(seeker, threadId, { quickReply: 'still_hiring' });
    assert.equal(quick.status, 201);
    assert.equal(quick.body.body, '您好，这个岗位还招人吗？');
    await send(seeker, threadId, { body: '我有两年装配经验' });
    assert.equal(await unread(other.owner), 2);
    assert.equal(await unread(seeker), 0);
    const read = await api.get(`/api/messages/threads/${threadId}`, { token: other.owner.token });
    assert.deepEqual(
      read.body.messages.map((m: { body: string }) => m.body),
      ['您好，这个岗位还招人吗？', '我有两年装配经验'],
    );
    assert.equal(await unread(other.owner), 0);
    await send(other.owner, threadId, { quickReply: 'still_open' });
    assert.equal(await unread(seeker), 1);
    const mine = await api.get(`/api/messages/threads/${threadId}`, { token: seeker.token });
    assert.ok(mine.body.messages[0].readAt, 'the seeker sees that the employer read it');
    assert.equal(mine.body.messages[0].mine, true);
    assert.equal(mine.body.messages[2].mine, false);
    const plan = await api.dataSource.query(
      `explain select coalesce(sum(employer_unread), 0) from message_threads where employer_id = $1`,
      [other.id],
    );
    assert.doesNotMatch(JSON.stringify(plan), /Seq Scan/, 'the badge reads an index');
  });

  test('malformed ids, bodies, keys and report notes get a clear 400; a key reused elsewhere a 409', async () => {
    const { seeker, threadId } = await conversation();
    const notUuid = await send(seeker, 'not-a-thread', { body: '你好' });
    assert.equal(notUuid.status, 400);
    for (const body of [{ body: 12345 }, { body: ['你好'] }, { body: '你好', clientKey: 'a b' }]) {
      const answer = await send(seeker, threadId, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.body.message, /[\u4e00-\u9fa5]/);
    }
    const longNote = await api.post(
      `/api/messages/threads/${threadId}/reports`,
      { reason: 'harassment', note: '骚'.repeat(501) },
      { token: seeker.token },
    );
    assert.equal(longNote.status, 400);
    assert.equal(longNote.body.code, 'note_too_long');
    const key = 'reused-key-0001';
    assert.equal((await send(seeker, threadId, { body: '第一条', clientKey: key })).status, 201);
    const second = await conversation();
    const elsewhere = await send(second.seeker, second.threadId, {
      body: '别人的',
      clientKey: key,
    });
    assert.equal(elsewhere.status, 201, 'keys are per sender');
    const other = await api.post(
      '/api/applications',
      { vacancyId: await publishVacancy(api, employer, { title: '质检员' }) },
      { token: seeker.token },
    );
    const otherThread = await api.post(
      '/api/messages/threads',
      { subjectKind: 'application', subjectId: other.body.id },
      { token: seeker.token },
    );
    const reused = await send(seeker, otherThread.body.id, { body: '第一条', clientKey: key });
    assert.equal(reused.status, 409);
    assert.equal(reused.body.code, 'client_key_reused');
  });

  test('a retried send with the same key stores one message', async () => {
    const { seeker, threadId } = await conversation();
    const key = 'retry-key-0001';
    const [a, b] = await Promise.all([
      send(seeker, threadId, { body: '重复发送', clientKey: key }),
      send(seeker, threadId, { body: '重复发送', clientKey: key }),
    ]);
    assert.equal(a.body.id, b.body.id);
    const [{ n, events }] = await api.dataSource.query(
      `select (select count(*)::int from messages where thread_id = $1) as n,
              (select count(*)::int from outbox_events where type = 'message.sent'
                and payload->>'messageId' = $2) as events`,
      [threadId, a.body.id],
    );
    assert.deepEqual([n, events], [1, 1]);
  });

  test('flooding: past the per-sender limit a minute, a 429 in Chinese', async () => {
    const { seeker, threadId } = await conversation();
    for (let i = 0; i < SENDS_PER_MINUTE; i++)
      assert.equal((await send(seeker, threadId, { body: `第${i}条` })).status, 201);
    const refused = await send(seeker, threadId, { body: '再来一条' });
    assert.equal(refused.status, 429);
    assert.match(refused.body.message, /发送消息过于频繁/);
  });
});

describe('interview invitations', () => {
  test('the employer invites, the seeker accepts once; bad times and places are refused', async () => {
    const { seeker, threadId, applicationId } = await conversation();
    const path = `/api/messages/threads/${threadId}/invitations`;
    const inFuture = new Date(Date.now() + 2 * 86400_000).toISOString();
    const bad = await api.post(
      path,
      { at: '2020-01-01T09:00:00+08:00', place: '' },
      { token: employer.owner.token },
    );
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.details.map((d: { field: string }) => d.field).sort(), [
      'at',
      'place',
    ]);
    const bySeeker = await api.post(
      path,
      { at: inFuture, place: '城西工业园区1号' },
      { token: seeker.token },
    );
    assert.equal(bySeeker.status, 403);
    const invited = await api.post(
      path,
      { at: inFuture, place: '城西工业园区1号办公楼' },
      { token: employer.owner.token },
    );
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.invitation.status, 'pending');
    const answer = (user: TestUser, body: object) =>
      api.post(`/api/messages/invitations/${invited.body.id}/answer`, body, { token: user.token });
    assert.equal((await answer(employer.owner, { answer: 'accept' })).status, 403);
    assert.equal((await answer(seeker, { answer: 'maybe' })).status, 400);
    const stranger = await registerSeekerWithProfile(api);
    assert.equal((await answer(stranger, { answer: 'accept' })).status, 404);
    const accepted = await answer(seeker, { answer: 'accept' });
    assert.equal(accepted.status, 201);
    assert.equal(accepted.body.kind, 'invitation_reply');
    const twice = await answer(seeker, { answer: 'decline' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.code, 'invitation_answered');
    const thread = await api.get(`/api/messages/threads/${threadId}`, {
      token: employer.owner.token,
    });
    const invitation = thread.body.messages.find((m: { kind: string }) => m.kind === 'invitation');
    assert.equal(invitation.invitation.status, 'accepted');
    // Accepting moved the application to the interview stage, recorded like any status change.
    const application = await api.get(`/api/applications/${applicationId}`, {
      token: seeker.token,
    });
    assert.equal(application.body.status, 'interviewing');
    const last = application.body.history.at(-1);
    assert.deepEqual(
      [last.fromStatus, last.toStatus, last.actorRole],
      ['applied', 'interviewing', 'seeker'],
    );
    assert.match(last.note, /^接受面试邀请：.*城西工业园区1号办公楼/);
    const [{ events }] = await api.dataSource.query(
      `select count(*)::int as events from outbox_events
        where type = 'application.status_changed' and aggregate_id = $1`,
      [applicationId],
    );
    assert.equal(events, 2, 'applied, then interviewing');
    const forEmployer = await api.get(`/api/employer/applications/${applicationId}`, {
      token: employer.owner.token,
    });
    assert.equal(forEmployer.body.status, 'interviewing');
  });

  test('declining leaves the application as it was; accepting a later one moves it on', async () => {
    const { seeker, threadId, applicationId } = await conversation();
    const invite = async () =>
      api.post(
        `/api/messages/threads/${threadId}/invitations`,
        { at: new Date(Date.now() + 3 * 86400_000).toISOString(), place: '县人才市场二楼' },
        { token: employer.owner.token },
      );
    const answer = (id: string, value: string) =>
      api.post(
        `/api/messages/invitations/${id}/answer`,
        { answer: value },
        { token: seeker.token },
      );
    const status = async () =>
      (await api.get(`/api/applications/${applicationId}`, { token: seeker.token })).body;
    const first = await invite();
    assert.equal((await answer(first.body.id, 'decline')).status, 201);
    const declined = await status();
    assert.equal(declined.status, 'applied');
    assert.equal(declined.history.length, 1);
    const second = await invite();
    assert.equal((await answer(second.body.id, 'accept')).status, 201);
    assert.equal((await status()).status, 'interviewing');
    // A third invitation accepted while already interviewing adds no history line.
    const third = await invite();
    assert.equal((await answer(third.body.id, 'accept')).status, 201);
    assert.equal((await status()).history.length, 2);
  });

  test('an application the seeker withdrew is not brought back by accepting', async () => {
    const { seeker, threadId, applicationId } = await conversation();
    const invited = await api.post(
      `/api/messages/threads/${threadId}/invitations`,
      { at: new Date(Date.now() + 86400_000).toISOString(), place: '县人才市场二楼' },
      { token: employer.owner.token },
    );
    const withdrawn = await api.post(
      `/api/applications/${applicationId}/withdraw`,
      {},
      { token: seeker.token },
    );
    assert.ok(withdrawn.status < 300, JSON.stringify(withdrawn.body));
    const accepted = await api.post(
      `/api/messages/invitations/${invited.body.id}/answer`,
      { answer: 'accept' },
      { token: seeker.token },
    );
    assert.equal(accepted.status, 201);
    const after = await api.get(`/api/applications/${applicationId}`, { token: seeker.token });
    assert.equal(after.body.status, 'withdrawn');
  });
});

describe('blocked seekers, unverified and suspended employers', () => {
  test('a seeker the employer blocked is told so; unblocked, they write again', async () => {
    const { seeker, threadId } = await conversation();
    const blocked = await api.post(
      `/api/messages/threads/${threadId}/block`,
      { blocked: true },
      { token: employer.owner.token },
    );
    assert.equal(blocked.status, 200);
    assert.equal(blocked.body.blocked, true);
    const refused = await send(seeker, threadId, { body: '你好' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, 'blocked');
    assert.equal(
      (
        await api.post(
          `/api/messages/threads/${threadId}/block`,
          { blocked: true },
          { token: seeker.token },
        )
      ).status,
      403,
    );
    await api.post(
      `/api/messages/threads/${threadId}/block`,
      { blocked: false },
      { token: employer.owner.token },
    );
    assert.equal((await send(seeker, threadId, { body: '你好' })).status, 201);
  });

  test("an unverified employer's links and phones wait for staff; released, they reach the seeker", async () => {
    const unverified = await registerEmployer(api, { verified: false });
    const created = await api.post('/api/employer/vacancies', vacancyBody({ submit: true }), {
      token: unverified.owner.token,
    });
    assert.equal(created.body.status, 'pending_review');
    const approved = await api.post(
      `/api/staff/vacancies/${created.body.id}/approve`,
      {},
      { token: staff.token },
    );
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    const { seeker, threadId } = await conversation(created.body.id);
    // A verified employer's link and phone go straight through: the hold is for unverified ones.
    const fromVerified = await conversation();
    const trusted = await send(employer.owner, fromVerified.threadId, {
      body: '报名表见 http://jobs.example.cn/form ，电话 13912345678',
    });
    assert.equal(trusted.body.status, 'visible');
    const plain = await send(unverified.owner, threadId, { body: '欢迎明天上午来面试' });
    assert.equal(plain.body.status, 'visible');
    const link = await send(unverified.owner, threadId, {
      body: '先交押金，详情看 http://jobs.example.top/pay',
    });
    assert.equal(link.status, 201);
    assert.equal(link.body.status, 'held');
    assert.match(link.body.heldReason, /网址/);
    const phone = await send(unverified.owner, threadId, { body: '加我电话 13912345678' });
    assert.equal(phone.body.status, 'held');
    const wechat = await send(unverified.owner, threadId, { body: '加微信：abc_12345 细聊' });
    assert.equal(wechat.body.status, 'held');
    assert.match(wechat.body.heldReason, /微信/);
    assert.equal(await unread(seeker), 1);
    const seen = await api.get(`/api/messages/threads/${threadId}`, { token: seeker.token });
    assert.deepEqual(
      seen.body.messages.map((m: { body: string }) => m.body),
      ['欢迎明天上午来面试'],
    );
    const held = await api.get('/api/staff/held-messages', { token: staff.token });
    assert.ok(held.body.some((m: { id: string }) => m.id === link.body.id));
    // Reading the held list is a full view of the seeker's thread: logged, who and why.
    assert.deepEqual(await messageReads(seeker, 'GET /api/staff/held-messages'), [
      {
        actor_user_id: staff.userId,
        actor_role: 'staff',
        purpose: '审核待发消息（未认证单位发出的链接或电话）',
      },
    ]);
    const released = await api.post(
      `/api/staff/held-messages/${phone.body.id}/decision`,
      { decision: 'release' },
      { token: staff.token },
    );
    assert.equal(released.body.status, 'visible');
    await api.post(
      `/api/staff/held-messages/${link.body.id}/decision`,
      { decision: 'reject' },
      { token: staff.token },
    );
    assert.equal(await unread(seeker), 1);
    const after = await api.get(`/api/messages/threads/${threadId}`, { token: seeker.token });
    assert.equal(after.body.messages.length, 2);
    const again = await api.post(
      `/api/staff/held-messages/${link.body.id}/decision`,
      { decision: 'release' },
      { token: staff.token },
    );
    assert.equal(again.status, 404);
    assert.deepEqual(
      (await messageReads(seeker, 'POST /api/staff/held-messages/:id/decision')).map(
        (r) => r.purpose,
      ),
      ['审核待发消息：放行', '审核待发消息：拦截'],
    );
  });

  test('a report is read by staff only with a purpose (logged); suspending the employer stops both sides', async () => {
    const bad = await registerEmployer(api, { staff });
    const badVacancy = await publishVacancy(api, bad);
    const { seeker, threadId } = await conversation(badVacancy);
    await send(bad.owner, threadId, { body: '交300元培训费就能上岗' });
    const wrong = await api.post(
      `/api/messages/threads/${threadId}/reports`,
      { reason: 'rude' },
      { token: seeker.token },
    );
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.code, 'invalid_reason');
    const otherWithoutNote = await api.post(
      `/api/messages/threads/${threadId}/reports`,
      { reason: 'other', note: '  ' },
      { token: seeker.token },
    );
    assert.equal(otherWithoutNote.status, 400);
    assert.equal(otherWithoutNote.body.code, 'note_required');
    const other = await api.post(
      `/api/messages/threads/${threadId}/reports`,
      { reason: 'other', note: '冒充人社局工作人员' },
      { token: seeker.token },
    );
    assert.equal(other.status, 201);
    const report = await api.post(
      `/api/messages/threads/${threadId}/reports`,
      { reason: 'fraud', note: '要求交培训费' },
      { token: seeker.token },
    );
    assert.equal(report.status, 201);
    const listed = await api.get('/api/staff/message-reports', { token: staff.token });
    assert.ok(
      listed.body.some(
        (r: { id: string; reason: string }) => r.id === report.body.id && r.reason === 'fraud',
      ),
    );
    const thread = `/api/staff/message-reports/${report.body.id}/thread`;
    const noPurpose = await api.get(thread, { token: staff.token });
    assert.equal(noPurpose.status, 400);
    assert.equal(noPurpose.body.code, 'purpose_required');
    const read = await api.get(`${thread}?purpose=${encodeURIComponent('核实诈骗举报')}`, {
      token: staff.token,
    });
    assert.equal(read.status, 200);
    assert.equal(read.body.messages[0].body, '交300元培训费就能上岗');
    assert.deepEqual(await messageReads(seeker, 'GET /api/staff/message-reports/:id/thread'), [
      { actor_user_id: staff.userId, actor_role: 'staff', purpose: '核实诈骗举报' },
    ]);
    // The seeker sees it in their own copy of their data, like a résumé view.
    const own = await api.get('/api/seekers/me/export', { token: seeker.token });
    assert.ok(
      own.body.piiAccessLog.some(
        (l: { field: string; purpose: string }) =>
          l.field === 'messages' && l.purpose === '核实诈骗举报',
      ),
    );
    const asSeeker = await api.get(`${thread}?purpose=看看`, { token: seeker.token });
    assert.equal(asSeeker.status, 403);
    const decided = await api.post(
      `/api/staff/message-reports/${report.body.id}/decision`,
      { decision: 'suspend_employer', note: '收取培训费' },
      { token: staff.token },
    );
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'employer_suspended');
    const byEmployer = await send(bad.owner, threadId, { body: '还在吗' });
    assert.equal(byEmployer.status, 403);
    assert.equal(byEmployer.body.code, 'employer_suspended');
    const bySeeker = await send(seeker, threadId, { body: '退钱' });
    assert.equal(bySeeker.status, 403);
    assert.equal(bySeeker.body.code, 'employer_suspended');
    const twice = await api.post(
      `/api/staff/message-reports/${report.body.id}/decision`,
      { decision: 'dismiss' },
      { token: staff.token },
    );
    assert.equal(twice.status, 409);
  });
});

describe('delivery and retention', () => {
  test('each message reaches the other side once through the outbox; SMS only to an absent reader', async () => {
    const worker = await api.startWorker();
    try {
      const { seeker, threadId } = await conversation();
      // The seeker has not opened the app for two hours; the recruiter is here.
      await api.dataSource.query(
        `update refresh_sessions set created_at = now() - interval '2 hours', rotated_at = null where user_id = $1`,
        [seeker.userId],
      );
      const sms = worker.app.get<LogSmsSender>(SMS_SENDER);
      const before = sms.sent.length;
      const toEmployer = await send(seeker, threadId, { body: '我下午有空' });
      const toSeeker = await send(employer.owner, threadId, { body: '那下午三点来吧' });
      const notified = (id: string) =>
        api.dataSource.query(
          `select user_id, sms_status from notifications where dedupe_key like $1`,
          [`message:${id}:%`],
        );
      const seekerGot = await eventually(async () => {
        const rows = await notified(toSeeker.body.id);
        return rows.length && rows[0].sms_status !== 'pending' ? rows : undefined;
      });
      assert.deepEqual(seekerGot, [{ user_id: seeker.userId, sms_status: 'sent' }]);
      const employerGot = await eventually(async () => {
        const rows = await notified(toEmployer.body.id);
        return rows.length ? rows : undefined;
      });
      assert.deepEqual(employerGot, [{ user_id: employer.owner.userId, sms_status: 'none' }]);
      const texts = sms.sent.slice(before).map((m) => m.text);
      assert.equal(texts.filter((t) => t.includes('那下午三点来吧')).length, 1);
      assert.equal(texts.filter((t) => t.includes('我下午有空')).length, 0);
      // Relaying the event again changes nothing.
      await api.dataSource.query(
        `update outbox_events set delivered_at = null where type = 'message.sent'`,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal((await notified(toSeeker.body.id)).length, 1);
      const textsAfter = sms.sent.slice(before).map((m) => m.text);
      assert.equal(
        textsAfter.filter((t) => t.includes('那下午三点来吧')).length,
        1,
        'no second SMS',
      );
    } finally {
      await api.stopWorker();
    }
  });

  test('a reader away from the app is texted once per conversation, not once per message', async () => {
    // An employer of its own: the shared one has used its sends of the minute.
    const recruiter = await registerEmployer(api, { staff });
    const worker = await api.startWorker();
    try {
      const { seeker, threadId } = await conversation(await publishVacancy(api, recruiter));
      const away = () =>
        api.dataSource.query(
          `update refresh_sessions set created_at = now() - interval '2 hours', rotated_at = null where user_id = $1`,
          [seeker.userId],
        );
      await away();
      const sms = worker.app.get<LogSmsSender>(SMS_SENDER);
      const before = sms.sent.length;
      for (const body of ['明天上午九点面试', '请带身份证', '地址在园区三号门'])
        assert.equal((await send(recruiter.owner, threadId, { body })).status, 201);
      const told = () =>
        api.dataSource.query(
          `select sms_status from notifications where user_id = $1 and link = $2 order by dedupe_key`,
          [seeker.userId, `/messages/${threadId}`],
        );
      const rows = await eventually(async () => {
        const found = await told();
        return found.length === 3 &&
          !found.some((r: { sms_status: string }) => r.sms_status === 'pending')
          ? found
          : undefined;
      });
      assert.equal(rows.filter((r: { sms_status: string }) => r.sms_status === 'sent').length, 1);
      const texts = () => sms.sent.slice(before).filter((m) => m.text.includes('发来新消息'));
      assert.equal(texts().length, 1, 'one SMS for three messages');
      // Back in the app, then away again: the next message is texted again.
      await api.dataSource.query(
        `update refresh_sessions set created_at = now() - interval '70 minutes', rotated_at = null where user_id = $1`,
        [seeker.userId],
      );
      await api.dataSource.query(
        `update notifications set created_at = now() - interval '80 minutes' where user_id = $1 and link = $2`,
        [seeker.userId, `/messages/${threadId}`],
      );
      assert.equal((await send(recruiter.owner, threadId, { body: '改到下午两点' })).status, 201);
      await eventually(async () => texts().length === 2);
    } finally {
      await api.stopWorker();
    }
  });

  test('threads silent for the retention period are deleted with their messages', async () => {
    const { seeker, threadId } = await conversation();
    await send(seeker, threadId, { body: '旧消息' });
    await api.dataSource.query(
      `update message_threads set last_message_at = now() - interval '4 years', created_at = now() - interval '4 years' where id = $1`,
      [threadId],
    );
    const purged = await api.app.get(MessageRetentionService).purgeExpired();
    assert.ok(purged.threadsDeleted >= 1);
    const [{ n }] = await api.dataSource.query(
      `select count(*)::int as n from messages where thread_id = $1`,
      [threadId],
    );
    assert.equal(n, 0);
  });
});

describe('recruiter inbox', () => {
  test('new applicants, unread messages and due follow-ups across vacancies, with per-vacancy badges', async () => {
    const own = await registerEmployer(api, { staff });
    const first = await publishVacancy(api, own);
    const second = await publishVacancy(api, own, { title: '仓库管理员' });
    const a = await conversation(first);
    await conversation(second);
    await send(a.seeker, a.threadId, { body: '您好' });
    const counts = await api.get('/api/employer/inbox/counts', { token: own.owner.token });
    assert.equal(counts.status, 200);
    assert.deepEqual(
      {
        newApplicants: counts.body.newApplicants,
        unreadMessages: counts.body.unreadMessages,
        total: counts.body.total,
      },
      { newApplicants: 2, unreadMessages: 1, total: 3 },
    );
    const byVacancy = Object.fromEntries(
      counts.body.vacancies.map((v: { vacancyId: string }) => [v.vacancyId, v]),
    );
    assert.deepEqual(byVacancy[first], { vacancyId: first, newApplicants: 1, unreadMessages: 1 });
    assert.deepEqual(byVacancy[second], { vacancyId: second, newApplicants: 1, unreadMessages: 0 });
    const inbox = await api.get('/api/employer/inbox', { token: own.owner.token });
    assert.equal(inbox.body.newApplicants.length, 2);
    assert.equal(inbox.body.threads.find((t: { id: string }) => t.id === a.threadId).unread, 1);
    await api.get(`/api/employer/applications/${a.applicationId}`, { token: own.owner.token });
    const after = await api.get('/api/employer/inbox/counts', { token: own.owner.token });
    assert.equal(after.body.newApplicants, 1, 'an opened application is no longer new');
    assert.equal((await api.get('/api/employer/inbox', { token: a.seeker.token })).status, 403);
  });
});

describe('account deletion', () => {
  test('a seeker who deletes their account leaves no words in their threads', async () => {
    const { seeker, threadId } = await conversation();
    await send(seeker, threadId, { body: '我住在文峰镇幸福路8号' });
    const deleted = await api.post(
      '/api/seekers/me/account-deletion',
      { confirm: '确认注销' },
      { token: seeker.token },
    );
    assert.equal(deleted.status, 204, JSON.stringify(deleted.body));
    const read = await api.get(`/api/messages/threads/${threadId}`, {
      token: employer.owner.token,
    });
    assert.deepEqual(
      read.body.messages.map((m: { body: string }) => m.body),
      ['（该用户已注销，消息已删除）'],
    );
  });
});
