import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { GraphHolder } from './graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from './ingest/read-data-dir.ts';
import { countBySeverity } from './domain/count-by-severity.ts';
import type { Diagnostic } from './domain/types.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { LiveData } from './live-data.ts';
import { collectLoadingGarbage, loadGraph } from './load-graph.ts';
import { schema } from './schema/index.ts';
import { parseCorsOrigins } from './server/cors-policy.ts';
import { createTalkGraphServer } from './server/create-yoga.ts';
import { parseCacheMaxAge } from './server/http-cache-plugin.ts';
import { createJsonLogger } from './server/json-logger.ts';
import { serverConfigFromEnv, type ServerConfig } from './server/server-config.ts';

const USAGE = `usage: npm start -- [--data DIR] [--watch]
  --data DIR  serve another folder laid out like data/ (default: the bundled data/)
  --watch     re-ingest when a post or YAML file changes; a broken file keeps its last good version
environment: PORT, HOST (default 4000, localhost), NODE_ENV, CORS_ORIGINS, CACHE_MAX_AGE, MAX_* limits … (see README)`;

async function main(): Promise<void> {
  let values: { data?: string; watch?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, watch: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
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
  let config: ServerConfig; // limits and switches (MAX_*, INTROSPECTION, GRAPHIQL, CSRF_PREVENTION, METRICS, LOG_LEVEL)
  try {
    config = serverConfigFromEnv();
  } catch (error) {
    console.error(`talk-graph: ${(error as Error).message}`);
    process.exit(2);
  }
  const logger = createJsonLogger({ level: config.logLevel });
  const dataDir = values.data ?? BUNDLED_DATA_DIR;
  const graphs = new GraphHolder();
  const live = values.watch ? new LiveData([dataDir], graphs) : null;
  const loaded = live ? await live.reload() : await loadGraph([dataDir]);
  graphs.swap(loaded.graph);
  collectLoadingGarbage();
  const summary = (result: { graph: KnowledgeGraph; diagnostics: readonly Diagnostic[]; postCount: number }) => ({
    posts: result.postCount,
    talks: result.graph.allTalks().length,
    speakers: result.graph.allSpeakers().length,
    diagnostics: result.diagnostics.length,
    errors: countBySeverity(result.diagnostics).error,
    version: result.graph.version,
  });
  logger.info('graph loaded', { ...summary(loaded), dataDir });
  const stopWatching = live?.watch((result) => {
    if (result instanceof Error) logger.error('reload failed; serving the previous graph', { error: result.message });
    else {
      collectLoadingGarbage();
      logger.info('graph reloaded', { ...summary(result), keptLastGood: result.keptLastGood });
      // A broken file keeps its last good version: say what is wrong with the new one, line by line.
      for (const d of result.keptErrors) logger.warn('file kept at its last good version', { file: d.file, line: d.line, code: d.code, message: d.message });
    }
  });

  const { listener } = createTalkGraphServer({ schema, graphs, ...httpOptions, config, logger });
  const server = createServer(listener);
  const port = Number(process.env.PORT ?? 4000);
  const host = process.env.HOST ?? 'localhost';
  server.listen(port, host, () => logger.info('listening', { url: `http://${host}:${port}/graphql`, production: config.production }));

  const shutdown = (signal: string) => {
    // close() stops accepting connections and closes idle keep-alive ones; busy ones close after
    // their response (keep-alive timeout); whatever is still open after 10 s is cut off.
    logger.info('shutting down, finishing in-flight requests', { signal });
    stopWatching?.();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
