import type { IncomingMessage, RequestListener } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { createContext, type GraphContext } from '../schema/context.ts';
import { useContentLengthCheck } from './body-limit-plugin.ts';
import type { CalendarCache } from './calendar-cache.ts';
import { useDashboard } from './dashboard-plugin.ts';
import { useTalkCalendar } from './calendar-plugin.ts';
import { corsOptionsOf, type CorsPolicy } from './cors-policy.ts';
import { CompiledOperations, useCompiledExecution, type CompiledOperationsOptions } from './compiled-execution-plugin.ts';
import { createParserCaches } from './document-caches.ts';
import { useEnumHints } from './enum-hints-plugin.ts';
import { useGraphiQLAsset } from './graphiql-asset-plugin.ts';
import { EXAMPLE_QUERIES } from './example-queries.ts';
import { FastLane } from './fast-lane.ts';
import { guardHost } from './host-guard.ts';
import { useHttpCache } from './http-cache-plugin.ts';
import { usePersistedDocuments } from './persisted-documents-plugin.ts';
import { createJsonLogger, yogaLoggerOf, type JsonLogger } from './json-logger.ts';
import { logRequest, useRequestLogging } from './logging-plugin.ts';
import { createMetrics } from './metrics-plugin.ts';
import { useReadiness } from './readiness-plugin.ts';
import { RequestTracker, requestIdOf, useRequestTracking } from './request-tracking.ts';
import { ResponseCache, type ResponseCacheLimits } from './response-cache.ts';
import { useResponseCache } from './response-cache-plugin.ts';
import { createSecurityPlugins } from './security-plugins.ts';
import { serverConfigFromEnv, type ServerConfig } from './server-config.ts';

export interface YogaOptions {
  schema: GraphQLSchema;
  graphs: GraphHolder;
  /** Serve GraphiQL on GET /graphql from a browser. Default true. */
  graphiql?: boolean;
  /** Cross-origin access (env CORS_ORIGINS). Default: any origin, without credentials. */
  cors?: CorsPolicy;
  /** Seconds for `Cache-Control: public, max-age=N` on GET answers (env CACHE_MAX_AGE). Default 60. */
  cacheMaxAge?: number;
  /** Limits and environment switches. Default: from the environment (serverConfigFromEnv). */
  config?: ServerConfig;
  /** JSON logger for request and Yoga logs. Default: stderr at config.logLevel. */
  logger?: JsonLogger;
  /** In-memory cache of query answers per graph version (limits, or a cache to share/inspect); false turns it off. Default on. */
  responseCache?: ResponseCacheLimits | ResponseCache | false;
  /** Execute through graphql-jit where it gives graphql-js' answers (see useCompiledExecution). Default true. */
  compiledExecution?: boolean;
  /** When and how much graphql-jit compiles (see CompiledOperations). Default: jitAfter from config. */
  compiledOperations?: CompiledOperationsOptions;
  /** Answer JSON POSTs of known queries outside Yoga's pipeline (see FastLane; the listener only). Default: config.fastLane. */
  fastLane?: boolean;
  /** Bytes of documents the fast lane learns (see FastLane). Default 16 MiB. */
  fastLaneDocumentBytes?: number;
  /** Rendered calendars of /calendar.ics (a cache to share or inspect). Default: a new CalendarCache. */
  calendarCache?: CalendarCache;
}

export type TalkGraphYoga = YogaServerInstance<Record<string, unknown>, GraphContext>;

export interface TalkGraphServer {
  yoga: TalkGraphYoga;
  /** The Node request listener: the fast lane in front of Yoga (or Yoga itself when the fast lane is off). */
  listener: RequestListener;
  /** Null when the fast lane is off. */
  fastLane: FastLane | null;
  /** The GraphiQL page's plugin (stats: renders); null when GraphiQL is off. */
  graphiql: ReturnType<typeof useGraphiQLAsset> | null;
  /** graphql-jit compilations (stats: compilations, compiled runs); null when compiled execution is off. */
  compiled: CompiledOperations | null;
}

/** The Yoga instance, for tests and tools that call `yoga.fetch` (see createTalkGraphServer). */
export function createTalkGraphYoga(options: YogaOptions): TalkGraphYoga {
  return createTalkGraphServer(options).yoga;
}

/**
 * The Yoga instance: schema, per-request context (one graph per request), GraphiQL served from
 * the package (no CDN), `/health` (alive) and `/ready` (graph loaded), `/calendar.ics`, ETag/304 on
 * GET answers, CORS by policy; and the Node request listener that serves it, with the fast lane in
 * front. Nothing listens here.
 */
