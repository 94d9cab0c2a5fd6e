// `npm run load [-- --duration 20 | --soak] [--connections 10] [--reload-every 3] [--sample-every 10] [--keep]`
//
// Load and soak run of the server as users run it: `node --expose-gc src/main.ts --watch --data DIR`
// on 127.0.0.1 in a child process, DIR a temporary copy of data/ (the bundled seed post: main takes one
// --data folder, and the corpus is never copied, so the corpus posts are not part of this run). autocannon (through the bench's
// runLoad) sends a mixed query set — dashboard, filtered, search (search, text filter, ask), deep
// traversal — with varied variables so the response cache cannot answer most of it; meanwhile a
// post of the copy is rewritten every few seconds, so the server re-ingests and swaps its graph
// under load. Every response is checked (2xx, JSON, `data`, no `errors`). Prints req/s, p50/p99,
// non-2xx, errors, reloads seen in the server log, and the server's RSS (VmRSS) and heap sampled
// every few seconds. Exit 1 on any bad response, connection error, server error log line, failed
// or missing reload, or unclean shutdown; 2 on bad usage. Not part of the tests.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { runLoad } from './bench/load.ts';
import { sampleMemory, slope, type MemorySample } from './load/memory-probe.ts';
import { startToggler, toggleEdit } from './load/post-toggler.ts';
import { buildMix, LOAD_FAMILIES } from './load/query-mix.ts';
import { summarizeServerLog } from './load/server-log.ts';
import { startWatchServer, type WatchServer } from './load/watch-server.ts';

const USAGE =
  'usage: npm run load -- [--duration S (default 20) | --soak (180 s)] [--connections N (10)] [--pipelining N (1)] [--reload-every S (3)] [--sample-every S (10)] [--pool N (3000)] [--repeat-share F (0.2)] [--seed N (1)] [--gc-probe] [--keep]';

