import type { TalkEntry } from '../domain/types.ts';
import { foldKey, slugify } from '../domain/text.ts';
import { shortHash } from './short-hash.ts';

/** A schedule URL without what varies between copies of it: `www.`, a trailing slash, `utm_*` and `iframe` parameters, parameter order, case. */
function normalizeUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed) return url.trim().toLowerCase();
  for (const key of [...parsed.searchParams.keys()]) if (key === 'iframe' || key.startsWith('utm_')) parsed.searchParams.delete(key);
  parsed.searchParams.sort();
  const query = parsed.searchParams.toString();
  return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}${query ? `?${query}` : ''}`.toLowerCase();
}

/**
 * Talk identity, the keys under which another listing of the same talk is recognized: its
 * normalized schedule URL, and its folded title with its speakers (else its date, else its post).
 */
export function talkKeysOf(entry: TalkEntry, speakerIds: readonly string[], postSlug: string): string[] {
  const speakerKey = [...speakerIds].sort().join('+');
  return [entry.url ? `url:${normalizeUrl(entry.url)}` : null, `title:${foldKey(entry.title)}|${speakerKey || entry.date || postSlug}`].filter(
    (k): k is string => k !== null,
  );
}

/** Talk identity, the id of a talk first listed in this entry: its title's slug and a hash of its schedule URL (else its post and title). */
export function talkIdOf(entry: TalkEntry, postSlug: string): string {
  return `${slugify(entry.title).slice(0, 60).replace(/-+$/, '')}-${shortHash(entry.url ? normalizeUrl(entry.url) : `${postSlug}/${entry.title}`)}`;
}