export function createTalkGraphServer(options: YogaOptions): TalkGraphServer {
  const config = options.config ?? serverConfigFromEnv();
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel });
  const tracker = new RequestTracker();
  const metrics = config.metrics
    ? createMetrics({ graphs: options.graphs, tracker, knownPaths: ['/graphql', '/health', '/ready', '/metrics', '/calendar.ics'] })
    : null;
  const cache =
    options.responseCache === false ? null : options.responseCache instanceof ResponseCache ? options.responseCache : new ResponseCache(options.responseCache);
  const compiled =
    options.compiledExecution === false ? null : new CompiledOperations(options.schema, { jitAfter: config.jitAfter, ...options.compiledOperations });
  // The fast lane answers texts it learned without Yoga's plugins, so it cannot serve a persisted-only server.
  const fastLane = !((options.fastLane ?? config.fastLane) && !config.persistedOnly)
    ? null
    : new FastLane({
        schema: options.schema,
        graphs: options.graphs,
        path: '/graphql',
        compiled,
        cache,
        maxCost: config.limits.maxCost,
        maxBodyBytes: config.limits.maxBodyBytes,
        logger,
        metrics,
        maxDocumentBytes: options.fastLaneDocumentBytes,
      });
  const graphiql =
    options.graphiql === false || !config.graphiql
      ? null
      : useGraphiQLAsset({
          endpoint: '/graphql',
          // The bundled GraphiQL (about 80 MiB once loaded) is imported on the first page view, not at start.
          render: async () =>
            (await import('@graphql-yoga/render-graphiql')).renderGraphiQL({
              title: 'Talk Graph',
              defaultQuery: EXAMPLE_QUERIES[0]!.query,
              defaultTabs: EXAMPLE_QUERIES.map((q) => ({ query: q.query })),
            }),
        });
  const yoga = createYoga<Record<string, unknown>, GraphContext>({
    schema: options.schema,
    context: () => createContext(options.graphs.current(), options.graphs),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Never leak stack traces, not even with NODE_ENV=development (Yoga's isDev default).
    maskedErrors: { isDev: false },
    batching: false,
    // Parsed documents and parse errors bounded in bytes, not by count (see document-caches.ts).
    parserAndValidationCache: createParserCaches(),
    // The byte limit is useBodyLimit's (security-plugins.ts); Yoga's own would stream every body a
    // second time. Its Content-Length header check stays, as useContentLengthCheck (last plugin).
    maxRequestBodySize: false,
    logging: config.logLevel === 'silent' ? false : yogaLoggerOf(logger),
    // GraphiQL is served by useGraphiQLAsset (rendered and compressed once), not by Yoga per view.
    graphiql: false,
    cors: corsOptionsOf(options.cors ?? { kind: 'any' }),
    plugins: [
      useRequestTracking(tracker),
      ...(graphiql ? [graphiql] : []),
      ...createSecurityPlugins(config),
      usePersistedDocuments({ only: config.persistedOnly }),
      ...(cache ? [useResponseCache({ graphs: options.graphs, tracker, cache })] : []),
      useReadiness({ endpoint: '/ready', check: () => options.graphs.ready && !options.graphs.draining }),
      useEnumHints(options.schema),
      useTalkCalendar({ graphs: options.graphs, path: '/calendar.ics', cache: options.calendarCache }),
      useDashboard(),
      useHttpCache({ graphs: options.graphs, paths: ['/graphql', '/calendar.ics'], maxAge: options.cacheMaxAge }),
      ...(metrics ? [metrics.plugin] : []),
      useRequestLogging(logger, tracker),
      ...(compiled ? [useCompiledExecution(compiled)] : []),
      useContentLengthCheck(config.limits.maxBodyBytes),
      ...(fastLane ? [fastLane.plugin()] : []),
    ],
  });
  const logBadHost = (req: IncomingMessage, status: number, code: string) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    metrics?.observe({ method, pathname: path, status, startedAt: null, errorCodes: [code] });
    logRequest(logger, { id: requestIdOf(null), startedAt: null, operationName: null, errorCodes: [code] }, method, path, status, performance.now());
  };
  return { yoga, listener: guardHost(fastLane ? fastLane.listener(yoga) : yoga, logBadHost), fastLane, compiled, graphiql };
}
