import { ErrorDetail } from '@jipin/core';
import { segments } from './chinese-text';
import { foldQuery } from './query-understanding';
import { IMPORTANCE, StaffWords, Vocabulary } from './vocabulary';

export const WORD_MAX_CHARS = 12;
export const WORDS_PER_LIST = 20;
export const STAFF_ENTRIES_MAX = 1000;

export interface VocabularyInput {
  word: string;
  synonyms?: string[];
  narrower?: string[];
}

/** What is wrong with an entry: its shape (400) and its clashes with the vocabulary (409). */
export interface VocabularyProblems {
  invalid: ErrorDetail[];
  conflicts: ErrorDetail[];
}

const FIELD_NAMES = { word: '词语', synonyms: '同义词', narrower: '包含的工种' } as const;

/** One word as stored: folded like a query (simplified, half-width, lower case). */
function shapeProblem(field: keyof typeof FIELD_NAMES, raw: string): string | undefined {
  const word = foldQuery(raw);
  const name = FIELD_NAMES[field];
  if (!word) return `${name}不能为空`;
  if (Array.from(word).length > WORD_MAX_CHARS)
    return `${name}「${raw.slice(0, 20)}」超过${WORD_MAX_CHARS}个字`;
  const parts = segments(word);
  if (parts.length !== 1 || parts[0].text !== word)
    return `${name}「${raw}」只能由汉字，或字母和数字组成，不能含空格、标点或中英混写`;
  if (Array.from(word).length < 2) return `${name}「${raw}」至少要2个字，单字会找到太多无关岗位`;
  return undefined;
}

/** The entry folded: the word, its synonyms and narrower jobs as a search reads them. */
export function foldEntry(input: VocabularyInput): StaffWords {
  return {
    word: foldQuery(input.word ?? ''),
    synonyms: (input.synonyms ?? []).map(foldQuery),
    narrower: (input.narrower ?? []).map(foldQuery),
  };
}

/**
 * Checks an entry against the rest of the vocabulary (built-in words and the
 * other staff entries): every word well formed and given once; no intent word
 * (附近, 招工) or filler, no welfare or kind word; and the synonyms may not make
 * two different jobs one (司机 as a synonym of 厨师).
 */
export function vocabularyProblems(input: VocabularyInput, others: Vocabulary): VocabularyProblems {
  const invalid: ErrorDetail[] = [];
  const conflicts: ErrorDetail[] = [];
  const lists = { synonyms: input.synonyms ?? [], narrower: input.narrower ?? [] };
  const wordProblem = shapeProblem('word', input.word ?? '');
  if (wordProblem) invalid.push({ field: 'word', message: wordProblem });
  if (!lists.synonyms.length && !lists.narrower.length)
    invalid.push({ field: 'synonyms', message: '请至少填写一个同义词、俗称或包含的工种' });
  for (const field of ['synonyms', 'narrower'] as const) {
    if (lists[field].length > WORDS_PER_LIST)
      invalid.push({ field, message: `${FIELD_NAMES[field]}最多${WORDS_PER_LIST}个` });
    lists[field].forEach((raw, i) => {
      const problem = shapeProblem(field, raw);
      if (problem) invalid.push({ field: `${field}[${i}]`, message: problem });
    });
  }
  if (invalid.length) return { invalid, conflicts };

  const entry = foldEntry(input);
  const seen = new Set<string>();
  for (const [field, word] of [
    ['word', entry.word],
    ...entry.synonyms.map((w) => ['synonyms', w]),
    ...entry.narrower.map((w) => ['narrower', w]),
  ] as const) {
    if (seen.has(word)) invalid.push({ field, message: `「${word}」填写了不止一次` });
    seen.add(word);
    if (others.intent(word) || others.isFiller(word))
      conflicts.push({
        field,
        message: `「${word}」是搜索的功能词（如“附近”“招工”“找工作”），不能作为岗位词`,
      });
    else if (others.entry(word)?.importance === IMPORTANCE.facet)
      conflicts.push({ field, message: `「${word}」是福利待遇或岗位类型的词，不能作为岗位词` });
  }
  // Words of one job: any two already known must already be the same job.
  const known = [entry.word, ...entry.synonyms].filter((w) => others.entry(w));
  for (let i = 0; i < known.length; i++)
    for (let j = i + 1; j < known.length; j++)
      if (!others.sameJob(known[i], known[j]))
        conflicts.push({
          field: known[j] === entry.word ? 'word' : 'synonyms',
          message: `「${known[i]}」和「${known[j]}」在词库里是不同的工种，不能互为同义词`,
        });
  return { invalid, conflicts };
}
