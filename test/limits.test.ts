import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { EXAMPLE_QUERIES } from '../src/server/example-queries.ts';
import { DEFAULT_LIMITS, serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// Abuse limits and production switches, through yoga.fetch, on the seed post.
const graph = graphOf([seedSource()]);

function yogaWith(env: Record<string, string> = {}, graphs = new GraphHolder(graph)): TalkGraphYoga {
  return createTalkGraphYoga({ schema, graphs, config: serverConfigFromEnv({ LOG_LEVEL: 'silent', ...env }) });
}

const devYoga = yogaWith({ NODE_ENV: 'development' });
const prodYoga = yogaWith({ NODE_ENV: 'production' });

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function send(yoga: TalkGraphYoga, init: RequestInit & { duplex?: 'half' }, path = '/graphql'): Promise<Answer> {
  const response = await yoga.fetch(`http://localhost${path}`, init);
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

function post(yoga: TalkGraphYoga, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  return send(yoga, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
}

/** The single error of a rejected request, which must carry `code` and mention `limit`. */
function rejection(answer: Answer, code: string, limit: number): { message: string } {
  expect(answer.body.data ?? null).toBeNull();
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect(error!.extensions?.code).toBe(code);
  expect(error!.message).toContain(String(limit));
  return error!;
}

const USEFUL_QUERY = '{ talks(first: 50) { nodes { title speakers { name organizations { name } } topics { name } event { name } } } }';

describe('attack queries are refused with a code and the limit', () => {
  it('100 aliases', async () => {
    const fields = Array.from({ length: 100 }, (_, i) => `t${i}: talks(first: 1) { totalCount }`).join(' ');
    const answer = await post(devYoga, `{ ${fields} }`);
    expect(answer.status).toBe(400);
    expect(rejection(answer, 'ALIASES_EXCEEDED', DEFAULT_LIMITS.maxAliases).message).toBe('Aliases limit of 15 exceeded, found 100.');
  });

  it('depth 20', async () => {
    let selection = 'title';
    for (let level = 0; level < 6; level++) selection = `speakers { talks { nodes { ${selection} } } }`;
    const query = `{ talks { nodes { ${selection} } } }`;
    const answer = await post(devYoga, query);
    expect(answer.status).toBe(400);
    expect(rejection(answer, 'QUERY_DEPTH_EXCEEDED', DEFAULT_LIMITS.maxDepth).message).toBe('Query depth limit of 10 exceeded, found 21.');
  });

  it('a 5 MB body with content-length: 413 before it is read', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(5_000_000) } });
    const answer = await send(devYoga, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(answer.status).toBe(413);
    expect(rejection(answer, 'REQUEST_ENTITY_TOO_LARGE', DEFAULT_LIMITS.maxBodyBytes).message).toBe('Request body limit of 100000 bytes exceeded.');
  });

  it('a 5 MB chunked body without content-length: 413 after reading no more than the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode(' '.repeat(50_000));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 100) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const answer = await send(devYoga, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' });
    expect(answer.status).toBe(413);
    rejection(answer, 'REQUEST_ENTITY_TOO_LARGE', DEFAULT_LIMITS.maxBodyBytes);
    expect(pulled).toBeLessThanOrEqual(5); // 100 kB limit = 2 chunks of 50 kB, plus the stream's read-ahead
  });

  it('a 10,000-token document', async () => {
    const query = `{ __typename ${'@a '.repeat(5_000)}}`; // 2 tokens per "@a"; 15 kB, under the length limit
    const answer = await post(devYoga, query);
    expect(answer.status).toBe(400);
    expect(rejection(answer, 'TOKENS_EXCEEDED', DEFAULT_LIMITS.maxTokens).message).toBe('Token limit of 2000 exceeded.');
  });

  it('a document longer than the length limit, refused before parsing', async () => {
    const query = `{ __typename } # ${'x'.repeat(30_000)}`;
    const answer = await post(devYoga, query);
    expect(answer.status).toBe(400);
    expect(rejection(answer, 'DOCUMENT_TOO_LARGE', DEFAULT_LIMITS.maxDocumentChars).message).toContain(`found ${query.length}`);
  });

  it('too many directives', async () => {
    const query = `{ ${'... on Query @include(if: true) { __typename } '.repeat(30)}}`;
    const answer = await post(devYoga, query);
    expect(answer.status).toBe(400);
    expect(rejection(answer, 'DIRECTIVES_EXCEEDED', DEFAULT_LIMITS.maxDirectives).message).toBe('Directives limit of 20 exceeded, found 30.');
  });

  it('first: 1000000 on a connection', async () => {
    const answer = await post(devYoga, '{ talks(first: 1000000) { nodes { title } } }');
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
    expect(answer.body.errors?.[0]?.message).toBe('"first" is 1000000, but a page holds at most 500 items.');
    expect(answer.body.data).toBeNull();
  });

  it('nested connections whose page sizes multiply past the cost limit, also when the size is a variable', async () => {
    const literal = await post(devYoga, '{ talks(first: 500) { nodes { speakers { talks(first: 500) { nodes { title } } } } } }');
    expect(literal.status).toBe(400);
    expect(rejection(literal, 'QUERY_COST_EXCEEDED', DEFAULT_LIMITS.maxCost).message).toMatch(/^Query cost limit of 25000 exceeded, found \d+\.$/);

    const query = 'query ($n: Int) { talks(first: $n) { nodes { speakers { talks(first: $n) { nodes { title } } } } } }';
    rejection(await post(devYoga, query, { n: 500 }), 'QUERY_COST_EXCEEDED', DEFAULT_LIMITS.maxCost);
    const small = await post(devYoga, query, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data.talks.nodes).toHaveLength(5);
  });

  it('batched requests (JSON arrays) are not accepted', async () => {
    const answer = await send(devYoga, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toBe('Batching is not supported.');
  });
});

