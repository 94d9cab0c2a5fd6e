import { slugify } from '../domain/text.ts';
import { EVENT_WORD } from './learn-event.ts';

// Events held with a conference ("co-located"), named without a year or a region because the post's
// conference gives both: "The OpenFeature Summit took place the day before KubeCon EU 2025", a heading
// "pre-FOSDEM MySQL Days" in a post about FOSDEM 2023, a talk page at
// cfp.example.io/cloud-native-rejekts-na-2019/talk/… with "Cloud Native Rejekts" in the text.

/** A word of a name: capitalised ("OpenFeature", "MySQL"), a digit, or a lower-case prefix joined to one ("eBPF", "pre-FOSDEM"). */
const NAME_WORD = String.raw`(?:[\p{Lu}\d][\p{L}\d.'’_-]*|\p{Ll}+-?\p{Lu}[\p{L}\d._-]*)`;
/** A run of name words, joined by "+" or "&" ("Cilium + eBPF Day"). */
const NAME_RUN = new RegExp(String.raw`${NAME_WORD}(?:\s+(?:[+&]\s+)?${NAME_WORD})*`, 'gu');
const LEADING_ARTICLE = /^(?:The|A|An|Our|At|In|On)\s+/;

const isEventWord = (word: string) => EVENT_WORD.test(word.replace(/[^\p{L}]/gu, ''));

/**
 * The region of a conference's edition: the capitalised words between its series and its year ("Europe" of
 * "KubeCon + CloudNativeCon Europe 2025", "North America", "EU" of "KubeCon EU 2016"); null when none
 * ("FOSDEM 2023"). A co-located event is named with it: "OpenFeature Summit Europe 2025".
 */
export function regionOfEvent(name: string): string | null {
  const m = /^(.*?)\s+(?:19|20)\d\d\b/.exec(name);
  if (!m) return null;
  const words = m[1]!.split(/\s+/);
  const region: string[] = [];
  for (let i = words.length - 1; i > 0; i--) {
    const word = words[i]!;
    if (!/^\p{Lu}\p{L}*$/u.test(word) || isEventWord(word)) break;
    region.unshift(word);
  }
  return region.length > 0 ? region.join(' ') : null;
}

/** The name of a co-located event: its own name, the host's region, the year ("OpenFeature Summit Europe 2025"). */
export function coLocatedName(name: string, hostName: string | null, year: number): string {
  const region = hostName ? regionOfEvent(hostName) : null;
  return `${name.replace(/_/g, ' ')}${region ? ` ${region}` : ''} ${year}`;
}

/**
 * The names of events written without a year in a text: runs of capitalised words that end in an event
 * word ("The OpenFeature Summit" → "OpenFeature Summit", "pre-FOSDEM MySQL Days", "KubeCon"), in order.
 */
export function eventNamesWithoutYear(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(NAME_RUN)) {
    const name = m[0].replace(LEADING_ARTICLE, '').replace(/[.,:;!?]+$/, '');
    const words = name.split(/\s+/);
    if (
      /^(?:19|20)\d\d$/.test(
        text
          .slice(m.index! + m[0].length)
          .trim()
          .split(/\s+/)[0] ?? '',
      )
    )
      continue; // written with its year
    if (isEventWord(words[words.length - 1]!)) names.push(name);
  }
  return names;
}

/** True when the whole text is the name of an event without its year: a heading "pre-FOSDEM MySQL Days". */
export function isEventNameOnly(text: string): string | null {
  const trimmed = text.trim().replace(/[.:!]+$/, '');
  const names = eventNamesWithoutYear(trimmed);
  return names.length === 1 && trimmed.replace(LEADING_ARTICLE, '') === names[0] && names[0]!.split(/\s+/).length >= 2 ? names[0]! : null;
}

/** A sentence that calls an event co-located: "our dedicated, co-located event, The OpenFeature Summit took place …". */
export const CO_LOCATED = /\bco-?located\b/i;

/**
 * The event and year a talk page's address names, as conference platforms (pretalx, frab) write them: the
 * path segment before `/talk/` is the event's slug, ending in its year ("…/cloud-native-rejekts-na-2019/talk/SQ9DWX/").
 */
export function eventSegmentOfAddress(url: string | null): { segment: string; year: number } | null {
  const m = url ? /\/([a-z0-9]+(?:-[a-z0-9]+)*-((?:19|20)\d\d))\/(?:talks?|sessions?|schedule)\//i.exec(url) : null;
  return m ? { segment: m[1]!.toLowerCase(), year: Number(m[2]) } : null;
}

/**
 * The name a text writes for the event of an address segment: the longest run of capitalised words (two
 * or more) whose slug begins the segment ("Cloud Native Rejekts" for cloud-native-rejekts-na-2019).
 */
export function nameOfSegment(texts: readonly string[], segment: string): string | null {
  let best: string | null = null;
  for (const text of texts) {
    for (const m of text.matchAll(NAME_RUN)) {
      const words = m[0].split(/\s+/);
      for (let i = 0; i < words.length - 1; i++) {
        for (let n = words.length; n >= i + 2; n--) {
          const name = words.slice(i, n).join(' ');
          if (segment.startsWith(`${slugify(name)}-`) && (!best || name.length > best.length)) best = name;
        }
      }
    }
  }
  return best;
}
