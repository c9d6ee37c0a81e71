/**
 * Folds the usual disguises of a banned phrase: full-width letters and
 * punctuation (NFKC), upper case, and spaces or filler characters put between
 * the characters (男 性 优 先, 男*性优先). Commas and full stops stay: they
 * separate phrases that must not be read as one.
 */
export function normalizeAdText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b\u3000*·•_~^|\\\-—–"'“”‘’()（）【】[\]<>《》]+/g, '');
}