describe('useful queries still pass', () => {
  for (const [label, yoga] of [
    ['development', devYoga],
    ['production', prodYoga],
  ] as const) {
    it(`the deep-ish dashboard query and the GraphiQL examples (${label})`, async () => {
      const useful = await post(yoga, USEFUL_QUERY);
      expect(useful.body.errors).toBeUndefined();
      expect(useful.body.data.talks.nodes).toHaveLength(16);
      for (const example of EXAMPLE_QUERIES) {
        const answer = await post(yoga, example.query);
        expect({ title: example.title, errors: answer.body.errors }).toEqual({ title: example.title, errors: undefined });
      }
    });
  }

  it('a whole 500-talk page with speakers, organizations, topics and event fits the cost limit', async () => {
    const answer = await post(devYoga, USEFUL_QUERY.replace('first: 50', 'first: 500'));
    expect(answer.body.errors).toBeUndefined();
  });
});

describe('limits are configurable from the environment', () => {
  it('MAX_DEPTH and MAX_ALIASES override the defaults', async () => {
    const strict = yogaWith({ MAX_DEPTH: '3', MAX_ALIASES: '1' });
    rejection(await post(strict, '{ talks { nodes { speakers { name } } } }'), 'QUERY_DEPTH_EXCEEDED', 3);
    rejection(await post(strict, '{ a: talks { totalCount } b: talks { totalCount } }'), 'ALIASES_EXCEEDED', 1);
    expect((await post(strict, '{ talks { nodes { title } } }')).body.errors).toBeUndefined();
  });

  it('a malformed value stops the start instead of being ignored', () => {
    expect(() => serverConfigFromEnv({ MAX_COST: 'lots' })).toThrow('MAX_COST must be a positive integer, got "lots".');
    expect(() => serverConfigFromEnv({ INTROSPECTION: 'maybe' })).toThrow(/INTROSPECTION must be one of on, restricted, off/);
  });
});

