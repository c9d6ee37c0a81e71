import { pinyin } from 'pinyin-pro';
import { TAG_SYNONYM_GROUPS } from '@jipin/seekers';
import { OCCUPATIONS, VACANCY_KINDS, WELFARE_TAGS } from '@jipin/vacancies';
import { normalizeText } from './chinese-text';
import vocabularyData from './data/synonyms.json';

export type Intent = 'nearby' | 'highPay' | 'hiring';

/** What a recognised word means to a search. */
export interface VocabularyEntry {
  /** The word as the vocabulary spells it. */
  word: string;
  /** Texts any one of which satisfies the word (its synonyms and narrower jobs). */
  texts: string[];
  /** Filter lexemes any one of which satisfies it (`welfare=包住`, `kind=gig`). */
  lexemes: string[];
  /** A job is what a seeker means most; welfare and kind come next; other words last. */
  importance: number;
}

export interface VocabularyData {
  groups: string[][];
  broader?: Record<string, string[]>;
  welfare?: Record<string, string[]>;
  kinds?: Record<string, string[]>;
  intents?: Partial<Record<Intent, string[]>>;
  fillers?: string[];
}

export const IMPORTANCE = { job: 3, facet: 2, word: 1 } as const;

/** Toneless pinyin syllables of each character ("保洁" → ["bao", "jie"]). */
export function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true });
}

/**
 * Sounds that many speakers do not tell apart (zh/z, ch/c, sh/s, n/l, -ng/-n):
 * 驾驶员 and 驾使员 read the same even where the tones or these differ.
 */
export function looseSound(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^l/, 'n')
    .replace(/ng$/, 'n');
}

/** Groups sharing a word are one group (普工/操作工 and 操作工/流水线工人). */
function mergeGroups(groups: string[][]): string[][] {
  const groupOf = new Map<string, Set<string>>();
  for (const group of groups) {
    const merged = new Set(group);
    for (const word of group) for (const w of groupOf.get(word) ?? []) merged.add(w);
    for (const word of merged) groupOf.set(word, merged);
  }
  return [...new Set(groupOf.values())].map((set) => [...set]);
}

/**
 * The job words of the platform, as data: synonym groups (the data file, the
 * occupation list with its everyday names, the skill-tag synonyms), narrower jobs
 * an everyday word also finds, welfare tags and kinds as words, intent words and
 * fillers, and indexes by spelling, pinyin and sound for misspellings.
 */
export class Vocabulary {
  private readonly entries = new Map<string, VocabularyEntry>();
  private readonly intents = new Map<string, Intent>();
  private readonly fillers = new Set<string>();
  /** Pinyin written out (baojie) and initials (bj) → words. */
  private readonly byPinyin = new Map<string, string[]>();
  /** Loose sound of a Chinese word → words, for 保结 → 保洁. */
  private readonly bySound = new Map<string, string[]>();
  /** Exact toneless pinyin of each Chinese word ("bao jie"). */
  private readonly soundOf = new Map<string, string>();
  readonly longestWord: number;

  constructor(data: VocabularyData, extraGroups: string[][] = []) {
    const fold = (words: string[]) => words.map((w) => normalizeText(w.trim())).filter(Boolean);
    const groups = mergeGroups([...data.groups, ...extraGroups].map(fold));
    const broader = new Map(
      Object.entries(data.broader ?? {}).map(([w, narrower]) => [normalizeText(w), fold(narrower)]),
    );
    for (const group of groups) {
      const narrower = group.flatMap((w) => broader.get(w) ?? []);
      const texts = [...new Set([...group, ...narrower])];
      for (const word of group)
        this.add({ word, texts: [word, ...texts], lexemes: [], importance: IMPORTANCE.job });
    }
    for (const [word, narrower] of broader)
      this.add({ word, texts: [word, ...narrower], lexemes: [], importance: IMPORTANCE.job });
    for (const [tag, words] of Object.entries(data.welfare ?? {}))
      for (const word of fold([tag, ...words]))
        this.add({
          word,
          texts: [word, ...(word === normalizeText(tag) ? fold(words) : [])],
          lexemes: [`welfare=${tag}`],
          importance: IMPORTANCE.facet,
        });
    for (const [kind, words] of Object.entries(data.kinds ?? {}))
      for (const word of fold(words))
        this.add({ word, texts: [word], lexemes: [`kind=${kind}`], importance: IMPORTANCE.facet });
    for (const [intent, words] of Object.entries(data.intents ?? {}))
      for (const word of fold(words)) this.intents.set(word, intent as Intent);
    for (const word of fold(data.fillers ?? [])) this.fillers.add(word);
    for (const word of this.entries.keys()) this.indexSound(word);
    this.longestWord = Math.max(
      ...[...this.entries.keys(), ...this.intents.keys(), ...this.fillers].map(
        (w) => Array.from(w).length,
      ),
    );
  }

