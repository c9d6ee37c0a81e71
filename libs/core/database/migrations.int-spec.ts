import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { Client } from 'pg';
import { createEmptyTestDatabase, TestDatabase } from '@jipin/testing';
import { revertLastMigration, runMigrations } from './migrator';

let database: TestDatabase;

beforeAll(async () => {
  database = await createEmptyTestDatabase('migrations');
});
afterAll(async () => database.drop());

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const result = await client.query(
    `select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  await client.end();
  return result.rows.map((row) => row.table_name);
}

test('migrations run up on an empty database, down to nothing, and up again', async () => {
  const applied = await runMigrations(database.url);
  assert.ok(applied.length >= 1);
  const upTables = await tables(database.url);
  for (const table of ['users', 'outbox_events', 'notifications', 'refresh_sessions'])
    assert.ok(upTables.includes(table), table);

  for (let i = 0; i < applied.length; i += 1) await revertLastMigration(database.url);
  assert.deepEqual(await tables(database.url), ['schema_migrations']);

  assert.equal((await runMigrations(database.url)).length, applied.length);
  assert.deepEqual((await runMigrations(database.url)).length, 0, 'a second run has nothing to do');
});
