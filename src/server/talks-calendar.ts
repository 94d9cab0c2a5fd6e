import { ICalCalendar } from 'ical-generator';
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

/**
 * Renders talks as an RFC 5545 calendar: one VEVENT per talk with a start instant, DTSTART/DTEND in
 * the talk's IANA zone (with a VTIMEZONE for each zone used), or in UTC when the zone is unknown.
 */
export function renderTalksCalendar(graph: KnowledgeGraph, talks: readonly Talk[], name = 'Talk Graph'): RenderedCalendar {
  const calendar = new ICalCalendar({
    prodId: { company: 'talk-graph', product: 'calendar', language: 'EN' },
    name,
    timezone: { name: null, generator: vtimezoneFor },
  });
  let skipped = 0;
  for (const talk of talks) {
    if (!talk.startsAt) {
      skipped++;
      continue;
    }
    const event = talk.eventId ? graph.event(talk.eventId) : undefined;
    const candidateZone = talk.timezone ?? event?.timezone ?? null;
    const zone = candidateZone && vtimezoneFor(candidateZone) ? candidateZone : 'UTC';
    const start = DateTime.fromISO(talk.startsAt, { setZone: true });
    const end = talk.endsAt ? DateTime.fromISO(talk.endsAt, { setZone: true }) : null;
    const topics = talk.topicIds.map((id) => graph.topic(id)?.name).filter((n): n is string => Boolean(n));
    calendar.createEvent({
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
  calendar.x('X-TALK-GRAPH-SKIPPED-WITHOUT-START', String(skipped));
  return { ics: calendar.toString(), included: talks.length - skipped, skipped };
}
