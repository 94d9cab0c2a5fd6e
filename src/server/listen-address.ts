import { createServer } from 'node:net';
import type { Env } from './server-config.ts';

export interface ListenAddress {
  port: number;
  host: string;
}

/** PORT and HOST from the environment (default 4000, localhost); throws a one-line message on a malformed value. */
export function listenAddressFromEnv(env: Env = process.env): ListenAddress {
  const rawPort = env.PORT?.trim() || '4000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}".`);
  const host = env.HOST?.trim() || 'localhost';
  if (/[\s/]/.test(host)) throw new Error(`HOST must be a host name or an IP address, got "${env.HOST}".`);
  return { port, host };
}

/** The one line to print when listening failed (port in use, not allowed, unknown host). */
export function listenFailure(error: NodeJS.ErrnoException, { port, host }: ListenAddress): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use (set PORT to another port).`;
    case 'EACCES':
      return `not allowed to listen on port ${port} on ${host} (EACCES; ports below 1024 need privileges).`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return `cannot listen on HOST "${host}": no such local address (${error.code}).`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`;
  }
}

/**
 * Binds the address once and lets it go, so that a port in use or a bad host stops the start at
 * once instead of after the graph is loaded (the real listen still handles a port taken meanwhile).
 */
export function checkListenAddress(address: ListenAddress): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(new Error(listenFailure(error, address))));
    probe.listen(address.port, address.host, () => probe.close(() => resolve()));
  });
}
