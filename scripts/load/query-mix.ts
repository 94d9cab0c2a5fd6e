import type { KnowledgeGraph } from '../../src/graph/knowledge-graph.ts';
import { createRandom } from '../../test/support/prng.ts';
import {
  DASHBOARD,
  DEEP,
  FACETS,
  ISOVALENT_FRIDAY,
  SEARCH,
  TEXT_FILTER,
  combinations as pick,
  range,
  requestBody,
  type BenchQuery,
} from '../../test/support/bench-queries.ts';

/** Date windows between the talk dates of the graph: every (from, to) pair with from ≤ to, plus open ends. */
function dateWindows(graph: KnowledgeGraph): Array<{ from?: string; to?: string }> {
  const dates = [...new Set(graph.allTalks().flatMap((t) => (t.date ? [t.date] : [])))].sort();
  const windows: Array<{ from?: string; to?: string }> = [];
  for (let i = 0; i < dates.length; i++) {
    windows.push({ from: dates[i] }, { to: dates[i] });
    for (let j = i; j < dates.length; j++) windows.push({ from: dates[i], to: dates[j] });
  }
  return windows;
}

/** Filtered: topic (with or without subtopics), a date range, a kind exclusion and a time-of-day window. */
export const TOPIC_DATES: BenchQuery = {
  name: 'topic-dates',
  query: `query TopicDates($topic: [String!], $date: DateRange, $sub: Boolean, $from: LocalTime, $first: Int) {
  talks(filter: { topic: $topic, date: $date, includeSubtopics: $sub, timeOfDay: { from: $from }, not: { kind: [SPONSORED_KEYNOTE] } }, first: $first) {
    totalCount
    nodes { title kind date start end event { name } topics { slug } }
  }
}`,
  variables: { topic: ['ebpf'], date: { from: '2023-04-18', to: '2023-04-21' }, sub: true, from: '09:00', first: 50 },
  variedPool: (graph, size, seed) =>
    pick(
      [graph.allTopics().map((t) => t.id), dateWindows(graph), [true, false], ['00:00', '09:00', '11:30', '14:00'], range(1, 50)],
      size,
      seed,
      ([topic, date, sub, from, first]) => ({
        topic: [topic],
        date,
        sub,
        from,
        first,
      }),
    ),
};

/** Search in plain words: the `ask` field, questions built from the names on real talks (so most have answers) and a few that do not. */
export const ASK: BenchQuery = {
  name: 'ask',
  query: `query Ask($q: String!, $first: Int) {
  ask(question: $q) { interpretation unrecognized filter talks(first: $first) { totalCount nodes { title day start speakers { name } } } }
}`,
  variables: { q: 'talks by Isovalent speakers on Friday', first: 20 },
  variedPool: (graph, size, seed) => {
    const nameOf = (name: string | undefined) => name ?? 'nobody';
    const facts = graph.allTalks().map((t) => ({
      org: nameOf(graph.organization(t.organizationIds[0] ?? '')?.name),
      topic: nameOf(graph.topic(t.topicIds[0] ?? '')?.name),
      speaker: nameOf(graph.speaker(t.speakerIds[0] ?? '')?.name),
      day: (t.day ?? 'monday').toLowerCase(),
    }));
    type Fact = (typeof facts)[number];
    const templates: Array<(f: Fact) => string> = [
      (f) => `talks by ${f.org} speakers on ${f.day}`,
      (f) => `${f.topic} talks on ${f.day} morning`,
      (f) => `what is ${f.speaker} presenting on ${f.day}`,
      (f) => `${f.topic} talks not by ${f.org}`,
      (f) => `${f.topic} or ${f.org} on ${f.day} afternoon`,
      (f) => `keynotes about ${f.topic} by ${f.speaker}`,
    ];
    return pick([templates, facts, range(1, 20)], size, seed, ([template, fact, first]) => ({ q: (template as (f: Fact) => string)(fact as Fact), first }));
  },
};

/** Deep traversal: speaker → talks → organizations → talks → speakers → talks (depth 9 of 10, cost well under 25,000). */
export const SPEAKER_WEB: BenchQuery = {
  name: 'speaker-web',
  query: `query SpeakerWeb($slug: String!, $talks: Int, $orgTalks: Int) {
  speaker(slug: $slug) {
    name
    talks(first: $talks) {
      nodes {
        title
        organizations {
          name
          talks(first: $orgTalks) { totalCount nodes { title speakers { name talks(first: 1) { totalCount } } } }
        }
      }
    }
  }
}`,
  variables: { slug: 'thomas-graf', talks: 5, orgTalks: 5 },
  variedPool: (graph, size, seed) =>
    pick([graph.allSpeakers().map((s) => s.id), range(1, 5), range(1, 8)], size, seed, ([slug, talks, orgTalks]) => ({ slug, talks, orgTalks })),
};

/** The families of the mix, grouped as the load run reports them, with their share of the traffic. */
export const LOAD_FAMILIES: ReadonlyArray<{ group: 'dashboard' | 'filtered' | 'search' | 'deep'; query: BenchQuery; weight: number }> = [
  { group: 'dashboard', query: DASHBOARD, weight: 15 },
  { group: 'filtered', query: ISOVALENT_FRIDAY, weight: 10 },
  { group: 'filtered', query: FACETS, weight: 10 },
  { group: 'filtered', query: TOPIC_DATES, weight: 10 },
  { group: 'search', query: SEARCH, weight: 10 },
  { group: 'search', query: TEXT_FILTER, weight: 10 },
  { group: 'search', query: ASK, weight: 10 },
  { group: 'deep', query: DEEP, weight: 12 },
  { group: 'deep', query: SPEAKER_WEB, weight: 13 },
];

export interface MixedRequest {
  family: string;
  body: string;
}

/**
 * A fixed sequence of `length` request bodies, cycled by the load run: each family drawn by its
 * weight; a `repeatShare` of requests is the family's fixed request (what dashboards poll, served
 * by the response cache), the rest walk the family's pool of distinct variable sets, larger
 * than the response cache, so most of the traffic executes.
 */
export function buildMix(graph: KnowledgeGraph, options: { length: number; poolSize: number; repeatShare: number; seed: number }): MixedRequest[] {
  const random = createRandom(options.seed);
  const families = LOAD_FAMILIES.map((f, i) => ({
    name: f.query.name,
    weight: f.weight,
    fixed: requestBody(f.query, f.query.variables),
    pool: f.query.variedPool(graph, options.poolSize, options.seed + i).map((v) => requestBody(f.query, v)),
    next: 0,
  }));
  const totalWeight = families.reduce((s, f) => s + f.weight, 0);
  const out: MixedRequest[] = [];
  for (let i = 0; i < options.length; i++) {
    let target = random() * totalWeight;
    const family = families.find((f) => (target -= f.weight) < 0) ?? families[families.length - 1]!;
    const body = random() < options.repeatShare || family.pool.length === 0 ? family.fixed : family.pool[family.next++ % family.pool.length]!;
    out.push({ family: family.name, body });
  }
  return out;
}
