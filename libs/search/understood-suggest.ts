import { QueryTerm, termWord, understandQuery } from './query-understanding';
import type { Suggestion } from './search-types';
import { Vocabulary } from './vocabulary';

/** What a driver is asked for suggestions: the prefix as typed, or any reading of its terms. */
export interface SuggestQuery {
  prefix: string;
  /** The typed text as a search reads it; a match satisfies every term by any of its texts. */
  terms: QueryTerm[];
  /** Texts a suggestion may start with to rank first: the typed text and its readings. */
  leads: string[];
  limit: number;
}

export type SuggestMatch = (query: SuggestQuery) => Promise<Suggestion[]>;

/**
 * Suggestions read the typed text as a search does: pinyin (baojie), a
 * misspelling by sound (保结), traditional characters (會計) and synonyms (司机 →
 * 驾驶员) find the titles and occupations of the job meant. The word a
 * misspelling was read as comes first; other words of the same job follow as
 * related searches when the titles leave room.
 */
export async function understoodSuggest(
  prefix: string,
  limit: number,
  vocabulary: Vocabulary,
  match: SuggestMatch,
): Promise<Suggestion[]> {
  const { terms } = understandQuery(prefix, vocabulary);
  const readAs = terms.filter((t) => t.readAs).map(termWord);
  const leads = [...new Set([...terms.map((t) => t.typed), ...readAs])];
  const found = await match({ prefix, terms, leads, limit });
  const seen = new Set<string>();
  const keep = (s: Suggestion) => !seen.has(s.text) && !!seen.add(s.text);
  const words = (texts: string[]): Suggestion[] => texts.map((text) => ({ text, type: 'word' }));
  // One job word typed (or read): the other words of that job are related searches.
  const related =
    terms.length === 1
      ? terms[0].texts.filter((t) => t !== terms[0].typed && /[\u4e00-\u9fff]/.test(t))
      : [];
  return [...words(readAs), ...found, ...words(related)].filter(keep).slice(0, limit);
}
