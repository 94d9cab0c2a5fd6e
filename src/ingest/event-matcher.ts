import { closestByEditDistance, editDistance } from '../domain/edit-distance.ts';
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
   * section's). Among events of that year, children of `parentSlug` are preferred; a name several
   * events of the year share ("KubeCon 2023": Europe, China, North America) is the one whose dates are
   * nearest to `near` (the post's date), and no event at all without it.
   */
  match(text: string, year: number | null, parentSlug?: string | null, near?: string | null): EventDefinition | null;
  /**
   * Like `match`, but a known name written with a year the data has no event for ("KubeCon EU 2031")
   * is a mention of an unknown event of the same series, named and slugged like its known editions.
   */
  mention(text: string, year: number | null, parentSlug?: string | null, near?: string | null): EventMention | null;
  bySlug(slug: string): EventDefinition | null;
  /** True when the text names known events of the year (perhaps several that nothing told apart). */
  namesKnownEvent(text: string, year: number | null): boolean;
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

const SERIES_WORD = /^\p{L}+Con$/u;

/**
 * Names posts use that events.yaml need not list: the series words of a conference alone ("KubeCon",
 * "KubeCon + CloudNativeCon": shared by the editions of a year) and with its city ("KubeCon Chicago").
 */
function derivedKeys(event: EventDefinition): string[] {
  const words = event.name.split(/\s+/).filter((w) => SERIES_WORD.test(w));
  if (words.length === 0) return [];
  const series = [words.join(' + '), ...words];
  const keys = event.parent ? [] : [...series];
  if (event.city) keys.push(...series.map((s) => `${s} ${event.city}`));
  return keys;
}

/** "Cilium + eBPF Day" is also written "eBPF + Cilium Day": two joined words in either order. */
function swappedKeys(event: EventDefinition): string[] {
  return [event.name, ...event.aliases].flatMap((name) => {
    const m = /^(\S+)\s+(\+|&|and)\s+(\S+)(\s.*)?$/.exec(name);
    return m ? [`${m[3]} ${m[2]} ${m[1]}${m[4] ?? ''}`] : [];
  });
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00Z`) - Date.parse(`${b}T00:00Z`)) / 86_400_000;
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
    keys: [...new Set([event.name, ...event.aliases, event.slug, ...derivedKeys(event), ...swappedKeys(event)].map(foldKey).filter(Boolean))],
  }));
  const bySlug = new Map(events.map((e) => [e.slug, e]));
  const slugs = events.map((e) => e.slug);
  // Names by their first word: a text is only searched for the names its words begin.
  const byFirstWord = new Map<string, Array<{ keyed: Keyed; key: string }>>();
  for (const k of keyed) {
    for (const key of k.keys) {
      const first = key.split(' ')[0]!;
      let list = byFirstWord.get(first);
      if (!list) byFirstWord.set(first, (list = []));
      list.push({ keyed: k, key });
    }
  }

  /** Every key found in the text, with the year it names (in the key, after it, or the context's). */
  function candidates(text: string, year: number | null) {
    const haystack = ` ${foldKey(text)} `;
    const found: Array<{ keyed: Keyed; key: string; year: number | null; yearInKey: boolean; index: number }> = [];
    // The longest name of each event in the text (its first place for names of equal length).
    const bestOf = new Map<Keyed, { key: string; index: number }>();
    for (let index = 0; index < haystack.length - 1; index = haystack.indexOf(' ', index + 1)) {
      const end = haystack.indexOf(' ', index + 1);
      const entries = byFirstWord.get(haystack.slice(index + 1, end));
      if (!entries) continue;
      for (const { keyed: k, key } of entries) {
        const kept = bestOf.get(k);
        if ((!kept || key.length > kept.key.length) && haystack.startsWith(` ${key} `, index)) bestOf.set(k, { key, index });
      }
    }
    for (const [k, best] of bestOf) {
      const keyYear = YEAR_IN_TEXT.exec(best.key);
      const written = keyYear ? Number(keyYear[1]) : yearAfter(haystack, best.index + best.key.length + 1);
      found.push({ keyed: k, key: best.key, year: written ?? year, yearInKey: keyYear !== null, index: best.index });
    }
    // A name inside a longer one found there is not named on its own: "KubeCon + CloudNativeCon" in
    // "KubeCon + CloudNativeCon India 2026" does not make it KubeCon Europe 2026.
    return found.filter((c) => !found.some((d) => d.key.length > c.key.length && d.index <= c.index && c.index + c.key.length <= d.index + d.key.length));
  }

  function match(text: string, year: number | null, parentSlug?: string | null, near?: string | null): EventDefinition | null {
    let best: EventDefinition[] = [];
    let bestScore = -1;
    for (const c of candidates(text, year)) {
      // Name and year: a series without years matches by name; any other event needs its own year.
      if (c.keyed.year !== null && c.year !== c.keyed.year) continue;
      const score = c.key.length + (parentSlug && c.keyed.event.parent === parentSlug ? 1000 : 0) + (c.yearInKey ? 100 : 0);
      if (score > bestScore) [best, bestScore] = [[c.keyed.event], score];
      else if (score === bestScore) best.push(c.keyed.event);
    }
    if (best.length <= 1) return best[0] ?? null;
    // One name, several events of the year: the dates decide, or nothing does.
    const dated = best.filter((e) => e.startDate);
    if (!near || dated.length === 0) return null;
    return dated.sort((a, b) => daysBetween(a.startDate!, near) - daysBetween(b.startDate!, near))[0]!;
  }

  return {
    bySlug: (slug) => bySlug.get(slug) ?? null,
    match,
    namesKnownEvent: (text, year) => candidates(text, year).some((c) => c.year === c.keyed.year),
    mention(text, year, parentSlug, near) {
      const known = match(text, year, parentSlug, near);
      if (known) return { event: known, name: known.name, slug: known.slug, year: yearOfEvent(known) ?? year ?? 0 };
      const all = candidates(text, year);
      // A name shared by several events of that year that no date told apart: not a new event.
      if (all.some((c) => c.year === c.keyed.year)) return null;
      // The longest known name in the text, written with a year the data has no edition for.
      const found = all.filter((c) => c.year !== null && c.keyed.year !== null && !c.yearInKey);
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
      const best = editDistance(target, closestByEditDistance(target, slugs));
      const limit = Math.max(3, Math.ceil(target.length / 3));
      if (best > limit) return [];
      return slugs.filter((s) => editDistance(target, s) === best).slice(0, 3);
    },
  };
}
