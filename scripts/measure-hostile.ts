// `npm run hostile [-- --scale 100 --seed 1 --out DIR]`
//
// The done-when measurements of issue 12, at N × the bundled data (scripts/generate-scale.ts, as
// `npm run scale` generates it; generated into DIR/x{N} when missing). The server runs as
// `npm start` runs it (scripts/bench/serve.ts) on 127.0.0.1 in its own process. Prints:
// - `ingestReport { counts }` on a fresh graph (target < 1 s);
// - `/calendar.ics` (every talk): first answer (rendered), asked again (target < 300 ms), and its
//   304 with If-None-Match (target < 50 ms);
// - the slowest `/health` (polled every 50 ms) while three other calendars are rendered (target < 200 ms).
// Every request has a 5-minute timeout. Exit 1 when a target is missed, 2 on bad usage. Not part of the tests.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startChildServer } from './bench/child-server.ts';
import { DEFAULT_SCALE_DIR, writeScale } from './generate-scale.ts';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '100' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: DEFAULT_SCALE_DIR } },
});
const scale = Number(values.scale);
if (!Number.isSafeInteger(scale) || scale < 1 || scale > 1000) {
  console.error('usage: npm run hostile -- [--scale N (100)] [--seed N (1)] [--out DIR]');
  process.exit(2);
}
const dir = path.join(values.out!, `x${scale}`);
if (!existsSync(path.join(dir, 'posts'))) await writeScale(scale, Number(values.seed), values.out);

const TIMEOUT = 300_000;
async function timed(url: string, init: RequestInit = {}): Promise<{ ms: number; status: number; bytes: number; etag: string | null }> {
  const started = performance.now();
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT) });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength, etag: response.headers.get('etag') };
}

const results: Array<{ what: string; ms: number; target: number }> = [];
const report = (what: string, ms: number, target: number, note = '') => {
  results.push({ what, ms, target });
  console.log(`${what.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms   target < ${target} ms  ${ms < target ? 'ok' : 'MISSED'}${note ? `  (${note})` : ''}`);
};

console.log(
  `hostile: ${scale}× the bundled data (${dir}), Node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
const server = await startChildServer('project', { data: dir, timeoutMs: 900_000, env: { LOG_LEVEL: 'warn' } });
try {
  console.log(`server ${server.url}: ${server.counts?.talks} talks, ${server.counts?.posts} posts, ready after ${(server.startupMs / 1000).toFixed(1)} s`);
  const counts = await timed(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' },
    body: JSON.stringify({ query: '{ ingestReport { counts { posts talks speakers organizations diagnostics errors warnings } } }' }),
  });
  report('ingestReport { counts } (fresh graph)', counts.ms, 1000, `status ${counts.status}`);

  const calendar = `${server.url}/calendar.ics`;
  const first = await timed(calendar);
  console.log(
    `${'/calendar.ics, first request (renders every talk)'.padEnd(58)} ${first.ms.toFixed(1).padStart(9)} ms   (${(first.bytes / 1e6).toFixed(1)} MB, status ${first.status})`,
  );
  const again = await timed(calendar);
  report('/calendar.ics asked again', again.ms, 300, `${(again.bytes / 1e6).toFixed(1)} MB`);
  const notModified = await timed(calendar, { headers: { 'if-none-match': first.etag ?? '' } });
  report('/calendar.ics with If-None-Match', notModified.ms, 50, `status ${notModified.status}`);

  // Three other calendars rendered at once, /health polled meanwhile.
  const filters = ['day=TUESDAY', 'day=WEDNESDAY', 'hasSpeakers=true'];
  let rendering = true;
  const renders = Promise.all(filters.map((f) => timed(`${calendar}?${f}`))).finally(() => (rendering = false));
  let slowest = 0;
  let polls = 0;
  while (rendering) {
    const health = await timed(`${server.url}/health`);
    slowest = Math.max(slowest, health.ms);
    polls++;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const rendered = await renders;
  console.log(`three calendars (${filters.join(', ')}): ${rendered.map((r) => `${(r.ms / 1000).toFixed(1)} s / ${(r.bytes / 1e6).toFixed(1)} MB`).join(', ')}`);
  report('slowest /health while three calendars render', slowest, 200, `${polls} polls`);
  const usage = await server.usage();
  console.log(`server RSS ${(usage.rssBytes / 1048576).toFixed(0)} MiB, peak ${(usage.maxRssBytes / 1048576).toFixed(0)} MiB`);
} finally {
  await server.stop();
}
process.exitCode = results.every((r) => r.ms < r.target) ? 0 : 1;
