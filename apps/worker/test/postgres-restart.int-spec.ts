import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { createLogger, EmbeddedDatabase, startEmbeddedPostgres } from '@jipin/core';
import { eventually, registerUser, TestApi, WorkerProcess } from '@jipin/testing';

/**
 * The embedded default (data and queues on one PostgreSQL) while that
 * PostgreSQL restarts under writes: afterwards every committed sign-up has
 * exactly one welcome, and the outbox is empty.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'jipin-pg-restart-'));
chmodSync(dataDir, 0o755);
// Below the ephemeral range (32768-60999), where outgoing connections take their ports.
const port = 21000 + Math.floor(Math.random() * 2000);
const logger = createLogger('warn', 'pg-restart');
let server: EmbeddedDatabase;
let api: TestApi;

beforeAll(async () => {
  server = await startEmbeddedPostgres(dataDir, port, logger);
  api = await TestApi.start('pg_restart', { QUEUE_BACKEND: 'postgres' }, server.url);
});
afterAll(async () => {
  await api?.close().catch(() => undefined);
  await server?.stop();
});

const count = async (sql: string): Promise<number> =>
  Number((await api.dataSource.query(sql))[0].count);

test('PostgreSQL restarting while people sign up loses and duplicates nothing', async () => {
  const worker = new WorkerProcess(api.env).start();
  let attempts = 0;
  let writing = true;
  const writer = (async () => {
    while (writing) {
      attempts += 1;
      await registerUser(api, 'seeker').catch(
        () => new Promise((resolve) => setTimeout(resolve, 200)),
      );
    }
  })();
  try {
    await eventually(async () => attempts >= 10, 30000);
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server = await startEmbeddedPostgres(dataDir, port, logger);
    const afterRestart = attempts;
    await eventually(async () => attempts >= afterRestart + 10, 60000);
  } finally {
    writing = false;
    await writer;
  }
  try {
    const users = await count(`select count(*) from users`);
    assert.ok(users >= 15, `only ${users} sign-ups committed`);
    await eventually(
      async () =>
        (await count(`select count(*) from outbox_events where delivered_at is null`)) === 0,
      90000,
    );
    await eventually(
      async () =>
        (await count(`select count(*) from notifications where kind = 'welcome'`)) === users,
      90000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await count(`select count(*) from notifications where kind = 'welcome'`), users);
  } finally {
    await worker.stop();
  }
}, 240000);
