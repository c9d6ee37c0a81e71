import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Client } from 'pg';
import { OUTBOX_CHANNEL } from '@jipin/core';
import {
  ApiProcess,
  createTestDatabase,
  eventually,
  TestDatabase,
  testEnv,
  testRedisUrl,
  WorkerProcess,
} from '@jipin/testing';
import { DATA_SIZES, generateData, GenerateReport } from '../../../scripts/datagen/generate';

const PASSWORD = 'Instances2026ok';
const LOGIN_LIMIT = 4;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function call(base: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Two API processes and two worker processes on one PostgreSQL and one Redis,
 * as behind a load balancer: nothing may depend on which instance answers.
 */
// Needs Redis (TEST_REDIS_URL).
(testRedisUrl() ? describe : describe.skip)('two API instances and two workers', () => {
  let database: TestDatabase;
  let report: GenerateReport;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('instances');
    const env = testEnv({
      DATABASE_URL: database.url,
      QUEUE_BACKEND: 'redis',
      REDIS_URL: testRedisUrl(),
      RATE_LIMIT_LOGIN: String(LOGIN_LIMIT),
    });
    report = await generateData({
      databaseUrl: database.url,
      size: DATA_SIZES.tiny,
      seed: 'instances',
      piiKey: Buffer.from(env.PII_KEY!, 'base64'),
      password: PASSWORD,
      regionsFile: env.REGIONS_FILE!,
    });
    for (let i = 0; i < 2; i += 1) apis.push(new ApiProcess(env, await freePort()));
    await Promise.all(apis.map((api) => api.start()));
    for (let i = 0; i < 2; i += 1) workers.push(new WorkerProcess(env).start());
    await eventually(
      async () => workers.every((w) => w.output.some((l) => l.includes('worker started'))),
      30000,
    );
  });

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.stop()));
    await database?.drop();
  });

  test('a session opened on one instance works on the other, and logout on either ends it on both', async () => {
    const [a, b] = apis.map((api) => api.baseUrl);
    const login = await call(a, 'POST', '/api/auth/login', {
      phone: report.sample.seekerPhones[0],
      password: PASSWORD,
    });
    assert.equal(login.status, 200);
    assert.equal(
      (await call(b, 'GET', '/api/auth/me', undefined, login.body.accessToken)).status,
      200,
    );

    const refreshed = await call(b, 'POST', '/api/auth/refresh', {
      refreshToken: login.body.refreshToken,
    });
    assert.equal(refreshed.status, 200);
    // The old refresh token, replayed on the other instance, is seen as reuse.
    assert.equal(
      (await call(a, 'POST', '/api/auth/refresh', { refreshToken: login.body.refreshToken }))
        .status,
      401,
    );

    const again = await call(b, 'POST', '/api/auth/login', {
      phone: report.sample.seekerPhones[0],
      password: PASSWORD,
    });
    assert.equal(
      (await call(b, 'POST', '/api/auth/logout', undefined, again.body.accessToken)).status,
      204,
    );
    assert.equal(
      (await call(a, 'GET', '/api/auth/me', undefined, again.body.accessToken)).status,
      401,
    );
  });

  test('the login limit counts the attempts made on both instances together', async () => {
    const phone = report.sample.seekerPhones[1];
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_LIMIT; i += 1) {
      const base = apis[i % 2].baseUrl;
      statuses.push(
        (await call(base, 'POST', '/api/auth/login', { phone, password: 'Wrong2026pass' })).status,
      );
    }
    assert.deepEqual(statuses, [...Array(LOGIN_LIMIT).fill(401), 429]);
    // The right password does not help once the limit is reached, on either instance.
    assert.equal(
      (await call(apis[1].baseUrl, 'POST', '/api/auth/login', { phone, password: PASSWORD }))
        .status,
      429,
    );
  });

  test('each outbox event becomes one job, run once, with both workers taking a share', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows: users } = await client.query(
        `select id from users where role = 'seeker' and phone_index is not null order by id limit 200`,
      );
      await client.query(
        `insert into outbox_events (type, aggregate_id, payload)
         select 'account.registered', id::text, jsonb_build_object('userId', id) from unnest($1::uuid[]) as id`,
        [users.map((u) => u.id)],
      );
      await client.query(`select pg_notify($1, '')`, [OUTBOX_CHANNEL]);
      await eventually(async () => {
        const { rows } = await client.query(
          `select (select count(*) from notifications where kind = 'welcome')::int as sent,
                  (select count(*) from outbox_events where delivered_at is null)::int as pending`,
        );
        return rows[0].sent === users.length && rows[0].pending === 0;
      }, 60000);
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a duplicate would show up by now
      const smsPerWorker = workers.map(
        (w) =>
          w.output.filter((line) => line.includes('SMS (log driver)') && line.includes('欢迎'))
            .length,
      );
      assert.equal(smsPerWorker[0] + smsPerWorker[1], users.length, `per worker: ${smsPerWorker}`);
      assert.ok(
        smsPerWorker.every((n) => n > 0),
        `both workers ran jobs: ${smsPerWorker}`,
      );
    } finally {
      await client.end();
    }
  });
});
