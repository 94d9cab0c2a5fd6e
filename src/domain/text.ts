/** Lower-case, strip diacritics and collapse whitespace: the key under which spellings of one name meet. */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** URL-safe, human-readable id fragment: "Anna Kapuścińska" → "anna-kapuscinska". */
export function slugify(text: string): string {
  return foldKey(text).replace(/ /g, '-') || 'untitled';
}

/** Collapse runs of whitespace and trim. */
export function squish(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
