import type { Plugin } from 'graphql-yoga';
import { countBySeverity } from '../domain/count-by-severity.ts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { GraphHolder } from '../graph/graph-holder.ts';
import type { RequestTracker } from './request-tracking.ts';
import type { ResponseCache } from './response-cache.ts';
import { pathnameOf } from './request-path.ts';

export const METRICS_ENDPOINT = '/metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

let processRegistry: Registry | null = null;

/** Node process metrics (CPU, RSS, heap, event-loop lag, GC), collected once per process. */
function sharedProcessRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface MetricsOptions {
  graphs: GraphHolder;
  tracker: RequestTracker;
  /** Paths reported as themselves in the `path` label; any other path counts as "other". */
  knownPaths: readonly string[];
  /** The response cache whose lookups, refusals and size are reported; none when it is off. */
  responseCache?: ResponseCache | null;
}

/**
 * Prometheus metrics of one Yoga instance, on its own registry (so several instances, as in tests,
 * never clash), served at GET /metrics together with the process metrics.
 */
/** One answered request, as the metrics count it. */
export interface AnsweredRequest {
  method: string;
  pathname: string;
  status: number;
  /** performance.now() when handling began; null when unknown (no latency is observed). */
  startedAt: number | null;
  errorCodes: readonly string[];
}

export interface Metrics {
  registry: Registry;
  plugin: Plugin;
  /** Counts an answer given outside Yoga's pipeline (a refused Host header); the plugin counts the rest. */
  observe(answered: AnsweredRequest): void;
}

export function createMetrics({ graphs, tracker, knownPaths, responseCache }: MetricsOptions): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'talkgraph_http_requests_total',
    help: 'HTTP requests answered, by method, path and status.',
    labelNames: ['method', 'path', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'talkgraph_http_request_duration_seconds',
    help: 'Time from receiving a request to its response, by path.',
    labelNames: ['path'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'talkgraph_graphql_errors_total',
    help: 'GraphQL errors in responses, by extensions.code (UNCODED when there is none).',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'talkgraph_graph_ready',
    help: '1 when a graph is loaded and served.',
    registers: [registry],
    collect() {
      this.set(graphs.ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'talkgraph_graph_entities',
    help: 'Entities in the served graph, by kind.',
    labelNames: ['kind'] as const,
    registers: [registry],
    collect() {
      this.reset();
      if (!graphs.ready) return;
      const graph = graphs.current();
      this.set({ kind: 'talks' }, graph.allTalks().length);
      this.set({ kind: 'speakers' }, graph.allSpeakers().length);
      this.set({ kind: 'organizations' }, graph.allOrganizations().length);
      this.set({ kind: 'topics' }, graph.allTopics().length);
      this.set({ kind: 'events' }, graph.allEvents().length);
      this.set({ kind: 'posts' }, graph.allPosts().length);
    },
  });
  new Gauge({
    name: 'talkgraph_graph_diagnostics',
    help: 'Ingest diagnostics of the served graph, by severity.',
    labelNames: ['severity'] as const,
    registers: [registry],
    collect() {
      this.reset();
      if (!graphs.ready) return;
      for (const [severity, count] of Object.entries(countBySeverity(graphs.current().data.diagnostics))) this.set({ severity }, count);
    },
  });

  if (responseCache) registerResponseCacheMetrics(registry, responseCache);

  const known = new Set(knownPaths);
  function observe({ method, pathname, status, startedAt, errorCodes }: AnsweredRequest): void {
    const path = known.has(pathname) ? pathname : 'other';
    requests.inc({ method: METHODS.has(method) ? method : 'OTHER', path, status: String(status) });
    if (startedAt !== null) latency.observe({ path }, (performance.now() - startedAt) / 1000);
    for (const code of errorCodes) errors.inc({ code });
  }
  const plugin: Plugin = {
    // Not `async`: a hook that returns a promise on every request makes Yoga wait a turn for it.
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_ENDPOINT || request.method !== 'GET') return;
      return (async () => {
        const text = (await registry.metrics()) + (await sharedProcessRegistry().metrics());
        endResponse(new fetchAPI.Response(text, { status: 200, headers: { 'content-type': registry.contentType } }));
      })();
    },
    onResponse({ request, response, serverContext }) {
      const record = tracker.get(serverContext);
      // Without a record (answered before our hooks) only the request itself is counted.
      observe({
        method: request.method,
        pathname: pathnameOf(request),
        status: response.status,
        startedAt: record?.startedAt ?? null,
        errorCodes: record?.errorCodes ?? [],
      });
    },
  };
  return { registry, plugin, observe };
}

/** The response cache's counts, read from its stats when scraped: hit ratio, refusals (one-offs not kept), size. */
function registerResponseCacheMetrics(registry: Registry, cache: ResponseCache): void {
  new Counter({
    name: 'talkgraph_response_cache_lookups_total',
    help: 'GraphQL requests looked up in the response cache, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers: [registry],
    collect() {
      const { hits, misses } = cache.stats();
      this.reset();
      this.inc({ result: 'hit' }, hits);
      this.inc({ result: 'miss' }, misses);
    },
  });
  new Counter({
    name: 'talkgraph_response_cache_refused_total',
    help: 'Answers not kept: the cache was full and they were asked for no more often than the answer they would evict.',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(cache.stats().refused);
    },
  });
  new Gauge({
    name: 'talkgraph_response_cache_entries',
    help: 'Answers held by the response cache (for the served graph version).',
    registers: [registry],
    collect() {
      this.set(cache.stats().entries);
    },
  });
  new Gauge({
    name: 'talkgraph_response_cache_bytes',
    help: 'Bytes the response cache holds, keys included.',
    registers: [registry],
    collect() {
      this.set(cache.stats().bytes);
    },
  });
}
