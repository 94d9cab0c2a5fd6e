import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLED_DATA_DIR } from '../../src/ingest/read-data-dir.ts';
import { loadGraph } from '../../src/load-graph.ts';
import { writeSnapshot } from '../../src/snapshot/snapshot-io.ts';
import { startBoundedLoad, type LoadRequest } from './bounded-load.ts';
import { Nginx } from './nginx.ts';
import { freePort, Replica, statusOf } from './replica.ts';

export interface RollingOptions {
  nginx: string;
  replicas?: number;
  concurrency?: number;
  ratePerSecond?: number;
  maxRequests?: number;
  maxSeconds?: number;
  /** Per replica start (spawn to /ready 200). */
  startTimeoutMs?: number;
  /** SHUTDOWN_DELAY_MS of the replicas: how long /ready is 503 before the listener closes. */
  shutdownDelayMs?: number;
  log?: (line: string) => void;
}

export interface RestartRecord {
  port: number;
  /** SIGTERM to exit, and the exit status (0: drained cleanly). */
  stopSeconds: number;
  exitStatus: number | null;
  /** After SIGTERM the replica answered /ready 503 while still answering GraphQL 200. */
  readyFalseWhileServing: boolean;
  /** Spawn to /ready 200 from the new snapshot. */
  startSeconds: number;
}

export interface RollingResult {
  requests: number;
  failed: number;
  firstFailures: string[];
  oldAnswers: number;
  newAnswers: number;
  /** Answers equal to neither the old graph's nor the new graph's. */
  otherAnswers: number;
  loadSeconds: number;
  restarts: RestartRecord[];
  ok: boolean;
}

const TALKS = '{ talks(first: 3) { totalCount edges { cursor node { id title } } } posts(first: 1) { edges { node { title } } } }';
const SEARCH = 'query($q: String!) { search(query: $q, first: 3) { score field } talks(first: 1, filter: { text: $q }) { totalCount } }';
const LOAD: LoadRequest[] = [
  { name: 'GET talks', path: `/graphql?query=${encodeURIComponent(TALKS)}`, init: { headers: { accept: 'application/graphql-response+json' } } },
  {
    name: 'POST search',
    path: '/graphql',
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: SEARCH, variables: { q: 'cilium' } }),
    },
  },
];

/** Answers of every load request, fetched once from `url`. */
async function answersOf(url: string): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (const request of LOAD) answers.set(request.name, await (await fetch(`${url}${request.path}`, request.init)).text());
  return answers;
}

