import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_QUERIES, requestBody } from './support/bench-queries.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { documentBytes } from '../src/server/document-caches.ts';
import { wideDocument } from './support/wide-document.ts';
import { createTalkGraphServer, type TalkGraphServer } from '../src/server/create-yoga.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// The fast lane must be invisible: the same requests, sent in the same order to a server with it
// and to one without, get the same status, headers and bytes, and leave the same log lines and
// metrics. Each case is sent twice or more, so the fast lane has learned from Yoga's first answer.

const graph = graphOf([seedSource()]);

interface Running {
  server: TalkGraphServer;
  http: Server;
  url: string;
  logLines: Array<Record<string, unknown>>;
  /** POSTs sent to /graphql. */
  sent: number;
}

async function start(fastLane: boolean, options: { compiledExecution?: boolean; fastLaneDocumentBytes?: number } = {}): Promise<Running> {
  const logLines: Array<Record<string, unknown>> = [];
  const logger = createJsonLogger({ level: 'info', write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) });
  const server = createTalkGraphServer({
    schema,
    graphs: new GraphHolder(graph),
    config: serverConfigFromEnv({}),
    logger,
    fastLane,
    cors: { kind: 'list', origins: ['https://dash.example'] },
    ...options,
  });
  const http = createServer(server.listener);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { server, http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, logLines, sent: 0 };
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

let withLane: Running;
let without: Running;

beforeAll(async () => {
  [withLane, without] = await Promise.all([start(true), start(false)]);
});

afterAll(async () => {
  await Promise.all([withLane, without].map((running) => new Promise((resolve) => running.http.close(resolve))));
});

/** Sends each request in turn to both servers; their answers must be equal. Returns the fast lane's answers. */
async function sameAnswers(requests: Array<{ body: string; headers?: Record<string, string> }>): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const request of requests) {
    const fast = await send(withLane, request.body, request.headers);
    const plain = await send(without, request.body, request.headers);
    expect(fast, `${request.body.slice(0, 120)} ${JSON.stringify(request.headers ?? {})}`).toEqual(plain);
    answers.push(fast);
  }
  return answers;
}

describe('the fast lane answers as Yoga does', () => {
  it('for every benchmark query: first answer learned, then misses, then a hit', async () => {
    const before = withLane.server.fastLane!.stats.answered;
    for (const bench of BENCH_QUERIES) {
      const pool = bench.variedPool(graph, 6, 3).map((variables) => requestBody(bench, variables));
      const answers = await sameAnswers([...pool, pool[1]!].map((body) => ({ body, headers: { accept: 'application/graphql-response+json' } })));
      expect(answers.map((a) => a.headers['x-cache'])).toEqual(['MISS', 'MISS', 'MISS', 'MISS', 'MISS', 'MISS', 'HIT']);
      expect(answers.every((a) => a.status === 200 && !a.body.includes('"errors"'))).toBe(true);
    }
    // All but each query's first request went through the fast lane.
    expect(withLane.server.fastLane!.stats.answered - before).toBe(BENCH_QUERIES.length * 6);
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
      // The last request repeats the first: a cache hit unless Cache-Control says otherwise.
      const answers = await sameAnswers([1, 2, 3, 1].map((n) => ({ body: JSON.stringify({ query, variables: { n: n + 3 * index } }), headers })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const cacheControl = headers['cache-control'];
      expect(answers.at(-1)!.headers['x-cache']).toBe(cacheControl === 'no-store' ? undefined : cacheControl === 'no-cache' ? 'BYPASS' : 'HIT');
    }
  });

  it('for named operations, and for requests it hands over: errors, refusals, extra parameters', async () => {
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
    const before = { ...withLane.server.fastLane!.stats };
    const answers = await sameAnswers([...cases, ...cases]);
    expect(answers.filter((a) => a.status !== 200 || a.body.includes('"errors"')).length).toBeGreaterThanOrEqual(16);
    const after = withLane.server.fastLane!.stats;
    // Only the named operations of the document Yoga has validated are answered here (B already in
    // the first round, A and B in the second); everything else is handed over, after an execution
    // with errors or because its body is not one plain operation of a known document.
    expect(after.answered - before.answered).toBe(3);
    expect(after.handedOver - before.handedOver).toBe(cases.length * 2 - 3);
  });

  it('times a request it hands over from its arrival, not from when Yoga sees it', async () => {
    const body = JSON.stringify({ query: '{ slowlySent: talks(first: 1) { totalCount } }' });
    for (const running of [withLane, without]) {
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
    for (const running of [withLane, without]) {
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
    expect(withLane.logLines.map(comparableLogLine)).toEqual(without.logLines.map(comparableLogLine));
    expect(withLane.logLines.filter((line) => line.path === '/graphql')).toHaveLength(withLane.sent);
    const counted = await countedMetrics(withLane);
    expect(counted.length).toBeGreaterThan(3);
    expect(counted).toEqual(await countedMetrics(without));
  });
});

describe('the fast lane under concurrent requests, and without compiled execution', () => {
  const stop = (running: Running) => new Promise((resolve) => running.http.close(resolve));

  it('answers many requests in flight at once as Yoga does', async () => {
    const [fast, plain] = await Promise.all([start(true), start(false)]);
    try {
      // Each query is learned first; then all the distinct requests are in flight at once, in two
      // rounds (misses, then hits; never two copies of one request at a time, whose cache status
      // would depend on timing).
      const pools = BENCH_QUERIES.map((bench) => bench.variedPool(graph, 25, 11).map((variables) => requestBody(bench, variables)));
      for (const pool of pools) await Promise.all([send(fast, pool[0]!), send(plain, pool[0]!)]);
      const bodies = pools.flatMap((pool) => pool.slice(1));
      for (const expected of ['MISS', 'HIT']) {
        const sendAll = (running: Running) => Promise.all(bodies.map((body) => send(running, body)));
        const [fastAnswers, plainAnswers] = await Promise.all([sendAll(fast), sendAll(plain)]);
        expect(fastAnswers).toEqual(plainAnswers);
        expect(fastAnswers.every((a) => a.status === 200 && a.headers['x-cache'] === expected)).toBe(true);
      }
      expect(fast.server.fastLane!.stats.answered).toBe(bodies.length * 2);
    } finally {
      await Promise.all([stop(fast), stop(plain)]);
    }
  });

  it('answers as Yoga does when graphql-jit is off (graphql-js executes)', async () => {
    const [fast, plain] = await Promise.all([start(true, { compiledExecution: false }), start(false, { compiledExecution: false })]);
    try {
      for (const bench of BENCH_QUERIES) {
        for (const body of bench.variedPool(graph, 4, 5).map((variables) => requestBody(bench, variables))) {
          expect(await send(fast, body)).toEqual(await send(plain, body));
        }
      }
      expect(fast.server.fastLane!.stats.answered).toBe(BENCH_QUERIES.length * 3);
    } finally {
      await Promise.all([stop(fast), stop(plain)]);
    }
  });
});

describe('the fast lane under a flood of distinct documents', () => {
  it('keeps the documents it learns within its byte budget, query texts included', async () => {
    const running = await start(true, { fastLaneDocumentBytes: 500_000 });
    try {
      for (let n = 0; n < 12; n++) expect((await send(running, JSON.stringify({ query: wideDocument(n) }))).status).toBe(200);
      const learned = running.server.fastLane!.learned();
      expect(learned.bytes).toBeLessThanOrEqual(500_000);
      expect(learned.documents).toBe(Math.floor(500_000 / documentBytes(wideDocument(11))));
    } finally {
      running.http.close();
    }
  });
});
