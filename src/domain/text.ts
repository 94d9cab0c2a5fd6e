const FOLD_CACHE_LIMIT = 50_000;
const FOLD_CACHE_MAX_LENGTH = 64;
const foldCache = new Map<string, string>();
/** Words of plain ASCII letters and digits fold to their lower case (no memo needed). */
const PLAIN_WORD = /^[A-Za-z0-9]+$/;

/**
 * Lower-case, strip diacritics and collapse whitespace: the key under which spellings of one name meet.
 * Short inputs (names, words) are memoized: ingest and the search indexes fold the same few
 * thousand words millions of times at scale. The memo is bounded (cleared when full).
 */
export function foldKey(text: string): string {
  if (text.length > FOLD_CACHE_MAX_LENGTH) return foldUncached(text);
  if (PLAIN_WORD.test(text)) return text.toLowerCase();
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = foldUncached(text);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    folded = detached(folded);
    foldCache.set(detached(text), folded);
  }
  return folded;
}

/** Lower case without diacritics or apostrophes: letters only folded, separators left as they are. */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[’'`]/g, '');
}

function foldUncached(text: string): string {
  return foldLetters(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EXTRA_WHITESPACE = /\s{2,}|[^\S ]/g;

/** URL-safe, human-readable id fragment: "Anna Kapuścińska" → "anna-kapuscinska". */
export function slugify(text: string): string {
  return foldKey(text).replace(/ /g, '-') || 'untitled';
}

/** Collapse runs of whitespace and trim. */
export function squish(text: string): string {
  // Same as replacing every run of whitespace with one space, but a lone space (most of them) is
  // not a match: no new string for text that is already squished.
  return text.replace(EXTRA_WHITESPACE, ' ').trim();
}

/**
 * A copy of `text` that shares no memory with the text it was cut from. Strings read from a post
 * are often slices of the whole post, and one slice kept in the graph or a memo keeps the whole
 * post text alive (V8 copies slices shorter than 13 characters anyway).
 */
export function detached<T extends string | null>(text: T): T {
  return text !== null && text.length >= 13 ? (structuredClone(text) as T) : text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: every Latin-1 code point, control characters included
const LATIN1_ONLY = /^[\x00-\xff]*$/;

/**
 * The same text, stored one byte per character when it can be. A string cut from a post that
 * contains any character beyond Latin-1 ("•", "’") is stored two bytes per character even when
 * the cut itself is plain ASCII, and abstracts are the bulk of the graph's memory.
 * Either way the result is a copy, never a slice that keeps the whole post alive.
 */
export function compactText(text: string): string {
  if (text.length < 13) return text;
  return LATIN1_ONLY.test(text) ? Buffer.from(text, 'latin1').toString('latin1') : detached(text);
}
