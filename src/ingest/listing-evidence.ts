import { squish } from '../domain/text.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { isTalkUrl } from './talk-header.ts';

// What makes an entry of a listing a talk, and what says it is something else. Evidence for: a schedule,
// slides or recording link; speakers; a time. Evidence against: the entry names a booth, a party, a break,
// a registration desk or a call for papers, or is a section heading such as "Agenda".

/** Entries that are places, socials, breaks or calls, never talks. */
const NOT_A_TALK =
  /\b(?:booths?|kiosks?|pavilion|happy hour|part(?:y|ies)|meet(?:-| and | & )greet|office hours|showcase|registration|register(?: here| now)?|propose your|interview with|call for (?:papers|proposals|speakers)|cfp)\b|^(?:(?:coffee |tea |lunch )?break|lunch|breakfast|dinner|drinks)$/i;
/** Headings that name a part of the post, not a session. */
const SECTION_HEADING =
  /^(?:event details|details|about(?: the event)?|agenda|schedule|speakers|sessions|talks|overview|info(?:rmation)?|when and where|where and when|location|venue)$/i;

/** Addresses that are never a talk's: a place in the page, an image, a playlist, a docs page, a person's profile. */
const NOT_A_TALK_URL: ReadonlyArray<[RegExp, string]> = [
  [/^#/, 'its link is a place in the page (a table of contents)'],
  [/\.(?:png|jpe?g|gif|svg|webp)(?:[?#].*)?$/i, 'its link is an image'],
  [/youtube\.com\/(?:playlist|@|c\/|channel\/)/i, 'its link is a playlist or a channel'],
  [/\/docs?\//i, 'its link is a documentation page'],
  [/linkedin\.com\/in\/|(?:twitter|x)\.com\/\w+\/?$|bsky\.app\/profile\/|^https?:\/\/github\.com\/[\w-]+\/?$/i, "its link is a person's profile"],
];

/** The reason a link cannot be a talk's, or null. */
export function reasonAgainstUrl(url: string | null): string | null {
  if (!url) return null;
  for (const [pattern, reason] of NOT_A_TALK_URL) if (pattern.test(url)) return reason;
  return null;
}

/** The reason a title cannot be a talk's, or null. */
export function reasonAgainst(title: string): string | null {
  const t = squish(title);
  if (NOT_A_TALK.test(t)) return `"${t}" names a booth, social, break or call, not a session`;
  if (SECTION_HEADING.test(t)) return `"${t}" names a section of the post`;
  const when = parseWhen(t);
  // Only a date or time, perhaps in two zones ("May 21 @ 10am ET / 4pm CET"): no word of a title is left.
  if (isWhenOnly(when) || ((when.month !== null || when.start !== null) && !/\p{Ll}{3,}/u.test(when.rest.replace(/\b[ap]m\b/gi, ''))))
    return `"${t}" is a date or time, not a title`;
  return null;
}

export interface EntryEvidence {
  title: string;
  url: string | null;
  speakers: number;
  start: string | null;
}

/**
 * For an entry that only its shape suggests (a heading or a bold line followed by fields): the reason it is
 * not a talk, or null when it has the evidence of one (speakers, a talk link, or a time).
 */
export function reasonAgainstEntry(entry: EntryEvidence): string | null {
  const against = reasonAgainst(entry.title) ?? reasonAgainstUrl(entry.url);
  if (against) return against;
  if (entry.speakers > 0 || (entry.url && isTalkUrl(entry.url)) || entry.start) return null;
  return 'it has no speakers, no schedule or recording link and no time';
}
