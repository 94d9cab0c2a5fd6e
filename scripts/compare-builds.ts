import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { BENCH_QUERIES, requestBody } from '../test/support/bench-queries.ts';
import { CORPUS, corpusPresent } from '../test/support/corpus.ts';
import type { startChildServer } from './bench/child-server.ts';
import type { ServeMode } from './bench/serve.ts';
import { checkGraphQL, runLoad } from './bench/load.ts';
import { variedTexts } from './bench/varied-texts.ts';

// Two checkouts of the project, the same requests: server CPU per request (user + system, µs) of each,
// measured over HTTP under the bench's loads, both servers loaded at the same time, so the machine's
// drift falls on both builds alike. For what a change does to each kind of client, where one `npm run bench` against another
// differs by more than the change (see docs/performance.md).
//   git worktree add /tmp/base <commit> && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   node scripts/compare-builds.ts --base /tmp/base [--queries isovalent-friday,text-filter]
//     [--variants varied,new-text,repeated] [--pairs 4] [--duration 6] [--warmup 2]
//     [--base-env KEY=VALUE]… [--this-env KEY=VALUE]…   (--base . compares one build under two settings)
//     [--base-mode yoga]   (the base serves the project's schema on Yoga alone, as bench (k)/(l))
// Variants: the bench's (b) repeated, (c) varied and (f) new text. Each pair starts a fresh server of
// each build (scripts/bench/child-server.ts of that checkout) on the same data. Throughput is halved
// by the sharing (2 cores, two servers, two load generators); CPU per request is what compares.
const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    queries: { type: 'string', default: 'isovalent-friday' },
    variants: { type: 'string', default: 'varied' },
    pairs: { type: 'string', default: '4' },
    duration: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '2' },
    'base-mode': { type: 'string', default: 'project' },
    'base-env': { type: 'string', multiple: true, default: [] },
    'this-env': { type: 'string', multiple: true, default: [] },
  },
});
/** KEY=VALUE settings for one build's server (e.g. --base-env LOG_LEVEL=silent with --base . : what the log line costs). */
const envOf = (settings: string[]) =>
  Object.fromEntries(settings.map((setting) => [setting.slice(0, setting.indexOf('=')), setting.slice(setting.indexOf('=') + 1)]));
const envs: Record<string, Record<string, string>> = { base: envOf(values['base-env']), this: envOf(values['this-env']) };
/** What the base serves: the project, or `yoga` (bench (k)/(l): the project's schema on Yoga alone, none of the project's plugins). */
const modes: Record<string, ServeMode> = { base: values['base-mode'] as ServeMode, this: 'project' };
if (!values.base || !existsSync(path.join(values.base, 'scripts', 'bench', 'child-server.ts')))
  throw new Error('--base must be another checkout of the project (see the comment at the top of this script)');
const builds: Record<string, string> = { base: path.resolve(values.base), this: path.resolve(import.meta.dirname, '..') };
const pairs = Number(values.pairs);
const duration = Number(values.duration);
const warmup = Number(values.warmup);

const dirs = corpusPresent ? [BUNDLED_DATA_DIR, CORPUS.talkPosts] : [BUNDLED_DATA_DIR];
const { graph } = await loadGraph(dirs);
const starters = Object.fromEntries(
  await Promise.all(
    Object.entries(builds).map(async ([name, root]) => {
      const module = (await import(path.join(root, 'scripts', 'bench', 'child-server.ts'))) as { startChildServer: typeof startChildServer };
      return [name, module.startChildServer] as const;
    }),
  ),
);

type BodyOf = (i: number) => string;
function requestsOf(name: string, variant: string): BodyOf {
  const query = BENCH_QUERIES.find((q) => q.name === name);
  if (!query) throw new Error(`no bench query ${name}: ${BENCH_QUERIES.map((q) => q.name).join(', ')}`);
  const pool = query.variedPool(graph, 4000, 1);
  if (variant === 'repeated') {
    const body = requestBody(query, query.variables);
    return () => body;
  }
  if (variant === 'varied') {
    const bodies = pool.map((variables) => requestBody(query, variables));
    return (i) => bodies[i % bodies.length]!;
  }
  if (variant === 'new-text') {
    const textOf = variedTexts(query.query);
    const variables = pool.map((v) => JSON.stringify(v));
    return (i) => `{"query":${JSON.stringify(textOf(i))},"variables":${variables[i % variables.length]}}`;
  }
  throw new Error(`unknown variant ${variant}: repeated, varied or new-text`);
}

interface Measured {
  cpu: number;
  reqPerSec: number;
  cache: string;
}

/**
 * A fresh server of each build, loaded at the same time with the same requests (each its own load
 * generator, 10 connections): whatever else the machine does falls on both alike. Server CPU µs per
 * request of each. The request counter runs on across measurements, so no new text repeats.
 */
let sent = 0;
async function measurePair(bodyOf: BodyOf, pair: number): Promise<Record<string, Measured>> {
  // Which build is started and loaded first alternates: the second of a pair measured a few % higher in an A/A run.
  const order = pair % 2 === 0 ? Object.keys(builds) : Object.keys(builds).reverse();
  const servers = await Promise.all(order.map(async (build) => [build, await starters[build]!(modes[build]!, { data: dirs, env: envs[build] })] as const));
  try {
    const first = sent;
    const load = async (durationSeconds: number) =>
      Promise.all(
        servers.map(async ([build, server]) => {
          let next = first;
          const common = { url: `${server.url}/graphql`, connections: 10, pipelining: 1, bodyOf: () => bodyOf(next++), verify: checkGraphQL };
          const before = await server.usage();
          const result = await runLoad({ ...common, durationSeconds });
          const after = await server.usage();
          sent = Math.max(sent, next);
          if (result.failures > 0 || result.errors > 0)
            throw new Error(`${build}: ${result.failures} bad responses, ${result.errors} errors; first: ${result.firstFailure}`);
          const cache = Object.entries(result.cache)
            .map(([status, count]) => `${status} ${count}`)
            .join(', ');
          return [build, { cpu: (after.cpuMicros - before.cpuMicros) / result.requests, reqPerSec: result.reqPerSec, cache }] as const;
        }),
      );
    if (warmup > 0) await load(warmup);
    return Object.fromEntries(await load(duration));
  } finally {
    await Promise.all(servers.map(([, server]) => server.stop()));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(
  `compare-builds: base ${builds.base}, this ${builds.this}; ${pairs} pairs of ${duration} s (+${warmup} s warm-up), both at once, 10 connections each`,
);
for (const name of values.queries.split(',')) {
  for (const variant of values.variants.split(',')) {
    const bodyOf = requestsOf(name, variant);
    const cpu: Record<string, number[]> = { base: [], this: [] };
    for (let pair = 0; pair < pairs; pair++) {
      const measured = await measurePair(bodyOf, pair);
      for (const [build, { cpu: perRequest, reqPerSec, cache }] of Object.entries(measured)) {
        cpu[build]!.push(perRequest);
        console.log(`  ${name} ${variant} ${build.padEnd(4)} ${perRequest.toFixed(0).padStart(5)} µs/req  ${reqPerSec.toFixed(0).padStart(6)} req/s  ${cache}`);
      }
    }
    const [base, mine] = [median(cpu.base!), median(cpu.this!)];
    console.log(
      `${name} ${variant}: server CPU µs/req, median of ${pairs}: base ${base.toFixed(0)}, this ${mine.toFixed(0)} (this ÷ base ${(mine / base).toFixed(2)})`,
    );
  }
}
