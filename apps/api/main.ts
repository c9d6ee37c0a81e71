import './libuv-threads'; // first: before anything queues work on the pool
import 'reflect-metadata';
import { createLogger, loadConfig, resolveDatabase } from '@jipin/core';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  process.env.JIPIN_PROCESS = 'jipin-api';
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'api');
  const database = resolveDatabase(config, logger);
  const app = database.then((db) => createApiApp(config, db.url, logger));
  // Listening for signals from the first moment: a stop during start-up waits for it.
  const stop = async () => {
    await (await app).close(); // finishes in-flight requests first
    await (await database).stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  await (await app).listen({ port: config.http.port, host: config.http.host });
  logger.info(
    { url: `http://${config.http.host}:${config.http.port}`, docs: '/api/docs' },
    'API listening',
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
