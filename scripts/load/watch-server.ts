import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The project server as users run it (`src/main.ts --watch --data DIR`), in a child process on 127.0.0.1. */
export interface WatchServer {
  pid: number;
  url: string;
  logFile: string;
  /** SIGTERM (graceful drain), SIGKILL after 15 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(ROOT, 'src', 'main.ts');

/** A port the kernel just handed out on 127.0.0.1 (closed again, so the child can take it). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, logFile: string, deadline: number): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before it was ready:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within the start-up budget`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts `node --expose-gc src/main.ts --watch --data DIR` (the flags of npm start) with HOST=127.0.0.1 and a free PORT
 * (`execArgv` go after the flags of npm start: instruments such as the GC probe).
 * The child is node itself (no npm/tsx wrapper), so its pid is the server's pid for /proc. Its
 * stdout and stderr (the JSON log) go to `logFile`.
 */
export async function startWatchServer(
  dataDir: string,
  logFile: string,
  options: { env?: Record<string, string>; execArgv?: string[] } = {},
): Promise<WatchServer> {
  const port = await freePort();
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, ['--expose-gc', ...(options.execArgv ?? []), MAIN, '--watch', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', log, log],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${url}/ready`, child, logFile, Date.now() + 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    pid: child.pid!,
    url,
    logFile,
    stop: async () => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
