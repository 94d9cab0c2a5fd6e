import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import type { KnowledgeGraph } from '../src/graph/knowledge-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { ResponseCache } from '../src/server/response-cache.ts';
import { CSRF_HEADER } from '../src/server/security-plugins.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';
import { inventedSource } from './support/invented-post.ts';

const seedGraph = graphOf([seedSource()]);
/** Another graph: the seed post and a post written for the tests. */
const largerGraph = graphOf([seedSource(), inventedSource()]);

/** Counts every entity lookup the schema makes, so a test can tell an executed answer from a cached one. */
function countingGraph(graph: KnowledgeGraph): { graph: KnowledgeGraph; lookups: () => number } {
  let count = 0;
  const proxy = new Proxy(graph, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        count++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { graph: proxy, lookups: () => count };
}

const QUERY = 'query Talks($first: Int) { talks(first: $first) { totalCount nodes { title speakers { name } } } }';

function serve(graph: KnowledgeGraph, cache = new ResponseCache()) {
  const graphs = new GraphHolder(graph);
  return { graphs, cache, yoga: createTalkGraphYoga({ schema, graphs, responseCache: cache }) };
}

async function post(yoga: ReturnType<typeof serve>['yoga'], body: unknown, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, cache: response.headers.get('x-cache'), requestId: response.headers.get('x-request-id'), text: await response.text() };
}

