import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import { Worker } from 'bullmq';
import { createTestDatabase, eventually, TestDatabase, testServerUrl } from '@jipin/testing';
import { QueueBackend } from './queue-backend';

/**
 * A worker started while PostgreSQL refuses new connections ("too many clients")
 * comes up once the server lets it in, and runs the jobs waiting for it. BullMQ
 * alone remembers the failed first connection and spins on it for good.
 */
let database: TestDatabase;
const role = `jipin_test_limited_${randomBytes(4).toString('hex')}`;
let limitedUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('ready-worker');
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`create role ${role} login`);
  await admin.query(`grant all on database "${database.name}" to ${role}`);
  await admin.query(`grant all on schema public to ${role}`);
  await admin.query(`grant create on database "${database.name}" to ${role}`);
  await admin.end();
  const url = new URL(database.url);
  url.username = role;
  limitedUrl = url.toString();
});

afterAll(async () => {
  await database?.drop();
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`drop role if exists ${role}`).catch(() => undefined);
  await admin.end();
});

async function setConnectionLimit(limit: number): Promise<void> {
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`alter role ${role} connection limit ${limit}`);
  await admin.end();
}

test('a worker refused at its first connection is rebuilt and then runs the waiting job', async () => {
  // The role makes the queue's schema (so it owns it) and the waiting job, then lets go.
  const producer = new QueueBackend({ kind: 'postgres', databaseUrl: limitedUrl, prefix: 'ready' });
  const enqueueing = producer.createQueue('ready');
  await enqueueing.add('waiting', { n: 1 }, { jobId: 'waiting-1' });
  await enqueueing.close();
  // Two connections at most from now on: the test holds both while the worker starts.
  await setConnectionLimit(2);

  const holders = [
    new Client({ connectionString: limitedUrl }),
    new Client({ connectionString: limitedUrl }),
  ];
  for (const holder of holders) await holder.connect();
  const backend = new QueueBackend({ kind: 'postgres', databaseUrl: limitedUrl, prefix: 'ready' });
  const ran: string[] = [];
  let tries = 0;
  let worker: Worker | undefined;
  const starting = backend
    .createReadyWorker(
      'ready',
      async (job) => void ran.push(String(job.id)),
      {},
      (attempt) => {
        tries++;
        attempt.on('error', () => undefined);
      },
      { attempts: 20, delayMs: 100 },
    )
    .then((started) => (worker = started));
  try {
    await eventually(async () => tries >= 3, 15000);
    // The server lets it in again: the limit is lifted and the held connections go.
    await setConnectionLimit(-1);
    for (const holder of holders) await holder.end();
    await starting;
    await eventually(async () => ran.includes('waiting-1'), 20000);
    const queue = producer.createQueue('ready');
    assert.ok((await queue.getJob('waiting-1'))?.finishedOn, 'the job finished');
    await queue.close();
    assert.ok(tries >= 3, 'the first tries were refused');
  } finally {
    await starting.catch(() => undefined);
    await worker?.close();
    await Promise.all(holders.map((holder) => holder.end().catch(() => undefined)));
  }
});
