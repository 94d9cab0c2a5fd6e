import { getOperationAST } from 'graphql';
import { mapMaybePromise, type Plugin } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { exceedsJsonDepth } from './json-depth-limit-plugin.ts';
import type { RequestTracker } from './request-tracking.ts';
import { type CachedResponse, ResponseCache, type ResponseCacheLimits } from './response-cache.ts';
import { pathnameOf } from './request-path.ts';
import { CSRF_HEADER } from './security-plugins.ts';
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

/** Request bodies the early lookup reads: the JSON ones Yoga's POST parser takes (others go the whole way). */
const JSON_BODY = /^application\/(?:graphql\+)?json\s*(?:;|$)/i;

/** Whether a request is one the Node adapter made, whose body can be read again (it keeps the text). */
function isAdapterRequest(request: unknown, AdapterRequest: typeof Request): boolean {
  return request instanceof AdapterRequest;
}

/**
 * The key of a request exactly as sent, for the early lookup: the method, every header a request
 * hook skipped by an early answer reads (Accept, Content-Type, the CSRF header's presence), the query
 * string and the body. Byte-identical requests (a dashboard polling) share it; the same operation
 * written another way has its own, and is found by its parameters' key instead.
 */
export function rawRequestKey(request: Request, body: string): string {
  const { headers } = request;
  const queryStart = request.url.indexOf('?');
  const search = queryStart < 0 ? '' : request.url.slice(queryStart);
  const csrf = headers.has(CSRF_HEADER) ? '1' : '0';
  return `${request.method}\n${headers.get('accept') ?? ''}\n${headers.get('content-type') ?? ''}\n${csrf}\n${search}\n${body}`;
}

/**
 * Serves repeated GraphQL queries from memory: the exact bytes of an earlier answer to the same
 * operation, variables and Accept header on the same graph version (see ResponseCache). Only
 * successful query results are kept (status 200, no `errors`), so anything that depends on more
 * than the graph — a rejected limit, a masked internal error — is executed every time.
 *
 * It looks up twice inside Yoga's pipeline, before parsing, validation and execution. First, in the
 * last request hook of all (`earlyLookup`: list it after every other plugin), by the request exactly
 * as sent (rawRequestKey): a request byte-identical to one answered before is answered before its
 * body is parsed, the cheapest answer Yoga can give. Then, once the request-parse hooks (CSRF
 * prevention, the parse-error wording) have passed the request, by the parameters Yoga's own parser
 * read: the same operation sent another way (GET or POST, other key order). A request whose answer
 * was found by its parameters is kept under its bytes too, so its next repeat is answered first;
 * a one-off request is kept once at most (once the cache is full, not at all: ResponseCache admits
 * by frequency). The response hooks (CORS, request id, metrics, log, ETag) run on
 * a cached answer as on any other. Skipping the rest is an early answer: any plugin that has not
 * declared itself safe for it switches the cache off (guardShortcuts in shortcut-safety.ts). The
 * `x-cache` response header says HIT, MISS or BYPASS. A request sent with `Cache-Control:
 * no-cache` is executed anew (and its answer stored); `no-store` is neither looked up nor stored.
 */
export function useResponseCache(options: ResponseCacheOptions): Plugin & { shortcut: Shortcut; earlyLookup: Plugin } {
  const cache = options.cache ?? new ResponseCache(options);
  const path = options.path ?? '/graphql';
  const pending = new WeakMap<object, Pending>();
  /** The raw key of a request the early lookup did not find, until its parameters are read. */
  const rawKeys = new WeakMap<object, string>();
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
    const rawKey = rawKeys.get(serverContext) ?? null;
    const version = options.graphs.current().version;
    if (policy === 'lookUp') {
      const hit = cache.get(version, found.key);
      if (hit) {
        // Asked for again: its next repeat in the same bytes is answered by the early lookup.
        if (rawKey !== null) cache.set(version, rawKey, hit);
        return answer(hit, serverContext, fetchAPI);
      }
    }
    pending.set(serverContext, { version, key: found.key, operationName: found.operationName, isQuery: false, cacheable: false, bypass: policy === 'refresh' });
    return params;
  }

  function answer(hit: CachedResponse, serverContext: object, fetchAPI: { Response: typeof Response }): Response {
    const record = options.tracker?.get(serverContext);
    if (record) record.operationName = hit.operationName?.slice(0, 200) ?? null;
    return new fetchAPI.Response(hit.body as unknown as BodyInit, {
      status: hit.status,
      headers: { 'content-type': hit.contentType, [CACHE_STATUS_HEADER]: 'HIT' },
    });
  }

  /** The early lookup's answer to a request as sent, or nothing (then its raw key waits for the parameters). */
  function lookUpRaw(request: Request, body: string, serverContext: object, fetchAPI: { Response: typeof Response }): Response | undefined {
    const rawKey = rawRequestKey(request, body);
    const hit = cache.get(options.graphs.current().version, rawKey, false);
    if (hit) return answer(hit, serverContext, fetchAPI);
    rawKeys.set(serverContext, rawKey);
    return undefined;
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

  /** Whether a request is one to look up: a GET or POST to the endpoint of a ready server, unless it says no-store. */
  function policyFor(request: Request): CachePolicy | null {
    if (!enabled || (request.method !== 'GET' && request.method !== 'POST')) return null;
    if (pathnameOf(request) !== path || !options.graphs.ready) return null;
    const policy = cachePolicyOf(request.headers.get('cache-control'));
    return policy === 'skip' ? null : policy;
  }

  const earlyLookup: Plugin = {
    // Reads the body as Yoga's POST parser would (the Node adapter's Request keeps the text, so the
    // parser does not read it again); any other Request is replaced by one holding the text.
    onRequest({ request, serverContext, endResponse, setRequest, fetchAPI }) {
      if (policyFor(request) !== 'lookUp') return;
      if (request.method === 'GET') {
        const hit = lookUpRaw(request, '', serverContext, fetchAPI);
        if (hit) endResponse(hit);
        return;
      }
      if (!JSON_BODY.test(request.headers.get('content-type') ?? '')) return;
      return mapMaybePromise(
        request.text(),
        (body) => {
          const hit = lookUpRaw(request, body, serverContext, fetchAPI);
          if (hit) endResponse(hit);
          else if (!isAdapterRequest(request, fetchAPI.Request))
            setRequest(new fetchAPI.Request(request.url, { method: 'POST', headers: request.headers, body, signal: request.signal }));
        },
        // A body that fails to arrive is Yoga's parser's to report (a 400), as without the cache.
        () => undefined,
      );
    },
  };

  // The hooks are not `async`: a promise on every request makes Yoga wait a turn for each.
  const plugin: Plugin = {
    // Looked up by parameters once every request-parse hook before this plugin (CSRF prevention, the
    // parse-error wording) has passed the request, with the parameters Yoga's own parser reads (the
    // body is read and parsed once): Yoga answers with a Response its request parser returns, before
    // parsing, validating and executing the document.
    onRequestParse({ request, url, serverContext, requestParser, setRequestParser, fetchAPI }) {
      const policy = requestParser ? policyFor(request) : null;
      if (policy === null || !requestParser) return;
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
  return Object.assign(offersShortcut(plugin, shortcut), { shortcut, earlyLookup: offersShortcut(earlyLookup, shortcut, { answersIn: 'onRequest' }) });
}
