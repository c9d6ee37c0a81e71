import synonyms from './data/tag-synonyms.json';

const CANONICAL = new Map<string, string>();
/** Each skill with its other spellings, canonical first (search reads them as job words too). */
export const TAG_SYNONYM_GROUPS: string[][] = [];
for (const [canonical, others] of Object.entries(synonyms as Record<string, string | string[]>)) {
  if (canonical.startsWith('_')) continue;
  TAG_SYNONYM_GROUPS.push([canonical, ...(others as string[])]);
  for (const spelling of [canonical, ...(others as string[])])
    CANONICAL.set(clean(spelling).toLowerCase(), canonical);
}

function clean(raw: string): string {
  // NFKC turns full-width letters, digits and spaces into half-width ones.
  return raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** One skill or certificate as the platform stores it: trimmed, half-width, synonyms merged. */
export function normaliseTag(raw: string): string {
  const cleaned = clean(raw);
  return CANONICAL.get(cleaned.toLowerCase()) ?? cleaned;
}

/** Normalised, without empties or duplicates, in the order given. */
export function normaliseTags(raw: readonly string[] | undefined): string[] {
  return [...new Set((raw ?? []).map(normaliseTag).filter(Boolean))];
}

/** The canonical skills a free text (a vacancy's requirements) mentions, by any spelling. */
export function tagsMentionedIn(text: string): string[] {
  const haystack = clean(text).toLowerCase();
  const found = new Set<string>();
  for (const [spelling, canonical] of CANONICAL)
    if (spelling && haystack.includes(spelling)) found.add(canonical);
  return [...found];
}
