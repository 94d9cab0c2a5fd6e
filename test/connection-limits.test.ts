import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { connectionLimitsFromEnv, createLimitedServer, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from '../src/server/connection-limits.ts';
import { createTalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { graphOf, seedSource } from './helpers.ts';

// Slow clients and connection floods against the real listener on 127.0.0.1. Waits are bounded
// loops (they fail when the bound passes), not timings.
const { listener } = createTalkGraphServer({ schema, graphs: new GraphHolder(graphOf([seedSource()])), config: serverConfigFromEnv({ LOG_LEVEL: 'silent' }) });
let server: Server | null = null;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = null;
});

async function serve(limits: Partial<ConnectionLimits>): Promise<number> {
  server = createLimitedServer(listener, { ...DEFAULT_CONNECTION_LIMITS, ...limits });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

interface Client {
  socket: Socket;
  received: () => string;
  closed: () => boolean;
}

async function open(port: number): Promise<Client> {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  let closed = false;
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('close', () => (closed = true));
  socket.on('error', () => undefined);
  await new Promise((resolve) => socket.once('connect', resolve));
  return { socket, received: () => received, closed: () => closed };
}

let connectionCount = 0;
/** The server's connection count as last reported (getConnections answers asynchronously; poll it). */
function connections(): number {
  server?.getConnections((_error, count) => (connectionCount = count));
  return connectionCount;
}

/** Polls until `condition` holds; false when `boundMs` passed first. */
async function eventually(condition: () => boolean, boundMs: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < boundMs; ) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
}

describe('slow clients', () => {
  it('a slow-loris client (headers never finished) is answered 408 and cut off after the header timeout', async () => {
    const port = await serve({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
    const client = await open(port);
    client.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const drip = setInterval(() => client.socket.writable && client.socket.write('X-Drip: 1\r\n'), 100);
    try {
      // Node's own defaults (60 s for headers, checked every 30 s) would keep it for far longer than this bound.
      expect(await eventually(client.closed, 5_000)).toBe(true);
    } finally {
      clearInterval(drip);
    }
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`);
    expect(healthy.status).toBe(200);
  });
});

describe('the connection cap', () => {
  it('refuses connections beyond MAX_CONNECTIONS and serves the ones it holds', async () => {
    const port = await serve({ maxConnections: 3 });
    let dropped = 0;
    server!.on('drop', () => dropped++);
    const held = [await open(port), await open(port), await open(port)];
    expect(await eventually(() => connections() === 3, 5_000)).toBe(true); // all three accepted
    const refused = await open(port);
    expect(await eventually(refused.closed, 5_000)).toBe(true);
    expect(refused.received()).toBe('');
    expect(dropped).toBe(1);
    expect(held.some((c) => c.closed())).toBe(false);

    held[0]!.socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await eventually(() => held[0]!.received().startsWith('HTTP/1.1 200'), 5_000)).toBe(true);
  });
});

describe('configuration', () => {
  it('defaults and environment variables', () => {
    expect(connectionLimitsFromEnv({})).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
    expect(connectionLimitsFromEnv({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '4000', KEEP_ALIVE_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '50' })).toEqual({
      headersTimeoutMs: 2_000,
      requestTimeoutMs: 4_000,
      keepAliveTimeoutMs: 1_000,
      maxConnections: 50,
    });
    const server = createLimitedServer(
      listener,
      connectionLimitsFromEnv({ HEADERS_TIMEOUT_MS: '2000', REQUEST_TIMEOUT_MS: '4000', KEEP_ALIVE_TIMEOUT_MS: '1000', MAX_CONNECTIONS: '50' }),
    );
    expect([server.headersTimeout, server.requestTimeout, server.keepAliveTimeout, server.maxConnections]).toEqual([2_000, 4_000, 1_000, 50]);
  });
});
