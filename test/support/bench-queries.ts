import { WEEKDAYS } from '../../src/domain/types.ts';
import { foldKey } from '../../src/domain/text.ts';
import type { KnowledgeGraph } from '../../src/graph/knowledge-graph.ts';
import { encodeCursor } from '../../src/schema/paginate.ts';
import { createRandom, shuffleInPlace } from './prng.ts';

export type Variables = Record<string, unknown>;

/** One benchmarked query: a fixed request (the dashboard case) and a pool of varied ones (the explorer case). */
export interface BenchQuery {
  name: string;
  query: string;
  /** Variables of the repeated, identical request. */
  variables: Variables;
  /** Distinct variable sets, in a fixed shuffled order; none repeats within the pool. */
  variedPool: (graph: KnowledgeGraph, size: number, seed: number) => Variables[];
}

/** Up to `size` distinct combinations, drawn from the cartesian product of the axes in a seeded random order. */
export function combinations(axes: ReadonlyArray<readonly unknown[]>, size: number, seed: number, build: (values: unknown[]) => Variables): Variables[] {
  const total = axes.reduce((n, axis) => n * axis.length, 1);
  const random = createRandom(seed);
  const picks = new Set<number>();
  if (total <= size) for (let i = 0; i < total; i++) picks.add(i);
  else while (picks.size < size) picks.add(Math.floor(random() * total));
  const out = [...picks].map((index) => {
    const values: unknown[] = [];
    let rest = index;
    for (const axis of axes) {
      values.push(axis[rest % axis.length]);
      rest = Math.floor(rest / axis.length);
    }
    return build(values);
  });
  return shuffleInPlace(out, random);
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function titleWords(graph: KnowledgeGraph, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const talk of graph.allTalks()) for (const word of foldKey(talk.title).split(' ')) if (word.length >= 4) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([w]) => w);
}

export const DASHBOARD: BenchQuery = {
  name: 'dashboard',
  query: `query Dashboard($first: Int, $after: String) {
  talks(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { slug title kind day start end speakers { slug name } organizations { slug name } topics { slug name } }
  }
}`,
  variables: { first: 200 },
  variedPool: (graph, size, seed) => {
    const afters = [null, ...graph.allTalks().map((t) => encodeCursor(t.id))];
    return combinations([range(1, 200), afters], size, seed, ([first, after]) => (after ? { first, after } : { first }));
  },
};

export const ISOVALENT_FRIDAY: BenchQuery = {
  name: 'isovalent-friday',
  query: `query OrgOnDay($organization: [String!], $day: [Weekday!], $first: Int) {
  talks(filter: { organization: $organization, day: $day }, first: $first) {
    totalCount
    nodes { title url startsAt endsAt speakers { name } }
  }
}`,
  variables: { organization: ['Isovalent'], day: ['FRIDAY'], first: 50 },
  variedPool: (graph, size, seed) => {
    const orgs = graph.allOrganizations().map((o) => o.id);
    return combinations([orgs, WEEKDAYS, range(1, 100)], size, seed, ([organization, day, first]) => ({ organization: [organization], day: [day], first }));
  },
};

export const FACETS: BenchQuery = {
  name: 'facets',
  query: `query Facets($filter: TalkFilter) {
  talks(filter: $filter) { totalCount facets { days { value count } organizations { value count } topics { value count } } }
}`,
  variables: {},
  variedPool: (graph, size, seed) => {
    const orgs = [null, ...graph.allOrganizations().map((o) => o.id)];
    const topics = [null, ...graph.allTopics().map((t) => t.id)];
    const days = [null, ...WEEKDAYS];
    return combinations([orgs, topics, days], size, seed, ([organization, topic, day]) => ({
      filter: { ...(organization ? { organization: [organization] } : {}), ...(topic ? { topic: [topic] } : {}), ...(day ? { day: [day] } : {}) },
    }));
  },
};

export const DEEP: BenchQuery = {
  name: 'deep-traversal',
  query: `query Deep($slug: String!, $speakers: Int, $talks: Int, $related: Int) {
  organization(slug: $slug) {
    name
    speakers(first: $speakers) {
      nodes {
        name
        organizations { name }
        talks(first: $talks) {
          nodes {
            title
            event { name parent { name } }
            topics { name parent { name } talks(first: $related) { nodes { title speakers { name } } } }
          }
        }
      }
    }
  }
}`,
  variables: { slug: 'isovalent', speakers: 10, talks: 5, related: 3 },
  variedPool: (graph, size, seed) => {
    const orgs = graph.allOrganizations().map((o) => o.id);
    return combinations([orgs, range(1, 10), range(1, 5), range(1, 3)], size, seed, ([slug, speakers, talks, related]) => ({ slug, speakers, talks, related }));
  },
};

export const SEARCH: BenchQuery = {
  name: 'search',
  query: `query Search($q: String!, $first: Int) {
  search(query: $q, first: $first) { score field snippet node { __typename ... on Talk { title } ... on Speaker { name } ... on Organization { name } ... on Topic { name } } }
}`,
  variables: { q: 'cilium networking', first: 10 },
  variedPool: (graph, size, seed) => combinations([titleWords(graph, 400), range(1, 20)], size, seed, ([q, first]) => ({ q, first })),
};

export const TEXT_FILTER: BenchQuery = {
  name: 'text-filter',
  query: `query TextFilter($text: String!, $first: Int) {
  talks(filter: { text: $text }, orderBy: RELEVANCE, first: $first) { totalCount nodes { title speakers { name } } }
}`,
  variables: { text: 'ebpf security', first: 20 },
  variedPool: (graph, size, seed) => combinations([titleWords(graph, 400), range(1, 20)], size, seed, ([text, first]) => ({ text, first })),
};

export const BENCH_QUERIES: readonly BenchQuery[] = [DASHBOARD, ISOVALENT_FRIDAY, FACETS, DEEP, SEARCH, TEXT_FILTER];

/** The fixed-size query of the scale runs: a filtered page of 20 (sent with `cache-control: no-cache`, so it executes). */
export const FIXED_SIZE: BenchQuery = {
  name: 'fixed-size',
  query: `query FixedSize($topic: [String!], $day: [Weekday!], $first: Int) {
  talks(filter: { topic: $topic, day: $day }, first: $first) { totalCount nodes { title day start speakers { name } organizations { name } } }
}`,
  variables: { topic: ['cilium'], first: 20 },
  variedPool: (graph, size, seed) =>
    combinations([graph.allTopics().map((t) => t.id), WEEKDAYS], size, seed, ([topic, day]) => ({ topic: [topic], day: [day], first: 20 })),
};

/** The JSON body of a POST /graphql. */
export function requestBody(query: BenchQuery, variables: Variables): string {
  return JSON.stringify({ query: query.query, variables });
}
