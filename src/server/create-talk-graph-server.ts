import type { IncomingMessage, RequestListener } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
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
import { type GraphWarmUp, startGraphWarmUp } from './graph-warm-up.ts';
import { EXAMPLE_QUERIES } from './example-queries.ts';
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
import { guardShortcuts } from './shortcut-safety.ts';
import { useValidationShapeCache, ValidationShapeCache } from './validation-shape-cache.ts';

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
  /** In-memory cache of query answers per graph version (limits, or a cache to share/inspect); false turns it off. Default: config.optimizations. */
  responseCache?: ResponseCacheLimits | ResponseCache | false;
  /** Execute through graphql-jit where it gives graphql-js' answers (see useCompiledExecution). Default: config.optimizations. */
  compiledExecution?: boolean;
  /** When and how much graphql-jit compiles (see CompiledOperations). Default: jitAfter from config. */
  compiledOperations?: CompiledOperationsOptions;
  /** Skip validation of a new text whose shape passed before (see ValidationShapeCache); false turns it off. Default: config.optimizations. */
  validationShapes?: ValidationShapeCache | false;
  /** Further plugins, after the project's own. One that is not shortcutSafe switches the response cache off (guardShortcuts). */
  plugins?: Plugin[];
  /** Rendered calendars of /calendar.ics (a cache to share or inspect). Default: a new CalendarCache. */
  calendarCache?: CalendarCache;
}

export type TalkGraphYoga = YogaServerInstance<Record<string, unknown>, GraphContext>;

export interface TalkGraphServer {
  yoga: TalkGraphYoga;
  /** The Node request listener: Yoga, behind the Host header check. */
  listener: RequestListener;
  /** Whether the response cache answers repeated queries (false when off, or switched off by an unsafe plugin). */
  responseCacheOn: boolean;
  /** The GraphiQL page's plugin (stats: renders); null when GraphiQL is off. */
  graphiql: ReturnType<typeof useGraphiQLAsset> | null;
  /** graphql-jit compilations (stats: compilations, compiled runs); null when compiled execution is off. */
  compiled: CompiledOperations | null;
  /** Validations skipped by shape (stats: hits, misses); null when off. */
  validationShapes: ValidationShapeCache | null;
  /** The background warm-up of each graph swapped in (see graph-warm-up.ts); null when WARM_UP is off. */
  warmUp: GraphWarmUp | null;
}

/** The Yoga instance, for tests and tools that call `yoga.fetch` (see createTalkGraphServer). */
export function createTalkGraphYoga(options: YogaOptions): TalkGraphYoga {
  return createTalkGraphServer(options).yoga;
}

/**
 * The Yoga instance: schema, per-request context (one graph per request), GraphiQL served from
 * the package (no CDN), `/health` (alive) and `/ready` (graph loaded), `/calendar.ics`, ETag/304 on
 * GET answers, CORS by policy; and the Node request listener that serves it. Every request goes
 * through Yoga's plugin pipeline. Nothing listens here.
 */
export function createTalkGraphServer(options: YogaOptions): TalkGraphServer {
  const config = options.config ?? serverConfigFromEnv();
  const logger = options.logger ?? createJsonLogger({ level: config.logLevel });
  const tracker = new RequestTracker();
  const cache =
    options.responseCache === false || (options.responseCache === undefined && !config.optimizations)
      ? null
      : options.responseCache instanceof ResponseCache
        ? options.responseCache
        : new ResponseCache(options.responseCache);
  const metrics = config.metrics
    ? createMetrics({ graphs: options.graphs, tracker, knownPaths: ['/graphql', '/health', '/ready', '/metrics', '/calendar.ics'], responseCache: cache })
    : null;
  const compiled =
    options.compiledExecution === false || (options.compiledExecution === undefined && !config.optimizations)
      ? null
      : new CompiledOperations(options.schema, { jitAfter: config.jitAfter, ...options.compiledOperations });
  const validationShapes =
    options.validationShapes === false || (options.validationShapes === undefined && !config.optimizations)
      ? null
      : (options.validationShapes ?? new ValidationShapeCache());
  const responseCache = cache ? useResponseCache({ graphs: options.graphs, tracker, cache }) : null;
  const warnCacheOff = (unsafe: readonly string[]) => logger.warn('response cache off: plugins not declared safe for its early answers', { plugins: unsafe });
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
    parserAndValidationCache: config.optimizations ? createParserCaches() : false,
    // The byte limit is useBodyLimit's (security-plugins.ts); Yoga's own would stream every body a
    // second time. Its Content-Length header check stays, as useContentLengthCheck (last plugin).
    maxRequestBodySize: false,
    logging: config.logLevel === 'silent' ? false : yogaLoggerOf(logger),
    // GraphiQL is served by useGraphiQLAsset (rendered and compressed once), not by Yoga per view.
    graphiql: false,
    cors: corsOptionsOf(options.cors ?? { kind: 'any' }),
    plugins: guardShortcuts(warnCacheOff, [
      useRequestTracking(tracker),
      ...(graphiql ? [graphiql] : []),
      ...createSecurityPlugins(config),
      usePersistedDocuments({ only: config.persistedOnly }),
      ...(validationShapes ? [useValidationShapeCache(validationShapes)] : []),
      ...(responseCache ? [responseCache] : []),
      useReadiness({ endpoint: '/ready', check: () => options.graphs.ready && !options.graphs.draining }),
      useEnumHints(options.schema),
      useTalkCalendar({ graphs: options.graphs, path: '/calendar.ics', cache: options.calendarCache }),
      useDashboard(),
      useHttpCache({ graphs: options.graphs, paths: ['/graphql', '/calendar.ics'], maxAge: options.cacheMaxAge }),
      ...(metrics ? [metrics.plugin] : []),
      useRequestLogging(logger, tracker),
      ...(compiled ? [useCompiledExecution(compiled)] : []),
      useContentLengthCheck(config.limits.maxBodyBytes),
      ...(options.plugins ?? []),
      // Last: the other plugins' request hooks run before it answers a repeat.
      ...(responseCache ? [responseCache.earlyLookup] : []),
    ]),
  });
  const logBadHost = (req: IncomingMessage, status: number, code: string) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    metrics?.observe({ method, pathname: path, status, startedAt: null, errorCodes: [code] });
    logRequest(logger, { id: requestIdOf(null), startedAt: null, operationName: null, errorCodes: [code] }, method, path, status, performance.now());
  };
  const warmUp = config.warmUp ? startGraphWarmUp({ schema: options.schema, graphs: options.graphs, logger }) : null;
  return {
    yoga,
    listener: guardHost(yoga, logBadHost),
    responseCacheOn: responseCache?.shortcut.enabled ?? false,
    compiled,
    graphiql,
    validationShapes,
    warmUp,
  };
}
