import type { Server } from 'node:http';
import type { GraphHolder } from '../graph/graph-holder.ts';
import type { JsonLogger } from './json-logger.ts';

export interface GracefulShutdownOptions {
  server: Server;
  graphs: GraphHolder;
  logger: JsonLogger;
  /** Milliseconds between `/ready` turning 503 and the listener closing (ServerConfig.shutdownDelayMs). */
  delayMs: number;
  /** Cut off whatever is still open this long after the listener closed. Default 10 s. */
  timeoutMs?: number;
  /** Called first (e.g. stop watching files). */
  onStop?: () => void;
  exit?: (status: number) => void;
  /** Signals that start it. Default SIGINT and SIGTERM. */
  signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM or SIGINT, in this order: `/ready` answers 503 (a balancer that polls it stops sending
 * new requests), the server keeps answering for `delayMs` (while balancers notice), then the listener
 * closes (new connections are refused, so a proxy retries them elsewhere), idle keep-alive
 * connections close, busy ones close after their response, and the process exits 0 when the last
 * one is done — or 1 after `timeoutMs`.
 */
export function installGracefulShutdown(options: GracefulShutdownOptions): (signal: string) => void {
  const exit = options.exit ?? ((status: number) => process.exit(status));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.graphs.drain();
    options.onStop?.();
    options.logger.info('shutting down: not ready, finishing in-flight requests', { signal, delayMs: options.delayMs });
    setTimeout(() => {
      options.server.close(() => exit(0));
      options.server.closeIdleConnections();
      setTimeout(() => exit(1), options.timeoutMs ?? 10_000).unref();
    }, options.delayMs);
  };
  for (const signal of options.signals ?? ['SIGINT', 'SIGTERM']) process.once(signal, () => shutdown(signal));
  return shutdown;
}
