import synonymData from './data/synonyms.json';

/**
 * Chinese has no spaces between words, so text is indexed as overlapping
 * character pairs (bigrams: 电子装配 → 电子 子装 装配) plus single characters,
 * so that a one-character query (焊) finds something too. Latin letters and
 * digits are kept as whole words.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD = /[a-z0-9]/;

/** Characters seen so far: NFKC per character costs ~1 µs, and every hit's text is folded. */
const normalizedChars = new Map<string, string>();

/** Full-width to half-width, lower case, one character at a time (positions stay put). */
function normalizeChar(c: string): string {
  let n = normalizedChars.get(c);
  if (n === undefined) {
    const folded = c.normalize('NFKC').toLowerCase();
    n = folded.length === 1 ? folded : c;
    if (normalizedChars.size < 65536) normalizedChars.set(c, n);
  }
  return n;
}

/**
 * The common characters of a Chinese ad folded without calling NFKC: ASCII,
 * full-width ASCII (，（）：, ０-９, Ａ-Ｚ → half width) and CJK ideographs and
 * punctuation that NFKC leaves alone; the rest one character at a time.
 */
export function normalizeText(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x80) out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : c;
    else if (code >= 0xff01 && code <= 0xff5e) {
      const ascii = code - 0xfee0;
      out += String.fromCharCode(ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii);
    } else if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0x3001 && code <= 0x3011)) out += c;
    else out += normalizeChar(c);
  }
  return out;
}

interface Segment {
  cjk: boolean;
  text: string;
}

/** Runs of Chinese characters and runs of letters/digits; everything else separates them. */
export function segments(text: string): Segment[] {
  const result: Segment[] = [];
  let current: Segment | undefined;
  for (const c of normalizeText(text)) {
    const kind = CJK.test(c) ? 'cjk' : WORD.test(c) ? 'word' : undefined;
    if (!kind) {
      current = undefined;
      continue;
    }
    if (!current || current.cjk !== (kind === 'cjk')) {
      current = { cjk: kind === 'cjk', text: '' };
      result.push(current);
    }
    current.text += c;
  }
  return result;
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i] + chars[i + 1]);
  return pairs;
}

/** The tokens of a document field: bigrams and unigrams of Chinese, whole words otherwise. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const segment of segments(text)) {
    if (!segment.cjk) {
      tokens.push(segment.text);
      continue;
    }
    const chars = Array.from(segment.text);
    if (chars.length > 1) tokens.push(...bigrams(segment.text));
    tokens.push(...chars);
  }
  return tokens;
}

/** The same tokens as one space-separated string, for to_tsvector('simple', ...). */
export function indexString(text: string): string {
  return indexTokens(text).join(' ');
}

/** What a query must match: bigrams of each Chinese run (a lone character as itself), words as prefixes. */
export function queryTokens(text: string): { token: string; prefix: boolean }[] {
  return segments(text).flatMap((segment): { token: string; prefix: boolean }[] =>
    segment.cjk
      ? bigrams(segment.text).map((token) => ({ token, prefix: false }))
      : [{ token: segment.text, prefix: true }],
  );
}

export const SYNONYM_GROUPS: string[][] = (synonymData as { groups: string[][] }).groups.map(
  (group) => group.map(normalizeText),
);

const MAX_VARIANTS = 8;

/** The query and its rewrites with synonyms (普工 → 操作工 …), the original first. */
export function expandSynonyms(query: string, groups = SYNONYM_GROUPS): string[] {
  const original = normalizeText(query.trim());
  const variants = [original];
  for (const group of groups) {
    for (const word of group) {
      if (!original.includes(word)) continue;
      for (const other of group) {
        if (other === word) continue;
        const variant = original.split(word).join(other);
        if (!variants.includes(variant)) variants.push(variant);
        if (variants.length >= MAX_VARIANTS) return variants;
      }
    }
  }
  return variants;
}

function quoteLexeme(token: string): string {
  return `'${token.replace(/['\\]/g, '')}'`;
}

/**
 * A tsquery matching the query or any of its synonym rewrites: each variant
 * needs all of its tokens. Undefined when the query has nothing to search for.
 */
export function buildTsQuery(query: string, groups = SYNONYM_GROUPS): string | undefined {
  const alternatives = expandSynonyms(query, groups)
    .map((variant) =>
      queryTokens(variant)
        .map(({ token, prefix }) => quoteLexeme(token) + (prefix ? ':*' : ''))
        .join(' & '),
    )
    .filter(Boolean);
  if (!alternatives.length) return undefined;
  return [...new Set(alternatives)].map((a) => `(${a})`).join(' | ');
}

/** Everything worth marking in a result: each query token and each synonym's tokens. */
export function highlightTerms(query: string, groups = SYNONYM_GROUPS): string[] {
  const terms = new Set<string>();
  for (const variant of expandSynonyms(query, groups))
    for (const { token } of queryTokens(variant)) terms.add(token);
  return [...terms].sort((a, b) => b.length - a.length);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** [start, end) character ranges of the text where any term occurs, in no order. */
function termRanges(text: string, terms: string[]): [number, number][] {
  const normalized = normalizeText(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let at = normalized.indexOf(term);
    while (at >= 0) {
      ranges.push([at, at + term.length]);
      at = normalized.indexOf(term, at + 1);
    }
  }
  return ranges;
}

/** The ranges in order, overlapping ones merged. */
function merged(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const range of ranges) {
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([...range]);
  }
  return out;
}

/** The text HTML-escaped with every range (merged, from `offset` on) wrapped in <em>. */
function marked(text: string, ranges: [number, number][], offset = 0): string {
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out +=
      escapeHtml(text.slice(at, start - offset)) +
      '<em>' +
      escapeHtml(text.slice(start - offset, end - offset)) +
      '</em>';
    at = end - offset;
  }
  return out + escapeHtml(text.slice(at));
}

/** The text HTML-escaped with every match wrapped in <em>. */
export function highlight(text: string, terms: string[]): string {
  return marked(text, merged(termRanges(text, terms)));
}

/**
 * A window of the text around its first match (or its start), highlighted, with … where cut.
 * The text is searched once: the window marks the matches that lie wholly inside it.
 */
export function snippet(text: string, terms: string[], length = 80): string {
  const ranges = termRanges(text, terms);
  const first = ranges.reduce<number | undefined>(
    (min, [from]) => Math.min(from, min ?? from),
    undefined,
  );
  const start = first !== undefined ? Math.max(0, first - 20) : 0;
  const end = Math.min(text.length, start + length);
  const inside = merged(ranges.filter(([from, to]) => from >= start && to <= end));
  return (
    (start > 0 ? '…' : '') +
    marked(text.slice(start, end), inside, start) +
    (end < text.length ? '…' : '')
  );
}
