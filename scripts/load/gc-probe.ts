// Preloaded into the server by `npm run load -- --gc-probe` (node --expose-gc --import this file):
// on SIGUSR2 it runs a full garbage collection and appends one JSON line with the heap still in
// use and the RSS to $TALK_GRAPH_GC_PROBE_FILE. Heap after a full GC is what a leak would grow;
// RSS and heap-in-use sampled at random moments mostly measure garbage not yet collected.
// Not part of the server: the load script's instrument only.
import { appendFileSync } from 'node:fs';

const file = process.env.TALK_GRAPH_GC_PROBE_FILE;
const gc = (globalThis as { gc?: () => void }).gc;
if (file && gc) {
  process.on('SIGUSR2', () => {
    const started = performance.now();
    gc();
    const { heapUsed, rss } = process.memoryUsage();
    appendFileSync(file, `${JSON.stringify({ heapUsed, rss, gcMs: performance.now() - started })}\n`);
  });
}
