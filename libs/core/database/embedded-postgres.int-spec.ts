import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@jest/globals';
import { Client } from 'pg';
import { createLogger } from '../logging/logger';
import { QueueBackend } from '../queue/queue-backend';
import { startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './migrator';

test('embedded PostgreSQL starts with no services installed, takes the migrations and the queue, and keeps its data across restarts', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jipin-embedded-'));
  chmodSync(dataDir, 0o755);
  // Below the ephemeral range (32768-60999), where outgoing connections take their ports.
  const port = 18000 + Math.floor(Math.random() * 2000);
  const logger = createLogger('warn', 'embedded-test');

  const first = await startEmbeddedPostgres(dataDir, port, logger);
  try {
    const applied = await runMigrations(first.url);
    assert.ok(applied.length >= 1);
    const client = new Client({ connectionString: first.url });
    await client.connect();
    const version = await client.query(`show server_version_num`);
    assert.ok(
      Number(version.rows[0].server_version_num) >= 180000,
      'the embedded server is PostgreSQL 18',
    );
    await client.query(`insert into rate_limit_buckets values ('kept', now(), now(), 1)`);
    await client.end();

    const backend = new QueueBackend({
      kind: 'postgres',
      databaseUrl: first.url,
      prefix: 'embedded',
    });
    const queue = backend.createQueue('embedded-smoke');
    let ran = false;
    const worker = backend.createWorker('embedded-smoke', async () => {
      ran = true;
    });
    await queue.add('smoke', {});
    for (let i = 0; i < 100 && !ran; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(ran, 'a job ran on the embedded database');
    await worker.close();
    await queue.close();
  } finally {
    await first.stop();
  }

  const second = await startEmbeddedPostgres(dataDir, port, logger);
  try {
    const client = new Client({ connectionString: second.url });
    await client.connect();
    const kept = await client.query(
      `select count(*)::int as n from rate_limit_buckets where key = 'kept'`,
    );
    await client.end();
    assert.equal(kept.rows[0].n, 1, 'data survived the restart');
    assert.deepEqual(await runMigrations(second.url), [], 'nothing to migrate again');
  } finally {
    await second.stop();
  }
}, 180000);
