import type { EventDefinition } from '../domain/types.ts';
import { slugify } from '../domain/text.ts';
import type { EventMatcher } from './event-matcher.ts';
import { cityOfPlace, type CityRecord, lookUpCity } from './city-zones.ts';
import { parseWhen } from './parse-when.ts';

/** An event a post names: one of data/events.yaml, or one learned from what the post says. */
export interface NamedEvent {
  event: EventDefinition;
  learned: boolean;
}

const WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d._'’-]*|\p{Ll}+\p{Lu}[\p{L}\d._-]*)`;
/** A run of capitalised words (joined by "+", "&", "and", "of") right before a year: "Open Source Summit India 2026". */
const NAME_BEFORE_YEAR = new RegExp(String.raw`(${WORD}(?:\s+(?:[+&]|and|of|on|for)\s+${WORD}|\s+${WORD}){0,7})\s+'?((?:19|20)\d\d)(?![\d])`, 'gu');
/** The words that make a run of capitalised words an event's name. */
export const EVENT_WORD = /^(?:\p{L}*(?:con|conf)|summit|conference|days?|forum|fest|camp|expo|week|symposium|fosdem|meetup|hackathon|workshop|webinar)$/iu;
const LEADING_NOISE =
  /^(?:(?:the|at|in|on|during|join|joining|meet|see|recap|our|a|an|from|to|with|and|for|project|welcome|announcing|introducing|highlights|live|\d+\w*)\s+)+/i;
