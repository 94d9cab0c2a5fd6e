import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { BENCH_QUERIES, requestBody } from '../test/support/bench-queries.ts';
import { CORPUS, corpusPresent } from '../test/support/corpus.ts';
import { createYogaAlone } from './bench/yoga-alone.ts';

// What the parts of the request pipeline cost a request that no cache answers (bench variant (c): the
// same text, other variables), without HTTP: CPU time per request through `yoga.fetch`, 10 in flight,
// for Yoga alone with the project's schema (bench (k)), the project as built, and the project without
// one part at a time. Rounds alternate between the builds in one process; the median is printed.
// The log line is built and discarded (no stderr write).
//   node scripts/measure-pipeline-cost.ts [isovalent-friday] [--requests 3000] [--rounds 8]
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const name = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? 'isovalent-friday';
const requests = option('--requests', 3000);
const rounds = option('--rounds', 8);
const bench = BENCH_QUERIES.find((q) => q.name === name);
if (!bench) throw new Error(`no bench query ${name}: ${BENCH_QUERIES.map((q) => q.name).join(', ')}`);

const { graph } = await loadGraph(corpusPresent ? [BUNDLED_DATA_DIR, CORPUS.talkPosts] : [BUNDLED_DATA_DIR]);
const graphs = new GraphHolder(graph);
const pool = bench.variedPool(graph, 4000, 1).map((variables) => requestBody(bench, variables));

type Fetch = (url: string, init: RequestInit) => Promise<Response> | Response;

function project(env: Record<string, string>, options: { responseCache?: false; compiledExecution?: false } = {}): Fetch {
  const config = serverConfigFromEnv({ NODE_ENV: 'production', ...env });
  const logger = createJsonLogger({ level: config.logLevel, write: () => undefined });
  return createTalkGraphServer({ schema, graphs, config, logger, ...options }).yoga.fetch;
}

const builds: Record<string, Fetch> = {
  'Yoga alone': createYogaAlone(graphs).fetch,
  'the project': project({}),
  'without the response cache': project({}, { responseCache: false }),
  'without metrics and the log line': project({ METRICS: 'off', LOG_LEVEL: 'silent' }),
  'without graphql-jit': project({}, { compiledExecution: false }),
};

let next = 0;
async function run(fetch: Fetch, count: number): Promise<void> {
  for (let sent = 0; sent < count; sent += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const body = pool[next++ % pool.length]!;
        const response = await fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body,
        });
        const text = await response.text();
        if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${response.status}: ${text.slice(0, 300)}`);
      }),
    );
  }
}

const samples = new Map<string, number[]>(Object.keys(builds).map((build) => [build, []]));
for (const fetch of Object.values(builds)) await run(fetch, 2000); // warm: graphql-jit compiles, caches fill
for (let round = 0; round < rounds; round++) {
  for (const [build, fetch] of Object.entries(builds)) {
    const before = process.cpuUsage();
    await run(fetch, requests);
    const used = process.cpuUsage(before);
    samples.get(build)!.push((used.user + used.system) / requests);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
console.log(`${bench.name}, (c)'s requests, ${rounds} rounds of ${requests}: CPU µs per request, median (min–max)`);
for (const [build, xs] of samples)
  console.log(`  ${build.padEnd(34)} ${median(xs).toFixed(0).padStart(5)}  (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
