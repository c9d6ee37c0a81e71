// The traditional-to-simplified build: the full one also carries the reverse dictionaries (1 MB).
import * as OpenCC from 'opencc-js/t2cn';
import { normalizeText, queryTokens, segments } from './chinese-text';
import { IMPORTANCE, Intent, syllables, Vocabulary, VOCABULARY } from './vocabulary';

/** One thing the seeker asked for; a vacancy satisfies it with any of its texts or lexemes. */
export interface QueryTerm {
  /** As typed (folded to simplified, half-width, lower case). */
  typed: string;
  /** The vocabulary word it was read as when typed otherwise (保结, baojie → 保洁; driver → 司机). */
  readAs?: string;
  texts: string[];
  lexemes: string[];
  /** Kept longest when not every term can match. */
  importance: number;
}

export interface UnderstoodQuery {
  terms: QueryTerm[];
  intents: Intent[];
  /** Words that ask nothing of the text: intents (招工, 附近) and fillers (找工作). */
  ignored: string[];
}

/** Its dictionaries become a trie of several MiB: built by the first query, not at start. */
let toSimplified: ((text: string) => string) | undefined;

/** Half-width, lower case, traditional characters as simplified (會計 → 会计). */
export function foldQuery(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(normalizeText(text.trim()));
}

function termOf(typed: string, words: string[], vocabulary: Vocabulary): QueryTerm {
  const entries = words.map((w) => vocabulary.entry(w)!);
  return {
    typed,
    ...(words[0] !== typed ? { readAs: words[0] } : {}),
    texts: [...new Set([typed, ...entries.flatMap((e) => e.texts)])],
    lexemes: [...new Set(entries.flatMap((e) => e.lexemes))],
    importance: Math.max(...entries.map((e) => e.importance)),
  };
}

const plainTerm = (typed: string): QueryTerm => ({
  typed,
  texts: [typed],
  lexemes: [],
  importance: IMPORTANCE.word,
});

type Reading =
  { kind: 'intent'; intent: Intent } | { kind: 'filler' } | { kind: 'words'; words: string[] };

/** What a piece of the query is: an intent, a filler, a vocabulary word, or one sounding like it. */
function read(
  text: string,
  sounds: string[] | undefined,
  vocabulary: Vocabulary,
): Reading | undefined {
  const intent = vocabulary.intent(text);
  if (intent) return { kind: 'intent', intent };
  if (vocabulary.isFiller(text)) return { kind: 'filler' };
  if (vocabulary.entry(text)) return { kind: 'words', words: [text] };
  const alike = sounds ? vocabulary.wordsSoundingLike(text, sounds) : [];
  return alike.length ? { kind: 'words', words: alike } : undefined;
}

/**
 * Chinese has no spaces: the run is cut into known words (or words sounding
 * like them) so that as few characters as possible are left over, then as few
 * pieces as possible (找保洁工作 → 找 保洁 工作, not 找 保洁工 作); characters
 * between known words form a plain term that matches as text.
 */
function readChinese(run: string, vocabulary: Vocabulary, into: UnderstoodQuery): void {
  const chars = Array.from(run);
  const sounds = syllables(run);
  const aligned = sounds.length === chars.length;
  // best[i]: the cheapest reading of chars[i..]; cost = 100 per leftover character + 1 per piece.
  const best: { cost: number; length: number; reading?: Reading }[] = [];
  best[chars.length] = { cost: 0, length: 0 };
  for (let i = chars.length - 1; i >= 0; i--) {
    best[i] = { cost: 100 + best[i + 1].cost + (best[i + 1].reading ? 1 : 0), length: 1 };
    for (let length = Math.min(vocabulary.longestWord, chars.length - i); length > 0; length--) {
      const text = chars.slice(i, i + length).join('');
      const reading = read(text, aligned ? sounds.slice(i, i + length) : undefined, vocabulary);
      const cost = 1 + best[i + length].cost;
      if (reading && cost < best[i].cost) best[i] = { cost, length, reading };
    }
  }
  let plain = '';
  const flush = () => {
    if (plain) into.terms.push(plainTerm(plain));
    plain = '';
  };
  for (let i = 0; i < chars.length; i += best[i].length) {
    const { length, reading } = best[i];
    if (!reading) {
      plain += chars[i];
      continue;
    }
    flush();
    record(chars.slice(i, i + length).join(''), reading, vocabulary, into);
  }
  flush();
}

