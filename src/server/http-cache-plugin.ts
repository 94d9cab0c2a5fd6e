import { createHash } from 'node:crypto';
import { mapMaybePromise, type Plugin } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { pathnameOf } from './request-path.ts';

export interface HttpCacheOptions {
  graphs: GraphHolder;
  /** Paths whose GET/HEAD answers get validators, e.g. ['/graphql', '/calendar.ics']. */
  paths: readonly string[];
  /** `Cache-Control: public, max-age=N`. Default DEFAULT_CACHE_MAX_AGE. */
  maxAge?: number;
}

export const DEFAULT_CACHE_MAX_AGE = 60;

/** Bodies worth a validator: GraphQL results (both media types) and calendars; not HTML, SSE or multipart. */
const CACHEABLE_TYPE = /^(application\/json|application\/graphql-response\+json|text\/calendar)\s*(;|$)/i;

/** Reads CACHE_MAX_AGE: whole seconds ≥ 0; unset or empty means the default. Throws on anything else. */
export function parseCacheMaxAge(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_CACHE_MAX_AGE;
  if (!/^\d+$/.test(value.trim())) throw new Error(`CACHE_MAX_AGE must be a whole number of seconds, got "${value}".`);
  return Number(value.trim());
}

/** The strong entity tag of a body served from a graph version. */
export function entityTag(graphVersion: string, body: string): string {
  const digest = createHash('sha256').update(graphVersion).update('\0').update(body).digest('base64url').slice(0, 27);
  return `"${graphVersion}-${digest}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/` is ignored, `*` matches anything. */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/** The fetch classes Yoga hands to hooks. */
interface FetchClasses {
  Headers: typeof Headers;
  Response: typeof Response;
}

function addVary(headers: Headers, ...names: string[]): void {
  const present = (headers.get('vary') ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const lower = new Set(present.map((v) => v.toLowerCase()));
  headers.set('vary', [...present, ...names.filter((n) => !lower.has(n.toLowerCase()))].join(', '));
}

/**
 * HTTP caching for dashboards. A successful GET (or HEAD) of a listed path gets a strong `ETag` —
 * a hash of the served graph's version and the exact body — plus `Cache-Control: public, max-age=N`
 * and `Vary: Accept, Origin`; when `If-None-Match` names that tag the answer is `304 Not Modified`
 * with no body. POST and other methods, errors (non-200) and non-cacheable media types are untouched.
 * The body is rendered before the comparison, so a 304 saves bytes on the wire, not the execution;
 * an answer that already carries its ETag (a cached calendar) is compared by that tag, its body unread.
 */
export function useHttpCache(options: HttpCacheOptions): Plugin {
  const maxAge = options.maxAge ?? DEFAULT_CACHE_MAX_AGE;
  const paths = new Set(options.paths);

  function withValidators(request: Request, response: Response, body: string, setResponse: (response: Response) => void, fetchAPI: FetchClasses): void {
    const etag = entityTag(options.graphs.current().version, body);
    const headers = new fetchAPI.Headers(response.headers);
    headers.set('etag', etag);
    headers.set('cache-control', `public, max-age=${maxAge}`);
    addVary(headers, 'Accept', 'Origin');
    if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
      headers.delete('content-type');
      headers.delete('content-length');
      setResponse(new fetchAPI.Response(null, { status: 304, headers }));
    } else {
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    }
  }

  function withKnownTag(request: Request, response: Response, etag: string, setResponse: (response: Response) => void, fetchAPI: FetchClasses): void {
    response.headers.set('cache-control', `public, max-age=${maxAge}`);
    addVary(response.headers, 'Accept', 'Origin');
    if (!ifNoneMatchHits(request.headers.get('if-none-match'), etag)) return;
    const headers = new fetchAPI.Headers(response.headers);
    headers.delete('content-type');
    headers.delete('content-length');
    setResponse(new fetchAPI.Response(null, { status: 304, headers }));
  }

  return {
    // Not `async`: answers that get no validator (POST, most of the traffic) pass without a promise.
    onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (response.status !== 200 || !options.graphs.ready) return;
      if (!paths.has(pathnameOf(request))) return;
      if (!CACHEABLE_TYPE.test(response.headers.get('content-type') ?? '')) return;
      const etag = response.headers.get('etag');
      if (etag) return withKnownTag(request, response, etag, setResponse, fetchAPI);
      return mapMaybePromise(response.text(), (body) => withValidators(request, response, body, setResponse, fetchAPI));
    },
  };
}
