import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { installGracefulShutdown } from '../src/server/graceful-shutdown.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { graphOf, seedSource } from './helpers.ts';

const QUERY = `/graphql?query=${encodeURIComponent('{ talks(first: 1) { totalCount } }')}`;

describe('graceful shutdown', () => {
  it('turns /ready 503 first, keeps answering for the delay, then refuses connections and exits 0', async () => {
    const graphs = new GraphHolder(graphOf([seedSource()]));
    const { listener } = createTalkGraphServer({ schema, graphs, logger: createJsonLogger({ level: 'silent' }) });
    const server = createServer(listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const exits: number[] = [];
    let exited!: () => void;
    const done = new Promise<void>((resolve) => (exited = resolve));
    const shutdown = installGracefulShutdown({
      server,
      graphs,
      logger: createJsonLogger({ level: 'silent' }),
      delayMs: 3000,
      signals: [],
      exit: (status) => (exits.push(status), exited()),
    });
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    shutdown('SIGTERM');
    expect((await fetch(`${url}/ready`)).status).toBe(503);
    expect((await fetch(`${url}${QUERY}`)).status).toBe(200); // still serving while balancers notice
    expect((await fetch(`${url}/calendar.ics`)).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(exits).toEqual([]);
    await done;
    expect(exits).toEqual([0]);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });
});
