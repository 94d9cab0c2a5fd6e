import type { EventDefinition } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';

export interface EventMatcher {
  /** The known event a piece of text names, preferring events of `year` and children of `parentSlug`. */
  match(text: string, year: number | null, parentSlug?: string | null): EventDefinition | null;
  bySlug(slug: string): EventDefinition | null;
}

function yearOf(event: EventDefinition): number | null {
  return event.startDate ? Number(event.startDate.slice(0, 4)) : null;
}

export function createEventMatcher(events: readonly EventDefinition[]): EventMatcher {
  const names = events.map((event) => ({
    event,
    keys: [event.name, ...event.aliases].map(foldKey).filter(Boolean),
  }));
  const bySlug = new Map(events.map((e) => [e.slug, e]));

  return {
    bySlug: (slug) => bySlug.get(slug) ?? null,
    match(text, year, parentSlug) {
      const haystack = ` ${foldKey(text)} `;
      let best: { event: EventDefinition; score: number } | null = null;
      for (const { event, keys } of names) {
        const eventYear = yearOf(event);
        const keyInText = keys.filter((k) => haystack.includes(` ${k} `)).sort((a, b) => b.length - a.length)[0];
        if (!keyInText) continue;
        const yearInKey = /\b(19|20)\d\d\b/.test(keyInText);
        if (!yearInKey && year !== null && eventYear !== null && eventYear !== year) continue;
        const score = keyInText.length + (parentSlug && event.parent === parentSlug ? 1000 : 0) + (yearInKey ? 100 : 0);
        if (!best || score > best.score) best = { event, score };
      }
      return best?.event ?? null;
    },
  };
}