describe('production switches', () => {
  it('NODE_ENV=production: introspection restricted, GraphiQL and field suggestions off', () => {
    expect(serverConfigFromEnv({ NODE_ENV: 'production' })).toMatchObject({
      introspection: 'restricted',
      graphiql: false,
      fieldSuggestions: false,
      csrfPrevention: 'post',
    });
    expect(serverConfigFromEnv({ NODE_ENV: 'development' })).toMatchObject({
      introspection: 'on',
      graphiql: true,
      fieldSuggestions: true,
      csrfPrevention: 'post',
    });
  });

  it('refuses the __schema dump in production and answers it in development', async () => {
    const query = '{ __schema { queryType { name } } }';
    const refused = await post(prodYoga, query);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
    expect((await post(devYoga, query)).body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    // __type and __typename stay: the GraphQL-over-HTTP audit needs them.
    expect((await post(prodYoga, '{ __typename __type(name: "Talk") { name } }')).body.data).toEqual({ __typename: 'Query', __type: { name: 'Talk' } });
    const off = await post(yogaWith({ INTROSPECTION: 'off' }), '{ __type(name: "Talk") { name } }');
    expect(off.body.errors?.[0]?.extensions?.code).toBe('INTROSPECTION_DISABLED');
  });

  it('serves GraphiQL to browsers only in development', async () => {
    const browser = { headers: { accept: 'text/html' } };
    const dev = await devYoga.fetch('http://localhost/graphql', browser);
    expect(dev.headers.get('content-type')).toContain('text/html');
    expect(await dev.text()).toContain('Talk Graph');
    const prod = await prodYoga.fetch('http://localhost/graphql', browser);
    expect(prod.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(await prod.text()).not.toContain('<html');
  });

  it('hides field suggestions in production', async () => {
    const dev = await post(devYoga, '{ talkz { title } }');
    expect(dev.body.errors?.[0]?.message).toMatch(/^Cannot query field "talkz" on type "Query"\. Did you mean "talk"/);
    const prod = await post(prodYoga, '{ talkz { title } }');
    expect(prod.body.errors?.[0]?.message).toBe('Cannot query field "talkz" on type "Query". [Suggestion hidden]');
  });
});

describe('error masking', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('answers an unexpected failure without its message or stack, even with NODE_ENV=development', async () => {
    vi.stubEnv('NODE_ENV', 'development'); // Yoga's own default would add originalError with the stack
    const notLoaded = yogaWith({ NODE_ENV: 'development' }, new GraphHolder(null));
    const answer = await post(notLoaded, '{ talks { totalCount } }');
    expect(answer.status).toBeLessThan(600);
    const text = JSON.stringify(answer.body);
    expect(answer.body.errors?.[0]?.message).toBe('Unexpected error.');
    expect(text).not.toContain('not loaded');
    expect(text).not.toMatch(/stack|originalError|\.ts:\d+/);
  });
});

describe('CSRF prevention', () => {
  const simplePost = (yoga: TalkGraphYoga, headers: Record<string, string>) =>
    send(yoga, { method: 'POST', headers: { 'content-type': 'text/plain', ...headers }, body: JSON.stringify({ query: '{ __typename }' }) });

  it('refuses a POST a browser would send without preflight (text/plain) unless it carries the header', async () => {
    const refused = await simplePost(devYoga, {});
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CSRF_HEADER_REQUIRED');
    const allowed = await simplePost(devYoga, { 'x-graphql-yoga-csrf': '1' });
    expect(allowed.status).not.toBe(403);
  });

  it('leaves JSON POSTs (GraphiQL, clients) and plain GETs (dashboards, caches) alone by default', async () => {
    expect((await post(devYoga, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    const get = await send(devYoga, { method: 'GET' }, '/graphql?query=%7B__typename%7D');
    expect(get).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('CSRF_PREVENTION=all also requires the header on GET', async () => {
    const strict = yogaWith({ CSRF_PREVENTION: 'all' });
    const refused = await send(strict, { method: 'GET' }, '/graphql?query=%7B__typename%7D');
    expect(refused.status).toBe(403);
    const allowed = await send(strict, { method: 'GET', headers: { 'x-graphql-yoga-csrf': '1' } }, '/graphql?query=%7B__typename%7D');
    expect(allowed.body.data).toEqual({ __typename: 'Query' });
  });
});
