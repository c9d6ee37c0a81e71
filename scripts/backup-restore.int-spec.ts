import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import {
  createEmptyTestDatabase,
  createStaffUser,
  registerUser,
  TestApi,
  TestDatabase,
} from '@jipin/testing';
import { REPO_ROOT } from '@jipin/core';

const SCRIPTS = join(REPO_ROOT, 'scripts');
const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;

let api: TestApi;
let restored: TestDatabase;
beforeAll(async () => {
  api = await TestApi.start('backup');
  restored = await createEmptyTestDatabase('restore');
});
afterAll(async () => {
  await api.close();
  await restored.drop();
});

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { table_name } of tables.rows) {
      counts[table_name] = Number(
        (await client.query(`select count(*) from "${table_name}"`)).rows[0].count,
      );
    }
    return counts;
  } finally {
    await client.end();
  }
}

// Skipped when pg_dump is not installed (apt-get install postgresql-client).
(hasPgDump ? test : test.skip)(
  'a backup restored into a fresh database has the same rows',
  async () => {
    for (let i = 0; i < 5; i += 1) await registerUser(api, i % 2 ? 'employer' : 'seeker');
    await createStaffUser(api, { townshipCode: '360822101000' });
    const before = await rowCounts(api.database.url);
    assert.ok(before.users >= 6 && before.outbox_events >= 6);

    const file = join(mkdtempSync(join(tmpdir(), 'jipin-backup-')), 'test.dump');
    const written = execFileSync('bash', [join(SCRIPTS, 'backup.sh'), file], {
      env: { ...process.env, DATABASE_URL: api.database.url },
    })
      .toString()
      .trim();
    assert.equal(written, file);
    execFileSync('bash', [join(SCRIPTS, 'restore.sh'), file], {
      env: { ...process.env, DATABASE_URL: restored.url },
    });

    assert.deepEqual(await rowCounts(restored.url), before);
  },
);
