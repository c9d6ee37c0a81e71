import 'reflect-metadata';
import { createLogger, loadConfig, resolveDatabase } from '@jipin/core';
import { startWorker } from './create-worker-app';

async function main(): Promise<void> {
  process.env.JIPIN_PROCESS = 'jipin-worker';
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const database = resolveDatabase(config, logger);
  const worker = database.then((db) => startWorker(config, db.url, logger));
  // Listening from the first moment: a stop asked for during start-up waits for the
  // start, then finishes running jobs like any other (jobs begin before start-up ends).
  const stop = async () => {
    logger.info('worker stopping: finishing running jobs');
    await (await worker).stop();
    await (await database).stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await worker;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
