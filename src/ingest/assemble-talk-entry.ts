import type { Diagnostic, SpeakerMention, TalkEntry } from '../domain/types.ts';
import { classifyKind } from './classify-kind.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import { reasonAgainst, reasonAgainstEntry, reasonAgainstUrl } from './listing-evidence.ts';
import type { Block } from './markdown-blocks.ts';
import type { WhenParts } from './parse-when.ts';
import type { TalkHeader } from './talk-header.ts';

/** An entry being read: its header, and what the blocks after it have added so far. */
export interface OpenEntry {
  header: TalkHeader;
  block: Block;
  when: WhenParts | null;
  abstract: string[];
  speakers: SpeakerMention[];
  eventSlug: string | null;
  sectionDate: WhenParts | null;
  sectionSpeakers: SpeakerMention[] | null;
  /** True for an entry only its shape suggests (a heading or bold line): it is a talk only on evidence. */
  tentative: boolean;
  /** Field lines read into the entry (`**Speakers:** …`, `TIME: …`). */
  fields: number;
}

/** What the section around an entry gives it. */
export interface EntrySection {
  eventSlug: string | null;
  date: WhenParts | null;
  speakers: SpeakerMention[] | null;
}

/** An entry opened by a header, in its section. */
export function openEntry(header: TalkHeader, block: Block, tentative: boolean, section: EntrySection, when: WhenParts | null): OpenEntry {
  return {
    header,
    block,
    when,
    abstract: [],
    speakers: header.speakers,
    eventSlug: section.eventSlug,
    sectionDate: section.date,
    sectionSpeakers: section.speakers,
    tentative,
    fields: 0,
  };
}

/**
 * Entry assembly: a finished entry becomes a talk, or is rejected as an entry of some other listing.
 * `dateOf` decides its date (asked only for an entry that is kept). The diagnostics come in the
 * order they are found.
 */
export function assembleTalkEntry(
  entry: OpenEntry,
  file: string,
  dateOf: (entry: OpenEntry) => { date: string | null; diagnostic: Diagnostic | null },
): { talk: TalkEntry | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = { file, line: entry.block.line };
  const { header, when } = entry;
  const evidence = { title: header.title, url: header.url, speakers: entry.speakers.length, start: when?.start ?? null };
  const against = entry.tentative ? reasonAgainstEntry(evidence) : (reasonAgainst(header.title) ?? reasonAgainstUrl(header.url));
  if (against) {
    // A heading with nothing under it is just a heading; an entry with fields or a link is worth a word.
    if (!entry.tentative || entry.fields > 0 || when)
      diagnostics.push(diagnose('LISTING_ENTRY_REJECTED', at, `"${header.title}" looks like an entry of a listing, but ${against}.`));
    return { talk: null, diagnostics };
  }
  const dated = dateOf(entry);
  if (dated.diagnostic) diagnostics.push(dated.diagnostic);
  const { date } = dated;
  const start = when?.start ?? null;
  const end = start && when?.end ? withoutMeridiemSlip(start, when.end) : (when?.end ?? null);
  if (!date && !start) diagnostics.push(diagnose('TALK_NO_SCHEDULE', at, `"${header.title}"`));
  let speakers = entry.speakers;
  if (speakers.length === 0 && entry.sectionSpeakers) {
    speakers = entry.sectionSpeakers;
    diagnostics.push(diagnose('SPEAKERS_INFERRED', at, `"${header.title}": ${speakers.map((s) => s.name).join(', ')}.`));
  }
  if (speakers.length === 0) diagnostics.push(diagnose('TALK_NO_SPEAKERS', at, `"${header.title}"`));
  if (header.unreadableSpeakers.length > 0)
    diagnostics.push(diagnose('SPEAKER_UNREADABLE', at, `Could not read: ${header.unreadableSpeakers.map((s) => `"${s}"`).join(', ')}.`));
  if (start && end && end < start) diagnostics.push(diagnose('TIME_RANGE_INVALID', at, `${start} - ${end}`));
  if (when?.unknownZone) diagnostics.push(diagnose('ZONE_ABBREVIATION_UNKNOWN', at, `"${when.unknownZone}" next to "${header.title}".`));
  const talk: TalkEntry = {
    title: header.title,
    url: header.url,
    kind: classifyKind(header.title),
    abstract: entry.abstract.join('\n\n'),
    speakers,
    eventSlug: entry.eventSlug,
    date,
    start,
    end,
    zoneAbbreviation: when?.zone ?? null,
    source: { file, line: entry.block.line },
  };
  return { talk, diagnostics };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** "10:15 AM - 10:35 PM": a session does not run twelve hours and more; the end's meridiem is a slip (10:35). */
function withoutMeridiemSlip(start: string, end: string): string {
  const late = minutesOf(end) - 12 * 60;
  if (late <= minutesOf(start)) return end;
  return `${String(Math.floor(late / 60)).padStart(2, '0')}:${String(late % 60).padStart(2, '0')}`;
}
