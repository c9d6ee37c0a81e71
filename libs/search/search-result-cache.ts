import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, bumpGeneration, GenerationCache } from '@jipin/core';
import { SearchVocabularyService } from './search-vocabulary.service';

const GENERATION = 'search_index_generation';

/** Called after every change of the index, whatever the driver: cached results are dropped. */
export async function bumpIndexGeneration(dataSource: DataSource): Promise<void> {
  await bumpGeneration(dataSource, GENERATION);
}

/**
 * The same search asked again within SEARCH_CACHE_SECONDS is answered from this
 * process's memory: a county's morning is a few dozen words asked thousands of
 * times. Everything is dropped when the index changes (the indexer bumps
 * search_index_generation) or staff change the job words. Answers are public
 * (no caller in them); up to 300 are kept (a page of results is some tens of KB).
 */
@Injectable()
export class SearchResultCache {
  private readonly cache: GenerationCache;
  private vocabulary: unknown;

  constructor(
    dataSource: DataSource,
    private readonly vocabularies: SearchVocabularyService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cache = new GenerationCache(dataSource, {
      sequence: GENERATION,
      maxEntries: 300,
      maxAgeMs: () => config.search.cacheSeconds * 1000,
    });
  }

  async get<T>(key: string, search: () => Promise<T>): Promise<T> {
    // The vocabulary service answers from memory and knows this process's own changes at once.
    const vocabulary = await this.vocabularies.current();
    if (vocabulary !== this.vocabulary) this.cache.clear();
    this.vocabulary = vocabulary;
    return this.cache.get(key, search);
  }
}
