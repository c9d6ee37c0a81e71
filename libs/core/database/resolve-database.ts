import { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/**
 * DATABASE_URL wins; without it the embedded PostgreSQL runs under the data
 * folder. Says in the log which mode runs.
 */
export async function resolveDatabase(
  config: AppConfig,
  logger: Logger,
): Promise<EmbeddedDatabase> {
  if (config.database.url) {
    logger.info(
      { mode: 'configured', queue: config.queue.backend, search: config.search.driver },
      'using configured PostgreSQL',
    );
    return { url: config.database.url, stop: async () => undefined };
  }
  logger.info(
    { mode: 'embedded', queue: config.queue.backend, search: config.search.driver },
    'no DATABASE_URL: embedded mode',
  );
  return startEmbeddedPostgres(config.dataDir, config.database.embeddedPort, logger);
}
