import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { eventually, registerUser, TestApi, WorkerProcess } from '@jipin/testing';

let api: TestApi;

beforeAll(async () => {
  api = await TestApi.start('outbox');
});
afterAll(async () => api.close());

const count = async (sql: string): Promise<number> =>
  Number((await api.dataSource.query(sql))[0].count);

test('an event committed with its change is delivered once in effect after the worker is killed and restarted', async () => {
  // 30 sign-ups while no worker runs: each commits its user and its outbox event together.
  const users = [];
  for (let i = 0; i < 30; i += 1) users.push(await registerUser(api, 'seeker'));
  assert.equal(await count(`select count(*) from outbox_events where delivered_at is null`), 30);

  const first = new WorkerProcess(api.env).start();
  await eventually(
    () => count(`select count(*) from notifications where kind = 'welcome'`).then((n) => n > 0),
    20000,
    20,
  );
  await first.kill();

  const second = new WorkerProcess(api.env).start();
  try {
    await eventually(
      async () => (await count(`select count(*) from notifications where kind = 'welcome'`)) === 30,
      60000,
    );
    await eventually(
      async () =>
        (await count(`select count(*) from outbox_events where delivered_at is null`)) === 0,
      10000,
    );
    // Give any duplicate a chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await count(`select count(*) from notifications where kind = 'welcome'`), 30);
    const perUser: { user_id: string; n: string }[] = await api.dataSource.query(
      `select user_id, count(*) as n from notifications where kind = 'welcome' group by user_id having count(*) > 1`,
    );
    assert.deepEqual(perUser, [], 'no user was welcomed twice');
    // A job killed between its insert and its SMS is retried only once its lock (10 s) runs out.
    const smsSent = () =>
      count(`select count(*) from notifications where kind = 'welcome' and sms_status = 'sent'`);
    await eventually(async () => (await smsSent()) === 30, 30000).catch(() => undefined);
    assert.equal(await smsSent(), 30, 'every welcome SMS went out');
  } finally {
    await second.stop();
  }
});

test('the relay delivers an event written while the worker runs within seconds', async () => {
  const worker = new WorkerProcess(api.env).start();
  try {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const user = await registerUser(api, 'employer');
    const started = Date.now();
    await eventually(
      async () =>
        (await count(`select count(*) from notifications where user_id = '${user.userId}'`)) === 1,
      10000,
      50,
    );
    assert.ok(Date.now() - started < 10000);
  } finally {
    await worker.stop();
  }
});
