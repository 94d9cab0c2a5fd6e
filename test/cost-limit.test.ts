import { createComplexityRule } from '@pothos/plugin-complexity';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { createContext } from '../src/schema/context.ts';
import { schema } from '../src/schema/index.ts';
import { estimateCosts } from '../src/server/cost-limit-plugin.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// The cost limit estimates without a graphql-js validate() pass; this pins it to what the Pothos
// complexity validation rule (the previous implementation) computes, case by case.
const graph = graphOf([seedSource()]);
const context = createContext(graph);

/** The costs the Pothos rule reports through validate(), in document order; 'throws' when validate() throws. */
function ruleCosts(query: string, variables: Record<string, unknown>, operationName: string | null): number[] | 'throws' {
  const costs: number[] = [];
  const rule = createComplexityRule({ context, variableValues: variables, operationName, validate: ({ complexity }) => void costs.push(complexity) });
  try {
    validate(schema, parse(query), [rule]);
  } catch {
    return 'throws';
  }
  return costs;
}

function estimated(query: string, variables: Record<string, unknown>, operationName: string | null): number[] | 'throws' {
  try {
    return estimateCosts(schema, parse(query), variables, operationName, context).filter((cost): cost is number => cost !== null);
  } catch {
    return 'throws';
  }
}

const CASES: Array<[string, string, Record<string, unknown>, string | null]> = [
  [
    'search with variables',
    'query S($q: String!, $first: Int) { search(query: $q, first: $first) { score node { __typename ... on Talk { title } ... on Speaker { name } } } }',
    { q: 'ebpf', first: 17 },
    null,
  ],
  [
    'text filter',
    'query T($text: String!, $first: Int) { talks(filter: { text: $text }, orderBy: RELEVANCE, first: $first) { totalCount nodes { title speakers { name } } } }',
    { text: 'cilium', first: 20 },
    null,
  ],
  ['default page size', '{ talks { nodes { title topics { name } } } }', {}, null],
  [
    'nested connections over the limit',
    'query ($n: Int) { talks(first: $n) { nodes { speakers { talks(first: $n) { nodes { title } } } } } }',
    { n: 500 },
    null,
  ],
  ['last and first', '{ talks(last: 30) { edges { cursor node { title } } } speakers(first: 7) { nodes { name } } }', {}, null],
  ['nodes(ids:) with ids that do not decode', 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a', 'b', 'c'] }, null],
  [
    'nodes(ids:)',
    'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    { ids: ['Talk:a', 'Speaker:b', 'Topic:c'].map((id) => Buffer.from(id).toString('base64')) },
    null,
  ],
  [
    'named and inline fragments',
    'query { talks(first: 12) { ...Page } } fragment Page on TalkConnection { nodes { ...T speakers { ... on Speaker { name } } } } fragment T on Talk { title }',
    {},
    null,
  ],
  ['skip and include count anyway', 'query ($yes: Boolean!) { talks(first: 40) @include(if: $yes) { nodes { title @skip(if: $yes) } } }', { yes: false }, null],
  ['the named operation only', 'query A { talks(first: 3) { nodes { title } } } query B { talks(first: 300) { nodes { title speakers { name } } } }', {}, 'B'],
  ['every operation without a name', 'query A { talks(first: 3) { nodes { title } } } query B { talks(first: 300) { nodes { title } } }', {}, null],
  ['unknown operation name', 'query A { talks(first: 3) { nodes { title } } }', {}, 'Nope'],
  ['variables that do not coerce', 'query ($n: Int) { talks(first: $n) { nodes { title } } }', { n: 'many' }, null],
  ['a missing required variable', 'query ($q: String!) { search(query: $q) { score } }', {}, null],
  [
    'one operation with bad variables among two',
    'query A($n: Int) { talks(first: $n) { totalCount } } query B { speakers(first: 9) { nodes { name } } }',
    { n: 'x' },
    null,
  ],
  ['an unknown field', '{ talks { nope } }', {}, null],
  ['a mutation the schema does not have', 'mutation { doIt }', {}, null],
  ['typename only', '{ __typename }', {}, null],
];

describe('estimateCosts gives the Pothos complexity rule’s costs', () => {
  for (const [name, query, variables, operationName] of CASES) {
    it(name, () => {
      const expected = ruleCosts(query, variables, operationName);
      expect(estimated(query, variables, operationName)).toEqual(expected);
    });
  }

  it('reports an operation it cannot estimate as null, and no operation for an unknown name', () => {
    const document = parse('query A($n: Int) { talks(first: $n) { totalCount } } query B { speakers(first: 9) { nodes { name } } }');
    expect(estimateCosts(schema, document, { n: 'x' }, null, context)).toEqual([null, expect.any(Number)]);
    expect(estimateCosts(schema, document, {}, 'C', context)).toEqual([]);
  });
});

describe('the cost limit through HTTP', () => {
  const yoga = createTalkGraphYoga({
    schema,
    graphs: new GraphHolder(graph),
    config: serverConfigFromEnv({ LOG_LEVEL: 'silent', MAX_COST: '100' }),
    responseCache: false,
  });
  const post = async (query: string, variables?: Record<string, unknown>, operationName?: string) => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query, variables, operationName }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> },
    };
  };

  it('refuses the first operation over the limit with its cost, and runs one under it', async () => {
    const query = 'query A { talks(first: 3) { nodes { title } } } query B { talks(first: 300) { nodes { title } } }';
    const over = await post(query, undefined, 'B');
    expect(over.status).toBe(400);
    expect(over.body.errors).toEqual([{ message: 'Query cost limit of 100 exceeded, found 601.', extensions: { code: 'QUERY_COST_EXCEEDED', limit: 100 } }]);
    const under = await post(query, undefined, 'A');
    expect(under.status).toBe(200);
    expect(under.body.errors).toBeUndefined();
  });

  it('leaves bad variables and unknown operation names to execution', async () => {
    const badVariables = await post('query ($n: Int) { talks(first: $n) { totalCount } }', { n: 'many' });
    expect(badVariables.body.errors?.[0]?.message).toMatch(/^Variable "\$n" got invalid value "many"/);
    const unknownName = await post('query A { talks(first: 3) { totalCount } }', undefined, 'Nope');
    expect(unknownName.body.errors?.[0]?.message).toBe('Could not determine what operation to execute.');
  });
});
