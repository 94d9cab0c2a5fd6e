import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPersistedManifest, documentIdOf, MANIFEST_PATH, manifestText } from '../scripts/persisted/build-persisted-manifest.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer } from '../src/server/create-yoga.ts';
import { EXAMPLE_QUERIES } from '../src/server/example-queries.ts';
import { loadPersistedDocuments } from '../src/server/persisted-documents-plugin.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import * as generated from '../web/src/gql/graphql.ts';
import { ROOT } from './helpers.ts';
import { EXAMPLE_BLOCK } from './support/readme-blocks.ts';

const { graph } = await loadGraph([BUNDLED_DATA_DIR]);
const graphs = new GraphHolder(graph);
const manifest = loadPersistedDocuments();
const serve = (env: Record<string, string> = {}) => createTalkGraphServer({ schema, graphs, config: serverConfigFromEnv({ LOG_LEVEL: 'warn', ...env }) });
const open = serve();
const only = serve({ PERSISTED_ONLY: 'true' });

const JSON_TYPE = { 'content-type': 'application/json' };
const GRAPHQL_RESPONSE = { accept: 'application/graphql-response+json' };
const url = (params: Record<string, string>) => `http://localhost/graphql?${new URLSearchParams(params)}`;
const post = (yoga: typeof open.yoga, body: unknown, headers: Record<string, string> = {}) =>
  yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) });
const codeOf = (json: { errors?: Array<{ extensions?: { code?: string } }> }) => json.errors?.[0]?.extensions?.code;

/** README's first example: its text, its id and the answer the README shows. */
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const [, README_QUERY, README_ANSWER] = [...readme.matchAll(EXAMPLE_BLOCK)][0]!;
const README_ID = documentIdOf(README_QUERY!);

describe('the manifest (src/server/persisted-documents.json, `npm run persisted`)', () => {
  it('is what `npm run persisted` writes from the current sources (run it when this fails)', async () => {
    expect(readFileSync(MANIFEST_PATH, 'utf8'), 'src/server/persisted-documents.json is stale: run `npm run persisted`').toBe(
      manifestText(await buildPersistedManifest()),
    );
  }, 120_000);

  it('keys every document by the SHA-256 of its text, and lists the README, docs and GraphiQL examples and the generated dashboard documents', () => {
    for (const [id, text] of manifest) expect(id).toBe(documentIdOf(text));
    expect(manifest.get(README_ID)).toBe(README_QUERY);
    const cookbook = readFileSync(path.join(ROOT, 'docs', 'cookbook.md'), 'utf8');
    for (const [, query] of cookbook.matchAll(EXAMPLE_BLOCK)) expect(manifest.has(documentIdOf(query!)), query).toBe(true);
    for (const example of EXAMPLE_QUERIES) expect(manifest.has(documentIdOf(example.query)), example.title).toBe(true);
    // web/src/gql (what the dashboard build sends) names only ids of the manifest.
    const dashboardIds = Object.values(generated)
      .map((value) => (value as { __meta__?: { hash?: string } } | null)?.__meta__?.hash)
      .filter((hash): hash is string => typeof hash === 'string');
    expect(dashboardIds.length).toBeGreaterThanOrEqual(10);
    for (const id of dashboardIds) expect(manifest.has(id), id).toBe(true);
  });
});

