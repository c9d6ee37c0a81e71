import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { eventually, OwnRedis, registerUser, TestApi, WorkerProcess } from '@jipin/testing';

/**
 * Faults while writes continue: Redis restarts under the redis backend, the
 * worker is SIGKILLed. Afterwards every outbox event is delivered and no
 * notification is missing or doubled.
 */
const redisAvailable = OwnRedis.available();
let redis: OwnRedis;
let api: TestApi;

beforeAll(async () => {
  if (!redisAvailable) return;
  redis = new OwnRedis();
  await redis.start();
  api = await TestApi.start('faults', { QUEUE_BACKEND: 'redis', REDIS_URL: redis.url });
});
afterAll(async () => {
  await api?.close();
  await redis?.kill();
});

const count = async (sql: string): Promise<number> =>
  Number((await api.dataSource.query(sql))[0].count);

// Skipped when redis-server is not installed.
(redisAvailable ? test : test.skip)(
  'Redis restarting and the worker being killed lose and duplicate nothing',
  async () => {
    let worker = new WorkerProcess(api.env).start();
    let registered = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await registerUser(api, 'seeker');
        registered += 1;
      }
    })();
    try {
      await eventually(async () => registered >= 10, 30000);
      await redis.restart(1500);
      await eventually(async () => registered >= 20, 30000);
      await worker.kill();
      worker = new WorkerProcess(api.env).start();
      await eventually(async () => registered >= 30, 30000);
    } finally {
      writing = false;
      await writer;
    }
    try {
      await eventually(
        async () =>
          (await count(`select count(*) from outbox_events where delivered_at is null`)) === 0,
        60000,
      );
      await eventually(
        async () =>
          (await count(`select count(*) from notifications where kind = 'welcome'`)) === registered,
        60000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(
        await count(`select count(*) from notifications where kind = 'welcome'`),
        registered,
      );
      assert.equal(await count(`select count(*) from users`), registered);
    } finally {
      await worker.stop();
    }
  },
  180000,
);