  /** A word's meanings merged: 日结 is a welfare tag, a kind and a group member at once. */
  private add(entry: VocabularyEntry): void {
    const existing = this.entries.get(entry.word);
    if (!existing) {
      this.entries.set(entry.word, { ...entry, texts: [...new Set(entry.texts)] });
      return;
    }
    existing.texts = [...new Set([...existing.texts, ...entry.texts])];
    existing.lexemes = [...new Set([...existing.lexemes, ...entry.lexemes])];
    existing.importance = Math.max(existing.importance, entry.importance);
  }

  private indexSound(word: string): void {
    const push = (map: Map<string, string[]>, key: string) => {
      const list = map.get(key) ?? [];
      if (!list.includes(word)) map.set(key, [...list, word]);
    };
    if (!/[\u3400-\u9fff]/.test(word)) return;
    const sounds = syllables(word);
    if (sounds.length < 2 || sounds.some((s) => !/^[a-zü]+$/.test(s))) return;
    push(this.byPinyin, sounds.join(''));
    push(this.byPinyin, sounds.map((s) => s[0]).join(''));
    push(this.bySound, sounds.map(looseSound).join(' '));
    this.soundOf.set(word, sounds.join(' '));
  }

  entry(word: string): VocabularyEntry | undefined {
    return this.entries.get(word);
  }

  intent(word: string): Intent | undefined {
    return this.intents.get(word);
  }

  isFiller(word: string): boolean {
    return this.fillers.has(word);
  }

  /** Words whose pinyin, written out or as initials, is these letters (baojie, bj → 保洁). */
  wordsSpelledAs(letters: string): string[] {
    return this.byPinyin.get(letters) ?? [];
  }

  /** Words that sound like this Chinese text (保结 → 保洁); exact sound first for two characters. */
  wordsSoundingLike(text: string, sounds: string[]): string[] {
    if (sounds.length < 2) return [];
    const loose = this.bySound.get(sounds.map(looseSound).join(' ')) ?? [];
    // Two-character words are short enough that a loose sound matches too much: keep exact ones.
    if (sounds.length === 2)
      return loose.filter((w) => this.soundOf.get(w) === sounds.join(' ') && w !== text);
    return loose.filter((w) => w !== text);
  }

  /** One word finds the other (synonyms, or an everyday word and a job it covers). */
  sameJob(a: string, b: string): boolean {
    return !!(this.entries.get(a)?.texts.includes(b) || this.entries.get(b)?.texts.includes(a));
  }

  /** Every word the vocabulary knows, for related searches. */
  words(): string[] {
    return [...this.entries.keys()];
  }
}

const KIND_WORDS = Object.entries(VACANCY_KINDS).map(([kind, name]) => [kind, [name]]);

/** Words staff added in the console: a word, its synonyms and the narrower jobs it also finds. */
export interface StaffWords {
  word: string;
  synonyms: string[];
  narrower: string[];
}

/**
 * The platform's vocabulary: the data file plus the occupation list, the
 * skill-tag synonyms and the words staff added (search_vocabulary_words).
 */
export function buildVocabulary(staff: StaffWords[] = []): Vocabulary {
  const data = vocabularyData as VocabularyData;
  const broader = { ...data.broader };
  for (const { word, narrower } of staff)
    if (narrower.length) broader[word] = [...(broader[word] ?? []), ...narrower];
  return new Vocabulary(
    {
      ...data,
      broader,
      welfare: { ...Object.fromEntries(WELFARE_TAGS.map((tag) => [tag, []])), ...data.welfare },
      kinds: mergeWords(Object.fromEntries(KIND_WORDS), data.kinds),
    },
    [
      ...OCCUPATIONS.occupations.map((o) => [o.name, ...o.aliases]),
      ...TAG_SYNONYM_GROUPS,
      ...staff.map(({ word, synonyms }) => [word, ...synonyms]),
    ],
  );
}

/** The vocabulary without staff words: pure functions and tests use it. */
export const VOCABULARY = buildVocabulary();

function mergeWords(
  a: Record<string, string[]>,
  b: Record<string, string[]> = {},
): Record<string, string[]> {
  const out: Record<string, string[]> = { ...a };
  for (const [key, words] of Object.entries(b)) out[key] = [...(out[key] ?? []), ...words];
  return out;
}
