import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Logger } from 'pino';
import { APP_CONFIG, AppConfig, HealthRegistry, LOGGER } from '@jipin/core';
import { MeiliVacancySearch } from './drivers/meili-vacancy-search';
import { PostgresVacancySearch } from './drivers/postgres-vacancy-search';
import { SearchIndexer } from './search-indexer.service';
import { SearchResultCache } from './search-result-cache';
import { SearchVocabularyService } from './search-vocabulary.service';
import { VacancySearch } from './search-types';
import { VacancyDocumentSource } from './vacancy-document-source';
import { VacancySearchService } from './vacancy-search.service';

/** The configured driver (SEARCH_DRIVER). */
export function createVacancySearch(
  config: AppConfig,
  dataSource: DataSource,
  logger?: Logger,
): VacancySearch {
  if (config.search.driver === 'meilisearch')
    return new MeiliVacancySearch({
      url: config.search.meiliUrl as string,
      key: config.search.meiliKey,
      index: config.search.meiliIndex,
      onRetry: (error) => logger?.warn({ err: error }, 'meilisearch call failed; retrying'),
    });
  return new PostgresVacancySearch(dataSource);
}

/** Prepares the driver at boot (a bad backend stops the process) and reports it to /health/ready. */
@Injectable()
class SearchBoot implements OnModuleInit {
  constructor(
    private readonly search: VacancySearch,
    private readonly registry: HealthRegistry,
    private readonly vocabulary: SearchVocabularyService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.search.useVocabulary(() => this.vocabulary.current());
    await this.search.prepare();
    this.registry.register({
      name: `search:${this.search.driver}`,
      part: 'search',
      check: () => this.search.ping(),
    });
  }
}

@Module({
  providers: [
    {
      provide: VacancySearch,
      inject: [APP_CONFIG, DataSource, LOGGER],
      useFactory: createVacancySearch,
    },
    VacancyDocumentSource,
    SearchIndexer,
    VacancySearchService,
    SearchVocabularyService,
    SearchResultCache,
    SearchBoot,
  ],
  exports: [
    VacancySearch,
    VacancyDocumentSource,
    SearchIndexer,
    VacancySearchService,
    SearchVocabularyService,
  ],
})
export class SearchModule {}
