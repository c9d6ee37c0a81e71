import { QueryTerm, termHighlights, termWord, understandQuery } from './query-understanding';
import type {
  MatchQuery,
  SearchSort,
  VacancySearchQuery,
  VacancySearchResult,
} from './search-types';
import { Intent, Vocabulary, VOCABULARY } from './vocabulary';

type Match = (query: MatchQuery) => Promise<VacancySearchResult>;

/** Related searches tried when nothing matched, and how many are offered. */
const RELATED_CANDIDATES = 8;
const RELATED_OFFERED = 5;
const RESCUE_ADS = 10;
const GENERIC = ['工', '员', '师', '人', '者', '手', '傅'];

/** An intent changes the order unless the seeker chose one: 附近 nearest first, 工资高 pay. */
function sortFor(query: VacancySearchQuery, intents: Intent[]): SearchSort | undefined {
  if (query.sort && query.sort !== 'relevance') return query.sort;
  if (intents.includes('nearby') && query.point) return 'distance';
  if (intents.includes('highPay')) return 'pay';
  return query.sort;
}

/** The term to give up first: the least important, the last typed among equals. */
function leastImportant(terms: QueryTerm[]): number {
  let at = terms.length - 1;
  for (let i = terms.length - 1; i >= 0; i--)
    if (terms[i].importance < terms[at].importance) at = i;
  return at;
}

/**
 * A search as a person means it, on any driver: the query is understood
 * (vocabulary, intents, misspellings), every term is asked for, and while
 * nothing matches the least important term is dropped (the answer says which
 * words matched and that the match is partial). When even the most important
 * term alone finds nothing, the answer offers related searches that do find
 * something and the newest vacancies nearby instead of an empty page.
 */
export async function understoodSearch(
  query: VacancySearchQuery,
  match: Match,
  vocabulary: Vocabulary = VOCABULARY,
): Promise<VacancySearchResult> {
  const { q: _q, ...filters } = query;
  const understood = understandQuery(query.q, vocabulary);
  const sort = sortFor(query, understood.intents);
  const all = understood.terms;
  const base = { ...filters, ...(sort ? { sort } : {}), highlightWords: termHighlights(all) };
  let terms = all;
  let result = await match({ ...base, terms, rankTerms: all });
  while (result.total === 0 && terms.length > 1) {
    const drop = leastImportant(terms);
    terms = terms.filter((_, i) => i !== drop);
    result = await match({ ...base, terms, rankTerms: all });
  }
  const partial = result.total > 0 && terms.length < all.length;
  const answer: VacancySearchResult = {
    ...result,
    understood: {
      terms: all.map((t) => ({ typed: t.typed, ...(t.readAs ? { readAs: t.readAs } : {}) })),
      intents: understood.intents,
      ignored: understood.ignored,
      ...(sort ? { sort } : {}),
    },
  };
  if (all.length) {
    answer.matchedTerms = result.total > 0 ? terms.map(termWord) : [];
    answer.unmatchedTerms = all
      .filter((t) => !answer.matchedTerms!.includes(termWord(t)))
      .map(termWord);
  }
  if (partial) answer.partial = true;
  if (result.total === 0 && all.length)
    answer.rescue = await rescue(all, filters, match, vocabulary);
  return answer;
}

/**
 * Vocabulary words sharing a character with what was typed, or one of its
 * words, that do find vacancies under the same filters; and the newest
 * vacancies (nearest first when a place is known) without the text, then
 * without the filters when those alone leave nothing.
 */
async function rescue(
  terms: QueryTerm[],
  filters: Omit<VacancySearchQuery, 'q'>,
  match: Match,
  vocabulary: Vocabulary,
): Promise<NonNullable<VacancySearchResult['rescue']>> {
  const typed = terms.map(termWord);
  // Characters that end many job names (工, 员, 师) say nothing about which job.
  const chars = new Set(typed.flatMap((w) => Array.from(w)).filter((c) => !GENERIC.includes(c)));
  const candidates = vocabulary
    .words()
    .filter((w) => !typed.includes(w) && /[\u4e00-\u9fff]/.test(w) && Array.from(w).length <= 4)
    .map((w) => ({ w, shared: Array.from(w).filter((c) => chars.has(c)).length }))
    .filter((c) => c.shared > 0)
    .sort((a, b) => b.shared - a.shared || a.w.length - b.w.length || a.w.localeCompare(b.w))
    .slice(0, RELATED_CANDIDATES)
    .map((c) => c.w);
  const related: string[] = [];
  for (const word of candidates) {
    const term = understandQuery(word, vocabulary).terms;
    const found = await match({
      ...filters,
      terms: term,
      rankTerms: term,
      highlightWords: [],
      page: 1,
      pageSize: 1,
      facets: false,
    });
    if (found.total > 0) related.push(word);
    if (related.length >= RELATED_OFFERED) break;
  }
  const newestOf = (scope: Omit<VacancySearchQuery, 'q'>) =>
    match({
      ...scope,
      sort: scope.point ? 'distance' : 'newest',
      terms: [],
      rankTerms: [],
      highlightWords: [],
      page: 1,
      pageSize: RESCUE_ADS,
      facets: false,
    });
  let newest = await newestOf(filters);
  if (!newest.items.length) newest = await newestOf(filters.point ? { point: filters.point } : {});
  // Nothing near in spelling finds anything: the jobs on offer nearby are the next best.
  if (!related.length)
    related.push(
      ...new Set(newest.items.map((hit) => hit.occupationName).slice(0, RELATED_OFFERED)),
    );
  return { related, newest: newest.items };
}
