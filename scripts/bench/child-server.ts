import { fork } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildMessage, ParentMessage, ServeMode, ServeTimings } from './serve.ts';

export interface ChildServer {
  port: number;
  url: string;
  /** Milliseconds from spawning the process to the first 200 from /ready (project modes) or to listening (the others). */
  startupMs: number;
  timings: ServeTimings | null;
  counts: Extract<ChildMessage, { type: 'listening' }>['counts'];
  send(message: ParentMessage): void;
  usage(): Promise<Extract<ChildMessage, { type: 'usage' }>>;
  stop(): Promise<void>;
  logFile: string;
}

const SERVE = path.join(import.meta.dirname, 'serve.ts');

async function waitReady(url: string, deadline: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 in time`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Starts scripts/bench/serve.ts in its own process (so the load generator never shares its event
 * loop), on 127.0.0.1 and an ephemeral port; its stderr (the request log) goes to a temp file.
 */
export async function startChildServer(
  mode: ServeMode,
  options: { data?: string | readonly string[]; env?: Record<string, string>; execArgv?: string[]; timeoutMs?: number } = {},
): Promise<ChildServer> {
  const logFile = path.join(os.tmpdir(), `talk-graph-bench-${mode}-${process.pid}-${Date.now()}.log`);
  const log = openSync(logFile, 'w');
  const started = performance.now();
  const child = fork(SERVE, ['--mode', mode, ...[options.data ?? []].flat().flatMap((dir) => ['--data', dir])], {
    execArgv: ['--expose-gc', ...(options.execArgv ?? [])], // the flags of npm start
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log, 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = await new Promise<Extract<ChildMessage, { type: 'listening' }>>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'listening') {
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
    void exited.then((code) => reject(new Error(`${mode} server exited (${code}) before listening:\n${readFileSync(logFile, 'utf8').slice(-2000)}`)));
    setTimeout(() => reject(new Error(`${mode} server did not listen within ${options.timeoutMs ?? 300_000} ms`)), options.timeoutMs ?? 300_000).unref();
  });
  const url = `http://127.0.0.1:${listening.port}`;
  if (mode === 'project' || mode === 'naive') await waitReady(`${url}/ready`, Date.now() + 30_000);
  const startupMs = performance.now() - started;
  return {
    port: listening.port,
    url,
    startupMs,
    timings: listening.timings,
    counts: listening.counts,
    logFile,
    send: (message) => child.send(message),
    usage: () =>
      new Promise((resolve) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type === 'usage') {
            child.off('message', onMessage);
            resolve(message);
          }
        };
        child.on('message', onMessage);
        child.send({ type: 'usage' } satisfies ParentMessage);
      }),
    stop: async () => {
      if (child.exitCode === null) {
        child.send({ type: 'exit' } satisfies ParentMessage);
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
