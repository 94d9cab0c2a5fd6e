import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { getOperationAST, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BENCH_QUERIES } from './support/bench-queries.ts';
import { EXAMPLE_BLOCK, exampleFiles } from './support/readme-blocks.ts';
import { createContext } from '../src/schema/context.ts';
import { schema } from '../src/schema/index.ts';
import { costUpperBound } from '../src/server/cost-bound.ts';
import { estimateCosts } from '../src/server/cost-limit-plugin.ts';
import { EXAMPLE_QUERIES } from '../src/server/example-queries.ts';
import { graphOf, seedSource } from './helpers.ts';

// The cost limit skips its per-request estimate when a document's bound over all variables is
// within the limit. These tests hold the bound to Pothos' estimate: equal where no variable can
// change the cost, never below it where one can.
const graph = graphOf([seedSource()]);
const context = createContext(graph);

function boundsOf(query: string): number[] {
  const document = parse(query);
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => costUpperBound(schema, document, operation));
}

const exactCosts = (query: string, variables: Record<string, unknown> = {}) => estimateCosts(schema, parse(query), variables, null, context);

const readmeQueries = exampleFiles().flatMap((file) => [...readFileSync(file.path, 'utf8').matchAll(EXAMPLE_BLOCK)].map((match) => match[1]!));

const WITHOUT_VARIABLES = [
  ...readmeQueries,
  ...EXAMPLE_QUERIES.map((example) => example.query),
  '{ talks { nodes { title topics { name } } } }',
  '{ talks(last: 30) { edges { cursor node { title } } } speakers(first: 7) { nodes { name } } }',
  '{ nodes(ids: ["VGFsazph", "U3BlYWtlcjpi"]) { id ... on Talk { title speakers { name } } } }',
  'query { talks(first: 12) { ...Page } } fragment Page on TalkConnection { nodes { ...T speakers { ... on Speaker { name } } } } fragment T on Talk { title }',
  'query A { talks(first: 3) { nodes { title } } } query B { talks(first: 300) { nodes { title speakers { name } } } }',
  '{ search(query: "ebpf", first: 5) { score node { __typename ... on Talk { title } ... on Speaker { name } } } }',
  '{ __typename talks(first: 0) { totalCount } }',
];

describe('costUpperBound', () => {
  it.each(WITHOUT_VARIABLES.map((query) => [query.slice(0, 70).replace(/\s+/g, ' '), query]))(
    'equals the estimate when no variable is used: %s',
    (_name, query) => {
      expect(boundsOf(query)).toEqual(exactCosts(query));
    },
  );

  it('is never below the estimate of any variables, for the benchmark queries', () => {
    for (const bench of BENCH_QUERIES) {
      const document = parse(bench.query);
      const bound = costUpperBound(schema, document, getOperationAST(document)!);
      expect(bound, bench.name).toBeLessThan(Number.POSITIVE_INFINITY);
      for (const variables of [bench.variables, ...bench.variedPool(graph, 300, 7)])
        expect(exactCosts(bench.query, variables)[0], bench.name).toBeLessThanOrEqual(bound);
    }
  });

  it('is never below the estimate whatever page sizes the variables ask for', () => {
    const query = `query ($a: Int, $b: Int, $c: Int, $skip: Boolean!) {
      talks(first: $a, last: $b) { nodes { title speakers { name talks(first: $c) @skip(if: $skip) { nodes { title topics { name } } } } } }
      organizations(first: $c) { totalCount nodes { name } }
    }`;
    const [bound] = boundsOf(query);
    const size = fc.option(fc.integer({ min: -5, max: 2000 }), { nil: null });
    fc.assert(
      fc.property(size, size, size, fc.boolean(), (a, b, c, skip) => {
        const [cost] = exactCosts(query, { a, b, c, skip });
        expect(cost).not.toBeNull();
        expect(cost!).toBeLessThanOrEqual(bound!);
      }),
    );
    // The bound is reached: every page at its largest.
    expect(exactCosts(query, { a: 500, b: 500, c: 500, skip: false })).toEqual([bound]);
  });

  it('has no bound for a list of ids from a variable, and counts a literal list', () => {
    expect(boundsOf('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }')).toEqual([Number.POSITIVE_INFINITY]);
    expect(boundsOf('query ($a: ID!) { nodes(ids: [$a, $a, $a]) { id } }')).toEqual([Number.POSITIVE_INFINITY]);
    const literal = '{ nodes(ids: ["VGFsazph", "VGFsazph", "U3BlYWtlcjpi"]) { id } }';
    expect(boundsOf(literal)).toEqual([4]); // the field, and 1 per id
    expect(boundsOf(literal)).toEqual(exactCosts(literal));
  });

  it('walks a fragment spread many times over once, as the estimate does', () => {
    // 4 levels of 300 spreads: 8.1 billion paths if each spread were walked anew (a few KB of text).
    const spreads = (name: string) => Array.from({ length: 300 }, () => `...${name}`).join(' ');
    const query = `query { ...F0 } fragment F0 on Query { ${spreads('F1')} } fragment F1 on Query { ${spreads('F2')} } fragment F2 on Query { ${spreads('F3')} } fragment F3 on Query { ${spreads('F4')} } fragment F4 on Query { __typename }`;
    expect(boundsOf(query)).toEqual(exactCosts(query));
  });

  it('has no bound for an operation the schema has no root for', () => {
    expect(boundsOf('mutation { doIt }')).toEqual([Number.POSITIVE_INFINITY]);
  });
});