describe('response cache', () => {
  it('answers a repeated query with the same bytes without executing it again', async () => {
    const counted = countingGraph(seedGraph);
    const { yoga, cache } = serve(counted.graph);
    const first = await post(yoga, { query: QUERY, variables: { first: 5 } });
    expect(first.status).toBe(200);
    expect(first.cache).toBe('MISS');
    expect(JSON.parse(first.text).data.talks.nodes).toHaveLength(5);

    const lookupsAfterFirst = counted.lookups();
    const second = await post(yoga, { variables: { first: 5 }, query: QUERY });
    expect(second.cache).toBe('HIT');
    expect(second.text).toBe(first.text);
    expect(counted.lookups()).toBe(lookupsAfterFirst);
    // The response hooks still run on a cached answer: each gets its own request id.
    expect(second.requestId).toBeTruthy();
    expect(second.requestId).not.toBe(first.requestId);
    // Asked for again, the answer is kept under the request's bytes too (for the early lookup).
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 2 });
  });

  it('answers a byte-identical repeat by its bytes, before the request is parsed', async () => {
    const { yoga, cache } = serve(seedGraph);
    const body = { query: QUERY, variables: { first: 2 } };
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await post(yoga, body));
    expect(answers.map((a) => a.cache)).toEqual(['MISS', 'HIT', 'HIT']);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    // One miss: the early lookup's misses are not counted, as the lookup by parameters follows.
    expect(cache.stats()).toMatchObject({ hits: 2, misses: 1, entries: 2 });
  });

  it('keeps the CSRF header and the content type in the early key: a request without them is checked anew', async () => {
    const graphs = new GraphHolder(seedGraph);
    const yoga = createTalkGraphYoga({ schema, graphs, config: serverConfigFromEnv({ CSRF_PREVENTION: 'all' }) });
    const url = `http://localhost/graphql?query=${encodeURIComponent('{ talks(first: 1) { totalCount } }')}`;
    const get = (headers: Record<string, string>) => yoga.fetch(url, { headers: { accept: 'application/json', ...headers } });
    const withHeader = [];
    for (let i = 0; i < 3; i++) withHeader.push((await get({ [CSRF_HEADER]: '1' })).headers.get('x-cache'));
    expect(withHeader).toEqual(['MISS', 'HIT', 'HIT']);
    const without = await get({});
    expect(without.status).toBe(403);
    expect(without.headers.get('x-cache')).toBeNull();
  });

  it('leaves a body that fails to arrive to the request parser: the same 400 as without the cache', async () => {
    const failingBody = () => {
      let pulls = 0;
      return new ReadableStream({
        pull(controller) {
          if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"query":'));
          else controller.error(new Error('the client went away'));
        },
      });
    };
    const answers = [];
    for (const responseCache of [undefined, false] as const) {
      const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(seedGraph), responseCache });
      const init = { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '40' }, body: failingBody(), duplex: 'half' };
      const response = await yoga.fetch('http://localhost/graphql', init as RequestInit);
      answers.push({ status: response.status, body: await response.text() });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.status).toBe(400);
  });

  it('reads a body sent in chunks (no Content-Length) once, for the early lookup and the parser', async () => {
    const { yoga } = serve(seedGraph);
    const send = () => {
      const bytes = new TextEncoder().encode(JSON.stringify({ query: QUERY, variables: { first: 3 } }));
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(bytes.slice(0, 10));
          controller.enqueue(bytes.slice(10));
          controller.close();
        },
      });
      return yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    };
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const response = await send();
      answers.push({ status: response.status, cache: response.headers.get('x-cache'), text: await response.text() });
    }
    expect(answers.map((a) => [a.status, a.cache])).toEqual([
      [200, 'MISS'],
      [200, 'HIT'],
      [200, 'HIT'],
    ]);
    expect(JSON.parse(answers[0]!.text).data.talks.nodes).toHaveLength(3);
  });

  it('keys by variables and operation: other values execute anew', async () => {
    const { yoga } = serve(seedGraph);
    await post(yoga, { query: QUERY, variables: { first: 5 } });
    const other = await post(yoga, { query: QUERY, variables: { first: 6 } });
    expect(other.cache).toBe('MISS');
    expect(JSON.parse(other.text).data.talks.nodes).toHaveLength(6);
    const otherOperation = await post(yoga, { query: '{ talks(first: 5) { totalCount } }' });
    expect(otherOperation.cache).toBe('MISS');
  });

  it('serves GET and POST of the same operation from one entry', async () => {
    const { yoga } = serve(seedGraph);
    const viaPost = await post(yoga, { query: QUERY, variables: { first: 2 } });
    const url = `http://localhost/graphql?query=${encodeURIComponent(QUERY)}&variables=${encodeURIComponent(JSON.stringify({ first: 2 }))}`;
    const viaGet = await yoga.fetch(url, { headers: { accept: 'application/graphql-response+json' } });
    expect(viaGet.headers.get('x-cache')).toBe('HIT');
    expect(await viaGet.text()).toBe(viaPost.text);
  });

  it('is invalidated exactly by graphs.swap(): the next answer comes from the new graph', async () => {
    const { yoga, graphs } = serve(seedGraph);
    const before = await post(yoga, { query: QUERY, variables: { first: 1 } });
    expect(JSON.parse(before.text).data.talks.totalCount).toBe(seedGraph.allTalks().length);
    expect((await post(yoga, { query: QUERY, variables: { first: 1 } })).cache).toBe('HIT');

    graphs.swap(largerGraph);
    const after = await post(yoga, { query: QUERY, variables: { first: 1 } });
    expect(after.cache).toBe('MISS');
    expect(JSON.parse(after.text).data.talks.totalCount).toBe(largerGraph.allTalks().length);
    expect(largerGraph.allTalks().length).toBeGreaterThan(seedGraph.allTalks().length);
    expect((await post(yoga, { query: QUERY, variables: { first: 1 } })).text).toBe(after.text);
  });

  it('never keeps answers with errors', async () => {
    const { yoga, cache } = serve(seedGraph);
    const bad = { query: '{ talks(filter: { organization: ["No Such Org"] }, strict: true) { totalCount } }' };
    const first = await post(yoga, bad);
    expect(JSON.parse(first.text).errors[0].extensions.code).toBe('UNKNOWN_FILTER_VALUE');
    expect((await post(yoga, bad)).cache).toBe('MISS');
    expect(cache.stats().entries).toBe(0);
  });

  it('executes anew on Cache-Control: no-cache and stores nothing on no-store', async () => {
    const counted = countingGraph(seedGraph);
    const { yoga, cache } = serve(counted.graph);
    await post(yoga, { query: QUERY, variables: { first: 3 } });
    const lookups = counted.lookups();
    const fresh = await post(yoga, { query: QUERY, variables: { first: 3 } }, { 'cache-control': 'no-cache' });
    expect(fresh.cache).toBe('BYPASS');
    expect(counted.lookups()).toBeGreaterThan(lookups);
    await post(yoga, { query: QUERY, variables: { first: 4 } }, { 'cache-control': 'no-store' });
    expect((await post(yoga, { query: QUERY, variables: { first: 4 } })).cache).toBe('MISS');
    expect(cache.stats().entries).toBe(2);
  });

  it('can be turned off', async () => {
    const yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(seedGraph), responseCache: false });
    await post(yoga, { query: QUERY });
    expect((await post(yoga, { query: QUERY })).cache).toBeNull();
  });
});

