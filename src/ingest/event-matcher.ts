import { closest, distance } from 'fastest-levenshtein';
import type { EventDefinition } from '../domain/types.ts';
import { foldKey, slugify } from '../domain/text.ts';

/** An event a piece of text names with its year: known to the data, or not (`event` null). */
export interface EventMention {
  event: EventDefinition | null;
  /** The name the data would give it ("KubeCon + CloudNativeCon Europe 2031"). */
  name: string;
  slug: string;
  year: number;
}

export interface EventMatcher {
  /**
   * The known event a piece of text names. An event is matched by name and year, never by name alone:
   * the year is the one written after the name ("KubeCon EU 2026"), else `year` (the post's or the
   * section's). Among events of that year, children of `parentSlug` are preferred.
   */
  match(text: string, year: number | null, parentSlug?: string | null): EventDefinition | null;
  /**
   * Like `match`, but a known name written with a year the data has no event for ("KubeCon EU 2031")
   * is a mention of an unknown event of the same series, named and slugged like its known editions.
   */
  mention(text: string, year: number | null, parentSlug?: string | null): EventMention | null;
  bySlug(slug: string): EventDefinition | null;
  /** The known slugs closest to a code that is not one ("kubecon-eu-2031" → kubecon-eu-2021, …). */
  suggest(code: string): string[];
}

const YEAR_IN_TEXT = /\b((?:19|20)\d\d)\b/;

/** The year of an event: of its start date, else the one in its name or slug; null for a series without years. */
export function yearOfEvent(event: EventDefinition): number | null {
  if (event.startDate) return Number(event.startDate.slice(0, 4));
  const m = YEAR_IN_TEXT.exec(event.name) ?? YEAR_IN_TEXT.exec(event.slug);
  return m ? Number(m[1]) : null;
}

interface Keyed {
  event: EventDefinition;
  year: number | null;
  keys: string[];
}

/** The year written right after a name in folded text ("kubecon eu 2026", "kubecon eu 26"). */
function yearAfter(haystack: string, end: number): number | null {
  const m = /^ (?:(19|20)(\d\d)|(\d\d))(?= )/.exec(haystack.slice(end));
  if (!m) return null;
  if (m[3]) return 2000 + Number(m[3]);
  return Number(`${m[1]}${m[2]}`);
}

export function createEventMatcher(events: readonly EventDefinition[]): EventMatcher {
  const keyed: Keyed[] = events.map((event) => ({
    event,
    year: yearOfEvent(event),
    keys: [...new Set([event.name, ...event.aliases, event.slug].map(foldKey).filter(Boolean))],
  }));
  const bySlug = new Map(events.map((e) => [e.slug, e]));
  const slugs = events.map((e) => e.slug);

  /** Every key found in the text, with the year it names (in the key, after it, or the context's). */
  function candidates(text: string, year: number | null) {
    const haystack = ` ${foldKey(text)} `;
    const found: Array<{ keyed: Keyed; key: string; year: number | null; yearInKey: boolean; index: number }> = [];
    for (const k of keyed) {
      let best: { key: string; index: number } | null = null;
      for (const key of k.keys) {
        const index = haystack.indexOf(` ${key} `);
        if (index >= 0 && (!best || key.length > best.key.length)) best = { key, index };
      }
      if (!best) continue;
      const keyYear = YEAR_IN_TEXT.exec(best.key);
      const written = keyYear ? Number(keyYear[1]) : yearAfter(haystack, best.index + best.key.length + 1);
      found.push({ keyed: k, key: best.key, year: written ?? year, yearInKey: keyYear !== null, index: best.index });
    }
    return found;
  }

  function match(text: string, year: number | null, parentSlug?: string | null): EventDefinition | null {
    let best: { event: EventDefinition; score: number } | null = null;
    for (const c of candidates(text, year)) {
      // Name and year: a series without years matches by name; any other event needs its own year.
      if (c.keyed.year !== null && c.year !== c.keyed.year) continue;
      const score = c.key.length + (parentSlug && c.keyed.event.parent === parentSlug ? 1000 : 0) + (c.yearInKey ? 100 : 0);
      if (!best || score > best.score) best = { event: c.keyed.event, score };
    }
    return best?.event ?? null;
  }

  return {
    bySlug: (slug) => bySlug.get(slug) ?? null,
    match,
    mention(text, year, parentSlug) {
      const known = match(text, year, parentSlug);
      if (known) return { event: known, name: known.name, slug: known.slug, year: yearOfEvent(known) ?? year ?? 0 };
      // The longest known name in the text, written with a year the data has no edition for.
      const found = candidates(text, year).filter((c) => c.year !== null && c.keyed.year !== null && !c.yearInKey);
      const longest = Math.max(0, ...found.map((c) => c.key.length));
      const series = found.filter((c) => c.key.length === longest).map((c) => c.keyed);
      if (series.length === 0) return null;
      const newYear = found[0]!.year!;
      const latest = [...series].sort((a, b) => b.year! - a.year!)[0]!;
      const pattern = (k: Keyed) => k.event.slug.replace(String(k.year), 'YYYY');
      const oneSeries = series.every((k) => pattern(k) === pattern(latest)) && latest.event.slug.includes(String(latest.year));
      if (oneSeries) {
        const name = YEAR_IN_TEXT.test(latest.event.name) ? latest.event.name.replace(YEAR_IN_TEXT, String(newYear)) : `${latest.event.name} ${newYear}`;
        return { event: null, name, slug: pattern(latest).replace('YYYY', String(newYear)), year: newYear };
      }
      // Several series share the name ("CiliumCon" in Europe and North America): keep the name as written.
      const key = found.find((c) => c.key.length === longest)!.key;
      const asWritten = [latest.event.name, ...latest.event.aliases].find((a) => foldKey(a) === key) ?? key;
      const name = `${asWritten} ${newYear}`;
      return { event: null, name, slug: slugify(name), year: newYear };
    },
    suggest(code) {
      const target = code.trim().toLowerCase();
      if (slugs.length === 0) return [];
      const best = distance(target, closest(target, slugs));
      const limit = Math.max(3, Math.ceil(target.length / 3));
      if (best > limit) return [];
      return slugs.filter((s) => distance(target, s) === best).slice(0, 3);
    },
  };
}
