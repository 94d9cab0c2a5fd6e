import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { GraphHolder } from './graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from './ingest/read-data-dir.ts';
import { countBySeverity } from './domain/count-by-severity.ts';
import type { Diagnostic } from './domain/types.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { LiveData } from './live-data.ts';
import { collectLoadingGarbage, loadGraph } from './load-graph.ts';
import { schema } from './schema/index.ts';
import { connectionLimitsFromEnv, createLimitedServer, type ConnectionLimits } from './server/connection-limits.ts';
import { parseCorsOrigins } from './server/cors-policy.ts';
import { createTalkGraphServer } from './server/create-talk-graph-server.ts';
import { parseCacheMaxAge } from './server/http-cache-plugin.ts';
import { installGracefulShutdown } from './server/graceful-shutdown.ts';
import { createJsonLogger } from './server/json-logger.ts';
import { checkListenAddress, listenAddressFromEnv, listenFailure, type ListenAddress } from './server/listen-address.ts';
import { serverConfigFromEnv, type ServerConfig } from './server/server-config.ts';
import { readSnapshotOrExit } from './snapshot/snapshot-io.ts';

const USAGE = `usage: npm start -- [--data DIR] [--watch] | --snapshot FILE
  --data DIR       serve another folder laid out like data/ (default: the bundled data/)
  --watch          re-ingest when a post or YAML file changes; a broken file keeps its last good version
  --snapshot FILE  serve a graph written by npm run snapshot (exit 2 when it is damaged or from other code)
environment: PORT, HOST (default 4000, localhost), NODE_ENV, CORS_ORIGINS, CACHE_MAX_AGE, MAX_* limits,
  HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, MAX_CONNECTIONS, SHUTDOWN_DELAY_MS …
  (see docs/operations.md)
exit status 2: a start-up failure (bad flag or variable, missing --data folder, port in use, bad snapshot), on one line`;

/** A start-up failure: one line on stderr and exit status 2 (bad flags, environment, folder, address). */
function fail(message: string): never {
  console.error(`talk-graph: ${message}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values: { data?: string; watch?: boolean; snapshot?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { data: { type: 'string' }, watch: { type: 'boolean' }, snapshot: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
    if (values.snapshot !== undefined && (values.data !== undefined || values.watch))
      throw new Error('--snapshot serves a built graph: it takes no --data or --watch.');
  } catch (error) {
    fail(`${(error as Error).message} Run with --help for the options.`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  let httpOptions: { cors: ReturnType<typeof parseCorsOrigins>; cacheMaxAge: number };
  try {
    httpOptions = { cors: parseCorsOrigins(process.env.CORS_ORIGINS), cacheMaxAge: parseCacheMaxAge(process.env.CACHE_MAX_AGE) };
  } catch (error) {
    fail((error as Error).message);
  }
  let config: ServerConfig; // limits and switches (MAX_*, INTROSPECTION, GRAPHIQL, CSRF_PREVENTION, METRICS, LOG_LEVEL)
  try {
    config = serverConfigFromEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  let address: ListenAddress;
  let connectionLimits: ConnectionLimits; // HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS, KEEP_ALIVE_TIMEOUT_MS, MAX_CONNECTIONS
  try {
    address = listenAddressFromEnv();
    connectionLimits = connectionLimitsFromEnv();
  } catch (error) {
    fail((error as Error).message);
  }
  const logger = createJsonLogger({ level: config.logLevel });
  const dataDir = values.data ?? BUNDLED_DATA_DIR;
  const dataInfo = statSync(dataDir, { throwIfNoEntry: false });
  if (!dataInfo?.isDirectory()) fail(`--data ${dataDir}: ${dataInfo ? 'not a folder' : 'no such folder'}.`);
  await checkListenAddress(address).catch((error: Error) => fail(error.message));
  const graphs = new GraphHolder();
  const live = values.watch ? new LiveData([dataDir], graphs) : null;
  // Watch mode swaps each graph it loads in itself, the first one too.
  const loaded = values.snapshot !== undefined ? await readSnapshotOrExit(values.snapshot) : live ? await live.reload() : await loadGraph([dataDir]);
  if (!live) graphs.swap(loaded.graph);
  // A snapshot leaves little garbage but its file's bytes (outside the heap): a full collection would only delay ready.
  if (values.snapshot === undefined) collectLoadingGarbage();
  const summary = (result: { graph: KnowledgeGraph; diagnostics: readonly Diagnostic[]; postCount: number }) => ({
    posts: result.postCount,
    talks: result.graph.allTalks().length,
    speakers: result.graph.allSpeakers().length,
    diagnostics: result.diagnostics.length,
    errors: countBySeverity(result.diagnostics).error,
    version: result.graph.version,
  });
  logger.info('graph loaded', { ...summary(loaded), ...(values.snapshot !== undefined ? { snapshot: values.snapshot } : { dataDir }) });
  const stopWatching = live?.watch(
    (result) => {
      if (result instanceof Error) logger.error('reload failed; serving the previous graph', { error: result.message });
      else {
        collectLoadingGarbage();
        logger.info('graph reloaded', { ...summary(result), keptLastGood: result.keptLastGood });
        // A broken file keeps its last good version: say what is wrong with the new one, line by line.
        for (const d of result.keptErrors) logger.warn('file kept at its last good version', { file: d.file, line: d.line, code: d.code, message: d.message });
      }
    },
    undefined,
    (error) =>
      logger.warn('file watcher failed; watching again shortly, serving the last good graph', {
        error: error.message,
        code: (error as NodeJS.ErrnoException).code ?? null,
      }),
  );

  const { listener } = createTalkGraphServer({ schema, graphs, ...httpOptions, config, logger });
  const server = createLimitedServer(listener, connectionLimits);
  const { port, host } = address;
  server.once('error', (error: NodeJS.ErrnoException) => fail(listenFailure(error, address))); // taken since the check
  server.listen(port, host, () => {
    server.removeAllListeners('error');
    server.on('error', (error) => logger.error('server error', { error: error.message }));
    logger.info('listening', { url: `http://${host}:${port}/graphql`, production: config.production });
  });
  installGracefulShutdown({ server, graphs, logger, delayMs: config.shutdownDelayMs, onStop: stopWatching });
}

await main().catch((error: unknown) => fail(`start-up failed: ${error instanceof Error ? error.message : String(error)}`));