describe('ResponseCache', () => {
  const entry = (bytes: number) => ({ body: Buffer.alloc(bytes), status: 200, contentType: 'application/json', operationName: null });
  /** As the plugin does: looked up (a miss, counted for admission), then stored. */
  const missThenStore = (cache: ResponseCache, key: string, bytes = 10) => {
    expect(cache.get('v1', key)).toBeUndefined();
    cache.set('v1', key, entry(bytes));
  };

  it('evicts the least recently used entry when full', () => {
    const cache = new ResponseCache({ maxEntries: 2 });
    missThenStore(cache, 'a');
    missThenStore(cache, 'b');
    expect(cache.get('v1', 'a')).toBeDefined(); // a is now the most recent
    missThenStore(cache, 'c'); // asked once, as often as b: kept only once asked again
    expect(cache.stats()).toMatchObject({ entries: 2, refused: 1 });
    missThenStore(cache, 'c');
    expect(cache.get('v1', 'b')).toBeUndefined();
    expect(cache.get('v1', 'a')).toBeDefined();
    expect(cache.get('v1', 'c')).toBeDefined();
  });

  it('keeps bodies and keys within the byte budget and skips entries over an eighth of it', () => {
    const cache = new ResponseCache({ maxBytes: 8000 });
    cache.set('v1', 'big', entry(1000));
    expect(cache.stats().entries).toBe(0);
    // 934 body bytes + a one-character key (2 bytes) + 64 bytes of bookkeeping = 1000.
    for (const key of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) missThenStore(cache, key, 934);
    expect(cache.stats()).toMatchObject({ entries: 8, bytes: 8000 });
    expect(cache.get('v1', 'i')).toBeUndefined();
    missThenStore(cache, 'i', 934); // asked for twice: worth more than a, asked for once
    expect(cache.stats()).toMatchObject({ entries: 8, bytes: 8000 });
    expect(cache.get('v1', 'a')).toBeUndefined();
  });

  it('counts keys in the byte budget', () => {
    const cache = new ResponseCache({ maxBytes: 100_000 });
    // Tiny bodies under long keys (a long query text and its variables): the keys are what fills the budget.
    for (let i = 0; i < 100; i++) cache.set('v1', `${i}`.padEnd(5000, 'x'), entry(1));
    expect(cache.stats().bytes).toBeLessThanOrEqual(100_000);
    expect(cache.stats().entries).toBe(Math.floor(100_000 / (1 + 5000 * 2 + 64)));
  });

  it('keeps answers asked for again when a flood of one-off answers arrives, and stores none of the flood once full', () => {
    const cache = new ResponseCache({ maxEntries: 100 });
    for (let i = 0; i < 10; i++) missThenStore(cache, `hot${i}`);
    for (let i = 0; i < 10; i++) expect(cache.get('v1', `hot${i}`)).toBeDefined();
    for (let i = 0; i < 5000; i++) missThenStore(cache, `once${i}`);
    for (let i = 0; i < 10; i++) expect(cache.get('v1', `hot${i}`)).toBeDefined();
    expect(cache.stats()).toMatchObject({ entries: 100, protectedEntries: 10 });
    // Most of the flood is refused instead of stored and evicted unread. Not all: each time the counts
    // are halved (every 1,000 lookups here) the one-offs held drop to 0, and a fresh one-off (1) may replace one.
    expect(cache.stats().refused).toBeGreaterThan(4000);
  });

  it('keeps a stable part of a cycle larger than itself, where an LRU would keep none', () => {
    const cache = new ResponseCache({ maxEntries: 100 });
    let hits = 0;
    for (let round = 0; round < 10; round++)
      for (let i = 0; i < 400; i++) {
        if (cache.get('v1', `variables ${i}`)) hits++;
        else cache.set('v1', `variables ${i}`, entry(10));
      }
    // An LRU evicts each answer 100 requests before its turn comes again: 0 hits. Here most of the 100
    // kept after the first round answer every time their turn comes (at most 9 rounds × 100).
    expect(hits).toBeGreaterThan(800);
  });

  it('lets a newly popular answer in once it is asked for more often than the least recent entry', () => {
    const cache = new ResponseCache({ maxEntries: 10 });
    for (let i = 0; i < 10; i++) missThenStore(cache, `old${i}`);
    for (let asked = 1; asked <= 2; asked++) missThenStore(cache, 'new');
    expect(cache.get('v1', 'new')).toBeDefined();
    expect(cache.get('v1', 'old0')).toBeUndefined();
  });

  it('empties itself when asked under another graph version', () => {
    const cache = new ResponseCache();
    cache.set('v1', 'a', entry(10));
    expect(cache.get('v2', 'a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0, version: 'v2' });
  });
});
