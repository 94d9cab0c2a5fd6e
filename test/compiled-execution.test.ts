import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { parse } from 'graphql';
import { CompiledOperations, recursiveInputTypes } from '../src/server/compiled-execution-plugin.ts';
import { createTalkGraphServer, createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { createParserCaches, documentBytes } from '../src/server/document-caches.ts';
import { wideDocument } from './support/wide-document.ts';
import { graphOf, seedSource } from './helpers.ts';
import { inventedSource } from './support/invented-post.ts';

const graph = graphOf([seedSource(), inventedSource()]);
// Compiled from the second run on.
const server = createTalkGraphServer({ schema, graphs: new GraphHolder(graph), responseCache: false, compiledOperations: { jitAfter: 1 } });
const compiled = server.yoga;
const stats = server.compiled!.stats;
const interpreted = createTalkGraphYoga({ schema, graphs: new GraphHolder(graph), responseCache: false, compiledExecution: false });

async function answer(yoga: typeof compiled, query: string, variables?: Record<string, unknown>) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return `${response.status} ${await response.text()}`;
}

/** The last field says whether graphql-jit runs it (false: it falls back to graphql-js). */
const CASES: Array<[string, string, Record<string, unknown> | undefined, boolean]> = [
  [
    'dashboard',
    '{ talks(first: 200) { totalCount pageInfo { hasNextPage endCursor } nodes { slug title kind day start end speakers { slug name } organizations { name } topics { name } } } }',
    undefined,
    true,
  ],
  [
    'a filtered page with variables',
    'query($o: [String!], $d: [Weekday!], $n: Int) { talks(filter: { organization: $o, day: $d }, first: $n) { totalCount edges { cursor node { title startsAt } } } }',
    { o: ['Isovalent'], d: ['FRIDAY'], n: 3 },
    true,
  ],
  [
    'a deep traversal',
    '{ organization(slug: "isovalent") { name speakers(first: 5) { nodes { name talks(first: 2) { nodes { title event { name parent { name } } topics { name parent { name } } } } } } } }',
    undefined,
    true,
  ],
  [
    'search, with a union',
    '{ search(query: "tetragon", first: 5) { score field snippet node { __typename ... on Talk { title } ... on Speaker { name } ... on Topic { name } } } }',
    undefined,
    true,
  ],
  ['a resolver error (page too large)', '{ talks(first: 1000) { totalCount } }', undefined, true],
  [
    'an error in a nested field, nulls propagated',
    '{ talks(first: 1) { nodes { title } } organization(slug: "isovalent") { talks(after: "bm9wZQ") { totalCount } } }',
    undefined,
    true,
  ],
  [
    'a recursive filter as a variable (falls back)',
    'query($f: TalkFilter) { talks(filter: $f) { totalCount } }',
    { f: { or: [{ day: ['FRIDAY'] }, { topic: ['tetragon'] }] } },
    false,
  ],
  ['a variable that does not coerce (falls back)', 'query($d: [Weekday!]) { talks(filter: { day: $d }) { totalCount } }', { d: ['FRYDAY'] }, false],
];

describe('compiled execution (graphql-jit)', () => {
  it.each(CASES)('answers %s exactly as graphql-js does', async (_name, query, variables, jitRuns) => {
    const expected = await answer(interpreted, query, variables);
    const before = stats.compiledRuns;
    // The first run is graphql-js'.
    expect(await answer(compiled, query, variables)).toBe(expected);
    expect(stats.compiledRuns).toBe(before);
    // The second compiles and runs the compiled code (a resolver error: then graphql-js answers it again).
    expect(await answer(compiled, query, variables)).toBe(expected);
    expect(await answer(compiled, query, variables)).toBe(expected);
    expect(stats.compiledRuns).toBe(before + (jitRuns ? 2 : 0));
  });

  it('compiles an operation only after it has run jitAfter times, once', async () => {
    const server = createTalkGraphServer({
      schema,
      graphs: new GraphHolder(graph),
      responseCache: false,
      compiledOperations: { jitAfter: 3 },
    });
    const query = '{ talks(first: 3) { nodes { title speakers { name } } } }';
    for (let run = 1; run <= 3; run++) await answer(server.yoga, query);
    expect(server.compiled!.stats).toEqual({ compilations: 0, compiledRuns: 0 });
    for (let run = 4; run <= 6; run++) await answer(server.yoga, query);
    expect(server.compiled!.stats).toEqual({ compilations: 1, compiledRuns: 3 });
  });

  it('never compiles a flood of distinct query texts run once each (the default: after 10 runs)', async () => {
    const server = createTalkGraphServer({ schema, graphs: new GraphHolder(graph), responseCache: false });
    for (let n = 0; n < 12; n++) expect(JSON.parse((await answer(server.yoga, wideDocument(n))).slice(4)).errors).toBeUndefined();
    expect(server.compiled!.stats.compilations).toBe(0);
  });

  it('keeps compilations within a byte budget, counted at the size of the generated code', () => {
    const operations = new CompiledOperations(schema, { jitAfter: 0, maxBytes: 20_000_000 });
    const documents = Array.from({ length: 12 }, (_, n) => parse(wideDocument(n)));
    for (const document of documents) expect(operations.get(document, null)).not.toBeNull();
    expect(operations.stats.compilations).toBe(12);
    // Each wide document generates about 0.8 million characters of code, counted at 5 bytes each:
    // about 4 MB, so the 20 MB budget holds 4 of them; the rest were evicted.
    expect(operations.bytes()).toBeLessThanOrEqual(20_000_000);
    expect(operations.bytes()).toBeGreaterThan(12_000_000);
    // A compilation over a quarter of the budget is not kept: that operation stays with graphql-js.
    const small = new CompiledOperations(schema, { jitAfter: 0, maxBytes: 8_000_000 });
    expect(small.get(documents[0]!, null)).toBeNull();
    expect(small.bytes()).toBe(0);
  });

  it('keeps a parsed document from the second time its text is parsed', () => {
    const { documentCache } = createParserCaches();
    const text = wideDocument(1);
    documentCache.set(text, parse(text));
    expect(documentCache.get(text)).toBeUndefined();
    documentCache.set(text, parse(text));
    expect(documentCache.get(text)?.kind).toBe('Document');
  });

  it('bounds parsed documents in bytes, query texts included', () => {
    const { documentCache } = createParserCaches({ documentBytes: 1_000_000 });
    for (let n = 0; n < 100; n++) for (let sighting = 0; sighting < 2; sighting++) documentCache.set(wideDocument(n), parse(wideDocument(n)));
    expect(documentCache.calculatedSize).toBeLessThanOrEqual(1_000_000);
    expect(documentCache.size).toBe(Math.floor(1_000_000 / documentBytes(wideDocument(50))));
  });

  it('finds the recursive input types it must leave to graphql-js', () => {
    expect([...recursiveInputTypes(schema)]).toEqual(['TalkFilter']);
  });
});
