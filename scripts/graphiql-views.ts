// `node scripts/graphiql-views.ts [--views 10]`
//
// Issue 12 finding 8: the server (scripts/bench/serve.ts, bundled data, 127.0.0.1) is sent N page
// views of GraphiQL as a browser asks for it (Accept: text/html, Accept-Encoding: gzip, deflate, br).
// Prints the server's RSS before, after and at its peak, the bytes sent per view and the time per view.
import { parseArgs } from 'node:util';
import { startChildServer } from './bench/child-server.ts';

const { values } = parseArgs({ options: { views: { type: 'string', default: '10' } } });
const views = Number(values.views);
if (!Number.isSafeInteger(views) || views < 1 || views > 1000) {
  console.error('usage: node scripts/graphiql-views.ts [--views N (10)]');
  process.exit(2);
}
const MiB = (bytes: number) => (bytes / 1048576).toFixed(0);
const server = await startChildServer('project', { env: { LOG_LEVEL: 'warn' } });
try {
  const before = await server.usage();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < views; i++) {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip, deflate, br' } });
    const received = (await response.arrayBuffer()).byteLength;
    // fetch decompresses: the bytes on the wire are the Content-Length, when there is one.
    bytes = Number(response.headers.get('content-length') ?? received);
    times.push(performance.now() - started);
  }
  const after = await server.usage();
  console.log(
    `${views} GraphiQL views: RSS before ${MiB(before.rssBytes)} MiB, after ${MiB(after.rssBytes)} MiB, peak ${MiB(after.maxRssBytes)} MiB; ${(bytes / 1e6).toFixed(2)} MB sent per view; first view ${times[0]!.toFixed(0)} ms, later views median ${
      times
        .slice(1)
        .sort((a, b) => a - b)
        [Math.floor((times.length - 1) / 2)]?.toFixed(1) ?? '–'
    } ms`,
  );
} finally {
  await server.stop();
}
