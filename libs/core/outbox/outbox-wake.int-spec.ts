import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createTestDatabase, eventually, TestDatabase } from '@jipin/testing';
import { dataSourceOptions } from '../database/data-source-options';
import { OutboxEventInput, OutboxEventType } from './outbox-events';
import { OUTBOX_CHANNEL, OutboxService } from './outbox.service';

/**
 * The relay's wake-up on real PostgreSQL: sent after the commit, never from inside the
 * writing transaction (where it held the server's global notify lock through every commit),
 * and once for a burst of commits rather than once per commit.
 */
let database: TestDatabase;
let source: DataSource;
let outbox: OutboxService;
let listener: Client;
const heard: number[] = [];

beforeAll(async () => {
  database = await createTestDatabase('outbox-wake');
  source = await new DataSource(dataSourceOptions(database.url, { poolSize: 20 })).initialize();
  outbox = new OutboxService(source);
  listener = new Client({ connectionString: database.url });
  await listener.connect();
  await listener.query(`listen ${OUTBOX_CHANNEL}`);
  listener.on('notification', () => heard.push(Date.now()));
});
afterAll(async () => {
  outbox.onModuleDestroy();
  await listener?.end();
  await source?.destroy();
  await database?.drop();
});

const event = (n: number): OutboxEventInput => ({
  type: OutboxEventType.SeekerProfileChanged,
  aggregateId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  payload: { seekerId: String(n) },
});

test('an event is announced after its transaction commits', async () => {
  heard.length = 0;
  await source.transaction((manager) => outbox.record(manager, event(1)));
  const committedAt = Date.now();
  await eventually(async () => heard.length === 1, 2000, 5);
  assert.ok(heard[0] >= committedAt, 'heard after the commit');
});

test('a rolled-back transaction wakes nobody', async () => {
  heard.length = 0;
  await assert.rejects(
    source.transaction(async (manager) => {
      await outbox.record(manager, event(2));
      throw new Error('the change failed');
    }),
    /the change failed/,
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(heard.length, 0);
  const [{ n }] = await source.query(`select count(*)::int as n from outbox_events`);
  assert.equal(n, 1, 'only the committed event is stored');
});

test('fifty commits at once wake the relay a few times, the last after the last commit', async () => {
  heard.length = 0;
  const started = Date.now();
  const commits = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      source
        .transaction((manager) => outbox.record(manager, event(100 + i)))
        .then(() => Date.now()),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.ok(heard.length >= 1, 'the relay was woken');
  // One notify per commit before; now one per 10 ms window of commits (a loaded host
  // spreads the commits over more windows).
  const windows = Math.ceil((Math.max(...commits) - started) / 10) + 1;
  assert.ok(
    heard.length <= Math.min(windows, 40),
    `woken ${heard.length} times for 50 commits over ${windows} windows`,
  );
  assert.ok(heard.at(-1)! >= Math.max(...commits), 'a wake-up follows the last commit');
});

test('a wake-up asked for directly (a single-statement write) is sent once', async () => {
  heard.length = 0;
  outbox.wakeRelay();
  outbox.wakeRelay();
  await eventually(async () => heard.length === 1, 2000, 5);
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(heard.length, 1);
});
