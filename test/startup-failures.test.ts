import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionLimitsFromEnv } from '../src/server/connection-limits.ts';
import { checkListenAddress, listenAddressFromEnv } from '../src/server/listen-address.ts';
import { ROOT } from './helpers.ts';

// Every start-up failure of the server is one clear line on stderr and exit status 2 (README,
// "Running the server"), never a stack trace. The real entry point, spawned as `npm start` runs it.

interface Exit {
  status: number | null;
  stderr: string;
}

function start(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'src', 'main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Bounded: a server that started anyway is stopped after 180 s and fails the test.
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stderr });
    });
  });
}

function expectOneLine({ status, stderr }: Exit, pattern: RegExp): void {
  expect(status, stderr).toBe(2);
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^talk-graph: /);
  expect(lines[0]).toMatch(pattern);
}

let busy: Server;
let busyPort: number;
beforeAll(async () => {
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe('start-up failures of the server process: one line, exit status 2', () => {
  // Two at a time: each process loads the whole module graph before it can fail.
  it('a port in use on 127.0.0.1, and a bad PORT', async () => {
    const [inUse, badPort] = await Promise.all([start([], { PORT: String(busyPort) }), start([], { PORT: 'abc' })]);
    expectOneLine(inUse, new RegExp(`port ${busyPort} on 127\\.0\\.0\\.1 is already in use`));
    expectOneLine(badPort, /PORT must be an integer from 0 to 65535, got "abc"/);
  }, 240_000);

  it('a missing --data folder, and an unknown flag', async () => {
    const [noData, badFlag] = await Promise.all([start(['--data', path.join(ROOT, 'no-such-folder')]), start(['--bogus'])]);
    expectOneLine(noData, /--data .*no-such-folder: no such folder\./);
    expectOneLine(badFlag, /Unknown option '--bogus'.*--help/);
  }, 240_000);
});

describe('the messages behind them', () => {
  it('PORT, HOST and the connection limits are checked before anything starts', () => {
    expect(() => listenAddressFromEnv({ PORT: '70000' })).toThrow('PORT must be an integer from 0 to 65535, got "70000".');
    expect(() => listenAddressFromEnv({ PORT: '-1' })).toThrow('PORT must be an integer');
    expect(() => listenAddressFromEnv({ HOST: 'not a host' })).toThrow('HOST must be a host name or an IP address, got "not a host".');
    expect(listenAddressFromEnv({})).toEqual({ port: 4000, host: 'localhost' });
    expect(() => connectionLimitsFromEnv({ MAX_CONNECTIONS: '0' })).toThrow('MAX_CONNECTIONS must be a positive integer, got "0".');
    expect(() => connectionLimitsFromEnv({ HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '1000' })).toThrow('must not exceed REQUEST_TIMEOUT_MS');
  });

  it('an address of no local interface fails the check with one line', async () => {
    // TEST-NET-1: no interface of this machine has it.
    await expect(checkListenAddress({ port: 0, host: '192.0.2.1' })).rejects.toThrow(
      'cannot listen on HOST "192.0.2.1": no such local address (EADDRNOTAVAIL).',
    );
    await expect(checkListenAddress({ port: busyPort, host: '127.0.0.1' })).rejects.toThrow(
      `port ${busyPort} on 127.0.0.1 is already in use (set PORT to another port).`,
    );
    await expect(checkListenAddress({ port: 0, host: '127.0.0.1' })).resolves.toBeUndefined();
  });
});
