// `npm run flood [-- --count 20000 --concurrency 8 --repeat 1 --max-seconds 900 --data DIR]`
//
// Issue 12 finding 2 as an attacker sends it: a flood of distinct wide documents (15 aliases of
// `talks` over a fragment with relations, test/support/wide-document.ts), each a new query text,
// to a server started as `npm start` starts it (scripts/bench/serve.ts, createTalkGraphServer with
// the configuration from the environment, e.g. JIT_AFTER) on 127.0.0.1 in its own process. With
// `--repeat N` each document is sent N times in a row (N > JIT_AFTER makes graphql-jit compile each).
// Prints the server's RSS before the flood, every few seconds, at its peak (maxRSS), after it and
// after ten idle seconds, with the bad answers (non-200 or `errors`). Stops at --max-seconds.
// Exit 1 on any bad answer, 2 on bad usage. Not part of the tests.
import { parseArgs } from 'node:util';
import { startChildServer } from './bench/child-server.ts';
import { wideDocument } from '../test/support/wide-document.ts';

const USAGE = 'usage: npm run flood -- [--count N (20000)] [--concurrency N (8)] [--repeat N (1)] [--max-seconds S (900)] [--data DIR (data/)]';
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '8' },
    repeat: { type: 'string', default: '1' },
    'max-seconds': { type: 'string', default: '900' },
    data: { type: 'string', default: 'data' },
    help: { type: 'boolean', short: 'h' },
  },
});
const count = Number(values.count);
const concurrency = Number(values.concurrency);
const repeat = Number(values.repeat);
const maxSeconds = Number(values['max-seconds']);
const within = (n: number, lo: number, hi: number) => Number.isSafeInteger(n) && n >= lo && n <= hi;
if (values.help || !within(count, 1, 1_000_000) || !within(concurrency, 1, 256) || !within(repeat, 1, 100) || !within(maxSeconds, 1, 7200)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

const MiB = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const server = await startChildServer('project', { data: values.data, env: { LOG_LEVEL: 'warn' } });
try {
  const before = await server.usage();
  console.log(
    `flood: ${count} distinct wide documents (${wideDocument(count).length} characters each) × ${repeat}, ${concurrency} in flight, JIT_AFTER=${process.env.JIT_AFTER ?? '(default)'}, server ${server.url}`,
  );
  console.log(`RSS before: ${MiB(before.rssBytes)} MiB (heap ${MiB(before.heapUsedBytes)} MiB)`);
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  let next = 0;
  let sent = 0;
  let bad = 0;
  let connectionErrors = 0;
  let firstBad: string | null = null;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const query = wideDocument(next++);
      for (let r = 0; r < repeat; r++) {
        let status = 0;
        let text = '';
        try {
          const response = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          });
          status = response.status;
          text = await response.text();
        } catch (error) {
          connectionErrors++;
          text = String((error as Error).cause ?? error);
        }
        sent++;
        if (status !== 200 || text.includes('"errors"')) {
          bad++;
          firstBad ??= `${status} ${text.slice(0, 300)}`;
        }
      }
    }
  };
  const sampler = setInterval(() => {
    void server
      .usage()
      .then((u) =>
        console.log(
          `  ${((performance.now() - started) / 1000).toFixed(0)} s: ${next} documents, RSS ${MiB(u.rssBytes)} MiB, heap ${MiB(u.heapUsedBytes)} MiB`,
        ),
      );
  }, 15_000);
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const after = await server.usage();
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const idle = await server.usage();
  console.log(
    `sent ${sent} requests (${next} documents) in ${seconds.toFixed(0)} s, ${(sent / seconds).toFixed(0)} req/s; bad answers: ${bad} (connection errors ${connectionErrors})${firstBad ? ` (first: ${firstBad})` : ''}`,
  );
  console.log(
    `RSS before ${MiB(before.rssBytes)} MiB, peak ${MiB(after.maxRssBytes)} MiB, after ${MiB(after.rssBytes)} MiB, after 10 s idle ${MiB(idle.rssBytes)} MiB (heap ${MiB(idle.heapUsedBytes)} MiB)`,
  );
  if (next < count) console.log(`stopped at --max-seconds ${maxSeconds} after ${next} of ${count} documents`);
  process.exitCode = bad > 0 ? 1 : 0;
} finally {
  await server.stop();
}
