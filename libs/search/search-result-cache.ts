import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@jipin/core';
import { SearchVocabularyService } from './search-vocabulary.service';

/** Hot searches worth keeping; a page of results is some tens of KB. */
const MAX_ENTRIES = 300;
/** How often a process asks whether the index changed. */
const GENERATION_FRESH_MS = 300;

interface Entry {
  value: Promise<unknown>;
  storedAt: number;
  /** The index generation the search began under: one begun before a change is not reused. */
  generation: string | undefined;
}

/** Called after every change of the index, whatever the driver: cached results are dropped. */
export async function bumpIndexGeneration(dataSource: DataSource): Promise<void> {
  await dataSource.query(`select nextval('search_index_generation')`);
}

/**
 * The same search asked again within SEARCH_CACHE_SECONDS is answered from this
 * process's memory: a county's morning is a few dozen words asked thousands of
 * times. Everything is dropped when the index changes (the indexer bumps
 * search_index_generation; a process looks at most every GENERATION_FRESH_MS)
 * or staff change the job words. Answers are public (no caller in them), and
 * concurrent askers of a missing entry share one search.
 */
@Injectable()
export class SearchResultCache {
  private readonly entries = new Map<string, Entry>();
  private generation: string | undefined;
  private checkedAt = 0;
  private checking: Promise<void> | undefined;
  private vocabulary: unknown;

  constructor(
    private readonly dataSource: DataSource,
    private readonly vocabularies: SearchVocabularyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get<T>(key: string, search: () => Promise<T>): Promise<T> {
    const maxAgeMs = this.config.search.cacheSeconds * 1000;
    if (maxAgeMs === 0) return search();
    await this.dropIfChanged();
    const now = Date.now();
    const found = this.entries.get(key);
    if (found && now - found.storedAt < maxAgeMs && found.generation === this.generation) {
      // Most recently used last: the oldest in the map is the first to go.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    const value = search();
    this.entries.set(key, { value, storedAt: now, generation: this.generation });
    // A failed search is not kept: the next asker tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  private async dropIfChanged(): Promise<void> {
    // The vocabulary service answers from memory and knows this process's own changes at once.
    const vocabulary = await this.vocabularies.current();
    if (vocabulary !== this.vocabulary) this.entries.clear();
    this.vocabulary = vocabulary;
    if (Date.now() - this.checkedAt < GENERATION_FRESH_MS) return;
    this.checking ??= this.readGeneration().finally(() => (this.checking = undefined));
    await this.checking;
  }

  private async readGeneration(): Promise<void> {
    let generation: string | undefined;
    try {
      // A sequence not yet used reads 1 like one used once; is_called tells them apart.
      [{ generation }] = await this.dataSource.query(
        `select (case when is_called then last_value else 0 end)::text as generation
           from search_index_generation`,
      );
    } catch {
      // Not knowing whether the index changed, keep nothing; the search itself still runs.
      generation = undefined;
    }
    if (generation === undefined || generation !== this.generation) this.entries.clear();
    this.generation = generation;
    this.checkedAt = Date.now();
  }
}