const { values } = parseArgs({
  options: {
    duration: { type: 'string' },
    soak: { type: 'boolean', default: false },
    connections: { type: 'string', default: '10' },
    pipelining: { type: 'string', default: '1' },
    'reload-every': { type: 'string', default: '3' },
    'sample-every': { type: 'string', default: '10' },
    pool: { type: 'string', default: '3000' },
    'repeat-share': { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'gc-probe': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const duration = Number(values.duration ?? (values.soak ? 180 : 20));
const connections = Number(values.connections);
const pipelining = Number(values.pipelining);
const reloadEvery = Number(values['reload-every']);
const sampleEvery = Number(values['sample-every']);
const poolSize = Number(values.pool);
const repeatShare = Number(values['repeat-share']);
const seed = Number(values.seed);
const bounded = (n: number, lo: number, hi: number) => Number.isFinite(n) && n >= lo && n <= hi;
if (
  !bounded(duration, 1, 3600) ||
  !bounded(connections, 1, 1000) ||
  !bounded(pipelining, 1, 100) ||
  !bounded(reloadEvery, 0.5, 3600) ||
  !bounded(sampleEvery, 1, 3600) ||
  !bounded(poolSize, 1, 100_000) ||
  !bounded(repeatShare, 0, 1) ||
  !Number.isSafeInteger(seed)
) {
  console.error(USAGE);
  process.exit(2);
}

const MiB = 1024 * 1024;
const mib = (bytes: number | null) => (bytes === null ? '–' : (bytes / MiB).toFixed(1));
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const problems: string[] = [];

// A private copy of data/: the run rewrites one of its posts.
const workDir = mkdtempSync(path.join(os.tmpdir(), 'talk-graph-load-'));
const dataDir = path.join(workDir, 'data');
cpSync(BUNDLED_DATA_DIR, dataDir, { recursive: true });
const toggled = path.join(dataDir, 'posts', '2023-04-03-cilium-kubecon-eu-2023-talks.md');
const logFile = path.join(workDir, 'server.log');
// --gc-probe: the server also runs with --expose-gc and scripts/load/gc-probe.ts, so each sample
// adds the heap left after a full GC (the leak signal); off by default (users do not run it so).
const gcProbeFile = values['gc-probe'] ? path.join(workDir, 'gc-probe.jsonl') : undefined;

// The rewrite must change the graph (a new version, so each reload is real and empties the
// response cache) but keep every talk id, so that cursors and slugs in the request pool stay valid.
const original = readFileSync(toggled, 'utf8');
const before = await loadGraph([dataDir]);
writeFileSync(toggled, toggleEdit(original));
const after = await loadGraph([dataDir]);
writeFileSync(toggled, original);
const ids = (g: typeof before.graph) =>
  g
    .allTalks()
    .map((t) => t.id)
    .join('\n');
if (before.graph.version === after.graph.version || ids(before.graph) !== ids(after.graph)) {
  console.error('load: toggling the post must change the graph version and keep every talk id; it does not');
  rmSync(workDir, { recursive: true, force: true });
  process.exit(1);
}
const graph = before.graph;

const mix = buildMix(graph, { length: 50_000, poolSize, repeatShare, seed });
const distinct = new Set(mix.map((r) => r.body)).size;
console.log(
  `talk-graph load: ${duration} s, ${connections} connections, pipelining ${pipelining}, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}, NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}`,
);
console.log(
  `data: copy of data/ in ${dataDir}: ${graph.allTalks().length} talks, ${graph.allSpeakers().length} speakers, ${graph.allOrganizations().length} organizations`,
);
console.log(
  `mix: ${mix.length} requests cycled, ${distinct} distinct, ${Math.round(repeatShare * 100)}% fixed requests; families: ${LOAD_FAMILIES.map((f) => `${f.query.name} (${f.group}) ${f.weight}%`).join(', ')}`,
);
console.log(`reloads: ${path.relative(dataDir, toggled)} rewritten every ${reloadEvery} s (" (updated)" toggled on its title and last line)`);

let exitCode = 0;
let server: WatchServer | null = null;
try {
  const running = await startWatchServer(
    dataDir,
    logFile,
    gcProbeFile
      ? { execArgv: ['--expose-gc', '--import', path.join(import.meta.dirname, 'load', 'gc-probe.ts')], env: { TALK_GRAPH_GC_PROBE_FILE: gcProbeFile } }
      : {},
  );
  server = running;
  console.log(`server: pid ${running.pid}, ${running.url}/graphql, log ${logFile}${gcProbeFile ? ', GC probe on (--expose-gc, full GC at each sample)' : ''}`);
  // Pre-flight: each family's fixed request and a few of its varied ones, one by one, so a query
  // that the limits refuse fails here with its name rather than as a count under load.
  const verifyBody = (status: number, body: string): string | null => {
    if (status < 200 || status > 299) return `status ${status}`;
    let parsed: { data?: unknown; errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return 'not JSON';
    }
    if (parsed.errors !== undefined) return `errors: ${parsed.errors.map((e) => `${e.extensions?.code ?? 'UNCODED'} ${e.message}`).join('; ')}`;
    if (parsed.data === null || typeof parsed.data !== 'object') return 'no data';
    return null;
  };
  const post = async (body: string) => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body,
    });
    const text = await response.text();
    const problem = verifyBody(response.status, text);
    return problem && `${problem}: ${text.slice(0, 300)}`;
  };
  const byFamily = new Map<string, Set<string>>();
  for (const r of mix) {
    const bodies = byFamily.get(r.family) ?? byFamily.set(r.family, new Set()).get(r.family)!;
    if (bodies.size < 40) bodies.add(r.body);
  }
  for (const [family, bodies] of byFamily) {
    for (const body of bodies) {
      const problem = await post(body);
      if (problem) throw new Error(`pre-flight: ${family} failed (${problem}) for ${body.slice(0, 200)}`);
    }
  }

  // Counters of the run (the verify callback sees every response).
  let non2xx = 0;
  let errorBodies = 0;
  let otherBad = 0;
  const errorKinds = new Map<string, number>();
  const verify = (status: number, body: string): string | null => {
    const problem = verifyBody(status, body);
    if (problem === null) return null;
    if (problem.startsWith('status')) non2xx++;
    else if (problem.startsWith('errors')) errorBodies++;
    else otherBad++;
    const kind = problem.slice(0, 160);
    if (errorKinds.has(kind) || errorKinds.size < 20) errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1); // the first 20 kinds
    return problem;
  };

  const samples: MemorySample[] = [];
  samples.push(await sampleMemory(running.pid, running.url, 0, gcProbeFile));
  const startedAt = Date.now();
  // The last rewrite comes ≥ 2 s before the end, so its reload happens (and is logged) under load.
  const toggler = startToggler(toggled, reloadEvery * 1000, startedAt + Math.max(0, duration * 1000 - 2_000));
  const pendingSamples: Array<Promise<MemorySample>> = [];
  const sampler = setInterval(
    () => pendingSamples.push(sampleMemory(running.pid, running.url, (Date.now() - startedAt) / 1000, gcProbeFile)),
    sampleEvery * 1000,
  );

  let next = 0;
  const result = await runLoad({
    url: `${running.url}/graphql`,
    durationSeconds: duration,
    connections,
    pipelining,
    bodyOf: () => mix[next++ % mix.length]!.body,
    verify,
  });
  const endedAt = Date.now();
  clearInterval(sampler);
  toggler.stop();
  samples.push(...(await Promise.all(pendingSamples)));
  samples.push(await sampleMemory(running.pid, running.url, (Date.now() - startedAt) / 1000, gcProbeFile));

  await sleep(2_000); // let a reload in flight finish and log
  const afterIdle = await sampleMemory(running.pid, running.url, (Date.now() - startedAt) / 1000, gcProbeFile);
  const health = (await fetch(`${running.url}/health`)).status;
  const ready = (await fetch(`${running.url}/ready`)).status;
  const stopCode = await running.stop();
  const log = await summarizeServerLog(logFile, { from: startedAt, to: endedAt });

  // Report.
  const cache = Object.entries(result.cache)
    .map(([tag, n]) => `${tag} ${n}`)
    .join(', ');
  console.log('');
  console.log(
    `requests:   ${result.requests} in ${duration} s = ${fmt(result.reqPerSec, 0)} req/s; latency p50 ${fmt(result.p50)} ms, p99 ${fmt(result.p99)} ms`,
  );
  console.log(
    `responses:  ${result.verified} verified, ${non2xx} non-2xx, ${errorBodies} with errors, ${otherBad} other bad; ${result.errors} connection errors, ${result.timeouts} timeouts; x-cache: ${cache}`,
  );
  for (const [kind, n] of errorKinds) console.log(`  ${n} × ${kind}`);
  console.log(
    `reloads:    ${toggler.writes} rewrites; server log: ${log.reloads} "graph reloaded" (${log.reloadsInWindow} during the load), ${log.reloadFailures} failed, ${log.keptLastGood} kept a last good version`,
  );
  console.log(
    `server log: requests ${Object.entries(log.requests)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}; ${log.errorLines} error lines; ${log.otherLines} non-JSON lines; log ${fmt(statSync(logFile).size / MiB, 1)} MiB`,
  );
  if (log.firstErrorLine) console.log(`  first error line: ${log.firstErrorLine}`);
  if (log.firstOtherLine) console.log(`  first non-JSON line: ${log.firstOtherLine}`);
  console.log(
    `machine:    load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} at the end (this run's two processes count for about 2)`,
  );
  console.log(`after:      /health ${health}, /ready ${ready}, SIGTERM exit code ${stopCode}`);
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  console.log(
    `RSS:        before ${mib(first.rssBytes)} MiB, after ${mib(last.rssBytes)} MiB, after 2 s idle ${mib(afterIdle.rssBytes)} MiB (heap used ${mib(first.heapUsedBytes)} → ${mib(last.heapUsedBytes)} → ${mib(afterIdle.heapUsedBytes)} MiB)`,
  );
  console.log(`samples:    ${samples.map((s) => `${fmt(s.atSeconds, 0)}s ${mib(s.rssBytes)}/${mib(s.heapUsedBytes)}`).join(', ')}  (t RSS/heap MiB)`);
  // Growth: the slope over the samples taken under load after the first (warm-up: JIT, caches filling).
  const underLoad = samples.slice(1, -1).filter((s) => s.atSeconds > 0 && s.rssBytes !== null);
  if (underLoad.length >= 3) {
    const perMinute = (pick: (s: MemorySample) => number | null | undefined) =>
      slope(underLoad.slice(1).flatMap((s) => (pick(s) == null ? [] : [[s.atSeconds / 60, pick(s)! / MiB] as const])));
    const rss = underLoad.map((s) => s.rssBytes! / MiB);
    console.log(
      `growth:     RSS under load ${fmt(Math.min(...rss), 1)}–${fmt(Math.max(...rss), 1)} MiB; least-squares slope after the first sample: RSS ${fmt(perMinute((s) => s.rssBytes))} MiB/min, heap ${fmt(perMinute((s) => s.heapUsedBytes))} MiB/min` +
        (gcProbeFile ? `, heap after full GC ${fmt(perMinute((s) => s.afterGc?.heapUsedBytes))} MiB/min` : ''),
    );
  }
  if (gcProbeFile) {
    console.log(
      `after GC:   ${[...samples, afterIdle].map((s) => `${fmt(s.atSeconds, 0)}s ${s.afterGc ? `${mib(s.afterGc.heapUsedBytes)}/${mib(s.afterGc.rssBytes)} (${fmt(s.afterGc.gcMs, 0)} ms)` : '–'}`).join(', ')}  (t heap/RSS MiB after a full GC, its pause)`,
    );
    if (samples.some((s) => s.afterGc === null)) problems.push('the GC probe did not answer');
  }

  if (non2xx > 0) problems.push(`${non2xx} non-2xx responses`);
  if (errorBodies > 0) problems.push(`${errorBodies} responses with errors`);
  if (otherBad > 0) problems.push(`${otherBad} responses without JSON data`);
  if (result.errors > 0 || result.timeouts > 0) problems.push(`${result.errors} connection errors, ${result.timeouts} timeouts`);
  if (log.errorLines > 0) problems.push(`${log.errorLines} error lines in the server log`);
  if (log.reloadFailures > 0) problems.push(`${log.reloadFailures} failed reloads`);
  if (log.reloadsInWindow === 0) problems.push('no graph reload happened during the load');
  if (health !== 200 || ready !== 200) problems.push(`after the run /health ${health}, /ready ${ready}`);
  if (stopCode !== 0) problems.push(`the server exited with ${stopCode} on SIGTERM`);
} catch (error) {
  problems.push((error as Error).message);
  await server?.stop();
} finally {
  if (values.keep) console.log(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.log(`FAIL: ${problems.join('; ')}`);
  exitCode = 1;
} else console.log('OK: no non-2xx, no errors, reloads under load, clean shutdown');
process.exit(exitCode);
