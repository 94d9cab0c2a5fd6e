import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import type { KnowledgeGraph } from '../src/graph/knowledge-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// Operations: /health, /ready, Prometheus /metrics, request ids and structured JSON logs.
const graph = graphOf([seedSource()]);

function serve(options: { graph?: KnowledgeGraph | null; env?: Record<string, string>; lines?: string[] } = {}): TalkGraphYoga {
  const lines = options.lines;
  return createTalkGraphYoga({
    schema,
    graphs: new GraphHolder(options.graph === undefined ? graph : options.graph),
    config: serverConfigFromEnv({ LOG_LEVEL: 'debug', ...options.env }),
    logger: createJsonLogger({ level: 'debug', write: (line) => lines?.push(line), now: () => new Date('2023-04-18T09:25:00Z') }),
  });
}

function query(yoga: TalkGraphYoga, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }));
}

async function metricsOf(yoga: TalkGraphYoga): Promise<string> {
  const response = await yoga.fetch('http://localhost/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

describe('/health and /ready', () => {
  it('/health answers while the graph is not loaded yet; /ready waits for the graph', async () => {
    const loading = serve({ graph: null });
    expect((await loading.fetch('http://localhost/health')).status).toBe(200);
    expect((await loading.fetch('http://localhost/ready')).status).toBe(503);
    const loaded = serve();
    expect((await loaded.fetch('http://localhost/ready')).status).toBe(200);
  });

  it('a GraphQL request whose query string ends in /ready is answered by GraphQL, not the readiness probe', async () => {
    const loading = serve({ graph: null });
    const response = await loading.fetch(`http://localhost/graphql?query=${encodeURIComponent('{ __typename }')}&x=/ready`);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect(await response.text()).not.toBe('');
  });
});

describe('/metrics', () => {
  it('reports graph size, diagnostics and readiness', async () => {
    const text = await metricsOf(serve());
    expect(text).toContain('talkgraph_graph_ready 1');
    expect(text).toContain('talkgraph_graph_entities{kind="talks"} 16');
    expect(text).toContain('talkgraph_graph_entities{kind="speakers"} 19');
    expect(text).toContain('talkgraph_graph_entities{kind="events"} 1');
    expect(text).toContain('talkgraph_graph_entities{kind="posts"} 1');
    expect(text).toMatch(/^talkgraph_graph_diagnostics\{severity="error"\} 0$/m);
    expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('counts requests, latencies and errors by code', async () => {
    const yoga = serve();
    await query(yoga, JSON.stringify({ query: '{ talks(first: 2) { totalCount } }' }));
    await query(yoga, JSON.stringify({ query: '{ talks(first: 1000000) { totalCount } }' }));
    await query(yoga, JSON.stringify({ query: '{ talks(first: 1000000) { totalCount } }' }));
    await query(yoga, 'x'.repeat(200_000));
    const text = await metricsOf(yoga);
    expect(text).toContain('talkgraph_http_requests_total{method="POST",path="/graphql",status="200"} 3');
    expect(text).toContain('talkgraph_http_requests_total{method="POST",path="/graphql",status="413"} 1');
    expect(text).toContain('talkgraph_graphql_errors_total{code="PAGE_SIZE_EXCEEDED"} 2');
    expect(text).toContain('talkgraph_graphql_errors_total{code="REQUEST_ENTITY_TOO_LARGE"} 1');
    expect(text).toContain('talkgraph_http_request_duration_seconds_count{path="/graphql"} 4');
    expect(text).toMatch(/^talkgraph_http_request_duration_seconds_bucket\{le="5",path="\/graphql"\} 4$/m);
  });

  it('reports the response cache: lookups by result, refusals, entries and bytes', async () => {
    const yoga = serve();
    const body = JSON.stringify({ query: '{ talks(first: 2) { totalCount } }' });
    for (let i = 0; i < 3; i++) expect((await query(yoga, body)).headers.get('x-cache')).toBe(i === 0 ? 'MISS' : 'HIT');
    const text = await metricsOf(yoga);
    // The first is a miss; the second is found by its parameters and kept under its bytes too; the third by its bytes.
    expect(text).toContain('talkgraph_response_cache_lookups_total{result="hit"} 2');
    expect(text).toContain('talkgraph_response_cache_lookups_total{result="miss"} 1');
    expect(text).toContain('talkgraph_response_cache_refused_total 0');
    expect(text).toContain('talkgraph_response_cache_entries 2');
    expect(Number(text.match(/^talkgraph_response_cache_bytes (\d+)$/m)?.[1])).toBeGreaterThan(2 * body.length);
    expect(await metricsOf(serve({ env: { OPTIMIZATIONS: 'off' } }))).not.toContain('talkgraph_response_cache');
  });

  it('keeps label values bounded: unknown paths count as "other"', async () => {
    const yoga = serve();
    await yoga.fetch('http://localhost/wp-admin/x1');
    await yoga.fetch('http://localhost/wp-admin/x2');
    expect(await metricsOf(yoga)).toContain('talkgraph_http_requests_total{method="GET",path="other",status="404"} 2');
  });

  it('is off with METRICS=false', async () => {
    expect((await serve({ env: { METRICS: 'false' } }).fetch('http://localhost/metrics')).status).toBe(404);
  });
});

describe('request ids and JSON logs', () => {
  it('echoes a sane x-request-id and logs one JSON line with it', async () => {
    const lines: string[] = [];
    const yoga = serve({ lines });
    const response = await query(yoga, JSON.stringify({ query: 'query Dashboard { talks(first: 1000000) { totalCount } }', operationName: 'Dashboard' }), {
      'x-request-id': 'dash-42.a:b',
    });
    expect(response.headers.get('x-request-id')).toBe('dash-42.a:b');
    const entries = lines.map((line) => JSON.parse(line)).filter((e) => e.source !== 'yoga'); // Yoga's own debug lines aside
    expect(entries).toHaveLength(1);
    expect(entries[0]).toEqual({
      time: '2023-04-18T09:25:00.000Z',
      level: 'info',
      msg: 'request',
      requestId: 'dash-42.a:b',
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: expect.any(Number),
      operationName: 'Dashboard',
      errorCodes: ['PAGE_SIZE_EXCEEDED'],
    });
  });

  it('generates a UUID when the header is missing or not a sane token', async () => {
    const yoga = serve();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const first = (await query(yoga, '{"query":"{ __typename }"}')).headers.get('x-request-id');
    const second = (await query(yoga, '{"query":"{ __typename }"}')).headers.get('x-request-id');
    expect(first).toMatch(uuid);
    expect(second).toMatch(uuid);
    expect(first).not.toBe(second);
    const forged = (await query(yoga, '{"query":"{ __typename }"}', { 'x-request-id': 'a b"} {"level":"error' })).headers.get('x-request-id');
    expect(forged).toMatch(uuid);
    expect((await query(yoga, '{"query":"{ __typename }"}', { 'x-request-id': 'x'.repeat(129) })).headers.get('x-request-id')).toMatch(uuid);
  });

  it('puts the id on answers given before GraphQL handling too (health, 413)', async () => {
    const lines: string[] = [];
    const yoga = serve({ lines });
    const health = await yoga.fetch('http://localhost/health', { headers: { 'x-request-id': 'probe-1' } });
    expect(health.headers.get('x-request-id')).toBe('probe-1');
    const tooLarge = await query(yoga, 'x'.repeat(200_000), { 'x-request-id': 'big-1' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('x-request-id')).toBe('big-1');
    const entries = lines.map((line) => JSON.parse(line)).filter((e) => e.msg === 'request');
    expect(entries.map((e) => [e.level, e.requestId, e.path, e.status])).toEqual([
      ['debug', 'probe-1', '/health', 200], // probes are logged at debug level only
      ['info', 'big-1', '/graphql', 413],
    ]);
  });

  it('logs masked unexpected errors with their stack, and nothing below LOG_LEVEL', async () => {
    const lines: string[] = [];
    const yoga = createTalkGraphYoga({
      schema,
      graphs: new GraphHolder(null),
      config: serverConfigFromEnv({}),
      logger: createJsonLogger({ level: 'warn', write: (line) => lines.push(line) }),
    });
    const response = await query(yoga, '{"query":"{ talks { totalCount } }"}');
    expect(JSON.stringify(await response.json())).not.toContain('not loaded');
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries.every((e) => e.level === 'error' || e.level === 'warn')).toBe(true);
    const logged = entries.find((e) => e.source === 'yoga');
    expect(logged?.level).toBe('error');
    expect(JSON.stringify(logged)).toContain('The graph is not loaded yet.');
    expect(logged?.error?.stack).toContain('graph-holder.ts');
  });
});
