import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createLogger, dataSourceOptions, loadConfig, resolveDatabase } from '@jipin/core';
import { createVacancySearch, SearchIndexer, VacancyDocumentSource } from '@jipin/search';

/** npm run search:reindex — rebuilds the vacancy search index from the database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'search-reindex');
  const database = await resolveDatabase(config, logger);
  const dataSource = new DataSource(dataSourceOptions(database.url, { poolSize: 2 }));
  await dataSource.initialize();
  try {
    const search = createVacancySearch(config, dataSource, logger);
    await search.prepare();
    const started = Date.now();
    const indexer = new SearchIndexer(search, new VacancyDocumentSource(dataSource), dataSource);
    const count = await indexer.reindex();
    logger.info(
      { driver: search.driver, documents: count, ms: Date.now() - started },
      'search index rebuilt',
    );
    await search.close();
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
