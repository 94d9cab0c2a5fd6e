// Child process of the benchmark and scale scripts: one server on 127.0.0.1, an ephemeral port,
// talking to its parent over IPC. Modes:
//   project  the real server, wired as src/main.ts wires it (loadGraph → GraphHolder → createTalkGraphYoga → node:http)
//   naive    the same server with the DataLoader-free schema of naive-schema.ts
//   bare     node:http answering the precomputed bytes the parent sends (the physical limit)
//   yoga-hook  Yoga, configured its cheapest way, answering those bytes from a request hook: the
//            cheapest answer any server built on Yoga can give (the floor of an early answer)
//   yoga     the project's schema and context served by Yoga alone, configured its cheapest way, with
//            none of the project's plugins: what graphql-js and Yoga cost before anything of ours
// Messages to the parent: { type: 'listening', port, timings, counts }, { type: 'usage', maxRssBytes, … }.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { parseArgs } from 'node:util';
import { GraphHolder } from '../../src/graph/graph-holder.ts';
import { collectLoadingGarbage, loadGraph } from '../../src/load-graph.ts';
import { schema } from '../../src/schema/index.ts';
import { pathnameOf } from '../../src/server/request-path.ts';
import { parseCorsOrigins } from '../../src/server/cors-policy.ts';
import { createTalkGraphServer } from '../../src/server/create-talk-graph-server.ts';
import { parseCacheMaxAge } from '../../src/server/http-cache-plugin.ts';
import { createJsonLogger } from '../../src/server/json-logger.ts';
import { serverConfigFromEnv } from '../../src/server/server-config.ts';
import { buildNaiveSchema } from './naive-schema.ts';
import { CHEAPEST_YOGA, createYogaAlone } from './yoga-alone.ts';

export type ServeMode = 'project' | 'naive' | 'bare' | 'yoga-hook' | 'yoga';

export interface ServeTimings {
  /** loadGraph: read the folder, parse and resolve every post, build the indexed graph. */
  loadMs: number;
  /** Process start (node's time origin) to listening. */
  sinceStartMs: number;
}

export type ChildMessage =
  | { type: 'listening'; port: number; timings: ServeTimings | null; counts: { posts: number; talks: number; speakers: number; organizations: number } | null }
  | { type: 'usage'; maxRssBytes: number; heapUsedBytes: number; rssBytes: number; cpuMicros: number };

export type ParentMessage = { type: 'bodies'; bodies: Record<string, string> } | { type: 'usage' } | { type: 'exit' };

const send = (message: ChildMessage) => process.send?.(message);

type Listening = Pick<Extract<ChildMessage, { type: 'listening' }>, 'timings' | 'counts'>;

/** Listens on 127.0.0.1 and an ephemeral port, then tells the parent (what it says, asked once listening). */
function listen(server: Server, listening: () => Listening = () => ({ timings: null, counts: null })): void {
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    send({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0, ...listening() });
  });
}

/** The precomputed answers the parent sends, by path (`/graphql/<query name>`): the latest set. */
function receivedBodies(): (path: string) => Buffer | undefined {
  let bodies = new Map<string, Buffer>();
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'bodies') bodies = new Map(Object.entries(message.bodies).map(([name, text]) => [`/graphql/${name}`, Buffer.from(text)]));
  });
  return (path) => bodies.get(path);
}

function serveBare(): void {
  const bodyFor = receivedBodies();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      const body = bodyFor(req.url ?? '');
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/graphql-response+json; charset=utf-8', 'content-length': body.length });
      res.end(body);
    });
  });
  listen(server);
}

function serveYogaHook(): void {
  const bodyFor = receivedBodies();
  const answerFromRequestHook: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const body = bodyFor(pathnameOf(request));
      if (body)
        endResponse(new fetchAPI.Response(body as unknown as BodyInit, { headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' } }));
    },
  };
  listen(createServer(createYoga({ ...CHEAPEST_YOGA, schema: createSchema({ typeDefs: 'type Query { unused: Int }' }), plugins: [answerFromRequestHook] })));
}

async function serveYogaAlone(dataDirs: string[]): Promise<void> {
  const loaded = await loadGraph(dataDirs);
  const graphs = new GraphHolder(loaded.graph);
  collectLoadingGarbage();
  listen(createServer(createYogaAlone(graphs)));
}

async function serveProject(dataDirs: string[], naive: boolean): Promise<void> {
  const t0 = performance.now();
  const loaded = await loadGraph(dataDirs);
  const loadMs = performance.now() - t0;
  const graph = loaded.graph;

  const graphs = new GraphHolder(graph);
  collectLoadingGarbage(); // as src/main.ts does
  const config = serverConfigFromEnv();
  const { listener } = createTalkGraphServer({
    schema: naive ? buildNaiveSchema() : schema,
    graphs,
    cors: parseCorsOrigins(process.env.CORS_ORIGINS),
    cacheMaxAge: parseCacheMaxAge(process.env.CACHE_MAX_AGE),
    config,
    logger: createJsonLogger({ level: config.logLevel }),
  });
  listen(createServer(listener), () => ({
    timings: { loadMs, sinceStartMs: performance.now() },
    counts: { posts: loaded.postCount, talks: graph.allTalks().length, speakers: graph.allSpeakers().length, organizations: graph.allOrganizations().length },
  }));
}

const { values } = parseArgs({ options: { mode: { type: 'string', default: 'project' }, data: { type: 'string', multiple: true } } });
const mode = values.mode as ServeMode;

process.on('message', (message: ParentMessage) => {
  if (message.type === 'usage') {
    const usage = process.resourceUsage();
    const memory = process.memoryUsage();
    send({
      type: 'usage',
      maxRssBytes: usage.maxRSS * 1024,
      heapUsedBytes: memory.heapUsed,
      rssBytes: memory.rss,
      cpuMicros: usage.userCPUTime + usage.systemCPUTime,
    });
  } else if (message.type === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));

if (mode === 'bare') serveBare();
else if (mode === 'yoga-hook') serveYogaHook();
else if (mode === 'yoga') await serveYogaAlone(values.data ?? ['data']);
else if (mode === 'project' || mode === 'naive') await serveProject(values.data ?? ['data'], mode === 'naive');
else throw new Error(`unknown mode ${mode}`);
