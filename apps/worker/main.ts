import 'reflect-metadata';
import { createLogger, loadConfig, resolveDatabase } from '@jipin/core';
import { startWorker } from './create-worker-app';

async function main(): Promise<void> {
  process.env.JIPIN_PROCESS = 'jipin-worker';
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const database = await resolveDatabase(config, logger);
  const worker = await startWorker(config, database.url, logger);
  const stop = async () => {
    logger.info('worker stopping: finishing running jobs');
    await worker.stop();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
