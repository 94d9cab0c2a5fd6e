import { getOperationAST } from 'graphql';
import { mapMaybePromise, type Plugin } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { exceedsJsonDepth } from './json-depth-limit-plugin.ts';
import type { RequestTracker } from './request-tracking.ts';
import { ResponseCache, type ResponseCacheLimits } from './response-cache.ts';

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
}

export interface Params {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
  /** The id of a persisted document (see persisted-documents-plugin.ts), sent instead of `query`. */
  documentId?: unknown;
}

const JSON_BODY = /^application\/(graphql\+)?json\s*(;|$)/i;

function parseJson(text: string | null): unknown {
  if (text === null || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return Symbol.for('invalid');
  }
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

/**
 * The operation, variables and how the answer is wanted, or null when this request is not one to
 * cache. A promise only when the body has to be waited for (a buffered body is read at once).
 */
function cacheKeyOf(request: Request, url: URL): CacheKey | Promise<CacheKey> {
  if (request.method === 'GET') {
    const search = url.searchParams;
    return cacheKeyFor(request.headers.get('accept'), {
      query: search.get('query'),
      operationName: search.get('operationName'),
      variables: parseJson(search.get('variables')),
      extensions: parseJson(search.get('extensions')),
      documentId: search.get('documentId') ?? undefined,
    });
  }
  if (request.method !== 'POST' || !JSON_BODY.test(request.headers.get('content-type') ?? '')) return null;
  return mapMaybePromise(request.clone().text(), (text) => {
    const body = parseJson(text);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
    return cacheKeyFor(request.headers.get('accept'), body as Params);
  });
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
 * It looks up after the plugins listed before it have passed the request (the body limit; for a
 * GET also CSRF prevention, which a JSON POST passes by its content type) and before parsing,
 * validation and execution; the response hooks (CORS, request id, metrics, log, ETag) still run
 * on a cached answer. The
 * `x-cache` response header says HIT, MISS or BYPASS. A request sent with `Cache-Control:
 * no-cache` is executed anew (and its answer stored); `no-store` is neither looked up nor stored.
 */
export function useResponseCache(options: ResponseCacheOptions): Plugin {
  const cache = options.cache ?? new ResponseCache(options);
  const path = options.path ?? '/graphql';
  const pending = new WeakMap<object, Pending>();
  function lookUp(
    request: Request,
    url: URL,
    serverContext: object,
    endResponse: (response: Response) => void,
    fetchAPI: { Response: typeof Response },
  ): void | Promise<void> {
    if (url.pathname !== path || !options.graphs.ready) return;
    return mapMaybePromise(cacheKeyOf(request, url), (found) => {
      if (found) lookUpKey(request, found, serverContext, endResponse, fetchAPI);
    });
  }

  function lookUpKey(
    request: Request,
    found: NonNullable<CacheKey>,
    serverContext: object,
    endResponse: (response: Response) => void,
    fetchAPI: { Response: typeof Response },
  ): void {
    const policy = cachePolicyOf(request.headers.get('cache-control'));
    if (policy === 'skip') return;
    const version = options.graphs.current().version;
    if (policy === 'lookUp') {
      const hit = cache.get(version, found.key);
      if (hit) {
        const record = options.tracker?.get(serverContext);
        if (record) record.operationName = hit.operationName?.slice(0, 200) ?? null;
        endResponse(
          new fetchAPI.Response(hit.body as unknown as BodyInit, {
            status: hit.status,
            headers: { 'content-type': hit.contentType, [CACHE_STATUS_HEADER]: 'HIT' },
          }),
        );
        return;
      }
    }
    pending.set(serverContext, { version, key: found.key, operationName: found.operationName, isQuery: false, cacheable: false });
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

  // The hooks are not `async`: a promise on every request makes Yoga wait a turn for each; they
  // return one only when they have to wait (for a body that is still streaming in).
  return {
    // A POST with a JSON body passes CSRF prevention by its content type (it is preflighted), so it
    // can be answered as soon as the body limit has passed it, before the rest of the pipeline.
    onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'POST') return lookUp(request, url, serverContext, endResponse, fetchAPI);
    },
    // A GET is looked up once the request-parse hooks before this plugin (CSRF prevention) have passed it.
    onRequestParse({ request, url, serverContext, endResponse, fetchAPI }) {
      if (request.method === 'GET') return lookUp(request, url, serverContext, endResponse, fetchAPI);
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
    onResponse({ request, response, serverContext, setResponse, fetchAPI }) {
      const state = pending.get(serverContext);
      if (!state) return;
      pending.delete(serverContext);
      const bypass = cachePolicyOf(request.headers.get('cache-control')) === 'refresh';
      const contentType = response.headers.get('content-type');
      if (state.cacheable && response.status === 200 && contentType) {
        return mapMaybePromise(response.text(), (text) => store(response, state, bypass, contentType, text, setResponse, fetchAPI));
      }
      response.headers.set(CACHE_STATUS_HEADER, bypass ? 'BYPASS' : 'MISS');
    },
  };
}
