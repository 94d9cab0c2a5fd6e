import { getOperationAST } from 'graphql';
import { mapMaybePromise, type Plugin } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { exceedsJsonDepth } from './json-depth-limit-plugin.ts';
import type { RequestTracker } from './request-tracking.ts';
import { ResponseCache, type ResponseCacheLimits } from './response-cache.ts';
import { pathnameOf } from './request-path.ts';
import { offersShortcut, type Shortcut } from './shortcut-safety.ts';

export const CACHE_STATUS_HEADER = 'x-cache';

export interface ResponseCacheOptions extends ResponseCacheLimits {
  graphs: GraphHolder;
  /** The GraphQL endpoint. Default /graphql. */
  path?: string;
  /** Notes the operation name of answers served from the cache, for the request log. */
  tracker?: RequestTracker;
  /** A cache to use (tests and benchmarks read its stats); default: a new one with the given limits. */
  cache?: ResponseCache;
}

interface Pending {
  version: string;
  key: string;
  operationName: string | null;
  isQuery: boolean;
  cacheable: boolean;
  /** Sent with `Cache-Control: no-cache` (executed anew): the answer says BYPASS. */
  bypass: boolean;
}

export interface Params {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
  /** The id of a persisted document (see persisted-documents-plugin.ts), sent instead of `query`. */
  documentId?: unknown;
}

export type CacheKey = { key: string; operationName: string | null } | null;

/**
 * What a request's Cache-Control asks of the cache: `lookUp` (serve a stored answer, and store
 * this one), `refresh` (no-cache: execute anew and store), `skip` (no-store: neither).
 */
export type CachePolicy = 'lookUp' | 'refresh' | 'skip';

export function cachePolicyOf(cacheControl: string | null | undefined): CachePolicy {
  const directives = (cacheControl ?? '').toLowerCase();
  if (directives.includes('no-store')) return 'skip';
  return directives.includes('no-cache') ? 'refresh' : 'lookUp';
}

/** The cache key of a request's GraphQL parameters, or null when they are not a single operation to cache. */
export function cacheKeyFor(accept: string | null | undefined, params: Params): CacheKey {
  const { query, operationName, variables, extensions, documentId } = params;
  if (typeof query !== 'string' && typeof documentId !== 'string') return null;
  if (typeof variables === 'symbol' || typeof extensions === 'symbol') return null;
  if (documentId !== undefined && typeof documentId !== 'string') return null;
  if (exceedsJsonDepth(variables) || exceedsJsonDepth(extensions)) return null; // refused later (useJsonDepthLimit); JSON.stringify would overflow the stack
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  const name = typeof operationName === 'string' ? operationName : null;
  // Accept decides the media type and, for errors, the status: answers to different Accept headers differ.
  // A persisted document's id is part of the key (a request with an id and a text is refused, never served).
  const key = JSON.stringify([accept ?? '', name, query ?? null, variables ?? null, extensions ?? null, ...(documentId === undefined ? [] : [documentId])]);
  return { key, operationName: name };
}

/**
 * Serves repeated GraphQL queries from memory: the exact bytes of an earlier answer to the same
 * operation, variables and Accept header on the same graph version (see ResponseCache). Only
 * successful query results are kept (status 200, no `errors`), so anything that depends on more
 * than the graph — a rejected limit, a masked internal error — is executed every time.
 *
 * It looks up inside Yoga's pipeline, once the request hooks and the request-parse hooks of the
 * plugins before it (body limit, CSRF prevention) have passed the request, and before parsing,
 * validation and execution; the response hooks (CORS, request id, metrics, log, ETag) run on a
 * cached answer as on any other. Skipping the rest is an early answer: any plugin that has not
 * declared itself safe for it switches the cache off (guardShortcuts in shortcut-safety.ts). The
 * `x-cache` response header says HIT, MISS or BYPASS. A request sent with `Cache-Control:
 * no-cache` is executed anew (and its answer stored); `no-store` is neither looked up nor stored.
 */