describe('documentId requests (default: texts allowed too)', () => {
  it('answers GET ?documentId=…&variables=… with the text’s answer, an ETag and Cache-Control; 304 on If-None-Match', async () => {
    const response = await open.yoga.fetch(url({ documentId: README_ID, variables: '{}' }), { headers: GRAPHQL_RESPONSE });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(README_ANSWER!));
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('vary')).toContain('Accept');

    const again = await open.yoga.fetch(url({ documentId: README_ID, variables: '{}' }), { headers: { ...GRAPHQL_RESPONSE, 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('runs variables with the id, and repeats come from the response cache', async () => {
    const query = generated.SpeakerDocument;
    const id = query.__meta__!.hash as string;
    const params = { documentId: id, variables: JSON.stringify({ slug: 'liz-rice' }) };
    const first = await open.yoga.fetch(url(params), { headers: GRAPHQL_RESPONSE });
    expect((await first.json()).data.speaker.name).toBe('Liz Rice');
    const second = await open.yoga.fetch(url(params), { headers: GRAPHQL_RESPONSE });
    expect(second.headers.get('x-cache')).toBe('HIT');
    const other = await open.yoga.fetch(url({ ...params, variables: JSON.stringify({ slug: 'anna-kapuscinska' }) }), { headers: GRAPHQL_RESPONSE });
    expect((await other.json()).data.speaker.name).not.toBe('Liz Rice');
  });

  it('answers POST { documentId, variables } like POST { query, variables }', async () => {
    const example = EXAMPLE_QUERIES[1]!;
    const byId = await post(open.yoga, { documentId: documentIdOf(example.query) });
    const byText = await post(open.yoga, { query: example.query });
    expect(byId.status).toBe(200);
    const answer = await byId.json();
    expect(answer.errors).toBeUndefined();
    expect(answer).toEqual(await byText.json());
  });

  it('answers an unknown id with PERSISTED_QUERY_NOT_FOUND, 404, never cached, for GET and POST and both media types', async () => {
    const unknown = documentIdOf('{ __typename }');
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      for (const response of [
        await open.yoga.fetch(url({ documentId: unknown }), { headers: { accept } }),
        await post(open.yoga, { documentId: unknown }, { accept }),
        await post(only.yoga, { documentId: 'not-an-id' }, { accept }),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('etag')).toBeNull();
        const json = await response.json();
        expect(codeOf(json)).toBe('PERSISTED_QUERY_NOT_FOUND');
        expect(json.errors[0].message).toContain('No persisted document has the id');
      }
    }
  });

  it('refuses an id sent with a text (400), even when the text alone is in the response cache, and a documentId that is not a string', async () => {
    expect((await post(open.yoga, { query: '{ __typename }' })).status).toBe(200);
    expect((await post(open.yoga, { query: '{ __typename }' })).headers.get('x-cache')).toBe('HIT');
    const both = await post(open.yoga, { query: '{ __typename }', documentId: README_ID });
    expect(both.status).toBe(400);
    expect(codeOf(await both.json())).toBe('PERSISTED_QUERY_AND_TEXT');
    const numeric = await post(open.yoga, { documentId: 42 });
    expect(numeric.status).toBe(400);
    expect(codeOf(await numeric.json())).toBe('BAD_REQUEST');
  });
  it('leaves requests without an id to Yoga as before: texts run, a missing query is Yoga’s own 400', async () => {
    const missing = await post(open.yoga, { variables: {} }, GRAPHQL_RESPONSE);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors[0]).toEqual({ message: 'Must provide query string.', extensions: { code: 'BAD_REQUEST' } });
    expect((await (await post(open.yoga, { query: EXAMPLE_QUERIES[2]!.query })).json()).errors).toBeUndefined();
  });
});

describe('PERSISTED_ONLY=true', () => {
  it('is off by default and read from the environment', () => {
    expect(serverConfigFromEnv({}).persistedOnly).toBe(false);
    expect(serverConfigFromEnv({ PERSISTED_ONLY: 'true' }).persistedOnly).toBe(true);
    expect(() => serverConfigFromEnv({ PERSISTED_ONLY: 'sometimes' })).toThrow(/PERSISTED_ONLY must be true or false/);
  });

  it('refuses texts with PERSISTED_QUERY_ONLY (400) on POST and GET, and runs the same document by id', async () => {
    const example = EXAMPLE_QUERIES[0]!;
    for (const response of [
      await post(only.yoga, { query: example.query }),
      await only.yoga.fetch(url({ query: example.query }), { headers: GRAPHQL_RESPONSE }),
    ]) {
      expect(response.status).toBe(400);
      const json = await response.json();
      expect(codeOf(json)).toBe('PERSISTED_QUERY_ONLY');
      expect(json.data).toBeUndefined();
    }
    const byId = await only.yoga.fetch(url({ documentId: documentIdOf(example.query) }), { headers: GRAPHQL_RESPONSE });
    expect(byId.status).toBe(200);
    expect((await byId.json()).data.talks.totalCount).toBeGreaterThan(0);
    const neither = await post(only.yoga, { variables: {} });
    expect(neither.status).toBe(400);
    expect(codeOf(await neither.json())).toBe('PERSISTED_QUERY_ID_REQUIRED');
  });

  describe('through the Node listener', () => {
    let server: Server;
    let origin: string;
    beforeAll(async () => {
      server = createServer(only.listener);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('still refuses a text after running it by id (no shortcut learns it)', async () => {
      const example = EXAMPLE_QUERIES[3]!;
      for (let i = 0; i < 3; i++) {
        const byId = await fetch(`${origin}/graphql`, {
          method: 'POST',
          headers: JSON_TYPE,
          body: JSON.stringify({ documentId: documentIdOf(example.query) }),
        });
        expect(byId.status).toBe(200);
        const byText = await fetch(`${origin}/graphql`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ query: example.query }) });
        expect(byText.status).toBe(400);
        expect(codeOf(await byText.json())).toBe('PERSISTED_QUERY_ONLY');
      }
    });
  });

  it('runs every document of the dashboard by id, as the dashboard sends it (GET for queries, POST for the subscription)', async () => {
    const talkSlug = (await (await post(open.yoga, { query: '{ talks(first: 1) { nodes { slug } } }' })).json()).data.talks.nodes[0].slug;
    const variables: Record<string, Record<string, unknown>> = {
      Search: { q: 'tetragon' },
      Talk: { slug: talkSlug },
      Speaker: { slug: 'liz-rice' },
      Organization: { slug: 'isovalent' },
      Topic: { slug: 'tetragon' },
      Event: { slug: 'kubecon-eu-2023' },
      ScheduleDays: { event: 'kubecon-eu-2023' },
      ScheduleDay: { event: 'kubecon-eu-2023', date: '2023-04-21' },
      Clashes: { organization: 'isovalent', speaker: 'liz-rice', withOrganization: true, withSpeaker: true },
    };
    const operations = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(operations.length).toBeGreaterThanOrEqual(10);
    for (const [name, document] of operations) {
      const id = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
      expect(id, name).toBeDefined();
      const operation = name.replace(/Document$/, '');
      if (document.toString().trimStart().startsWith('subscription')) {
        const abort = new AbortController();
        const response = await only.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { ...JSON_TYPE, accept: 'text/event-stream' },
          body: JSON.stringify({ documentId: id }),
          signal: abort.signal,
        });
        expect(response.status, name).toBe(200);
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let received = '';
        for (let chunk = await reader.read(); !chunk.done && !received.includes('graphVersion'); chunk = await reader.read()) received += chunk.value;
        expect(received, name).toContain(`"graphVersion":"${graph.version}"`);
        abort.abort();
        continue;
      }
      const response = await only.yoga.fetch(url({ documentId: id!, variables: JSON.stringify(variables[operation] ?? {}) }), { headers: GRAPHQL_RESPONSE });
      const json = await response.json();
      expect(json.errors, `${name}: add its variables to this test`).toBeUndefined();
      expect(response.status, name).toBe(200);
      expect(response.headers.get('etag'), name).toBeTruthy();
    }
  });
});
