import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { GraphHolder } from './graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from './ingest/read-data-dir.ts';
import { loadGraph } from './load-graph.ts';
import { schema } from './schema/index.ts';
import { parseCorsOrigins } from './server/cors-policy.ts';
import { createTalkGraphYoga } from './server/create-yoga.ts';
import { parseCacheMaxAge } from './server/http-cache-plugin.ts';

const USAGE = 'usage: npm start -- [--data DIR]   (PORT and HOST from the environment, default 4000 and localhost; CORS_ORIGINS, CACHE_MAX_AGE)';

async function main(): Promise<void> {
  let values: { data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  let httpOptions: { cors: ReturnType<typeof parseCorsOrigins>; cacheMaxAge: number };
  try {
    httpOptions = { cors: parseCorsOrigins(process.env.CORS_ORIGINS), cacheMaxAge: parseCacheMaxAge(process.env.CACHE_MAX_AGE) };
  } catch (error) {
    console.error(`talk-graph: ${(error as Error).message}`);
    process.exit(2);
  }
  const dataDir = values.data ?? BUNDLED_DATA_DIR;
  const loaded = await loadGraph([dataDir]);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  console.error(`talk-graph: ${loaded.postCount} posts, ${loaded.graph.allTalks().length} talks, ${loaded.graph.allSpeakers().length} speakers, ${loaded.diagnostics.length} diagnostics (${errors} errors) from ${dataDir}`);

  const graphs = new GraphHolder(loaded.graph);
  const yoga = createTalkGraphYoga({ schema, graphs, ...httpOptions });
  const server = createServer(yoga);
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? 'localhost';
  server.listen(port, host, () => console.error(`talk-graph: GraphQL at http://${host}:${port}/graphql`));

  const shutdown = (signal: string) => {
    console.error(`talk-graph: ${signal}, finishing in-flight requests`);
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
