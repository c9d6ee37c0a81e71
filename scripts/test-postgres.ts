import 'reflect-metadata';
import { join } from 'node:path';
import { createLogger, startEmbeddedPostgres } from '@jipin/core';

/**
 * For scripts/test.sh on a machine without PostgreSQL: runs the embedded
 * server until told to stop, and prints its URL once it answers.
 */
async function main(): Promise<void> {
  const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54339);
  const logger = createLogger('warn', 'test-postgres');
  const database = await startEmbeddedPostgres(
    join(process.cwd(), 'data', 'test-postgres'),
    port,
    logger,
  );
  const url = new URL(database.url);
  url.pathname = '/test_jipin';
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  const exists = await admin.query(`select 1 from pg_database where datname = 'test_jipin'`);
  if (!exists.rowCount) await admin.query(`create database test_jipin`);
  await admin.end();
  console.log(url.toString());
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  setInterval(() => undefined, 1 << 30);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
