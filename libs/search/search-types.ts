import type { QueryTerm } from './query-understanding';
import { understoodSearch } from './understood-search';
import { SuggestQuery, understoodSuggest } from './understood-suggest';
import { Intent, Vocabulary, VOCABULARY } from './vocabulary';

/** One vacancy as the search index holds it: everything a result shows or a filter needs. */
export interface VacancySearchDocument {
  id: string;
  title: string;
  occupationCode: string;
  occupationName: string;
  description: string;
  employerId: string;
  employerName: string;
  /** Short labels shown on a result and searched: kind, shift pattern, target groups. */
  tags: string[];
  kind: string;
  townshipCode: string;
  payMin: number;
  payMax: number;
  payUnit: string;
  education: string;
  welfareTags: string[];
  /** Open to or aimed at a key group (重点群体): targeted groups, public-welfare and internship posts. */
  keyGroupFriendly: boolean;
  /** ISO timestamp. */
  publishedAt: string;
  fairIds: string[];
  lat: number | null;
  lng: number | null;
  /** Grows with every change of the vacancy or its employer; an older version never overwrites a newer one. */
  version: number;
}

export const SEARCH_SORTS = ['relevance', 'newest', 'pay', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface VacancySearchQuery {
  q?: string;
  occupationCode?: string;
  kind?: string;
  townshipCode?: string;
  /** Pay ranges overlap: the vacancy pays at least payMin at its top and at most payMax at its bottom. */
  payMin?: number;
  payMax?: number;
  payUnit?: string;
  education?: string;
  /** Every one of these welfare tags. */
  welfareTags?: string[];
  keyGroupFriendly?: boolean;
  employerId?: string;
  postedWithinDays?: number;
  fairId?: string;
  sort?: SearchSort;
  point?: { lat: number; lng: number };
  radiusKm?: number;
  page?: number;
  pageSize?: number;
  /** Facet counts cost a query each; the API asks for them, batch callers may not. */
  facets?: boolean;
}

/** What a driver is asked: the query understood into terms, with the seeker's filters. */
export interface MatchQuery extends Omit<VacancySearchQuery, 'q'> {
  /** Each must match (by one of its texts or lexemes); none: no text condition. */
  terms: QueryTerm[];
  /** All the terms the seeker gave: a match having more of them ranks higher. */
  rankTerms: QueryTerm[];
  /** Words to wrap in <em> in a hit. */
  highlightWords: string[];
}

export interface SearchHit extends Omit<VacancySearchDocument, 'version'> {
  /** Title and a description snippet with matched words wrapped in <em>; HTML-escaped. */
  highlights: { title: string; description: string };
  /** Kilometres from the query point, when one was given. */
  distanceKm?: number;
}

export type FacetName = 'kind' | 'townshipCode' | 'occupationCode' | 'education' | 'welfareTags';
export const FACET_NAMES: FacetName[] = [
  'kind',
  'townshipCode',
  'occupationCode',
  'education',
  'welfareTags',
];
export type Facets = Record<FacetName, Record<string, number>>;

export interface VacancySearchResult {
  items: SearchHit[];
  /** Matches counted, up to the driver's window; see totalCapped. */
  total: number;
  /** More matched than the driver considers: total, facets and pages cover the first `total`. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  facets?: Facets;
  /** How the query was read: its terms (and what a misspelt one was read as), intents, ignored words. */
  understood?: {
    terms: { typed: string; readAs?: string }[];
    intents: Intent[];
    ignored: string[];
    /** The order used, when an intent chose it (附近 → distance, 工资高 → pay). */
    sort?: SearchSort;
  };
  /** The query's words the results match; the rest are in unmatchedTerms. */
  matchedTerms?: string[];
  unmatchedTerms?: string[];
  /** Not every word could match together: the least important ones were left out. */
  partial?: boolean;
  /** Nothing matched: searches that do find vacancies, and the newest vacancies nearby. */
  rescue?: { related: string[]; newest: SearchHit[] };
}

export interface Suggestion {
  text: string;
  /** word: a job word of the vocabulary (what a misspelling was read as, or a synonym). */
  type: 'title' | 'occupation' | 'word';
}

/** Where a full rebuild reads documents from, in batches. */
export interface SearchDocumentFeed {
  batches(batchSize?: number): AsyncIterable<VacancySearchDocument[]>;
}

/**
 * The search port. Drivers: postgres (embedded default) and meilisearch.
 * Every driver passes vacancy-search.contract-spec.ts.
 */
export abstract class VacancySearch {
  abstract readonly driver: string;
  private vocabularySource: () => Promise<Vocabulary> = async () => VOCABULARY;

  /** Where searches read the job words from (the built-in ones until the module sets it). */
  useVocabulary(source: () => Promise<Vocabulary>): void {
    this.vocabularySource = source;
  }

  protected vocabulary(): Promise<Vocabulary> {
    return this.vocabularySource();
  }

  /** The job words changed: drivers that hold them as settings push them (Meilisearch). */
  async applyVocabulary(_vocabulary: Vocabulary): Promise<void> {}

  /** Inserts or replaces documents; a document is ignored where the index holds a newer version. */
  abstract upsert(docs: VacancySearchDocument[]): Promise<void>;
  abstract remove(ids: string[]): Promise<void>;
  /** The query understood and relaxed the same way on every driver (understood-search.ts). */
  async search(query: VacancySearchQuery): Promise<VacancySearchResult> {
    const vocabulary = await this.vocabulary();
    return understoodSearch(query, (understood) => this.match(understood), vocabulary);
  }
  /** The driver's part of a search: every term matched, filtered, sorted, paged. */
  protected abstract match(query: MatchQuery): Promise<VacancySearchResult>;
  /** As-you-type suggestions, the text understood as a search understands it. */
  async suggest(prefix: string, limit = 10): Promise<Suggestion[]> {
    const vocabulary = await this.vocabulary();
    return understoodSuggest(prefix, limit, vocabulary, (query) => this.suggestMatches(query));
  }
  /** The driver's part of suggesting: titles and occupations of matches, best first. */
  protected abstract suggestMatches(query: SuggestQuery): Promise<Suggestion[]>;
  /** Replaces the whole index with the feed's documents; searches see the old index until it is done. */
  abstract reindex(feed: SearchDocumentFeed): Promise<number>;
  /** id → version of everything indexed, for the reconcile job. */
  abstract indexedVersions(): Promise<Map<string, number>>;
  /** Settings and connectivity at boot; throws with a reason when the backend is not usable. */
  abstract prepare(): Promise<void>;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
  /** Periodic upkeep the driver needs (run by the reconcile job); none by default. */
  async maintain(): Promise<void> {}
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 50;
