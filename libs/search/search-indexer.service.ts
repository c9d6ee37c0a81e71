import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bumpIndexGeneration } from './search-result-cache';
import { VacancySearch } from './search-types';
import { Vocabulary } from './vocabulary';
import { VacancyDocumentSource } from './vacancy-document-source';

const BATCH = 500;

export interface IndexChange {
  upserted: number;
  removed: number;
}

/**
 * Keeps the index in step with the database. Every path re-reads the
 * database, so running a job twice or late does no harm.
 */
@Injectable()
export class SearchIndexer {
  constructor(
    private readonly search: VacancySearch,
    private readonly source: VacancyDocumentSource,
    private readonly dataSource: DataSource,
  ) {}

  /** Re-reads these vacancies (and every vacancy of these employers) and upserts or removes each. */
  async refresh(target: { vacancyIds?: string[]; employerIds?: string[] }): Promise<IndexChange> {
    const ids = [
      ...new Set([
        ...(target.vacancyIds ?? []),
        ...(await this.source.vacancyIdsOfEmployers(target.employerIds ?? [])),
      ]),
    ];
    const change: IndexChange = { upserted: 0, removed: 0 };
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      const docs = await this.source.documents(batch);
      const findable = new Set(docs.map((d) => d.id));
      const gone = batch.filter((id) => !findable.has(id));
      await this.search.upsert(docs);
      await this.search.remove(gone);
      change.upserted += docs.length;
      change.removed += gone.length;
    }
    if (ids.length) await bumpIndexGeneration(this.dataSource);
    return change;
  }

  /** Finds what the index misses, holds stale, or should no longer hold, and fixes it. */
  async reconcile(): Promise<IndexChange> {
    await this.search.maintain();
    const [wanted, indexed] = await Promise.all([
      this.source.versions(),
      this.search.indexedVersions(),
    ]);
    const stale = [...wanted].filter(([id, version]) => indexed.get(id) !== version);
    const extra = [...indexed.keys()].filter((id) => !wanted.has(id));
    const refreshed = await this.refresh({ vacancyIds: stale.map(([id]) => id) });
    await this.search.remove(extra);
    if (extra.length) await bumpIndexGeneration(this.dataSource);
    return { upserted: refreshed.upserted, removed: refreshed.removed + extra.length };
  }

  /** Gives the engine the job words (Meilisearch's synonyms); answers kept from before are dropped. */
  async applyVocabulary(vocabulary: Vocabulary): Promise<void> {
    await this.search.applyVocabulary(vocabulary);
    await bumpIndexGeneration(this.dataSource);
  }

  /** Rebuilds the whole index from the database. */
  async reindex(): Promise<number> {
    const count = await this.search.reindex(this.source);
    await bumpIndexGeneration(this.dataSource);
    return count;
  }
}
