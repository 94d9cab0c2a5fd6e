import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic, ParsedPost, ReferenceData } from '../domain/types.ts';
import { createIngestContext } from './ingest-posts.ts';
import { parsePost, type IngestContext } from './parse-post.ts';
import { postSourceOf, type PostInput } from './read-data-dir.ts';

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

/** Parse records, and the problems met reading the files (in file order). */
export interface ParsedInputs {
  parsed: ParsedPost[];
  diagnostics: Diagnostic[];
}

function sizeOf(input: PostInput): number {
  return 'text' in input ? input.text.length : input.bytes;
}

/** Splits the (sorted) inputs into `parts` contiguous runs of about equal size. */
function splitBySize(inputs: readonly PostInput[], parts: number): PostInput[][] {
  const total = inputs.reduce((n, input) => n + sizeOf(input), 0);
  const chunks: PostInput[][] = [[]];
  let filled = 0;
  for (const input of inputs) {
    if (filled >= (total / parts) * chunks.length && chunks.length < parts) chunks.push([]);
    chunks[chunks.length - 1]!.push(input);
    filled += sizeOf(input);
  }
  return chunks;
}

/**
 * Reads (when they are files) and parses posts one after the other, so no more than one text is
 * held at a time; `flush`, when given, is handed the records every `batch` posts and at the end.
 */
export function parsePostInputs(inputs: readonly PostInput[], context: IngestContext, flush?: (batch: ParsedInputs) => void, batch = 250): ParsedInputs {
  let out: ParsedInputs = { parsed: [], diagnostics: [] };
  inputs.forEach((input, index) => {
    const source = postSourceOf(input, out.diagnostics);
    if (source) out.parsed.push(parsePost(source.file, source.text, context));
    if (flush && ((index + 1) % batch === 0 || index === inputs.length - 1)) {
      flush(out);
      out = { parsed: [], diagnostics: [] };
    }
  });
  return out;
}

/** A worker parses its share and sends the records in batches (its heap never holds them all); null marks the end. */
function parseInWorker(inputs: PostInput[], reference: ReferenceData): Promise<ParsedInputs> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootScript(), { eval: true, workerData: { inputs, reference } });
    const received: ParsedInputs = { parsed: [], diagnostics: [] };
    worker.on('message', (batch: ParsedInputs | null) => {
      if (batch === null) return resolve(received);
      for (const post of batch.parsed) received.parsed.push(post);
      received.diagnostics.push(...batch.diagnostics);
    });
    worker.once('error', reject);
    // After the end marker this does nothing; before it, even a clean exit means records are missing.
    worker.once('exit', (code) => reject(new Error(`post parser worker exited (${code}) before sending all its records`)));
  });
}

/**
 * Parses posts on several threads: the calling thread takes one share, worker threads the others,
 * and the results come back in file order, exactly as `ingestPosts` would produce them (parsing
 * a post depends on nothing but its text and the reference data). Files are read by the thread
 * that parses them. Small inputs, and any failure to run a worker, fall back to parsing on the
 * calling thread.
 */
export async function parsePostsParallel(inputs: readonly PostInput[], reference: ReferenceData, options: ParallelOptions = {}): Promise<ParsedInputs> {
  const sorted = [...inputs].sort((a, b) => a.file.localeCompare(b.file));
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const size = sorted.reduce((n, input) => n + sizeOf(input), 0);
  const context = createIngestContext(reference);
  if (threads === 1 || size < (options.minBytesForWorkers ?? 4_000_000)) return parsePostInputs(sorted, context);

  const [own, ...others] = splitBySize(sorted, threads);
  const onFailure = options.onWorkerFailure ?? ((error: Error) => process.emitWarning(`a post parser worker failed (${error.message}); parsing its share on the main thread`));
  const pending = others.map((chunk) =>
    parseInWorker(chunk, reference).catch((error: Error) => {
      onFailure(error);
      return parsePostInputs(chunk, context);
    }),
  );
  // This thread parses its share in batches and lets the workers' batches in between, so they do
  // not queue up (serialized) until it is done.
  const mine: ParsedInputs = { parsed: [], diagnostics: [] };
  const ownShare = own ?? [];
  try {
    for (let from = 0; from < ownShare.length; from += 250) {
      const batch = parsePostInputs(ownShare.slice(from, from + 250), context);
      mine.parsed.push(...batch.parsed);
      mine.diagnostics.push(...batch.diagnostics);
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    await Promise.allSettled(pending); // no worker outcome is left to reject unhandled
    throw error;
  }
  const results = [mine, ...(await Promise.all(pending))];
  return { parsed: results.flatMap((r) => r.parsed), diagnostics: results.flatMap((r) => r.diagnostics) };
}
