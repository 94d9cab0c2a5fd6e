import type { Talk, Weekday } from '../domain/types.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import { selectTalks } from './talk-query.ts';

export interface Clash {
  talks: [Talk, Talk];
  /** Minutes both talks run at the same time. */
  overlapMinutes: number;
}

export interface TimeSlot {
  start: string;
  end: string | null;
  startsAt: string | null;
  talks: Talk[];
}

export interface ScheduleDay {
  date: string;
  day: Weekday | null;
  slots: TimeSlot[];
}

function interval(talk: Talk): [number, number] | null {
  if (!talk.startsAt) return null;
  const start = Date.parse(talk.startsAt);
  const end = talk.endsAt ? Date.parse(talk.endsAt) : start;
  return [start, Math.max(end, start)];
}

/** Minutes two talks run at the same time (0 when they only touch or either has no time). */
export function overlapMinutes(a: Talk, b: Talk): number {
  const x = interval(a);
  const y = interval(b);
  if (!x || !y) return 0;
  return Math.max(0, Math.round((Math.min(x[1], y[1]) - Math.max(x[0], y[0])) / 60000));
}

/** True when two talks run at the same time; talks that start at the same instant always clash. */
export function clashes(a: Talk, b: Talk): boolean {
  const x = interval(a);
  const y = interval(b);
  if (!x || !y) return false;
  return x[0] === y[0] || (x[0] < y[1] && y[0] < x[1]);
}

/** The conference a talk belongs to: the root of its event's co-location tree. */
function conferenceOf(graph: KnowledgeGraph, talk: Talk): string | null {
  let id = talk.eventId;
  for (let guard = 0; id && guard < 10; guard++) {
    const parent = graph.event(id)?.parentId;
    if (!parent) return id;
    id = parent;
  }
  return id;
}

/** Other talks of the same conference (co-located events included) that run at the same time. */
export function overlappingTalks(graph: KnowledgeGraph, talk: Talk): Talk[] {
  const conference = conferenceOf(graph, talk);
  if (!conference || !talk.startsAt) return [];
  // The inverted lists narrow to the conference's talks (co-located events included) first.
  return selectTalks(graph, { event: [conference] }).filter((other) => other.id !== talk.id && clashes(talk, other));
}

/** Pairs of talks from a list that run at the same time, in schedule order. */
export function clashingPairs(graph: KnowledgeGraph, talks: readonly Talk[]): Clash[] {
  const sorted = [...talks].filter((t) => t.startsAt).sort((a, b) => graph.scheduleRank(a.id) - graph.scheduleRank(b.id));
  const pairs: Clash[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i]!, sorted[j]!];
      if (clashes(a, b)) pairs.push({ talks: [a, b], overlapMinutes: overlapMinutes(a, b) });
    }
  }
  return pairs;
}

/** Talks of the event (and its co-located events) grouped by local date, then by start time. */
export function buildSchedule(graph: KnowledgeGraph, eventId: string, filterDay: (talk: Talk) => boolean): ScheduleDay[] {
  const scope = graph.eventScope(eventId);
  const talks = graph.allTalks().filter((t) => t.eventId !== null && scope.has(t.eventId) && t.date !== null && t.start !== null && filterDay(t));
  const days = new Map<string, ScheduleDay>();
  for (const talk of talks) {
    const day = days.get(talk.date!) ?? { date: talk.date!, day: talk.day, slots: [] };
    days.set(talk.date!, day);
    let slot = day.slots.find((s) => s.start === talk.start);
    if (!slot) {
      slot = { start: talk.start!, end: talk.end, startsAt: talk.startsAt, talks: [] };
      day.slots.push(slot);
    }
    slot.talks.push(talk);
    if (talk.end && (!slot.end || talk.end > slot.end)) slot.end = talk.end;
  }
  const result = [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  for (const day of result) day.slots.sort((a, b) => a.start.localeCompare(b.start));
  return result;
}
