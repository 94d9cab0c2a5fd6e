import type { YogaServerOptions } from 'graphql-yoga';

/** Which browser origins may read responses cross-origin. */
export type CorsPolicy = { kind: 'any' } | { kind: 'none' } | { kind: 'list'; origins: readonly string[] };

type YogaCors = NonNullable<YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['cors']>;

/** Response headers a cross-origin dashboard may read (besides the CORS-safelisted ones). */
const EXPOSED_HEADERS = ['ETag', 'X-Talks-Without-Start'];

/** An origin as browsers send it: scheme://host[:port], no path, no trailing slash, lower case. */
function normalizeOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

/**
 * Reads CORS_ORIGINS. Unset or `*`: any origin, without credentials (the data is public and read-only;
 * no cookies are ever honoured). Empty or `none`: no cross-origin access. Otherwise a comma-separated
 * allow-list of origins (`https://dash.example.com,http://localhost:3000`).
 */
export function parseCorsOrigins(value: string | undefined): CorsPolicy {
  if (value === undefined || value.trim() === '*') return { kind: 'any' };
  const items = value.split(',').map(normalizeOrigin).filter(Boolean);
  if (items.length === 0 || (items.length === 1 && items[0] === 'none')) return { kind: 'none' };
  if (items.includes('*')) return { kind: 'any' };
  for (const item of items) {
    if (!/^https?:\/\/[^/\s]+$/.test(item)) throw new Error(`CORS_ORIGINS: "${item}" is not an origin such as https://dash.example.com.`);
  }
  return { kind: 'list', origins: items };
}

/**
 * The Yoga `cors` option for a policy. Never sends Access-Control-Allow-Credentials (Yoga's own default
 * would reflect any origin *with* credentials). An origin outside the allow-list gets no CORS headers at
 * all (rather than `Access-Control-Allow-Origin: null`), so the browser refuses it.
 */
export function corsOptionsOf(policy: CorsPolicy): YogaCors {
  if (policy.kind === 'none') return false;
  const base = { credentials: false, exposedHeaders: EXPOSED_HEADERS, methods: ['GET', 'POST', 'OPTIONS'] };
  if (policy.kind === 'any') return { ...base, origin: '*' };
  const allowed = new Set(policy.origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin && allowed.has(normalizeOrigin(origin)) ? { ...base, origin } : false;
  };
}
