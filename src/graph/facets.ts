import type { Talk } from '../domain/types.ts';
import { WEEKDAYS } from '../domain/types.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';

export interface FacetBucket {
  value: string;
  label: string;
  count: number;
}

export type FacetName = 'days' | 'dates' | 'hours' | 'topics' | 'organizations' | 'speakers' | 'events' | 'kinds';

/** Natural order of each facet's values, used to break count ties (and for orderBy VALUE). */
function naturalRank(graph: KnowledgeGraph, facet: FacetName, value: string, label: string): string {
  if (facet === 'days') return String(WEEKDAYS.indexOf(value as (typeof WEEKDAYS)[number]));
  if (facet === 'events') return `${graph.event(value)?.startDate ?? '9999'} ${label}`; // chronological, for trends
  if (facet === 'topics' || facet === 'organizations' || facet === 'speakers') return label;
  return value;
}

function count(talks: readonly Talk[], valuesOf: (talk: Talk) => ReadonlyArray<string | null>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const talk of talks) {
    for (const value of new Set(valuesOf(talk))) if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

const KIND_LABELS: Record<string, string> = {
  TALK: 'Talk',
  KEYNOTE: 'Keynote',
  SPONSORED_KEYNOTE: 'Sponsored keynote',
  TUTORIAL: 'Tutorial',
  LIGHTNING_TALK: 'Lightning talk',
  PANEL: 'Panel',
  MEETING: 'Meeting',
  WORKSHOP: 'Workshop',
  OPENING_REMARKS: 'Opening remarks',
};

/**
 * Counts of one facet over a set of talks: buckets of value (slug, enum or date), a label for
 * people, and the number of talks. A talk counts once per bucket even with several matching speakers.
 */
export function computeFacet(graph: KnowledgeGraph, talks: readonly Talk[], facet: FacetName, orderBy: 'COUNT' | 'VALUE' = 'COUNT'): FacetBucket[] {
  let counts: Map<string, number>;
  let label: (value: string) => string;
  switch (facet) {
    case 'days':
      counts = count(talks, (t) => [t.day]);
      label = (v) => `${v[0]}${v.slice(1).toLowerCase()}`;
      break;
    case 'dates':
      counts = count(talks, (t) => [t.date]);
      label = (v) => v;
      break;
    case 'hours':
      counts = count(talks, (t) => [t.start ? t.start.slice(0, 2) : null]);
      label = (v) => `${v}:00`;
      break;
    case 'topics':
      counts = count(talks, (t) => t.topicIds);
      label = (v) => graph.topic(v)?.name ?? v;
      break;
    case 'organizations':
      counts = count(talks, (t) => t.organizationIds);
      label = (v) => graph.organization(v)?.name ?? v;
      break;
    case 'speakers':
      counts = count(talks, (t) => t.speakerIds);
      label = (v) => graph.speaker(v)?.name ?? v;
      break;
    case 'events':
      counts = count(talks, (t) => [t.eventId]);
      label = (v) => graph.event(v)?.name ?? v;
      break;
    case 'kinds':
      counts = count(talks, (t) => [t.kind]);
      label = (v) => KIND_LABELS[v] ?? v;
      break;
  }
  const buckets = [...counts.entries()].map(([value, n]) => ({ value, label: label(value), count: n }));
  const byValue = (a: FacetBucket, b: FacetBucket) =>
    naturalRank(graph, facet, a.value, a.label).localeCompare(naturalRank(graph, facet, b.value, b.label), 'en', { numeric: true });
  return buckets.sort(orderBy === 'VALUE' ? byValue : (a, b) => b.count - a.count || byValue(a, b));
}
