import { Index, Meilisearch } from 'meilisearch';
import { highlight, snippet } from '../chinese-text';
import { termWord } from '../query-understanding';
import {
  DEFAULT_PAGE_SIZE,
  Facets,
  FACET_NAMES,
  MatchQuery,
  SearchDocumentFeed,
  SearchHit,
  Suggestion,
  VacancySearch,
  VacancySearchDocument,
  VacancySearchResult,
} from '../search-types';
import {
  MEILI_FACETS,
  MAX_TOTAL_HITS,
  meiliFilter,
  meiliSettings,
  meiliSort,
  MeiliVacancyDocument,
  succeeded,
  toMeiliDocument,
  vocabularySynonyms,
  withRetry,
} from './meili-query';
import type { SuggestQuery } from '../understood-suggest';
import type { Vocabulary } from '../vocabulary';

const BATCH = 1000;

export interface MeiliOptions {
  url: string;
  key?: string;
  index: string;
  onRetry?: (error: unknown) => void;
}

/**
 * The production driver: Meilisearch with Chinese segmentation (localized
 * attributes cmn). Every task is awaited and a failed task is an error.
 */
export class MeiliVacancySearch extends VacancySearch {
  readonly driver = 'meilisearch';
  private readonly client: Meilisearch;

  constructor(private readonly options: MeiliOptions) {
    super();
    this.client = new Meilisearch({ host: options.url, apiKey: options.key });
  }

  private get index(): Index<MeiliVacancyDocument> {
    return this.client.index<MeiliVacancyDocument>(this.options.index);
  }

  private retry<T>(fn: () => Promise<T>): Promise<T> {
    return withRetry(fn, { onRetry: this.options.onRetry });
  }

  /** Creates the index if needed and applies the settings; the same settings twice change nothing. */
  async prepare(): Promise<void> {
    await this.ensureIndex(this.options.index);
  }

  private async ensureIndex(uid: string): Promise<void> {
    await this.retry(async () => {
      const exists = await this.client
        .getIndex(uid)
        .then(() => true)
        .catch((error: unknown) => {
          if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found')
            return false;
          throw error;
        });
      if (!exists) await succeeded(this.client.createIndex(uid, { primaryKey: 'id' }));
      await succeeded(
        this.client.index(uid).updateSettings(meiliSettings(await this.vocabulary())),
      );
    });
  }

  async ping(): Promise<void> {
    await this.client.health();
    await this.index.getStats();
  }

  async close(): Promise<void> {
    // HTTP only; nothing held open.
  }

