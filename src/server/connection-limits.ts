import { createServer, type RequestListener, type Server } from 'node:http';
import type { Env } from './server-config.ts';

/** How long a client may take and how many may be connected at once (slow clients, connection floods). */
export interface ConnectionLimits {
  /** Milliseconds to receive a request's headers; a slow-loris client is answered 408 and cut off (HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Milliseconds to receive a whole request, body included (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** Milliseconds an idle keep-alive connection stays open (KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Open connections at most; further ones are closed as soon as they are accepted (MAX_CONNECTIONS). */
  maxConnections: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

const ENV: Record<keyof ConnectionLimits, string> = {
  headersTimeoutMs: 'HEADERS_TIMEOUT_MS',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  maxConnections: 'MAX_CONNECTIONS',
};

/** The limits from the environment; throws a one-line message on a malformed value. */
export function connectionLimitsFromEnv(env: Env = process.env): ConnectionLimits {
  const limits = { ...DEFAULT_CONNECTION_LIMITS };
  for (const key of Object.keys(ENV) as Array<keyof ConnectionLimits>) {
    const raw = env[ENV[key]]?.trim();
    if (!raw) continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${ENV[key]} must be a positive integer, got "${raw}".`);
    limits[key] = value;
  }
  // Node requires the headers to arrive within the request timeout.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new Error(`HEADERS_TIMEOUT_MS (${limits.headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${limits.requestTimeoutMs}).`);
  return limits;
}

/**
 * The Node HTTP server with the limits set. Node checks the header and request timeouts every
 * `connectionsCheckingInterval` (30 s by default, which would let a slow client stay up to 30 s
 * longer): here at a quarter of the header timeout, at most every second.
 */
export function createLimitedServer(listener: RequestListener, limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    listener,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}
