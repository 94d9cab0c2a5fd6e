import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { execute, getOperationAST, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { mapMaybePromise, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { createContext } from '../schema/context.ts';
import { CONTENT_LENGTH } from './body-limit-plugin.ts';
import type { CompiledOperations } from './compiled-execution-plugin.ts';
import { documentBytes } from './document-caches.ts';
import { costRefusal } from './cost-limit-plugin.ts';
import type { JsonLogger } from './json-logger.ts';
import { logRequest } from './logging-plugin.ts';
import type { Metrics } from './metrics-plugin.ts';
import { pathnameOf } from './request-path.ts';
import { REQUEST_ID_HEADER, requestArrivals, requestIdOf, type RequestRecord } from './request-tracking.ts';
import type { ResponseCache } from './response-cache.ts';
import { CACHE_STATUS_HEADER, cacheKeyFor, cachePolicyOf, type Params } from './response-cache-plugin.ts';

export interface FastLaneOptions {
  schema: GraphQLSchema;
  graphs: GraphHolder;
  /** The GraphQL endpoint, e.g. /graphql. */
  path: string;
  /** graphql-jit compilations shared with the Yoga pipeline; null runs graphql-js. */
  compiled: CompiledOperations | null;
  /** The response cache the Yoga pipeline uses, or null when it is off. */
  cache: ResponseCache | null;
  maxCost: number;
  maxBodyBytes: number;
  logger: JsonLogger;
  metrics: Metrics | null;
  /** Bytes of learned documents, texts included (documentBytes). Default 16 MiB. */
  maxDocumentBytes?: number;
}

/** Request-specific response headers: set for each answer, never learned. */
const PER_ANSWER_HEADERS = new Set(['content-length', 'date', 'connection', 'keep-alive', 'transfer-encoding', CACHE_STATUS_HEADER, REQUEST_ID_HEADER]);

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;
const GRAPHQL_RESPONSE_TYPE = /^application\/(graphql-response\+)?json\s*(;|$)/i;
const PARAMETERS = new Set(['query', 'variables', 'operationName', 'extensions']);

const templateKey = (accept: string | null | undefined, origin: string | null | undefined) => `${accept ?? ''}\n${origin ?? ''}`;

/** CORS answers these too (they are preflight headers, but a POST may carry them): such requests are left to Yoga. */
const CORS_REQUEST_HEADERS = ['access-control-request-headers', 'access-control-request-method'];

/** The parameters of a JSON body when they are one plain operation (no extensions, nothing unknown), else null. */
function plainParams(body: Buffer): (Params & { query: string; variables: Record<string, unknown> | null; operationName: string | null }) | null {
  let params: unknown;
  try {
    params = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return null;
  for (const key of Object.keys(params)) if (!PARAMETERS.has(key)) return null;
  const { query, variables, operationName, extensions } = params as Params;
  if (typeof query !== 'string' || extensions != null) return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName != null && typeof operationName !== 'string') return null;
  return { query, variables: (variables as Record<string, unknown> | null | undefined) ?? null, operationName: operationName ?? null };
}

/** An answer of the fast lane, ready to write. */
interface Reply {
  record: RequestRecord;
  headers: Record<string, string>;
  body: Buffer;
  cacheStatus: string | null;
}

/**
 * A shorter way through the server for the request explorers and dashboards send all day: a JSON
 * POST of a query the server has already answered once. Yoga's pipeline (a fetch Request built from
 * the Node request, a dozen plugin hooks, promise plumbing, a fetch Response written back) costs
 * ~250 µs per request on this machine, more than executing most queries; the fast lane answers such
 * requests directly on Node's request and response, with the same parts the pipeline uses: the
 * response cache, the cost limit, graphql-jit, the request log, metrics, request ids.
 *
 * It decides nothing on its own. What it learns, it learns from Yoga's answers (the plugin below):
 * - the query texts that passed parsing and every validation rule (depth, aliases, tokens,
 *   introspection …: all depend on the document alone), with their parsed documents;
 * - the headers of a successful answer for each pair of Accept and Origin request headers (content
 *   type and CORS depend on those two only; per-answer headers such as x-request-id are set anew).
 * Anything else goes to Yoga, untouched or, once the body has been read, with that body: another
 * method, path or content type, a body that is chunked, too large, not one plain operation, a
 * query text or header pair not seen yet, a cost over the limit, and any answer with errors (Yoga
 * executes it again and words the errors as always). test/fast-lane.test.ts compares its answers,
 * headers, log lines and metrics with Yoga's.
 */
export class FastLane {
  /**
   * Query texts Yoga has validated and executed, with the document it parsed: the 1000 last used,
   * at most 16 MiB of them, each counted at its text and its parsed document (documentBytes).
   */
  private readonly documents: LRUCache<string, DocumentNode>;
  /** Learned response headers per Accept and Origin: 100 pairs at most, 1 MiB of keys and headers. */
  private readonly templates = new LRUCache<string, Record<string, string>>({
    max: 100,
    maxSize: 1024 * 1024,
    sizeCalculation: (headers, key) => key.length * 2 + Object.entries(headers).reduce((sum, [name, value]) => sum + (name.length + value.length) * 2 + 64, 0),
  });
  /** Requests answered here, and requests handed to Yoga after their body was read. */
  readonly stats = { answered: 0, handedOver: 0 };

  private readonly options: FastLaneOptions;

  constructor(options: FastLaneOptions) {
    this.options = options;
    this.documents = new LRUCache<string, DocumentNode>({
      max: 1000,
      maxSize: options.maxDocumentBytes ?? 16 * 1024 * 1024,
      sizeCalculation: (_document, query) => documentBytes(query),
    });
  }

  /** Documents learned, and their estimated bytes (texts included). */
  learned(): { documents: number; bytes: number } {
    return { documents: this.documents.size, bytes: this.documents.calculatedSize };
  }

  /** Learns from Yoga's answers. Goes last in the plugin list, so the headers are final. */
  plugin(): Plugin {
    const { path } = this.options;
    return {
      onExecute: ({ args }) => {
        const params = (args.contextValue as { params?: { query?: unknown } }).params;
        if (typeof params?.query === 'string' && !this.documents.has(params.query)) this.documents.set(params.query, args.document);
      },
      onResponse: ({ request, response }) => {
        if (request.method !== 'POST' || response.status !== 200 || pathnameOf(request) !== path) return;
        // x-cache is set on every answer the response cache saw: a GraphQL result, not a probe or a refusal.
        if (!GRAPHQL_RESPONSE_TYPE.test(response.headers.get('content-type') ?? '') || !response.headers.has(CACHE_STATUS_HEADER)) return;
        if (CORS_REQUEST_HEADERS.some((name) => request.headers.has(name))) return;
        const key = templateKey(request.headers.get('accept'), request.headers.get('origin'));
        if (this.templates.has(key)) return;
        const headers: Record<string, string> = {};
        // Lower-cased: the fetch ponyfill keeps the case a header was set with.
        response.headers.forEach((value, name) => {
          if (!PER_ANSWER_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
        });
        this.templates.set(key, headers);
      },
    };
  }

  /** The Node request listener: the fast lane in front of `yoga`. */
  listener(yoga: RequestListener): RequestListener {
    return (req, res) => {
      if (!this.mayTake(req)) {
        yoga(req, res);
        return;
      }
      const startedAt = performance.now();
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => res.destroy());
      req.on('end', () => {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const handOver = () => {
          this.stats.handedOver++;
          // @whatwg-node/server reads a body already on the Node request instead of the spent stream.
          (req as IncomingMessage & { body?: Buffer }).body = body;
          // Logs and metrics time the request from its arrival, not from when Yoga sees it.
          requestArrivals.set(req, startedAt);
          yoga(req, res);
        };
        const finish = (reply: Reply | null) => {
          if (reply) this.send(res, reply);
          else handOver();
        };
        let reply: Reply | null | Promise<Reply | null>;
        try {
          reply = this.answer(req, body, startedAt);
        } catch {
          reply = null;
        }
        if (reply instanceof Promise) reply.then(finish, handOver);
        else finish(reply);
      });
    };
  }

  private mayTake(req: IncomingMessage): boolean {
    if (req.method !== 'POST' || req.url !== this.options.path || !this.options.graphs.ready) return false;
    if (!JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '') || req.headers['transfer-encoding'] !== undefined) return false;
    if (CORS_REQUEST_HEADERS.some((name) => req.headers[name] !== undefined)) return false;
    const declared = req.headers['content-length'];
    return declared !== undefined && CONTENT_LENGTH.test(declared) && Number(declared) > 0 && Number(declared) <= this.options.maxBodyBytes;
  }

  /** The answer to send, or null when the request goes to Yoga. Writes nothing. */
  private answer(req: IncomingMessage, body: Buffer, startedAt: number): Reply | null | Promise<Reply | null> {
    const { schema, graphs, cache } = this.options;
    const params = plainParams(body);
    if (!params) return null;
    const document = this.documents.get(params.query);
    const operation = document && getOperationAST(document, params.operationName);
    if (!document || !operation || operation.operation !== 'query') return null;
    const accept = req.headers.accept;
    const template = this.templates.get(templateKey(accept, req.headers.origin));
    const cacheKey = cacheKeyFor(accept, params);
    if (!template || !cacheKey) return null;

    const record: RequestRecord = {
      id: requestIdOf(headerValue(req.headers[REQUEST_ID_HEADER])),
      startedAt,
      operationName: params.operationName?.slice(0, 200) ?? null,
      errorCodes: [],
    };
    const graph = graphs.current();
    const policy = cachePolicyOf(headerValue(req.headers['cache-control']));
    if (policy === 'lookUp' && cache) {
      const hit = cache.get(graph.version, cacheKey.key);
      if (hit) {
        record.operationName = hit.operationName?.slice(0, 200) ?? null;
        return { record, headers: { ...template, 'content-type': hit.contentType }, body: hit.body, cacheStatus: 'HIT' };
      }
    }
    const variableValues = params.variables ?? {};
    const contextValue = createContext(graph);
    if (costRefusal(schema, document, variableValues, params.operationName, contextValue, this.options.maxCost)) return null;
    const compiled = this.options.compiled?.get(document, params.operationName);
    if (compiled) this.options.compiled!.stats.compiledRuns++;
    const result = compiled
      ? compiled.query(undefined, contextValue, variableValues)
      : execute({ schema, document, contextValue, variableValues, operationName: params.operationName });
    return mapMaybePromise(result as ExecutionResult | Promise<ExecutionResult>, (done): Reply | null => {
      if (done.errors?.length || done.extensions !== undefined) return null;
      const bytes = Buffer.from(JSON.stringify(done));
      const contentType = template['content-type']!;
      if (policy !== 'skip' && cache) cache.set(graph.version, cacheKey.key, { body: bytes, status: 200, contentType, operationName: cacheKey.operationName });
      return { record, headers: template, body: bytes, cacheStatus: policy === 'skip' ? null : policy === 'refresh' ? 'BYPASS' : 'MISS' };
    });
  }

  private send(res: ServerResponse, { record, headers, body, cacheStatus }: Reply): void {
    res.writeHead(200, {
      ...headers,
      'content-length': body.length,
      ...(cacheStatus ? { [CACHE_STATUS_HEADER]: cacheStatus } : {}),
      [REQUEST_ID_HEADER]: record.id,
    });
    res.end(body);
    this.stats.answered++;
    this.options.metrics?.observe({ method: 'POST', pathname: this.options.path, status: 200, startedAt: record.startedAt, errorCodes: [] });
    logRequest(this.options.logger, record, 'POST', this.options.path, 200, performance.now());
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