  async upsert(docs: VacancySearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += BATCH) {
      const batch = docs.slice(i, i + BATCH);
      // Meilisearch replaces unconditionally, so older versions are dropped here first.
      const indexed = await this.versionsOf(batch.map((d) => d.id));
      const newer = batch.filter((d) => (indexed.get(d.id) ?? -1) < d.version);
      if (!newer.length) continue;
      await this.retry(() =>
        succeeded(this.index.addDocuments(newer.map(toMeiliDocument), { primaryKey: 'id' })),
      );
    }
  }

  private async versionsOf(ids: string[]): Promise<Map<string, number>> {
    const result = await this.retry(() =>
      this.index.getDocuments<Pick<MeiliVacancyDocument, 'id' | 'version'>>({
        filter: `id IN [${ids.map((id) => JSON.stringify(id)).join(', ')}]`,
        fields: ['id', 'version'],
        limit: ids.length,
      }),
    );
    return new Map(result.results.map((d) => [d.id, d.version]));
  }

  async remove(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await this.retry(() => succeeded(this.index.deleteDocuments(batch)));
    }
  }

  /**
   * The understood terms as words (a misspelling already read as the word it
   * meant); the synonyms setting expands them as the vocabulary does, and every
   * word must match: relaxing is done by understoodSearch for both drivers.
   */
  protected async match(query: MatchQuery): Promise<VacancySearchResult> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const words = query.terms.map(termWord).join(' ');
    const response = await this.retry(() =>
      this.index.search(words || null, {
        matchingStrategy: 'all',
        filter: meiliFilter(query),
        sort: meiliSort(query),
        facets: query.facets === false ? undefined : MEILI_FACETS,
        page,
        hitsPerPage: pageSize,
        locales: ['cmn'],
      }),
    );
    const terms = query.highlightWords;
    const items: SearchHit[] = response.hits.map((hit) => {
      const {
        version: _version,
        publishedAtTs: _publishedAtTs,
        _geo,
        _geoDistance,
        ...doc
      } = hit as MeiliVacancyDocument & { _geoDistance?: number };
      return {
        ...doc,
        highlights: {
          title: highlight(doc.title, terms),
          description: snippet(doc.description, terms),
        },
        ...(_geoDistance !== undefined ? { distanceKm: Math.round(_geoDistance / 10) / 100 } : {}),
      };
    });
    const facets =
      query.facets === false
        ? undefined
        : (Object.fromEntries(
            FACET_NAMES.map((name) => [name, response.facetDistribution?.[name] ?? {}]),
          ) as Facets);
    return {
      items,
      total: response.totalHits ?? items.length,
      ...((response.totalHits ?? 0) >= MAX_TOTAL_HITS ? { totalCapped: true } : {}),
      page,
      pageSize,
      ...(facets ? { facets } : {}),
    };
  }

  /** The prefix as read (a misspelling as the word it meant); the synonyms setting expands it. */
  protected async suggestMatches({
    prefix,
    terms,
    leads,
    limit,
  }: SuggestQuery): Promise<Suggestion[]> {
    const read = terms.map(termWord).join(' ');
    const response = await this.retry(() =>
      this.index.search(read || prefix, {
        limit: limit * 3,
        attributesToRetrieve: ['title', 'occupationName'],
        locales: ['cmn'],
      }),
    );
    const seen = new Set<string>();
    const suggestions: Suggestion[] = [];
    for (const hit of response.hits) {
      for (const [text, type] of [
        [hit.title, 'title'],
        [hit.occupationName, 'occupation'],
      ] as const) {
        if (!text || seen.has(text)) continue;
        seen.add(text);
        suggestions.push({ text, type });
      }
    }
    const starts = [prefix.trim(), ...leads];
    const lead = (text: string) => (starts.some((s) => text.startsWith(s)) ? 0 : 1);
    return suggestions.sort((a, b) => lead(a.text) - lead(b.text)).slice(0, limit);
  }

  /** Staff changed the job words: the synonyms setting follows (the same words twice change nothing). */
  override async applyVocabulary(vocabulary: Vocabulary): Promise<void> {
    await this.retry(() =>
      succeeded(this.index.updateSettings({ synonyms: vocabularySynonyms(vocabulary) })),
    );
  }

  /** Builds a fresh index, then swaps it in atomically; the old one is deleted. */
  async reindex(feed: SearchDocumentFeed): Promise<number> {
    const fresh = `${this.options.index}_rebuild_${Date.now()}`;
    await this.ensureIndex(fresh);
    await this.ensureIndex(this.options.index);
    let count = 0;
    try {
      for await (const batch of feed.batches(BATCH)) {
        await this.retry(() =>
          succeeded(
            this.client.index(fresh).addDocuments(batch.map(toMeiliDocument), { primaryKey: 'id' }),
          ),
        );
        count += batch.length;
      }
      await this.retry(() =>
        succeeded(
          this.client.swapIndexes([{ indexes: [this.options.index, fresh], rename: false }]),
        ),
      );
    } finally {
      await this.retry(() => succeeded(this.client.deleteIndex(fresh)));
    }
    return count;
  }

  async indexedVersions(): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    for (let offset = 0; ; offset += 10000) {
      const page = await this.retry(() =>
        this.index.getDocuments<Pick<MeiliVacancyDocument, 'id' | 'version'>>({
          fields: ['id', 'version'],
          limit: 10000,
          offset,
        }),
      );
      for (const doc of page.results) versions.set(doc.id, doc.version);
      if (page.results.length < 10000) return versions;
    }
  }
}
