/**
 * Measures that refusing an abusive request costs less than answering a normal one.
 * Usage: node scripts/measure-rejection.ts [ROUNDS]   (in-process through yoga.fetch, bundled data)
 * Prints the median and p90 time per request for a normal dashboard query, for each attack as
 * refused by the default limits, and for the same attacks answered with the limits lifted.
 * The response cache is off, so every answered request is executed.
 */
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga, type TalkGraphYoga } from '../src/server/create-yoga.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';

const rounds = Number(process.argv[2] ?? 200);
const loaded = await loadGraph([BUNDLED_DATA_DIR]);
const graphs = new GraphHolder(loaded.graph);
const limited = createTalkGraphYoga({ schema, graphs, responseCache: false, config: serverConfigFromEnv({ LOG_LEVEL: 'silent', METRICS: 'false' }) });
const lifted = createTalkGraphYoga({
  schema,
  graphs,
  responseCache: false,
  config: serverConfigFromEnv({
    LOG_LEVEL: 'silent',
    METRICS: 'false',
    MAX_DEPTH: '1000',
    MAX_ALIASES: '100000',
    MAX_COST: '1000000000000000',
    MAX_TOKENS: '10000000',
    MAX_DIRECTIVES: '100000',
    MAX_DOCUMENT_CHARS: '100000000',
    MAX_BODY_BYTES: '100000000',
  }),
});

let nested = 'title';
for (let level = 0; level < 6; level++) nested = `speakers { talks(first: 3) { nodes { ${nested} } } }`;

const cases: Array<{ name: string; body: string }> = [
  {
    name: 'normal: 50 talks with speakers, orgs, topics, event',
    body: JSON.stringify({ query: '{ talks(first: 50) { nodes { title speakers { name organizations { name } } topics { name } event { name } } } }' }),
  },
  { name: 'depth 21 (speakers→talks ×6)', body: JSON.stringify({ query: `{ talks(first: 20) { nodes { ${nested} } } }` }) },
  {
    name: '100 aliases of talks(first: 50)',
    body: JSON.stringify({ query: `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: talks(first: 50) { nodes { title } }`).join(' ')} }` }),
  },
  {
    name: 'cost: talks(500)→speakers→talks(500)',
    body: JSON.stringify({ query: '{ talks(first: 500) { nodes { speakers { talks(first: 500) { nodes { title speakers { name } } } } } } }' }),
  },
  { name: '10,000-token document (15 kB)', body: JSON.stringify({ query: `{ __typename ${'@a '.repeat(5_000)}}` }) },
  { name: '5 MB body', body: JSON.stringify({ query: '{ talks(first: 1) { totalCount } }', variables: { pad: 'x'.repeat(5_000_000) } }) },
];

async function time(yoga: TalkGraphYoga, body: string): Promise<{ ms: number; status: number; code: string }> {
  const started = performance.now();
  const response = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await response.text();
  const ms = performance.now() - started;
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? (text.includes('"errors"') ? 'error' : 'ok');
  return { ms, status: response.status, code };
}

function stats(samples: number[]): { median: number; p90: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p90: sorted[Math.floor(sorted.length * 0.9)]! };
}

const fmt = (n: number) => n.toFixed(2).padStart(8);
console.log(`${loaded.graph.allTalks().length} talks; ${rounds} rounds per case (3 with limits lifted); after warm-up; ms per request`);
console.log(`${'case'.padEnd(52)} ${'limits'.padEnd(8)} ${'median'.padStart(8)} ${'p90'.padStart(8)}  status code`);
for (const { name, body } of cases) {
  for (const [label, yoga] of [
    ['default', limited],
    ['lifted', lifted],
  ] as const) {
    if (label === 'lifted' && name.startsWith('normal')) continue;
    // Answered attacks are slow: a few rounds show it.
    const runs = label === 'lifted' ? 3 : rounds;
    for (let i = 0; i < (label === 'lifted' ? 0 : 10); i++) await time(yoga, body);
    const samples: number[] = [];
    let last = { ms: 0, status: 0, code: '' };
    for (let i = 0; i < runs; i++) {
      last = await time(yoga, body);
      samples.push(last.ms);
    }
    const { median, p90 } = stats(samples);
    console.log(`${name.padEnd(52)} ${label.padEnd(8)} ${fmt(median)} ${fmt(p90)}  ${last.status} ${last.code}`);
  }
}
