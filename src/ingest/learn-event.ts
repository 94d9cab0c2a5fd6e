import { createRequire } from 'node:module';
import type { EventDefinition } from '../domain/types.ts';
import { slugify } from '../domain/text.ts';
import type { EventMatcher } from './event-matcher.ts';

/** An event a post names: one of data/events.yaml, or one learned from what the post says. */
export interface NamedEvent {
  event: EventDefinition;
  learned: boolean;
}

interface CityRecord {
  city: string;
  country: string;
  timezone: string;
  pop: number;
}

let cityIndex: Map<string, CityRecord> | null = null;

/**
 * The IANA zone and country of a city, from the `city-timezones` package (its world-cities data set,
 * the most populous city of a name winning: "London" is London, England). Loaded on first use only:
 * most posts name known events and never need it.
 */
export function lookUpCity(name: string): CityRecord | null {
  if (!cityIndex) {
    const { cityMapping } = createRequire(import.meta.url)('city-timezones') as { cityMapping: CityRecord[] };
    cityIndex = new Map();
    for (const record of cityMapping) {
      for (const key of new Set([record.city.toLowerCase(), (record as { city_ascii?: string }).city_ascii?.toLowerCase()])) {
        if (!key) continue;
        const kept = cityIndex.get(key);
        if (!kept || kept.pop < record.pop) cityIndex.set(key, record);
      }
    }
  }
  return cityIndex.get(name.trim().toLowerCase()) ?? null;
}

const WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d._'’-]*|\p{Ll}+\p{Lu}[\p{L}\d._-]*)`;
/** A run of capitalised words (joined by "+", "&", "and", "of") right before a year: "Open Source Summit India 2026". */
const NAME_BEFORE_YEAR = new RegExp(String.raw`(${WORD}(?:\s+(?:[+&]|and|of|on|for)\s+${WORD}|\s+${WORD}){0,7})\s+'?((?:19|20)\d\d)(?![\d])`, 'gu');
/** The words that make a run of capitalised words an event's name. */
const EVENT_WORD = /^(?:\p{L}*(?:con|conf)|summit|conference|days?|forum|fest|camp|expo|week|symposium|fosdem|meetup|hackathon|workshop)$/iu;
const LEADING_NOISE =
  /^(?:(?:the|at|in|on|during|join|joining|meet|see|recap|our|a|an|from|to|with|and|for|project|welcome|announcing|introducing|highlights|live|\d+\w*)\s+)+/i;
/** A city written after the year: "… 2026 in Amsterdam", "… 2026, Amsterdam", "… 2026 (Paris)". */
const CITY_AFTER_YEAR = /^\s*(?:,\s*|\s+in\s+|\s*[-–—|]\s*|\s*\(\s*)((?:\p{Lu}[\p{L}.'-]*)(?:\s+\p{Lu}[\p{L}.'-]*){0,2})/u;

/** The city named right after `year` in the text, if the city data knows it (longest name first). */
function cityAfterYear(text: string, year: number): CityRecord | null {
  for (const m of text.matchAll(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'))) {
    const after = CITY_AFTER_YEAR.exec(text.slice(m.index! + 4));
    if (!after) continue;
    const words = after[1]!.split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const city = lookUpCity(words.slice(0, n).join(' ').replace(/[.,]$/, ''));
      if (city) return city;
    }
  }
  return null;
}

/** An event's name that the data does not know, written before a year ("FOSDEM 2023", "PromCon 2023"). */
function unknownEventName(text: string): { name: string; year: number } | null {
  if (!/(?:19|20)\d\d/.test(text)) return null;
  for (const m of text.matchAll(NAME_BEFORE_YEAR)) {
    const name = m[1]!.replace(LEADING_NOISE, '').trim();
    const words = name.split(/\s+/);
    if (words.length === 0 || !words.some((w) => EVENT_WORD.test(w.replace(/[^\p{L}]/gu, '')))) continue;
    return { name: `${name} ${m[2]}`, year: Number(m[2]) };
  }
  return null;
}

/**
 * The event a piece of text (title, heading, intro sentence, front matter) names, matched by name and
 * year. An event the data does not know becomes an Event from what the text says: its name and year,
 * the city written after it and that city's zone. The dates of its talks are added by the caller.
 */
export function findNamedEvent(text: string, year: number | null, events: EventMatcher, parentSlug?: string | null, near?: string | null): NamedEvent | null {
  const mention = events.mention(text, year, parentSlug, near);
  if (mention?.event) return { event: mention.event, learned: false };
  if (!mention && events.namesKnownEvent(text, year)) return null; // known events that nothing told apart
  const named =
    mention ??
    (() => {
      const found = unknownEventName(text);
      return found ? { name: found.name, slug: slugify(found.name), year: found.year } : null;
    })();
  if (!named) return null;
  const known = events.bySlug(named.slug);
  if (known) return { event: known, learned: false };
  const city = cityAfterYear(text, named.year);
  return {
    learned: true,
    event: {
      slug: named.slug,
      name: named.name,
      city: city?.city ?? null,
      country: city?.country ?? null,
      timezone: city?.timezone ?? null,
      startDate: null,
      endDate: null,
      aliases: [],
      parent: null,
      url: null,
    },
  };
}
