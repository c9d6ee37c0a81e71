import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, BatchedRateLimiter, ErrorDetail, invalid } from '@jipin/core';
import { SearchResultCache } from './search-result-cache';
import {
  MAX_QUERY_LENGTH,
  Suggestion,
  VacancySearch,
  VacancySearchQuery,
  VacancySearchResult,
} from './search-types';

/** The rules between fields that a single-field validator cannot see; every problem at once. */
export function searchQueryProblems(query: VacancySearchQuery): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if ((query.q ?? '').trim().length > MAX_QUERY_LENGTH)
    problems.push({ field: 'q', message: `搜索词不能超过${MAX_QUERY_LENGTH}个字` });
  if (query.payMin !== undefined && query.payMax !== undefined && query.payMin > query.payMax)
    problems.push({ field: 'payMin', message: '最低薪资不能高于最高薪资' });
  if (query.radiusKm !== undefined && !query.point)
    problems.push({ field: 'radiusKm', message: '按距离范围搜索时须同时提供位置（lat 和 lng）' });
  if (query.sort === 'distance' && !query.point)
    problems.push({ field: 'sort', message: '按距离排序时须同时提供位置（lat 和 lng）' });
  return problems;
}

/** Public search: rate-limited per client address, checked, then handed to the configured driver. */
@Injectable()
export class VacancySearchService {
  constructor(
    private readonly search: VacancySearch,
    private readonly rateLimiter: BatchedRateLimiter,
    private readonly cache: SearchResultCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async find(query: VacancySearchQuery, clientIp: string): Promise<VacancySearchResult> {
    await this.countSearch(clientIp);
    const problems = searchQueryProblems(query);
    if (problems.length)
      throw invalid('search_invalid', problems.map((p) => p.message).join('；'), problems);
    const asked = { ...query, q: query.q?.trim() || undefined };
    return this.cache.get(`search:${JSON.stringify(asked)}`, () => this.search.search(asked));
  }

  async suggest(prefix: string, clientIp: string): Promise<Suggestion[]> {
    await this.countSearch(clientIp);
    const text = prefix.trim();
    if (!text) return [];
    if (text.length > MAX_QUERY_LENGTH)
      throw invalid('search_invalid', `搜索词不能超过${MAX_QUERY_LENGTH}个字`, [
        { field: 'q', message: `搜索词不能超过${MAX_QUERY_LENGTH}个字` },
      ]);
    return this.cache.get(`suggest:${text}`, () => this.search.suggest(text));
  }

  /**
   * One search by this address; every route that searches (the vacancy list's
   * keyword included) counts against the same budget, so none sidesteps it.
   * Counted in process and written in batches: see BatchedRateLimiter.
   */
  countSearch(clientIp: string): Promise<void> {
    return this.rateLimiter.hit(
      `search:${clientIp}`,
      this.config.rateLimits.searchPerMinute,
      this.config.rateLimits.searchWindowSeconds,
      '搜索过于频繁',
    );
  }
}
