import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { recursiveInputTypes } from '../src/server/compiled-execution-plugin.ts';
import { createTalkGraphYoga } from '../src/server/create-yoga.ts';
import { graphOf, seedSource } from './helpers.ts';
import { inventedSource } from './support/invented-post.ts';

const graph = graphOf([seedSource(), inventedSource()]);
const compiled = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph), responseCache: false });
const interpreted = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph), responseCache: false, compiledExecution: false });

async function answer(yoga: typeof compiled, query: string, variables?: Record<string, unknown>) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return `${response.status} ${await response.text()}`;
}

const CASES: Array<[string, string, Record<string, unknown>?]> = [
  ['dashboard', '{ talks(first: 200) { totalCount pageInfo { hasNextPage endCursor } nodes { slug title kind day start end speakers { slug name } organizations { name } topics { name } } } }'],
  ['a filtered page with variables', 'query($o: [String!], $d: [Weekday!], $n: Int) { talks(filter: { organization: $o, day: $d }, first: $n) { totalCount edges { cursor node { title startsAt } } } }', { o: ['Isovalent'], d: ['FRIDAY'], n: 3 }],
  ['a deep traversal', '{ organization(slug: "isovalent") { name speakers(first: 5) { nodes { name talks(first: 2) { nodes { title event { name parent { name } } topics { name parent { name } } } } } } } }'],
  ['search, with a union', '{ search(query: "tetragon", first: 5) { score field snippet node { __typename ... on Talk { title } ... on Speaker { name } ... on Topic { name } } } }'],
  ['a resolver error (page too large)', '{ talks(first: 1000) { totalCount } }'],
  ['an error in a nested field, nulls propagated', '{ talks(first: 1) { nodes { title } } organization(slug: "isovalent") { talks(after: "bm9wZQ") { totalCount } } }'],
  ['a recursive filter as a variable (falls back)', 'query($f: TalkFilter) { talks(filter: $f) { totalCount } }', { f: { or: [{ day: ['FRIDAY'] }, { topic: ['tetragon'] }] } }],
  ['a variable that does not coerce (falls back)', 'query($d: [Weekday!]) { talks(filter: { day: $d }) { totalCount } }', { d: ['FRYDAY'] }],
];

describe('compiled execution (graphql-jit)', () => {
  it.each(CASES)('answers %s exactly as graphql-js does', async (_name, query, variables) => {
    const expected = await answer(interpreted, query, variables);
    expect(await answer(compiled, query, variables)).toBe(expected);
    // The second run executes the already compiled query.
    expect(await answer(compiled, query, variables)).toBe(expected);
  });

  it('finds the recursive input types it must leave to graphql-js', () => {
    expect([...recursiveInputTypes(schema)]).toEqual(['TalkFilter']);
  });
});