function record(text: string, reading: Reading, vocabulary: Vocabulary, into: UnderstoodQuery) {
  if (reading.kind === 'words') into.terms.push(termOf(text, reading.words, vocabulary));
  else {
    into.ignored.push(text);
    if (reading.kind === 'intent' && !into.intents.includes(reading.intent))
      into.intents.push(reading.intent);
  }
}

/** Letters and digits: an English job word, pinyin (baojie) or its initials (bj), else as typed. */
function readLatin(word: string, vocabulary: Vocabulary, into: UnderstoodQuery): void {
  const known = read(word, undefined, vocabulary);
  if (known) return record(word, known, vocabulary, into);
  const spelled = /^[a-z]{2,}$/.test(word) ? vocabulary.wordsSpelledAs(word) : [];
  into.terms.push(spelled.length ? termOf(word, spelled, vocabulary) : plainTerm(word));
}

/** Seekers type the same few hundred words: each is read once per vocabulary (pinyin ~0.3 ms). */
const understoodCache = new WeakMap<Vocabulary, Map<string, UnderstoodQuery>>();
const CACHE_SIZE = 2000;

/** The query as a search understands it; the same for every driver. */
export function understandQuery(q: string | undefined, vocabulary = VOCABULARY): UnderstoodQuery {
  let cache = understoodCache.get(vocabulary);
  if (!cache) understoodCache.set(vocabulary, (cache = new Map()));
  const key = q ?? '';
  let understood = cache.get(key);
  if (!understood) {
    understood = readQuery(key, vocabulary);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, understood);
  }
  return understood;
}

function readQuery(q: string | undefined, vocabulary: Vocabulary): UnderstoodQuery {
  const understood: UnderstoodQuery = { terms: [], intents: [], ignored: [] };
  for (const segment of segments(foldQuery(q ?? '')))
    if (segment.cjk) readChinese(segment.text, vocabulary, understood);
    else readLatin(segment.text, vocabulary, understood);
  const seen = new Set<string>();
  understood.terms = understood.terms.filter((t) => !seen.has(t.typed) && seen.add(t.typed));
  return understood;
}

/** The word a term stands for, as the results should name it. */
export const termWord = (term: QueryTerm) => term.readAs ?? term.typed;

function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** One term as tsquery text: any of its texts (all their tokens) or any of its lexemes. */
function termTsQuery(term: QueryTerm): string | undefined {
  const alternatives = [
    ...term.texts.map((text) =>
      queryTokens(text)
        .map(({ token, prefix }) => quoteLexeme(token) + (prefix ? ':*' : ''))
        .join(' & '),
    ),
    ...term.lexemes.map(quoteLexeme),
  ].filter(Boolean);
  if (!alternatives.length) return undefined;
  return alternatives.map((a) => `(${a})`).join(' | ');
}

/**
 * Understood queries are cached, so their terms are the same objects request
 * after request: what is derived from them is worked out once per term or term list.
 */
function remembered<K extends object, V>(derive: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, { value: V }>();
  return (key) => {
    let entry = cache.get(key);
    if (!entry) cache.set(key, (entry = { value: derive(key) }));
    return entry.value;
  };
}

const rememberedTermTsQuery = remembered(termTsQuery);

/** A tsquery (cast with ::tsquery) needing every term, or any of them; undefined without terms. */
export function termsTsQuery(terms: QueryTerm[], join: 'all' | 'any' = 'all'): string | undefined {
  const parts = terms.map(rememberedTermTsQuery).filter((p): p is string => p !== undefined);
  if (!parts.length) return undefined;
  return parts.map((p) => `(${p})`).join(join === 'all' ? ' & ' : ' | ');
}

/** Any of the words as typed (or as read: 保结 → 保洁), which rank above their synonyms. */
export const ownWordsTsQuery = remembered((terms: QueryTerm[]) =>
  termsTsQuery(
    terms.map((t) => ({ ...t, texts: [termWord(t)], lexemes: [] })),
    'any',
  ),
);

/**
 * What to mark in a hit: the texts of every term (the shortest that do: 司机, not
 * 货车司机 as well) and their character pairs.
 */
export const termHighlights = remembered((terms: QueryTerm[]): string[] => {
  const words = new Set<string>();
  for (const term of terms)
    for (const text of term.texts) {
      if (term.texts.some((other) => other !== text && text.includes(other))) continue;
      words.add(text);
      for (const { token } of queryTokens(text)) words.add(token);
    }
  return [...words].sort((a, b) => b.length - a.length);
});