/** After SIGTERM: polls the replica itself until it refuses connections; true when /ready was 503 while /graphql still answered 200. */
async function watchDrain(replica: Replica): Promise<boolean> {
  for (;;) {
    try {
      const [ready, graphql] = await Promise.all([statusOf(`${replica.url}/ready`), statusOf(`${replica.url}${LOAD[0]!.path}`)]);
      if (ready === 503 && graphql === 200) return true;
    } catch {
      return false; // listener closed before we saw it
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Three (or `replicas`) servers from one snapshot behind nginx on 127.0.0.1; a bounded load through
 * nginx; each replica in turn gets SIGTERM, drains, and starts again from a second snapshot (the
 * same posts retitled), then the next. Every request must succeed and answer as the old graph
 * or the new one does.
 */
export async function runRollingRestart(options: RollingOptions): Promise<RollingResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'talk-graph-rolling-'));
  let keep = false; // the logs stay for a look when the run failed
  const replicas: Replica[] = [];
  const nginx = new Nginx(path.join(dir, 'nginx'), await freePort());
  try {
    const oldSnapshot = path.join(dir, 'old.snap');
    const newSnapshot = path.join(dir, 'new.snap');
    await writeSnapshot(oldSnapshot, (await loadGraph([BUNDLED_DATA_DIR])).graph);
    // The data update: the same posts, each with a new title (in a folder also named data/, so file names stay the same).
    const updated = path.join(dir, 'update', 'data');
    mkdirSync(path.join(updated, 'posts'), { recursive: true });
    const posts = readdirSync(path.join(BUNDLED_DATA_DIR, 'posts')).filter((name) => /\.mdx?$/.test(name));
    for (const name of posts) {
      const text = readFileSync(path.join(BUNDLED_DATA_DIR, 'posts', name), 'utf8');
      writeFileSync(path.join(updated, 'posts', name), text.replace(/^title: '?(.*?)'?$/m, "title: 'Updated: $1'"));
    }
    await writeSnapshot(newSnapshot, (await loadGraph([updated])).graph);
    log(`rolling: snapshots written (old: data/, new: data/ with ${posts.length} retitled post(s)) in ${dir}`);

    const env = { SHUTDOWN_DELAY_MS: String(options.shutdownDelayMs ?? 1000) };
    for (let i = 0; i < (options.replicas ?? 3); i++) replicas.push(new Replica(await freePort(), path.join(dir, `replica-${i}.log`), env));
    const startTimeout = options.startTimeoutMs ?? 180_000;
    await Promise.all(replicas.map((replica) => replica.start(oldSnapshot, startTimeout)));
    await nginx.start(
      options.nginx,
      replicas.map((r) => r.port),
    );
    log(`rolling: ${replicas.length} replicas ready on ports ${replicas.map((r) => r.port).join(', ')}, nginx on ${nginx.port}`);
    const oldAnswers = await answersOf(nginx.url);

    const load = startBoundedLoad(nginx.url, LOAD, {
      concurrency: options.concurrency ?? 4,
      ratePerSecond: options.ratePerSecond ?? 200,
      maxRequests: options.maxRequests ?? 100_000,
      maxSeconds: options.maxSeconds ?? 900,
    });
    const restarts: RestartRecord[] = [];
    for (const replica of replicas) {
      const stopping = performance.now();
      const stopped = replica.stop();
      const readyFalseWhileServing = await watchDrain(replica);
      const exitStatus = await stopped;
      const stopSeconds = (performance.now() - stopping) / 1000;
      const starting = performance.now();
      await replica.start(newSnapshot, startTimeout);
      const record = { port: replica.port, stopSeconds, exitStatus, readyFalseWhileServing, startSeconds: (performance.now() - starting) / 1000 };
      restarts.push(record);
      log(
        `rolling: restarted :${replica.port}: drained in ${stopSeconds.toFixed(1)} s (exit ${exitStatus}, /ready 503 while serving: ${readyFalseWhileServing}), ready again in ${record.startSeconds.toFixed(1)} s; ${load.sent()} requests so far`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a tail of load on the new graph
    const result = await load.stop();
    const newAnswers = await answersOf(nginx.url);

    let old = 0;
    let fresh = 0;
    let other = 0;
    for (const [name, bodies] of result.bodies) {
      for (const [body, count] of bodies) {
        if (body === oldAnswers.get(name)) old += count;
        else if (body === newAnswers.get(name)) fresh += count;
        else {
          other += count;
          if (result.firstFailures.length < 10) result.firstFailures.push(`${name}: an answer of neither graph: ${body.slice(0, 200)}`);
        }
      }
    }
    const changed = [...oldAnswers].some(([name, body]) => newAnswers.get(name) !== body);
    const ok = result.failed === 0 && other === 0 && changed && fresh > 0 && old > 0 && restarts.every((r) => r.exitStatus === 0 && r.readyFalseWhileServing);
    keep = !ok;
    if (keep) log(`rolling: failed; logs kept in ${dir}`);
    return {
      requests: result.sent,
      failed: result.failed,
      firstFailures: result.firstFailures,
      oldAnswers: old,
      newAnswers: fresh,
      otherAnswers: other,
      loadSeconds: result.seconds,
      restarts,
      ok,
    };
  } catch (error) {
    keep = true;
    log(`rolling: ${(error as Error).message}; logs kept in ${dir}`);
    throw error;
  } finally {
    await nginx.stop();
    for (const replica of replicas) replica.kill();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
