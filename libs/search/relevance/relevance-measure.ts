import { VacancySearch, VacancySearchDocument } from '../search-types';
import { COUNTY_TOWN, NORTH_TOWNSHIP } from './relevance-postings';
import { RELEVANCE_QUERIES, RelevanceQuery } from './relevance-queries';

export interface QueryOutcome {
  q: string;
  /** Share of the first ten results that are right answers. */
  precision: number;
  /** Share of the right answers (up to ten) that are on the first page. */
  recall: number;
  /** 1 / position of the first right answer; 0 when none. */
  reciprocalRank: number;
  /** What a person would object to: a missing answer, a wrong order, a must-not hit. */
  problems: string[];
  mustNotHits: number;
}

export interface RelevanceReport {
  outcomes: QueryOutcome[];
  precisionAt10: number;
  recall: number;
  mrr: number;
  mustNotHits: number;
}

const PAGE = 10;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Runs one query as the web app would and judges its answer. */
export async function judgeQuery(
  search: VacancySearch,
  query: RelevanceQuery,
  keyOf: Map<string, string>,
): Promise<QueryOutcome> {
  const point =
    query.near === 'north' ? NORTH_TOWNSHIP : query.near === 'town' ? COUNTY_TOWN : undefined;
  const result = await search.search({
    q: query.q,
    ...(point ? { point } : {}),
    pageSize: 100,
    facets: false,
  });
  const keys = result.items.map((hit) => keyOf.get(hit.id) ?? hit.id);
  const firstPage = keys.slice(0, PAGE);
  const relevant = new Set(query.relevant === 'all' ? keyOf.values() : query.relevant);
  const right = firstPage.filter((k) => relevant.has(k));
  const problems: string[] = [];
  const wanted = query.firstPage ?? (relevant.size <= PAGE ? [...relevant] : []);
  for (const key of wanted)
    if (!firstPage.includes(key)) problems.push(`${key} is not on the first page`);
  if (
    query.top &&
    [...keys.slice(0, query.top.length)].sort().join() !== [...query.top].sort().join()
  )
    problems.push(
      `first results are ${keys.slice(0, query.top.length).join(',')}, not ${query.top.join(',')}`,
    );
  const mustNot = (query.mustNot ?? []).filter((k) => keys.includes(k));
  for (const key of mustNot) problems.push(`${key} must not appear`);
  if ((result.partial ?? false) !== (query.partial ?? false))
    problems.push(
      query.partial ? 'the answer does not say it is partial' : 'the answer says partial',
    );
  const firstRight = firstPage.findIndex((k) => relevant.has(k));
  return {
    q: query.q,
    precision: firstPage.length ? right.length / firstPage.length : 0,
    recall: right.length / Math.min(relevant.size, PAGE),
    reciprocalRank: firstRight === -1 ? 0 : 1 / (firstRight + 1),
    problems,
    mustNotHits: mustNot.length,
  };
}

/** Every query of the relevance set over its postings (already indexed in `search`). */
export async function measureRelevance(
  search: VacancySearch,
  documents: (VacancySearchDocument & { key: string })[],
  queries = RELEVANCE_QUERIES,
): Promise<RelevanceReport> {
  const keyOf = new Map(documents.map((d) => [d.id, d.key]));
  const outcomes: QueryOutcome[] = [];
  for (const query of queries) outcomes.push(await judgeQuery(search, query, keyOf));
  return {
    outcomes,
    precisionAt10: mean(outcomes.map((o) => o.precision)),
    recall: mean(outcomes.map((o) => o.recall)),
    mrr: mean(outcomes.map((o) => o.reciprocalRank)),
    mustNotHits: outcomes.reduce((n, o) => n + o.mustNotHits, 0),
  };
}
