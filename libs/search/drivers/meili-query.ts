import type { Settings, Task } from 'meilisearch';
import { FACET_NAMES, VacancySearchDocument, VacancySearchQuery } from '../search-types';
import { Vocabulary, VOCABULARY } from '../vocabulary';

/** Pure parts of the Meilisearch driver: settings, filters, sorts and task checks. */

/** Hits Meilisearch counts and pages through; beyond it a total is capped. */
export const MAX_TOTAL_HITS = 100000;

// Welfare tags are words too (包住 finds an ad tagged 包住), as in the PostgreSQL driver.
export const SEARCHABLE = [
  'title',
  'occupationName',
  'employerName',
  'tags',
  'welfareTags',
  'description',
];

/** Every group member is a synonym of every other (Meilisearch wants word → words). */
export function synonymsMap(groups: string[][]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups)
    for (const word of group)
      map[word] = [...(map[word] ?? []), ...group.filter((w) => w !== word)];
  return map;
}

/**
 * The vocabulary as Meilisearch synonyms, one way each: 普工 → 装配工 (a narrower
 * job), but 装配工 only → its own synonyms, as the query understanding does.
 */
export function vocabularySynonyms(vocabulary: Vocabulary = VOCABULARY): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const word of vocabulary.words()) {
    const others = vocabulary.entry(word)!.texts.filter((t) => t !== word);
    if (others.length) map[word] = others;
  }
  return map;
}

/** Settings of the index; synonyms from these groups, else from the vocabulary. */
export function meiliSettings(synonyms: string[][] | Vocabulary = VOCABULARY): Settings {
  return {
    searchableAttributes: SEARCHABLE,
    filterableAttributes: [
      'id',
      'occupationCode',
      'kind',
      'townshipCode',
      'payMin',
      'payMax',
      'payUnit',
      'education',
      'welfareTags',
      'keyGroupFriendly',
      'employerId',
      'publishedAtTs',
      'fairIds',
      '_geo',
    ],
    sortableAttributes: ['publishedAtTs', 'payMin', 'payMax', '_geo'],
    // Recency breaks ties after text relevance, as the PostgreSQL driver does.
    rankingRules: [
      'words',
      'typo',
      'proximity',
      'attribute',
      'sort',
      'exactness',
      'publishedAtTs:desc',
    ],
    synonyms: Array.isArray(synonyms) ? synonymsMap(synonyms) : vocabularySynonyms(synonyms),
    // Misspellings by sound and pinyin are read by the query understanding before the
    // query is sent; typos are for Latin words (driver, excel) long enough to tell apart.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    localizedAttributes: [{ attributePatterns: SEARCHABLE, locales: ['cmn'] }],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: 100 },
  };
}

export interface MeiliVacancyDocument extends VacancySearchDocument {
  publishedAtTs: number;
  _geo?: { lat: number; lng: number };
}

export function toMeiliDocument(doc: VacancySearchDocument): MeiliVacancyDocument {
  return {
    ...doc,
    publishedAtTs: Date.parse(doc.publishedAt),
    ...(doc.lat !== null && doc.lng !== null ? { _geo: { lat: doc.lat, lng: doc.lng } } : {}),
  };
}

const quote = (value: string) => JSON.stringify(value);

export function meiliFilter(query: VacancySearchQuery, now = Date.now()): string[] {
  const filter: string[] = [];
  if (query.occupationCode) filter.push(`occupationCode = ${quote(query.occupationCode)}`);
  if (query.kind) filter.push(`kind = ${quote(query.kind)}`);
  if (query.townshipCode) filter.push(`townshipCode = ${quote(query.townshipCode)}`);
  if (query.payMin !== undefined) filter.push(`payMax >= ${query.payMin}`);
  if (query.payMax !== undefined) filter.push(`payMin <= ${query.payMax}`);
  if (query.payUnit) filter.push(`payUnit = ${quote(query.payUnit)}`);
  if (query.education) filter.push(`education = ${quote(query.education)}`);
  for (const tag of query.welfareTags ?? []) filter.push(`welfareTags = ${quote(tag)}`);
  if (query.keyGroupFriendly !== undefined)
    filter.push(`keyGroupFriendly = ${query.keyGroupFriendly}`);
  if (query.employerId) filter.push(`employerId = ${quote(query.employerId)}`);
  if (query.postedWithinDays !== undefined)
    filter.push(`publishedAtTs >= ${now - query.postedWithinDays * 86400000}`);
  if (query.fairId) filter.push(`fairIds = ${quote(query.fairId)}`);
  if (query.point && query.radiusKm !== undefined)
    filter.push(
      `_geoRadius(${query.point.lat}, ${query.point.lng}, ${Math.round(query.radiusKm * 1000)})`,
    );
  return filter;
}

/** A query with text: typed (q) or understood into terms. */
type SortableQuery = Omit<VacancySearchQuery, 'q'> & { q?: string; terms?: unknown[] };

export function meiliSort(query: SortableQuery): string[] | undefined {
  switch (query.sort ?? 'relevance') {
    case 'distance':
      return query.point ? [`_geoPoint(${query.point.lat}, ${query.point.lng}):asc`] : undefined;
    case 'pay':
      return ['payMax:desc', 'payMin:desc', 'publishedAtTs:desc'];
    case 'newest':
      return ['publishedAtTs:desc'];
    default:
      return query.q?.trim() || query.terms?.length ? undefined : ['publishedAtTs:desc'];
  }
}

export const MEILI_FACETS: string[] = FACET_NAMES;

/** A task Meilisearch finished without doing it; the client resolves these, we do not accept them. */
export class MeiliTaskFailedError extends Error {
  constructor(readonly task: Pick<Task, 'uid' | 'type' | 'status' | 'error'>) {
    super(
      `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no reason given'}`,
    );
  }
}

/** Waits for a task and throws unless it succeeded. */
export async function succeeded(
  enqueued: { waitTask(options?: { timeout?: number; interval?: number }): Promise<Task> },
  timeoutMs = 120000,
): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs, interval: 50 });
  if (task.status !== 'succeeded') throw new MeiliTaskFailedError(task);
  return task;
}

/** Network errors, timeouts, 429 and 5xx are worth another try; a failed task or a 4xx is not. */
export function isTransient(error: unknown): boolean {
  if (error instanceof MeiliTaskFailedError) return false;
  if (!(error instanceof Error)) return false;
  if (error.name === 'MeilisearchRequestError' || error.name === 'MeilisearchRequestTimeOutError')
    return true;
  if (error.name === 'MeilisearchApiError') {
    const status = (error as Error & { response?: { status?: number } }).response?.status ?? 0;
    return status === 429 || status >= 500;
  }
  return false;
}

/** Runs fn, retrying transient failures with exponential backoff. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  options: { attempts?: number; baseDelayMs?: number; onRetry?: (error: unknown) => void } = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 200;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error)) throw error;
      options.onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, base * 2 ** (attempt - 1)));
    }
  }
}
