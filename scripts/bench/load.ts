import autocannon from 'autocannon';
import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';

/**
 * autocannon appends each body chunk to a string (`body += buffer`), which mangles a UTF-8
 * character split across two TCP chunks; exact-bytes checks would then fail at random. Collect the
 * chunks as buffers and decode once per response instead.
 */
function collectBodiesAsBytes(): void {
  const require = createRequire(import.meta.url);
  const Queue = require('autocannon/lib/pipelinedRequestsQueue.js') as { prototype: Record<string, unknown> & { __patched?: boolean } };
  if (Queue.prototype.__patched) return;
  type Pending = { body: string; chunks?: Buffer[] };
  Queue.prototype.addBody = function addBody(this: { peek(): Pending | undefined }, data: Buffer) {
    const req = this.peek();
    if (req) (req.chunks ??= []).push(data);
  };
  const terminate = Queue.prototype.terminateRequest as (this: unknown) => Pending | undefined;
  Queue.prototype.terminateRequest = function terminateRequest(this: unknown) {
    const req = terminate.call(this);
    if (req?.chunks) req.body = req.chunks.length === 1 ? req.chunks[0]!.toString('utf8') : Buffer.concat(req.chunks).toString('utf8');
    return req;
  };
  Queue.prototype.__patched = true;
}
collectBodiesAsBytes();

export interface LoadOptions {
  url: string;
  durationSeconds: number;
  connections: number;
  pipelining: number;
  headers?: Record<string, string>;
  /** The body of request i (a global counter across connections, so a pool is cycled in order). */
  bodyOf: (i: number) => string;
  /** Null when the response is right, else what is wrong with it. */
  verify: (status: number, body: string) => string | null;
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  /** Latency percentiles in ms, from our own full-precision record (autocannon's histogram keeps whole ms). */
  p50: number;
  p99: number;
  verified: number;
  failures: number;
  firstFailure: string | null;
  /** Responses by the server's x-cache header (HIT / MISS / none). */
  cache: Record<string, number>;
  errors: number;
  timeouts: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function headerOf(headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  return undefined;
}

/** One bounded autocannon run against 127.0.0.1, checking every response body. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let sent = 0;
  let verified = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const cache: Record<string, number> = {};
  const latencies: number[] = [];
  const instance = autocannon({
    url: options.url,
    method: 'POST',
    connections: options.connections,
    pipelining: options.pipelining,
    duration: options.durationSeconds,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...options.headers },
    requests: [
      {
        setupRequest: (request) => {
          const body = options.bodyOf(sent++);
          return { ...request, body };
        },
        onResponse: (status, body, _context, headers) => {
          const problem = options.verify(status, body);
          if (problem === null) verified++;
          else {
            failures++;
            firstFailure ??= `${problem}: ${status} ${body.slice(0, 300)}`;
          }
          const tag = headerOf((headers ?? {}) as Record<string, string | string[]>, 'x-cache') ?? 'none';
          cache[tag] = (cache[tag] ?? 0) + 1;
        },
      },
    ],
  }) as unknown as Promise<autocannon.Result> & EventEmitter;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    reqPerSec: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    verified,
    failures,
    firstFailure,
    cache,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** Null for a 200 GraphQL answer with data and no errors, else what is wrong with it (the bench's check of a varied answer). */
export function checkGraphQL(status: number, body: string): string | null {
  if (status !== 200) return `status ${status}`;
  let parsed: { data?: unknown; errors?: unknown };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    return 'not JSON';
  }
  if (parsed.errors !== undefined) return 'errors in response';
  if (parsed.data === null || typeof parsed.data !== 'object') return 'no data';
  return null;
}
