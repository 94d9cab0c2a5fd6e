import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../src/server/json-depth-limit-plugin.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// Deeply nested JSON in `variables` or `extensions` answered 500 with a stack trace (a recursive
// JSON.stringify for the response-cache key); invalid JSON bodies were echoed back in errors.
const graph = graphOf([seedSource()]);
const QUERY = '{ talks { totalCount } }';
const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

function serve(env: Record<string, string>) {
  const lines: string[] = [];
  const server = createTalkGraphServer({
    schema,
    graphs: new GraphHolder(graph),
    config: serverConfigFromEnv({ LOG_LEVEL: 'info', ...env }),
    logger: createJsonLogger({ level: 'info', write: (line) => lines.push(line) }),
  });
  return { ...server, lines };
}

async function answer(yoga: TalkGraphYoga, init: RequestInit, path = '/graphql'): Promise<{ status: number; text: string; code: unknown }> {
  const response = await yoga.fetch(`http://localhost${path}`, init);
  const text = await response.text();
  let code: unknown = null;
  try {
    code = (JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]?.extensions?.code;
  } catch {
    code = 'not JSON';
  }
  return { status: response.status, text, code };
}

const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

describe('10,000 levels of nesting in variables or extensions', () => {
  for (const env of [{}, { NODE_ENV: 'production' }] as Array<Record<string, string>>) {
    const label = env.NODE_ENV ?? 'development';
    it(`answers 400 JSON_DEPTH_EXCEEDED without a stack, logged and counted (${label})`, async () => {
      const { yoga, lines } = serve(env);
      const cases = [
        { method: 'POST', headers: json, body: `{"query":"${QUERY}","variables":{"a":${deep(10_000)}}}` },
        { method: 'POST', headers: json, body: `{"query":"${QUERY}","extensions":{"a":${deep(10_000)}}}` },
        {
          method: 'POST',
          headers: json,
          body: `{"query":"query ($f: TalkFilter) { talks(filter: $f) { totalCount } }","variables":{"f":${'{"and":['.repeat(3_000)}{}${']}'.repeat(3_000)}}}`,
        },
      ];
      for (const init of cases) {
        const got = await answer(yoga, init);
        expect(got.status, got.text.slice(0, 300)).toBe(400);
        expect(got.code).toBe('JSON_DEPTH_EXCEEDED');
        expect(got.text).not.toMatch(/stack|RangeError|Maximum call stack|\/work\/|\.ts:\d+/);
      }
      const get = await answer(
        yoga,
        { headers: { accept: 'application/json' } },
        `/graphql?query=${encodeURIComponent(QUERY)}&variables=${encodeURIComponent(`{"a":${deep(10_000)}}`)}`,
      );
      expect(get.status).toBe(400);
      expect(get.code).toBe('JSON_DEPTH_EXCEEDED');

      const logged = lines.map((line) => JSON.parse(line) as { msg: string; status?: number; errorCodes?: string[] }).filter((l) => l.msg === 'request');
      expect(logged.filter((l) => l.status === 400 && l.errorCodes?.includes('JSON_DEPTH_EXCEEDED'))).toHaveLength(4);
      const metrics = await (await yoga.fetch('http://localhost/metrics')).text();
      expect(metrics).toContain('talkgraph_graphql_errors_total{code="JSON_DEPTH_EXCEEDED"} 4');
      expect(
        await answer(yoga, { method: 'POST', headers: json, body: JSON.stringify({ query: QUERY, variables: { a: JSON.parse(deep(MAX_JSON_DEPTH - 1)) } }) }),
      ).toMatchObject({ status: 200 });
    });
  }

  it('through the Node listener, with the query already answered once (and cached)', async () => {
    const { listener } = serve({ NODE_ENV: 'production' });
    const server: Server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const send = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await send(JSON.stringify({ query: QUERY }))).status).toBe(200);
      expect((await send(JSON.stringify({ query: QUERY }))).status).toBe(200);
      const refused = await send(`{"query":"${QUERY}","variables":{"a":${deep(10_000)}}}`);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('JSON_DEPTH_EXCEEDED');
      expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('exceedsJsonDepth walks any depth without recursion', () => {
    let value: unknown = [];
    for (let i = 0; i < 1_000_000; i++) value = { a: [value] };
    expect(exceedsJsonDepth(value)).toBe(true);
    expect(exceedsJsonDepth(JSON.parse(deep(MAX_JSON_DEPTH)))).toBe(false);
    expect(exceedsJsonDepth(JSON.parse(deep(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(exceedsJsonDepth('[[[')).toBe(false);
  });
});

describe('invalid JSON is not echoed back', () => {
  const SECRET = 'hunter2-secret-token';
  for (const env of [{}, { NODE_ENV: 'production' }] as Array<Record<string, string>>) {
    it(`a POST body or GET parameter that is not JSON (${env.NODE_ENV ?? 'development'})`, async () => {
      const { yoga } = serve(env);
      const post = await answer(yoga, { method: 'POST', headers: json, body: `{"query":"${QUERY}", "token": ${SECRET}` });
      expect(post.status).toBe(400);
      expect(post.code).toBe('BAD_REQUEST');
      expect(post.text).not.toContain(SECRET);
      expect(post.text).not.toContain('originalError');
      const get = await answer(
        yoga,
        { headers: { accept: 'application/json' } },
        `/graphql?query=${encodeURIComponent(QUERY)}&variables=${encodeURIComponent(`{"token": ${SECRET}`)}`,
      );
      expect(get.status).toBe(400);
      expect(get.code).toBe('BAD_REQUEST');
      expect(get.text).not.toContain(SECRET);
    });
  }
});
