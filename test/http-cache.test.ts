import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { parseCorsOrigins } from '../src/server/cors-policy.ts';
import { createTalkGraphYoga, type YogaOptions } from '../src/server/create-talk-graph-server.ts';
import { ifNoneMatchHits, parseCacheMaxAge } from '../src/server/http-cache-plugin.ts';
import { graphOf, seedSource } from './helpers.ts';
import { inventedSource } from './support/invented-post.ts';

const seedGraph = graphOf([seedSource()]);
/** Another graph: the seed post and a post written for the tests. */
const largerGraph = graphOf([seedSource(), inventedSource()]);

function serve(options: Partial<YogaOptions> = {}) {
  const graphs = new GraphHolder(seedGraph);
  return { graphs, yoga: createTalkGraphYoga({ schema, graphs, ...options }) };
}

const QUERY = '{ talks(first: 2) { totalCount edges { node { title } } } }';
const queryUrl = (query = QUERY) => `http://localhost/graphql?query=${encodeURIComponent(query)}`;
const ACCEPT = { accept: 'application/graphql-response+json' };

describe('ETag and Cache-Control on GET', () => {
  it('gives a GET query a strong ETag and Cache-Control, and 304 with an empty body on If-None-Match', async () => {
    const { yoga } = serve();
    const first = await yoga.fetch(queryUrl(), { headers: ACCEPT });
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.headers.get('vary')).toMatch(/Accept/);
    expect(((await first.json()) as { data: { talks: { totalCount: number } } }).data.talks.totalCount).toBe(16);

    const again = await yoga.fetch(queryUrl(), { headers: { ...ACCEPT, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=60');

    const weak = await yoga.fetch(queryUrl(), { headers: { ...ACCEPT, 'if-none-match': `"other", W/${etag}` } });
    expect(weak.status).toBe(304);
  });

  it('answers 200 with the body when If-None-Match names another tag or another query', async () => {
    const { yoga } = serve();
    const etag = (await yoga.fetch(queryUrl(), { headers: ACCEPT })).headers.get('etag')!;
    const otherQuery = await yoga.fetch(queryUrl('{ talks(first: 3) { totalCount } }'), { headers: { ...ACCEPT, 'if-none-match': etag } });
    expect(otherQuery.status).toBe(200);
    expect(otherQuery.headers.get('etag')).not.toBe(etag);
    const stale = await yoga.fetch(queryUrl(), { headers: { ...ACCEPT, 'if-none-match': '"not-it"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(etag);
  });

  it('changes the ETag when the graph is swapped, and then answers the old tag with 200', async () => {
    const { yoga, graphs } = serve();
    const before = (await yoga.fetch(queryUrl(), { headers: ACCEPT })).headers.get('etag')!;
    expect(largerGraph.version).not.toBe(seedGraph.version);
    graphs.swap(largerGraph);
    const after = await yoga.fetch(queryUrl(), { headers: { ...ACCEPT, 'if-none-match': before } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(after.headers.get('etag')).not.toBe(before);
    graphs.swap(seedGraph);
    expect((await yoga.fetch(queryUrl(), { headers: { ...ACCEPT, 'if-none-match': before } })).status).toBe(304);
  });

  it('leaves POST answers and failed GETs without ETag caching', async () => {
    const { yoga } = serve();
    const etag = (await yoga.fetch(queryUrl(), { headers: ACCEPT })).headers.get('etag')!;
    const post = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { ...ACCEPT, 'content-type': 'application/json', 'if-none-match': etag },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('etag')).toBeNull();
    expect(post.headers.get('cache-control')).toBeNull();

    const invalid = await yoga.fetch(queryUrl('{ talks { nope } }'), { headers: ACCEPT });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('etag')).toBeNull();
  });

  it('gives the calendar an ETag and a 304 too', async () => {
    const { yoga } = serve();
    const url = 'http://localhost/calendar.ics?organization=isovalent&day=FRIDAY';
    const first = await yoga.fetch(url);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const again = await yoga.fetch(url, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('takes max-age from the cacheMaxAge option (env CACHE_MAX_AGE)', async () => {
    const { yoga } = serve({ cacheMaxAge: 5 });
    expect((await yoga.fetch(queryUrl(), { headers: ACCEPT })).headers.get('cache-control')).toBe('public, max-age=5');
    expect(parseCacheMaxAge(undefined)).toBe(60);
    expect(parseCacheMaxAge('')).toBe(60);
    expect(parseCacheMaxAge('0')).toBe(0);
    expect(parseCacheMaxAge(' 300 ')).toBe(300);
    expect(() => parseCacheMaxAge('1m')).toThrow(/CACHE_MAX_AGE/);
    expect(() => parseCacheMaxAge('-5')).toThrow(/CACHE_MAX_AGE/);
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    expect(ifNoneMatchHits('"a", "b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits('W/"b"', '"b"')).toBe(true);
    expect(ifNoneMatchHits('*', '"b"')).toBe(true);
    expect(ifNoneMatchHits('"bb"', '"b"')).toBe(false);
    expect(ifNoneMatchHits(null, '"b"')).toBe(false);
  });
});

describe('CORS origins from the environment', () => {
  const ALLOWED = 'https://dash.example.com';
  const list = () => serve({ cors: parseCorsOrigins(`${ALLOWED}/, http://localhost:3000`) }).yoga;

  it('allows a listed origin, without credentials, and exposes ETag', async () => {
    const response = await list().fetch(queryUrl(), { headers: { ...ACCEPT, origin: ALLOWED } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('sends no CORS header to an origin outside the list, on GET, POST and preflight', async () => {
    const yoga = list();
    const evil = 'https://evil.example.net';
    const get = await yoga.fetch(queryUrl(), { headers: { ...ACCEPT, origin: evil } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const post = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { ...ACCEPT, origin: evil, 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await yoga.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const allowedPreflight = await yoga.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(allowedPreflight.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('defaults (CORS_ORIGINS unset) to any origin without credentials; "none" turns CORS off', async () => {
    expect(parseCorsOrigins(undefined)).toEqual({ kind: 'any' });
    const open = await serve().yoga.fetch(queryUrl(), { headers: { ...ACCEPT, origin: 'https://anyone.example' } });
    expect(open.headers.get('access-control-allow-origin')).toBe('https://anyone.example');
    expect(open.headers.get('access-control-allow-credentials')).toBeNull();

    for (const value of ['none', '']) {
      const closed = await serve({ cors: parseCorsOrigins(value) }).yoga.fetch(queryUrl(), { headers: { ...ACCEPT, origin: ALLOWED } });
      expect(closed.headers.get('access-control-allow-origin'), value).toBeNull();
    }
    expect(() => parseCorsOrigins('dash.example.com')).toThrow(/CORS_ORIGINS/);
  });
});
