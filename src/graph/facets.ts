import type { Talk } from '../domain/types.ts';
import { WEEKDAYS } from '../domain/types.ts';
import type { DerivedIndex, KnowledgeGraph } from './knowledge-graph.ts';

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

/** Talks per value of a field that holds one value (or none): no per-talk allocation, the hot path of a facet. */
function countOne(talks: readonly Talk[], fieldOf: (talk: Talk) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const talk of talks) {
    const value = fieldOf(talk);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Talks per value of a list field; a value listed twice on one talk counts that talk once. */
function countMany(talks: readonly Talk[], valuesOf: (talk: Talk) => readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const talk of talks) {
    const values = valuesOf(talk);
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (i > 0 && values.indexOf(value) < i) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

const COLLATOR = new Intl.Collator('en', { numeric: true });

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
      counts = countOne(talks, (t) => t.day);
      label = (v) => `${v[0]}${v.slice(1).toLowerCase()}`;
      break;
    case 'dates':
      counts = countOne(talks, (t) => t.date);
      label = (v) => v;
      break;
    case 'hours':
      counts = countOne(talks, (t) => (t.start ? t.start.slice(0, 2) : null));
      label = (v) => `${v}:00`;
      break;
    case 'topics':
      counts = countMany(talks, (t) => t.topicIds);
      label = (v) => graph.topic(v)?.name ?? v;
      break;
    case 'organizations':
      counts = countMany(talks, (t) => t.organizationIds);
      label = (v) => graph.organization(v)?.name ?? v;
      break;
    case 'speakers':
      counts = countMany(talks, (t) => t.speakerIds);
      label = (v) => graph.speaker(v)?.name ?? v;
      break;
    case 'events':
      counts = countOne(talks, (t) => t.eventId);
      label = (v) => graph.event(v)?.name ?? v;
      break;
    case 'kinds':
      counts = countOne(talks, (t) => t.kind);
      label = (v) => KIND_LABELS[v] ?? v;
      break;
  }
  const buckets = [...counts.entries()].map(([value, n]) => ({ value, label: label(value), count: n }));
  // Each bucket's rank once, compared with one shared collator (localeCompare with options builds a collator per call).
  const ranks = new Map(buckets.map((b) => [b, naturalRank(graph, facet, b.value, b.label)]));
  const byValue = (a: FacetBucket, b: FacetBucket) => COLLATOR.compare(ranks.get(a)!, ranks.get(b)!);
  return buckets.sort(orderBy === 'VALUE' ? byValue : (a, b) => b.count - a.count || byValue(a, b));
}

/**
 * Facets over every talk of a graph, counted once per facet and order and kept for the life of that
 * graph (the dashboard's overview asks for them on every unfiltered load). Buckets are frozen: shared.
 */
export class WholeGraphFacets {
  private readonly graph: KnowledgeGraph;
  private readonly counted = new Map<string, readonly FacetBucket[]>();

  constructor(graph: KnowledgeGraph) {
    this.graph = graph;
  }

  /** Whether this facet in this order is counted already. */
  has(facet: FacetName, orderBy: 'COUNT' | 'VALUE' = 'COUNT'): boolean {
    return this.counted.has(`${facet} ${orderBy}`);
  }

  get(facet: FacetName, orderBy: 'COUNT' | 'VALUE' = 'COUNT'): readonly FacetBucket[] {
    const key = `${facet} ${orderBy}`;
    let buckets = this.counted.get(key);
    if (!buckets) {
      buckets = Object.freeze(computeFacet(this.graph, this.graph.allTalks(), facet, orderBy).map((b) => Object.freeze(b)));
      this.counted.set(key, buckets);
    }
    return buckets;
  }
}

export const WHOLE_GRAPH_FACETS: DerivedIndex<WholeGraphFacets> = { build: (graph) => new WholeGraphFacets(graph) };

/**
 * A facet of a set of talks: from the graph's whole-graph counts when the set is every talk (a
 * selection never repeats a talk, so the same length means the same set, whatever its order).
 */
export function facetOf(graph: KnowledgeGraph, talks: readonly Talk[], facet: FacetName, orderBy: 'COUNT' | 'VALUE' = 'COUNT'): readonly FacetBucket[] {
  if (talks.length > 0 && talks.length === graph.allTalks().length) return graph.derived(WHOLE_GRAPH_FACETS).get(facet, orderBy);
  return computeFacet(graph, talks, facet, orderBy);
}
