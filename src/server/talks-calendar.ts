import { ICalCalendar, ICalEvent, type ICalEventData } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Event, Talk } from '../domain/types.ts';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import { vtimezoneFor } from './vtimezone.ts';

export interface RenderedCalendar {
  ics: string;
  /** Talks written as VEVENTs. */
  included: number;
  /** Talks left out because they have no start instant. */
  skipped: number;
}

/** A rendered calendar as UTF-8 bytes. */
export interface RenderedCalendarBytes extends Omit<RenderedCalendar, 'ics'> {
  body: Buffer;
}

export const UID_DOMAIN = 'talk-graph';

/** Stable UID of a talk's VEVENT: its content-derived id, so re-ingesting keeps calendar entries. */
export function talkUid(talk: Talk): string {
  return `${talk.id}@${UID_DOMAIN}`;
}

function cityOf(graph: KnowledgeGraph, event: Event | undefined): string | null {
  for (let e = event, hops = 0; e && hops < 8; e = e.parentId ? graph.event(e.parentId) : undefined, hops++) {
    if (e.city) return e.country ? `${e.city}, ${e.country}` : e.city;
  }
  return null;
}

function descriptionOf(graph: KnowledgeGraph, talk: Talk): string {
  const speakers = talk.appearances.map((a) => {
    const name = graph.speaker(a.speakerId)?.name ?? a.nameAsWritten;
    const org = (a.organizationId ? graph.organization(a.organizationId)?.name : null) ?? a.organizationAsWritten;
    return org ? `${name} (${org})` : name;
  });
  return [speakers.length > 0 ? `Speakers: ${speakers.join(', ')}` : null, talk.abstract.trim() || null].filter((s) => s !== null).join('\n\n');
}

/**
 * DTSTAMP must be present; it is taken from the data (the post's publication date, else the talk's
 * date) rather than the clock, so the same graph always renders byte-identical calendars (strong ETags).
 */
function stampOf(graph: KnowledgeGraph, talk: Talk): Date {
  const day = graph.post(talk.postId)?.date ?? talk.date ?? '1970-01-01';
  return new Date(`${day}T00:00:00Z`);
}

function newCalendar(name: string): ICalCalendar {
  return new ICalCalendar({
    prodId: { company: 'talk-graph', product: 'calendar', language: 'EN' },
    name,
    timezone: { name: null, generator: vtimezoneFor },
  });
}

/** The VEVENT of a talk, made by `make` (added to the calendar or not); null when the talk has no start instant. */
function addTalk(make: (data: ICalEventData) => ICalEvent, graph: KnowledgeGraph, talk: Talk): ICalEvent | null {
  if (!talk.startsAt) return null;
  const event = talk.eventId ? graph.event(talk.eventId) : undefined;
  const candidateZone = talk.timezone ?? event?.timezone ?? null;
  const zone = candidateZone && vtimezoneFor(candidateZone) ? candidateZone : 'UTC';
  const start = DateTime.fromISO(talk.startsAt, { setZone: true });
  const end = talk.endsAt ? DateTime.fromISO(talk.endsAt, { setZone: true }) : null;
  const topics = talk.topicIds.map((id) => graph.topic(id)?.name).filter((n): n is string => Boolean(n));
  return make({
    id: talkUid(talk),
    start,
    end: end && end > start ? end : null,
    timezone: zone,
    stamp: stampOf(graph, talk),
    summary: talk.title,
    description: descriptionOf(graph, talk),
    url: talk.url,
    location: cityOf(graph, event),
    categories: topics.map((topicName) => ({ name: topicName })),
  });
}

const SKIPPED_PROPERTY = 'X-TALK-GRAPH-SKIPPED-WITHOUT-START';

/**
 * Folds content lines longer than 75 octets (RFC 5545 §3.1) exactly as ical-generator does: a CRLF
 * and a space before the character that would pass 74 octets, a surrogate pair kept whole. Its own
 * folder encodes every character with a new TextEncoder, which made folding most of the cost of a
 * calendar (seconds for ten thousand talks); lines that fit, nearly all, are passed through here.
 */
export function foldLines(text: string): string {
  const lines = text.split('\r\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (line.length <= 18 || Buffer.byteLength(line) <= 74) continue;
    let out = '';
    let octets = 0;
    for (let i = 0; i < line.length; i++) {
      let char = line.charAt(i);
      const code = line.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) char += line.charAt(++i);
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? Buffer.byteLength(char) : 3;
      octets += size;
      if (octets > 74) {
        out += '\r\n ';
        octets = size;
      }
      out += char;
    }
    lines[l] = out;
  }
  return lines.join('\r\n');
}

/** Renders VEVENTs this many talks at a time, yielding to the event loop between chunks. */
export const CALENDAR_CHUNK = 25;

/**
 * Renders talks as an RFC 5545 calendar: one VEVENT per talk with a start instant, DTSTART/DTEND in
 * the talk's IANA zone (with a VTIMEZONE for each zone used), or in UTC when the zone is unknown.
 * The text is byte for byte what ical-generator's `calendar.toString()` gives (test/calendar.test.ts
 * compares them), assembled here so that events are written and folded a chunk at a time:
 * `pause` (e.g. a turn of the event loop) is awaited between chunks, so a large calendar never
 * holds the server for long.
 */
export async function renderTalksCalendarInChunks(
  graph: KnowledgeGraph,
  talks: readonly Talk[],
  pause: () => Promise<void>,
  name = 'Talk Graph',
): Promise<RenderedCalendarBytes> {
  const calendar = newCalendar(name);
  // UTF-8 chunks, joined by one copy at the end (no 10-MB string to build and encode in one go).
  const parts: Buffer[] = [];
  const zones = new Set<string>();
  let skipped = 0;
  for (let from = 0; from < talks.length; from += CALENDAR_CHUNK) {
    if (from > 0) await pause();
    let chunk = '';
    for (const talk of talks.slice(from, from + CALENDAR_CHUNK)) {
      // Not added to the calendar: each event is garbage once written.
      const event = addTalk((data) => new ICalEvent(data, calendar), graph, talk);
      if (!event) {
        skipped++;
        continue;
      }
      const zone = event.timezone();
      if (zone !== null && !zone.startsWith('/')) zones.add(zone);
      chunk += event.toString();
    }
    parts.push(Buffer.from(foldLines(chunk)));
  }
  // The frame around the events, from ical-generator itself: its text without events and without
  // the x-property is the head (up to END:VCALENDAR); the VTIMEZONEs follow the head, as it writes them.
  const frame = newCalendar(name);
  const head = frame.toString().slice(0, -'END:VCALENDAR'.length);
  frame.x(SKIPPED_PROPERTY, String(skipped));
  const tail = frame.toString().slice(head.length);
  const timezones = [...zones].map((zone) => foldLines(`${vtimezoneFor(zone)!.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n').trim()}\r\n`));
  const body = Buffer.concat([Buffer.from(head + timezones.join('')), ...parts, Buffer.from(tail)]);
  return { body, included: talks.length - skipped, skipped };
}

/** renderTalksCalendarInChunks with ical-generator's own `toString()`, in one go (tests compare the two). */
export function renderTalksCalendarWithLibrary(graph: KnowledgeGraph, talks: readonly Talk[], name = 'Talk Graph'): RenderedCalendar {
  const calendar = newCalendar(name);
  let skipped = 0;
  for (const talk of talks) if (!addTalk((data) => calendar.createEvent(data), graph, talk)) skipped++;
  calendar.x(SKIPPED_PROPERTY, String(skipped));
  return { ics: calendar.toString(), included: talks.length - skipped, skipped };
}
