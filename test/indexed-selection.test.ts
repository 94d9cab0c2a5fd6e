import { describe, expect, it } from 'vitest';
import { execute, graphOf, seedSource, yogaOf } from './helpers.ts';
import { inventedSource } from './support/invented-post.ts';
import { positionsOfTalks, talkQueryStats } from '../src/graph/talk-query.ts';

// The inverted lists answer filters on indexed fields without testing each talk. Adding a clause that
// is true of every talk but that only a predicate can decide (a date range or its negation) forces
// the talk-by-talk path. Both must give the same pages, counts and facets, and the plan counters
// show which path each request took.
const yoga = yogaOf(graphOf([seedSource(), inventedSource()]));

const QUERY = `query($filter: TalkFilter, $first: Int, $after: String, $last: Int, $before: String) {
  talks(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { slug } }
    facets { days { value count } organizations(first: 3) { value count } }
  }
}`;

const FILTERS: Array<Record<string, unknown>> = [
  { organization: ['Isovalent'] },
  { organization: ['Isovalent'], day: ['FRIDAY'] },
  { topic: ['cilium'] },
  { topic: ['cilium'], includeSubtopics: false },
  { topic: ['ebpf', 'security'], kind: ['TALK', 'KEYNOTE'] },
  { event: ['kubecon-eu-2023'] },
  { hasSpeakers: false },
  { text: 'ebpf' },
  { text: 'tetragon', day: ['WEDNESDAY', 'THURSDAY'] },
  { organization: ['No Such Org'] },
  { organization: [] },
  { day: [] },
];

const EVERY_TALK_BY_PREDICATE = [{ date: { from: '1900-01-01' } }, { not: { date: { from: '1900-01-01' } } }];

async function page(filter: Record<string, unknown>, args: Record<string, unknown>) {
  const wantsPredicate = 'or' in filter;
  const before = { ...talkQueryStats };
  const result = await execute(yoga, QUERY, { filter, ...args });
  expect(result.errors).toBeUndefined();
  expect(talkQueryStats.withResidual - before.withResidual).toBe(wantsPredicate ? 1 : 0);
  expect(talkQueryStats.indexOnly - before.indexOnly).toBe(wantsPredicate ? 0 : 1);
  return result.data.talks;
}

describe('selection through the inverted lists', () => {
  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('pages %s exactly like the talk-by-talk filter', async (_name, filter) => {
    const slow = { ...filter, or: EVERY_TALK_BY_PREDICATE };
    const all = await page(filter, { first: 200 });
    expect(all).toEqual(await page(slow, { first: 200 }));
    const second = all.edges[1]?.cursor;
    const pages = [
      { first: 2 },
      { last: 2 },
      ...(second
        ? [
            { first: 3, after: second },
            { last: 1, before: second },
          ]
        : []),
    ];
    for (const args of pages) expect(await page(filter, args)).toEqual(await page(slow, args));
  });

  it('refuses a cursor of a talk outside the selection as the talk-by-talk path does', async () => {
    const outside = (await page({ hasSpeakers: false }, { first: 1 })).edges[0].cursor;
    const fast = await execute(yoga, QUERY, { filter: { organization: ['Isovalent'] }, first: 1, after: outside });
    const slow = await execute(yoga, QUERY, { filter: { organization: ['Isovalent'], or: EVERY_TALK_BY_PREDICATE }, first: 1, after: outside });
    expect(fast.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
    expect(fast).toEqual(slow);
  });
});

describe('positions of a list of talks', () => {
  it('are ascending and without repeats, whatever order and repeats the list has', () => {
    const graph = graphOf([seedSource()]);
    const talks = graph.allTalks();
    const shuffled = [talks[3]!, talks[0]!, talks[3]!, talks[1]!, talks[0]!];
    expect(Array.from(positionsOfTalks(graph, shuffled))).toEqual([0, 1, 3]);
  });
});