/** A city written after the year: "… 2026 in Amsterdam", "… 2026, Amsterdam", "… 2026 (Paris)". */
const CITY_AFTER_YEAR = /^\s*(?:,\s*|\s+in\s+|\s*[-–—|]\s*|\s*\(\s*)((?:\p{Lu}[\p{L}.'-]*)(?:,?\s+\p{Lu}[\p{L}.'-]*){0,3})/u;
/** A place after "in", "at" or a journey ("traveled to") in running text: "… this summer in Sunnyvale, California", "… at Irving, TX". */
const PLACE_AFTER_IN =
  /\b(?:in|at|(?:travell?ed|came|went|flew|headed|heading|travell?ing|going|coming)\s+to)\s+((?:\p{Lu}[\p{L}.'-]*)(?:,?\s+\p{Lu}[\p{L}.'-]*){0,3})/gu;

/** The city named right after `year` in the text, if the city data knows it (longest name first). */
function cityAfterYear(text: string, year: number): CityRecord | null {
  for (const m of text.matchAll(new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g'))) {
    const after = CITY_AFTER_YEAR.exec(text.slice(m.index! + 4));
    const city = after ? cityOfPlace(after[1]!) : null;
    if (city) return city;
  }
  return null;
}

/** "The event itself was …", "the conference took place …": a sentence that speaks of the post's event without its name. */
const THE_EVENT = /\bthe (?:event|conference|summit|gathering)\b/i;

/**
 * The sentences of a text that name an event: by its year, by the first word of its name ("cdCon" for
 * "cdCon + GitOpsCon 2023"), or as "the event".
 */
function sentencesNaming(text: string, event: { name: string; year: number | null }): string[] {
  const head = event.name.split(/\s+/)[0]!.toLowerCase();
  return text
    .split(/(?<=[.!?])\s+(?=\p{Lu})|\n\s*\n/u)
    .filter((s) => (event.year !== null && s.includes(String(event.year))) || (head.length > 2 && s.toLowerCase().includes(head)) || THE_EVENT.test(s));
}

/**
 * The city where a sentence that names the event says it takes place: right after its year, else the
 * first place written after "in" or "at" ("… gRPConf 2024 this summer in Sunnyvale, California").
 */
export function cityOfEvent(text: string, event: { name: string; year: number | null }): CityRecord | null {
  if (event.year !== null) {
    const after = cityAfterYear(text, event.year);
    if (after) return after;
  }
  for (const sentence of sentencesNaming(text, event)) {
    const city = placeOfSentence(sentence);
    if (city) return city;
  }
  return null;
}

/**
 * The first city a sentence places something in, after "in", "at" or "traveled to": "… at the office in
 * Nuremberg on …" (a city the data set spells in its own language too: Nürnberg).
 */
export function placeOfSentence(sentence: string): CityRecord | null {
  for (const m of sentence.matchAll(PLACE_AFTER_IN)) {
    const city = cityOfPlace(m[1]!, true);
    if (city) return city;
  }
  return null;
}

/** "Recordings of WidgetConf", "Talks at WidgetConf": the event's own name is after the last "of" or "at" when it holds the event word. */
function ownName(name: string): string {
  const parts = name.split(/\s+(?:of|at)\s+/);
  const tail = parts[parts.length - 1]!;
  return parts.length > 1 && tail.split(/\s+/).some((w) => EVENT_WORD.test(w.replace(/[^\p{L}]/gu, ''))) ? tail : name;
}

/** A season that names one edition of an event held twice a year: "Widget Day: Fall 2019", "our Fall 2019 Widget Day". */
const SEASON = '(Spring|Summer|Fall|Autumn|Winter)';
const NAME_BEFORE_SEASON = new RegExp(String.raw`(${WORD}(?:\s+${WORD}){0,7}):?\s+${SEASON}\s+((?:19|20)\d\d)(?!\d)`, 'gu');
const NAME_AFTER_SEASON = new RegExp(String.raw`\b${SEASON}\s+((?:19|20)\d\d)\s+(${WORD}(?:\s+${WORD}){0,7})`, 'gu');

/** An event's name whose edition is a season and a year, as "<name> <season> <year>". */
function seasonalEventName(text: string): { name: string; year: number } | null {
  const named = (name: string) => name.split(/\s+/).some((w) => EVENT_WORD.test(w.replace(/[^\p{L}]/gu, '')));
  for (const m of text.matchAll(NAME_BEFORE_SEASON)) {
    const name = ownName(m[1]!.replace(LEADING_NOISE, '').trim());
    if (named(name)) return { name: `${name} ${m[2]} ${m[3]}`, year: Number(m[3]) };
  }
  for (const m of text.matchAll(NAME_AFTER_SEASON)) if (named(m[3]!)) return { name: `${m[3]} ${m[1]} ${m[2]}`, year: Number(m[2]) };
  return null;
}

/** An event's name that the data does not know, written before a year ("FOSDEM 2023", "PromCon 2023"). */
function unknownEventName(text: string): { name: string; year: number; city?: CityRecord } | null {
  if (!/(?:19|20)\d\d/.test(text)) return null;
  const seasonal = seasonalEventName(text);
  if (seasonal) return seasonal;
  for (const m of text.matchAll(NAME_BEFORE_YEAR)) {
    const name = ownName(m[1]!.replace(LEADING_NOISE, '').trim());
    const words = name.split(/\s+/);
    if (words.length === 0 || !words.some((w) => EVENT_WORD.test(w.replace(/[^\p{L}]/gu, '')))) continue;
    return { name: `${name} ${m[2]}`, year: Number(m[2]) };
  }
  return null;
}

/**
 * An event named by its series and city without a year, in a title or heading whose year is known
 * ("Contributor Summit San Diego Schedule Announced!" in a 2019 post): "Contributor Summit San Diego 2019".
 * Only a city the data knows, right after the event word, makes it one.
 */
function eventAtCity(text: string, year: number): { name: string; year: number; city?: CityRecord } | null {
  const words = text.split(/\s+/).map((w) => w.replace(/[!?.,:;]+$/, ''));
  for (let i = 0; i < words.length; i++) {
    if (!EVENT_WORD.test(words[i]!.replace(/[^\p{L}]/gu, '')) || !/^\p{Lu}/u.test(words[i]!)) continue;
    let start = i;
    while (start > 0 && /^[\p{Lu}\d]/u.test(words[start - 1]!)) start--;
    for (let n = 3; n > 0; n--) {
      const place = words.slice(i + 1, i + 1 + n);
      const city = place.length === n && place.every((w) => /^\p{Lu}/u.test(w)) ? lookUpCity(place.join(' ')) : null;
      if (city) {
        const series = words
          .slice(start, i + 1)
          .join(' ')
          .replace(LEADING_NOISE, '');
        return { name: `${series} ${place.join(' ')} ${year}`, year, city };
      }
    }
  }
  return null;
}

/**
 * The one day a sentence gives a learned event, written after its name ("Kubeflow Summit 2023 will be
 * held on 6 October"): a one-day event. A range of days, or a date before the name (a press release's
 * dateline), gives none; the dates of its talks are added by the caller.
 */
function dayOfEvent(text: string, name: string, year: number): string | null {
  const at = text.toLowerCase().indexOf(name.toLowerCase());
  if (at < 0) return null;
  const after = text.slice(at + name.length).split(/[.!?](?:\s|$)/)[0]!;
  const when = parseWhen(after);
  if (when.spansDays || when.month === null || when.day === null || (when.year !== null && when.year !== year)) return null;
  return `${year}-${String(when.month).padStart(2, '0')}-${String(when.day).padStart(2, '0')}`;
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
  const named: { name: string; slug: string; year: number; city?: CityRecord | undefined } | null =
    mention ??
    (() => {
      const found = unknownEventName(text) ?? (year !== null ? eventAtCity(text, year) : null);
      return found ? { name: found.name, slug: slugify(found.name), year: found.year, city: found.city } : null;
    })();
  if (!named) return null;
  const known = events.bySlug(named.slug);
  if (known) return { event: known, learned: false };
  const city = named.city ?? cityOfEvent(text, { name: named.name, year: named.year });
  const day = dayOfEvent(text, named.name, named.year);
  return {
    learned: true,
    event: {
      slug: named.slug,
      name: named.name,
      city: city?.city ?? null,
      country: city?.country ?? null,
      timezone: city?.timezone ?? null,
      startDate: day,
      endDate: day,
      aliases: [],
      parent: null,
      url: null,
    },
  };
}
