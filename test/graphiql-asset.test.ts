import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { EXAMPLE_QUERIES } from '../src/server/example-queries.ts';
import { encodingFor } from '../src/server/graphiql-asset-plugin.ts';
import { graphOf, seedSource } from './helpers.ts';

const server = createTalkGraphServer({ schema, graphs: new GraphHolder(graphOf([seedSource()])) });
const yoga = server.yoga;
const page = (headers: Record<string, string>) => yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html', ...headers } });
const expected = renderGraphiQL({
  title: 'Talk Graph',
  defaultQuery: EXAMPLE_QUERIES[0]!.query,
  defaultTabs: EXAMPLE_QUERIES.map((q) => ({ query: q.query })),
});

describe('GraphiQL page', () => {
  it('is sent compressed as Accept-Encoding asks, the same page in every encoding, with a strong ETag and a 304 on If-None-Match', async () => {
    // The first view is sent uncompressed while the compressed copies are made.
    const first = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(await first.text()).toBe(expected);
    await server.graphiql!.compressed();
    const br = await page({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(expected);
    // Compressed to a fraction of the 9 MB page.
    expect(brBytes.length).toBeLessThan(expected.length / 3);

    const gz = await page({ 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(expected);

    const plain = await page({});
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await plain.text()).toBe(expected);

    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"graphiql-/);
    expect(br.headers.get('etag')).toBe(etag);
    const again = await page({ 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('is rendered once per server, however many views', async () => {
    const server = createTalkGraphServer({ schema, graphs: new GraphHolder(graphOf([seedSource()])) });
    const views = await Promise.all(
      [1, 2, 3, 4, 5].map(async () =>
        (await server.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html', 'accept-encoding': 'br' } })).arrayBuffer(),
      ),
    );
    expect(new Set(views.map((v) => v.byteLength)).size).toBe(1);
    expect(server.graphiql!.stats.renders).toBe(1);
  });

  it('chooses brotli, then gzip, and respects q=0', () => {
    expect(encodingFor('gzip, deflate, br')).toBe('br');
    expect(encodingFor('br;q=0, gzip')).toBe('gzip');
    expect(encodingFor('br;q=0.0, gzip;q=0')).toBe('identity');
    expect(encodingFor('*')).toBe('gzip');
    expect(encodingFor(null)).toBe('identity');
  });
});
