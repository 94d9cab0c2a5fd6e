// `node scripts/dashboard-budget.ts [--data DIR] [--runs 5]`
//
// Measures the dashboard's budgets (issue 15) and prints them: the JavaScript and CSS the first
// view loads, gzipped as the server sends them (from web/dist, built first when stale), and the time
// to the first render with data in Debian's headless Chromium — the overview (`/`, until its totals
// and charts are drawn) and one schedule day — served by the real server on 127.0.0.1 with the
// bundled data (or --data DIR, e.g. a folder from scripts/generate-scale.ts). Not a test: numbers.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { DASHBOARD_DIST_DIR } from '../src/server/dashboard-plugin.ts';
import { createTalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { createJsonLogger } from '../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs));
const root = path.resolve(import.meta.dirname, '..');

const build = spawnSync(process.execPath, [path.join(root, 'web', 'build-if-stale.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

// 1. Bytes of the first view: every script, module preload and style sheet index.html names.
const html = readFileSync(path.join(DASHBOARD_DIST_DIR, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(js|css))"/g)].map((m) => ({ file: m[1]!, kind: m[2]! }));
const sizes = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 } };
for (const { file, kind } of files) {
  const bytes = readFileSync(path.join(DASHBOARD_DIST_DIR, file));
  sizes[kind as 'js' | 'css'].raw += bytes.byteLength;
  sizes[kind as 'js' | 'css'].gzip += gzipSync(bytes).byteLength;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`first view JavaScript: ${kb(sizes.js.gzip)} gzipped (${kb(sizes.js.raw)} raw); CSS ${kb(sizes.css.gzip)} gzipped — budget 250 KiB of JavaScript`);

// 2. Time to the first render with data.
const dataDir = values.data ? path.resolve(values.data) : BUNDLED_DATA_DIR;
console.log(
  `load average at the start: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (${os.cpus().length} cores)`,
);
const started = performance.now();
const loaded = await loadGraph([dataDir]);
console.log(`graph: ${loaded.graph.allTalks().length} talks from ${dataDir} (loaded in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
const config = { ...serverConfigFromEnv(), logLevel: 'silent' as const };
const { listener } = createTalkGraphServer({ schema, graphs: new GraphHolder(loaded.graph), config, logger: createJsonLogger({ level: 'silent' }) });
const server = createServer(listener);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
});

// The schedule day: KubeCon EU 2023's Friday when the data has it, else the first dated talk's day.
const dated = loaded.graph.allTalks().filter((t) => t.date && t.eventId);
const pick = dated.find((t) => t.date === '2023-04-21') ?? dated[0];
const event = pick?.eventId ?? undefined; // an event id is its slug (data/events.yaml)
const views = [
  { name: 'overview /', url: '/', ready: '[data-testid="total-talks"]', also: '[data-facet="topics"] svg' },
  ...(pick && event
    ? [
        {
          name: `schedule /schedule/${event}?date=${pick.date}`,
          url: `/schedule/${event}?date=${pick.date}`,
          ready: '[data-testid="schedule-grid"] [data-talk]',
          also: null,
        },
      ]
    : []),
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const view of views) {
  const times: number[] = [];
  const apiTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}${view.url}`);
    await page.locator(view.ready).first().waitFor({ timeout: 60_000 });
    if (view.also) await page.locator(view.also).first().waitFor({ timeout: 60_000 });
    times.push(await page.evaluate(() => performance.now()));
    // The longest wait for the API among the page's GraphQL requests (they run in parallel; the subscription left out).
    apiTimes.push(
      await page.evaluate(() =>
        Math.max(
          0,
          ...performance
            .getEntriesByType('resource')
            .filter((e) => new URL(e.name).pathname === '/graphql' && (e as PerformanceResourceTiming).initiatorType === 'fetch' && e.duration < 60_000)
            .map((e) => (e as PerformanceResourceTiming).responseEnd - (e as PerformanceResourceTiming).requestStart),
        ),
      ),
    );
    await context.close();
  }
  const ms = (xs: number[]) => xs.map((x) => Math.round(x)).join(', ');
  console.log(
    `first render with data, ${view.name}: median ${Math.round(median(times))} ms, range ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms over ${runs} cold page loads (runs: ${ms(times)}; the slowest API answer of each: ${ms(apiTimes)}) (budget 1500 ms; 2000 ms at 1000×)`,
  );
}
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')} (${os.cpus().length} cores)`,
);
await browser.close();
server.closeAllConnections();
server.close();