export function useResponseCache(options: ResponseCacheOptions): Plugin & { shortcut: Shortcut } {
  const cache = options.cache ?? new ResponseCache(options);
  const path = options.path ?? '/graphql';
  const pending = new WeakMap<object, Pending>();
  let enabled = true;
  const shortcut: Shortcut = {
    get enabled() {
      return enabled;
    },
    disable() {
      enabled = false;
    },
  };

  /** Called with the request's parameters, as Yoga's request parser read them: a cached answer, or the parameters. */
  function lookUp(request: Request, params: unknown, url: URL, policy: CachePolicy, serverContext: object, fetchAPI: { Response: typeof Response }): unknown {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) return params;
    // Yoga's GET parser reads only the standard parameters; a persisted document's id is in the query string.
    const found = cacheKeyFor(
      request.headers.get('accept'),
      request.method === 'GET' ? { ...(params as Params), documentId: url.searchParams.get('documentId') ?? undefined } : (params as Params),
    );
    if (!found) return params;
    const version = options.graphs.current().version;
    if (policy === 'lookUp') {
      const hit = cache.get(version, found.key);
      if (hit) {
        const record = options.tracker?.get(serverContext);
        if (record) record.operationName = hit.operationName?.slice(0, 200) ?? null;
        return new fetchAPI.Response(hit.body as unknown as BodyInit, {
          status: hit.status,
          headers: { 'content-type': hit.contentType, [CACHE_STATUS_HEADER]: 'HIT' },
        });
      }
    }
    pending.set(serverContext, { version, key: found.key, operationName: found.operationName, isQuery: false, cacheable: false, bypass: policy === 'refresh' });
    return params;
  }

  function store(
    response: Response,
    state: Pending,
    bypass: boolean,
    contentType: string,
    text: string,
    setResponse: (response: Response) => void,
    fetchAPI: { Response: typeof Response },
  ): void {
    const body = Buffer.from(text);
    cache.set(state.version, state.key, { body, status: 200, contentType, operationName: state.operationName });
    // The body was read to be stored: answer with a new response holding the same bytes (and the
    // same headers: the old response is spent, so its Headers object can move over).
    response.headers.set(CACHE_STATUS_HEADER, bypass ? 'BYPASS' : 'MISS');
    setResponse(new fetchAPI.Response(body as unknown as BodyInit, { status: response.status, headers: response.headers }));
  }

  // The hooks are not `async`: a promise on every request makes Yoga wait a turn for each.
  const plugin: Plugin = {
    // Looked up once every request-parse hook before this plugin (CSRF prevention, the parse-error
    // wording) has passed the request, with the parameters Yoga's own parser reads (the body is read
    // and parsed once): Yoga answers with a Response its request parser returns, before parsing,
    // validating and executing the document.
    onRequestParse({ request, url, serverContext, requestParser, setRequestParser, fetchAPI }) {
      if (!enabled || !requestParser || (request.method !== 'GET' && request.method !== 'POST')) return;
      if (pathnameOf(request) !== path || !options.graphs.ready) return;
      const policy = cachePolicyOf(request.headers.get('cache-control'));
      if (policy === 'skip') return;
      setRequestParser((req) => mapMaybePromise(requestParser(req), (params) => lookUp(req, params, url, policy, serverContext, fetchAPI) as never));
    },
    onExecute({ args }) {
      const state = pending.get(args.contextValue as object);
      if (state) state.isQuery = getOperationAST(args.document, args.operationName)?.operation === 'query';
    },
    onResultProcess({ result, serverContext }) {
      const state = pending.get(serverContext);
      if (!state?.isQuery || Array.isArray(result) || result === null || typeof result !== 'object' || Symbol.asyncIterator in result) return;
      const errors = (result as { errors?: readonly unknown[] }).errors;
      state.cacheable = !errors || errors.length === 0;
    },
    onResponse({ response, serverContext, setResponse, fetchAPI }) {
      const state = pending.get(serverContext);
      if (!state) return;
      pending.delete(serverContext);
      const bypass = state.bypass;
      const contentType = response.headers.get('content-type');
      if (state.cacheable && response.status === 200 && contentType) {
        return mapMaybePromise(response.text(), (text) => store(response, state, bypass, contentType, text, setResponse, fetchAPI));
      }
      response.headers.set(CACHE_STATUS_HEADER, bypass ? 'BYPASS' : 'MISS');
    },
  };
  return Object.assign(offersShortcut(plugin, shortcut), { shortcut });
}
