import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GraphData, ParsedPost, ReferenceData } from '../domain/types.ts';
import { createIngestContext, type PostSource } from './ingest-posts.ts';
import { parsePost } from './parse-post.ts';
import { resolveGraphData } from './resolve-graph-data.ts';

export interface ParallelOptions {
  /** Threads that parse, the calling one included. Default: the available cores. */
  threads?: number;
  /** Below this much post text, everything is parsed on the calling thread (a worker costs ~0.5 s to start). Default 4 MB. */
  minBytesForWorkers?: number;
  /** Told when a worker fails and its share is parsed on the calling thread instead. Default: a process warning. */
  onWorkerFailure?: (error: Error) => void;
}

const WORKER_URL = new URL('./parse-posts-worker.ts', import.meta.url);

/**
 * A worker thread does not inherit the TypeScript loader of its parent (tsx registers its hooks per
 * thread), so the worker starts from this small script: register tsx, then load the worker module.
 */
function bootScript(): string {
  // The ESM entry of tsx's API, found through its package.json (import.meta.resolve is not available everywhere, e.g. under vitest).
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const entry = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!.import.default;
  const tsxApi = pathToFileURL(path.join(path.dirname(manifest), entry)).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
}

/** Splits the (sorted) sources into `parts` contiguous runs of about equal text length. */
function splitByLength(sources: readonly PostSource[], parts: number): PostSource[][] {
  const total = sources.reduce((n, s) => n + s.text.length, 0);
  const chunks: PostSource[][] = [[]];
  let filled = 0;
  for (const source of sources) {
    if (filled >= (total / parts) * chunks.length && chunks.length < parts) chunks.push([]);
    chunks[chunks.length - 1]!.push(source);
    filled += source.text.length;
  }
  return chunks;
}

function parseInWorker(sources: PostSource[], reference: ReferenceData): Promise<ParsedPost[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootScript(), { eval: true, workerData: { sources, reference } });
    worker.once('message', (parsed: ParsedPost[]) => resolve(parsed));
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`post parser worker exited with ${code}`))));
  });
}

/**
 * Parses posts on several threads: the calling thread takes one share, worker threads the others,
 * and the results come back in file order, exactly as `ingestPosts` would produce them (parsing
 * a post depends on nothing but its text and the reference data). Small inputs, and any failure
 * to run a worker, fall back to parsing on the calling thread.
 */
export async function parsePostsParallel(sources: readonly PostSource[], reference: ReferenceData, options: ParallelOptions = {}): Promise<ParsedPost[]> {
  const sorted = [...sources].sort((a, b) => a.file.localeCompare(b.file));
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const bytes = sorted.reduce((n, s) => n + s.text.length, 0);
  const context = createIngestContext(reference);
  const parseHere = (chunk: readonly PostSource[]) => chunk.map((source) => parsePost(source.file, source.text, context));
  if (threads === 1 || bytes < (options.minBytesForWorkers ?? 4_000_000)) return parseHere(sorted);

  const [own, ...others] = splitByLength(sorted, threads);
  const onFailure = options.onWorkerFailure ?? ((error: Error) => process.emitWarning(`a post parser worker failed (${error.message}); parsing its share on the main thread`));
  const pending = others.map((chunk) =>
    parseInWorker(chunk, reference).catch((error: Error) => {
      onFailure(error);
      return parseHere(chunk);
    }),
  );
  const mine = parseHere(own ?? []);
  return [mine, ...(await Promise.all(pending))].flat();
}

/** `ingestPosts` with the parsing spread over threads (see parsePostsParallel). */
export async function ingestPostsParallel(sources: readonly PostSource[], reference: ReferenceData, options: ParallelOptions = {}): Promise<GraphData> {
  return resolveGraphData(await parsePostsParallel(sources, reference, options), reference);
}
