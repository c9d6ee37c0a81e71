import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { CODE_EXTENSION, CODE_ROOT, runMigrations } from '@jipin/core';

/** The server tests may create databases on; CI and developers point it anywhere with TEST_DATABASE_URL. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Refuses any database whose name does not say it is for tests. */
export function assertTestDatabaseName(name: string): void {
  if (!/test/i.test(name))
    throw new Error(`Refusing to touch database "${name}": its name does not say it is for tests`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A migrated template, made once per set of migrations; each test database is a cheap copy of it. */
async function ensureTemplate(admin: Client, serverUrl: string): Promise<string> {
  const migrationsDir = join(CODE_ROOT, 'libs', 'core', 'database', 'migrations');
  const files = readdirSync(migrationsDir)
    .filter((file) => file.endsWith(CODE_EXTENSION))
    .sort();
  // Keyed by the migrations' contents, so an edited migration gets a fresh template.
  const digest = createHash('sha256');
  for (const file of files) digest.update(file).update(readFileSync(join(migrationsDir, file)));
  const hash = digest.digest('hex').slice(0, 10);
  const template = `jipin_test_tpl_${hash}`;
  await admin.query(`select pg_advisory_lock(727272)`);
  try {
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [template]);
    if (!exists.rowCount) {
      const building = `${template}_building`;
      await admin.query(`drop database if exists ${building}`);
      await admin.query(`create database ${building}`);
      await runMigrations(withDatabase(serverUrl, building));
      await admin.query(`alter database ${building} rename to ${template}`);
    }
  } finally {
    await admin.query(`select pg_advisory_unlock(727272)`);
  }
  return template;
}

/** A fresh, migrated database for one test file; dropped by drop(). */
export async function createTestDatabase(
  label: string,
  serverUrl = testServerUrl(),
): Promise<TestDatabase> {
  const name = `jipin_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  assertTestDatabaseName(name);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const template = await ensureTemplate(admin, serverUrl);
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** An empty database (no migrations), for testing the migrations themselves. */
export async function createEmptyTestDatabase(label: string): Promise<TestDatabase> {
  const name = `jipin_test_${label}_${randomBytes(4).toString('hex')}`;
  assertTestDatabaseName(name);
  const admin = new Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    name,
    url: withDatabase(testServerUrl(), name),
    async drop() {
      const client = new Client({ connectionString: testServerUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
