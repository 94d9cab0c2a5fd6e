import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_QUERIES, requestBody } from './support/bench-queries.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer, type TalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { offersShortcut, shortcutSafe, unsafeForShortcuts } from '../src/server/shortcut-safety.ts';
import type { Plugin } from 'graphql-yoga';
import { graphOf, seedSource } from './helpers.ts';

// Every request goes through Yoga's plugin pipeline; the speed-ups inside it (the response cache's
// early answer, graphql-jit, the parse and validation caches, the cost bound) must be invisible: the
// same requests, sent in the same order to a server with all of them (graphql-jit from the first run)
// and to one with none (OPTIMIZATIONS=off), get the same status, headers and bytes (but `x-cache`),
// and leave the same log lines and metrics. Each case is sent three times or more, so repeats meet the
// caches: the second is found by its parameters, the third by its bytes, before the request is parsed.

const graph = graphOf([seedSource()]);

interface Running {
  server: TalkGraphServer;
  http: Server;
  url: string;
  logLines: Array<Record<string, unknown>>;
  /** POSTs sent to /graphql. */
  sent: number;
  /** The x-cache header of each answer, in order. */
  cacheStatus: Array<string | undefined>;
}

async function start(optimized: boolean, options: { compiledExecution?: boolean } = {}): Promise<Running> {
  const logLines: Array<Record<string, unknown>> = [];
  const logger = createJsonLogger({ level: 'info', write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) });
  const server = createTalkGraphServer({
    schema,
    graphs: new GraphHolder(graph),
    config: serverConfigFromEnv({ OPTIMIZATIONS: optimized ? 'on' : 'off' }),
    compiledOperations: { jitAfter: 0 },
    logger,
    cors: { kind: 'list', origins: ['https://dash.example'] },
    ...options,
  });
  const http = createServer(server.listener);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { server, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, logLines, sent: 0, cacheStatus: [] };
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function send(running: Running, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  running.sent++;
  const response = await fetch(`${running.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const answer: Answer = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  // Only the optimized server has a response cache to say HIT or MISS; its values are checked apart.
  running.cacheStatus.push(answer.headers['x-cache']);
  delete answer.headers['x-cache'];
  // Generated per request; compared by shape, and exactly when the client sent one.
  delete answer.headers.date;
  if (!headers['x-request-id']) {
    expect(answer.headers['x-request-id']).toMatch(UUID);
    answer.headers['x-request-id'] = '(generated)';
  }
  return answer;
}

const comparableLogLine = ({ time: _time, requestId: _id, durationMs, ...rest }: Record<string, unknown>) => ({
  ...rest,
  timed: typeof durationMs === 'number',
});

/** The request counters and histogram counts of /metrics; latencies themselves differ. */
async function countedMetrics(running: Running): Promise<string[]> {
  const text = await (await fetch(`${running.url}/metrics`)).text();
  return text.split('\n').filter((line) => /^talkgraph_(http_requests_total|graphql_errors_total|http_request_duration_seconds_count)\{/.test(line));
}

let optimized: Running;
let plain: Running;

beforeAll(async () => {
  [optimized, plain] = await Promise.all([start(true), start(false)]);
});

afterAll(async () => {
  await Promise.all([optimized, plain].map((running) => new Promise((resolve) => running.http.close(resolve))));
});

/** Sends each request in turn to both servers; their answers must be equal. Returns the optimized server's answers and cache statuses. */
async function sameAnswers(
  requests: Array<{ body: string; headers?: Record<string, string> }>,
): Promise<{ answers: Answer[]; cache: Array<string | undefined> }> {
  const answers: Answer[] = [];
  const from = optimized.cacheStatus.length;
  for (const request of requests) {
    const fast = await send(optimized, request.body, request.headers);
    const slow = await send(plain, request.body, request.headers);
    expect(fast, `${request.body.slice(0, 120)} ${JSON.stringify(request.headers ?? {})}`).toEqual(slow);
    answers.push(fast);
  }
  expect(plain.cacheStatus.every((status) => status === undefined)).toBe(true);
  return { answers, cache: optimized.cacheStatus.slice(from) };
}

describe('the optimized server answers as the plain one does', () => {
  it('for every benchmark query: misses (compiled by graphql-jit), then hits', async () => {
    const before = optimized.server.compiled!.stats.compiledRuns;
    for (const bench of BENCH_QUERIES) {
      const pool = bench.variedPool(graph, 6, 3).map((variables) => requestBody(bench, variables));
      const { answers, cache } = await sameAnswers(
        [...pool, pool[1]!, pool[1]!].map((body) => ({ body, headers: { accept: 'application/graphql-response+json' } })),
      );
      expect(cache).toEqual(['MISS', 'MISS', 'MISS', 'MISS', 'MISS', 'MISS', 'HIT', 'HIT']);
      expect(answers.every((a) => a.status === 200 && !a.body.includes('"errors"'))).toBe(true);
    }
    expect(optimized.server.compiled!.stats.compiledRuns - before).toBeGreaterThan(BENCH_QUERIES.length * 3);
    expect(plain.server.compiled).toBeNull();
  });

  it('for each Accept and Origin, a client request id and each Cache-Control', async () => {
    const query = 'query Few($n: Int) { talks(first: $n) { totalCount nodes { title } } }';
    const variants: Array<Record<string, string>> = [
      {},
      { accept: 'application/json' },
      { accept: '*/*' },
      { accept: 'application/graphql-response+json, application/json;q=0.9' },
      // CORS answers Access-Control-Request-Headers too: such a request must not set the headers of the next ones.
      { origin: 'https://dash.example', 'access-control-request-headers': 'x-custom' },
      { origin: 'https://dash.example' },
      { origin: 'https://elsewhere.example', accept: 'application/json' },
      { 'x-request-id': 'dashboard-42' },
      { 'cache-control': 'no-cache' },
      { 'cache-control': 'no-store' },
      { 'content-type': 'application/json; charset=utf-8' },
    ];
    for (const [index, headers] of variants.entries()) {
      // The last two requests repeat the first: cache hits unless Cache-Control says otherwise.
      const { answers, cache } = await sameAnswers([1, 2, 3, 1, 1].map((n) => ({ body: JSON.stringify({ query, variables: { n: n + 3 * index } }), headers })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const cacheControl = headers['cache-control'];
      const repeated = cacheControl === 'no-store' ? undefined : cacheControl === 'no-cache' ? 'BYPASS' : 'HIT';
      expect(cache.slice(-2)).toEqual([repeated, repeated]);
    }
  });

  it('for named operations, errors, refusals and extra parameters', async () => {
    const twoOperations = 'query A { talks(first: 2) { nodes { title } } } query B { speakers(first: 2) { nodes { name } } }';
    const cases = [
      { body: JSON.stringify({ query: twoOperations, operationName: 'A' }) },
      { body: JSON.stringify({ query: twoOperations, operationName: 'B' }) },
      { body: JSON.stringify({ query: twoOperations }) },
      { body: JSON.stringify({ query: twoOperations, operationName: 'C' }) },
      { body: JSON.stringify({ query: 'query ($n: Int) { talks(first: $n) { totalCount } }', variables: { n: 'many' } }) },
      { body: JSON.stringify({ query: 'query ($n: Int) { talks(first: $n) { totalCount } }', variables: { n: 501 } }) },
      {
        body: JSON.stringify({
          query: 'query ($n: Int) { talks(first: $n) { nodes { speakers { talks(first: $n) { nodes { title } } } } } }',
          variables: { n: 400 },
        }),
      },
      { body: JSON.stringify({ query: '{ talks(first: 1) { totalCount } }', surprise: true }) },
      { body: JSON.stringify({ query: '{ talks(first: 1) { totalCount } }', extensions: { persisted: 1 } }) },
      { body: JSON.stringify({ query: '{ talks(first: 1) { totalCount } }', variables: [] }) },
      { body: JSON.stringify({ query: '{ node(id: "bm90IGFuIGlk") { id } }' }) },
      { body: '{"query": "{ talks { totalCount } }"' },
      { body: JSON.stringify({ query: '{ talks { nope } }' }) },
    ];
    const { answers, cache } = await sameAnswers([...cases, ...cases, ...cases]);
    expect(answers.filter((a) => a.status !== 200 || a.body.includes('"errors"')).length).toBeGreaterThanOrEqual(24);
    // Only successful answers are kept: the two named operations (and the unknown extra parameter,
    // which Yoga ignores) are served from the cache the second and third time; everything else runs again.
    expect(cache.filter((status) => status === 'HIT')).toHaveLength(6);
  });

  it('times a request from its arrival, not from when its body has come in', async () => {
    const body = JSON.stringify({ query: '{ slowlySent: talks(first: 1) { totalCount } }' });
    for (const running of [optimized, plain]) {
      running.sent++;
      const status = await new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          `${running.url}/graphql`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode!));
          },
        );
        request.on('error', reject);
        request.flushHeaders();
        setTimeout(() => request.end(body), 300);
      });
      expect(status).toBe(200);
      const line = running.logLines.at(-1)!;
      expect(line.durationMs as number).toBeGreaterThanOrEqual(250);
    }
  });

  it('answers a Host header that makes no URL with 400 BAD_REQUEST, not a 500 with a stack trace', async () => {
    for (const running of [optimized, plain]) {
      running.sent++;
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const request = httpRequest(
          `${running.url}/graphql`,
          { method: 'POST', headers: { host: 'bad host', 'content-type': 'application/json' } },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode!, text }));
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify({ query: '{ talks(first: 1) { totalCount } }' }));
      });
      expect(status).toBe(400);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'The Host header does not name a host.', extensions: { code: 'BAD_REQUEST' } }] });
    }
  });

  it('leaves the same log lines and metrics', async () => {
    expect(optimized.logLines.map(comparableLogLine)).toEqual(plain.logLines.map(comparableLogLine));
    expect(optimized.logLines.filter((line) => line.path === '/graphql')).toHaveLength(optimized.sent);
    const counted = await countedMetrics(optimized);
    expect(counted.length).toBeGreaterThan(3);
    expect(counted).toEqual(await countedMetrics(plain));
  });
});

describe('under concurrent requests, and without compiled execution', () => {
  const stop = (running: Running) => new Promise((resolve) => running.http.close(resolve));

  it('answers many requests in flight at once as Yoga does', async () => {
    const [fast, plain] = await Promise.all([start(true), start(false)]);
    try {
      // All the distinct requests are in flight at once, in two rounds (misses, then hits; never two
      // copies of one request at a time, whose cache status would depend on timing).
      const pools = BENCH_QUERIES.map((bench) => bench.variedPool(graph, 25, 11).map((variables) => requestBody(bench, variables)));
      for (const pool of pools) await Promise.all([send(fast, pool[0]!), send(plain, pool[0]!)]);
      const bodies = pools.flatMap((pool) => pool.slice(1));
      for (const expected of ['MISS', 'HIT']) {
        const sendAll = (running: Running) => Promise.all(bodies.map((body) => send(running, body)));
        const [fastAnswers, plainAnswers] = await Promise.all([sendAll(fast), sendAll(plain)]);
        expect(fastAnswers).toEqual(plainAnswers);
        expect(fastAnswers.every((a) => a.status === 200)).toBe(true);
        expect(fast.cacheStatus.slice(-bodies.length).every((status) => status === expected)).toBe(true);
      }
    } finally {
      await Promise.all([stop(fast), stop(plain)]);
    }
  });

  it('answers as the plain server does when graphql-jit is off (graphql-js executes)', async () => {
    const [fast, plain] = await Promise.all([start(true, { compiledExecution: false }), start(false, { compiledExecution: false })]);
    try {
      for (const bench of BENCH_QUERIES) {
        for (const body of bench.variedPool(graph, 4, 5).map((variables) => requestBody(bench, variables))) {
          expect(await send(fast, body)).toEqual(await send(plain, body));
        }
      }
    } finally {
      await Promise.all([stop(fast), stop(plain)]);
    }
  });
});

describe('early answers are safe by construction', () => {
  const query = JSON.stringify({ query: '{ talks(first: 2) { totalCount nodes { title } } }' });
  const post = (yoga: TalkGraphServer['yoga']) =>
    yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });

  /** A server with one more plugin, which counts the requests its hooks see. */
  function withCountingPlugin(declareSafe: boolean) {
    const seen = { request: 0, requestParse: 0, params: 0, execute: 0 };
    const logLines: Array<Record<string, unknown>> = [];
    const plugin: Plugin = {
      onRequest: () => void seen.request++,
      // An authentication or persisted-documents plugin acts here: a cached answer would skip it.
      onRequestParse: () => void seen.requestParse++,
      onParams: () => void seen.params++,
      onExecute: () => void seen.execute++,
    };
    const server = createTalkGraphServer({
      schema,
      graphs: new GraphHolder(graph),
      config: serverConfigFromEnv({}),
      logger: createJsonLogger({ level: 'warn', write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) }),
      plugins: [declareSafe ? shortcutSafe(plugin, 'test: counts only') : plugin],
    });
    return { server, seen, logLines };
  }

  it('a plugin that does not declare itself safe switches the response cache off: every request reaches it', async () => {
    const { server, seen, logLines } = withCountingPlugin(false);
    expect(server.responseCacheOn).toBe(false);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await post(server.yoga));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get('x-cache'))).toEqual([null, null, null, null]);
    expect(seen).toEqual({ request: 4, requestParse: 4, params: 4, execute: 4 });
    expect(logLines.map((line) => line.msg)).toContain('response cache off: plugins not declared safe for its early answers');
  });

  it('a plugin declared safe keeps it on: repeats are answered early, before its hooks', async () => {
    const { server, seen } = withCountingPlugin(true);
    expect(server.responseCacheOn).toBe(true);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(server.yoga)).headers.get('x-cache'));
    expect(statuses).toEqual(['MISS', 'HIT', 'HIT', 'HIT']);
    // Every request hook runs; the second request is found by its parameters (after the request-parse
    // hooks), the third and fourth by their bytes, before any request-parse hook.
    expect(seen).toEqual({ request: 4, requestParse: 2, params: 1, execute: 1 });
  });

  it('a request hook listed after one that answers would be skipped, so its plugin counts as unsafe', () => {
    const shortcut = { enabled: true, disable: () => undefined };
    const answersFromRequestHook = offersShortcut({ onRequest: () => undefined }, shortcut, { answersIn: 'onRequest' });
    const requestHookOnly: Plugin = { onRequest: () => undefined };
    expect(unsafeForShortcuts([requestHookOnly, answersFromRequestHook])).toEqual([]);
    expect(unsafeForShortcuts([answersFromRequestHook, requestHookOnly])).toEqual([requestHookOnly]);
  });

  it("the project's own plugins are all declared safe or only use hooks that run on every request", () => {
    const server = createTalkGraphServer({ schema, graphs: new GraphHolder(graph), config: serverConfigFromEnv({}) });
    expect(server.responseCacheOn).toBe(true);
  });

  it('only start-up, request and response hooks count as run on an early answer', () => {
    expect(unsafeForShortcuts([{ onRequest: () => undefined, onResponse: () => undefined }, false, null])).toEqual([]);
    for (const hook of [
      'onRequestParse',
      'onParams',
      'onParse',
      'onValidate',
      'onContextBuilding',
      'onExecute',
      'onSubscribe',
      'onExecutionResult',
      'onResultProcess',
    ])
      expect(unsafeForShortcuts([{ [hook]: () => undefined } as Plugin])).toHaveLength(1);
  });
});
