import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Diagnostic, ParsedPost, ReferenceData } from '../domain/types.ts';
import { createIngestContext } from './create-ingest-context.ts';
import { parsePost, type IngestContext } from './parse-post.ts';
import { type PostInput, postSourceOf } from './read-post-file.ts';

export interface ParallelOptions {
  /** Threads that parse, the calling one included. Default: the available cores. */
  threads?: number;
  /** Below this much post text, everything is parsed on the calling thread (starting a worker costs more than it saves). Default 4 MB. */
  minBytesForWorkers?: number;
  /** Told when a worker fails and its share is parsed on the calling thread instead. Default: a process warning. */
  onWorkerFailure?: (error: Error) => void;
  /** The calling thread's share of the posts, relative to a worker's (less when consuming is work too). Default 1. */
  ownShare?: number;
}

const WORKER_URL = new URL('./parse-posts-worker.ts', import.meta.url);

/** Parse records, and the problems met reading the files (in file order). */
export interface ParsedInputs {
  parsed: ParsedPost[];
  diagnostics: Diagnostic[];
}

function sizeOf(input: PostInput): number {
  return 'text' in input ? input.text.length : input.bytes;
}

/**
 * Splits the (sorted) inputs into `parts` contiguous runs by size: the first `firstWeight` times
 * the size of each of the others.
 */
function splitBySize(inputs: readonly PostInput[], parts: number, firstWeight = 1): PostInput[][] {
  const total = inputs.reduce((n, input) => n + sizeOf(input), 0);
  const unit = total / (firstWeight + parts - 1);
  const chunks: PostInput[][] = [[]];
  let filled = 0;
  for (const input of inputs) {
    if (filled >= unit * (firstWeight + chunks.length - 1) && chunks.length < parts) chunks.push([]);
    chunks[chunks.length - 1]!.push(input);
    filled += sizeOf(input);
  }
  return chunks;
}

/**
 * Reads (when they are files) and parses posts one after the other, so no more than one text is
 * held at a time; `flush`, when given, is handed the records every `batch` posts and at the end.
 */
export function parsePostInputs(inputs: readonly PostInput[], context: IngestContext, flush?: (batch: ParsedInputs) => void, batch = BATCH): ParsedInputs {
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

const BATCH = 250;

interface WorkerRun {
  /** Settles when the worker has sent its end marker, or fails. */
  done: Promise<void>;
  /** Stops the worker; nothing it sends afterwards is delivered. */
  stop(): void;
}

/**
 * The Node flags a parser thread starts with: the process's own, without those that only make sense for
 * the main script (`node --input-type=module -e …` would make every worker fail to start, and the posts
 * were then parsed on one thread).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const flag = execArgv[i]!;
    if (/^(?:-e|--eval|-p|--print|-pe)$/.test(flag)) {
      i++; // and its code
      continue;
    }
    if (/^(?:--input-type|--eval|--print)=/.test(flag)) continue;
    kept.push(flag);
  }
  return kept;
}

/**
 * A worker parses its share and sends the records in batches of BATCH inputs (its heap never holds
 * them all); null marks the end. `onBatch` gets each batch as it arrives, never after the run has
 * settled: a worker's error can overtake batches it posted before failing, and those must not
 * arrive after its share has been taken over.
 */
function parseInWorker(inputs: PostInput[], reference: ReferenceData, onBatch: (batch: ParsedInputs) => void): WorkerRun {
  const worker = new Worker(WORKER_URL, { workerData: { inputs, reference }, execArgv: workerExecArgv(process.execArgv) });
  let settle: ((error: Error | null) => void) | null = null;
  const done = new Promise<void>((resolve, reject) => {
    settle = (error) => {
      settle = null;
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
  });
  worker.on('message', (batch: ParsedInputs | null) => {
    if (!settle) return;
    if (batch !== null) onBatch(batch);
    else settle(null);
  });
  worker.once('error', (error) => settle?.(error));
  // Before the end marker, even a clean exit means records are missing.
  worker.once('exit', (code) => settle?.(new Error(`post parser worker exited (${code}) before sending all its records`)));
  return { done, stop: () => settle?.(new Error('post parser worker stopped')) };
}

/**
 * The parse stage of the ingest pipeline. Parses posts (given in file order) on several threads
 * and hands each record to `consume` in file order, as soon as
 * every post before it has been handed over: the calling thread parses the first share and
 * consumes it batch by batch while the workers parse the later shares, then consumes the workers'
 * batches as they arrive. Records are exactly those of parsing on one thread (parsing a post
 * depends on nothing but its text and the reference data). Files are read by the thread that parses
 * them. Small inputs, and any failure of a worker, fall back to parsing on the calling thread (a
 * failed worker's share from its first post not received). Returns the problems met reading files.
 */
export async function consumePostsParallel(
  inputs: readonly PostInput[],
  reference: ReferenceData,
  consume: (post: ParsedPost) => void,
  options: ParallelOptions = {},
): Promise<{ diagnostics: Diagnostic[] }> {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const size = inputs.reduce((n, input) => n + sizeOf(input), 0);
  const context = createIngestContext(reference);
  const diagnostics: Diagnostic[] = [];
  const take = (batch: ParsedInputs) => {
    for (const post of batch.parsed) consume(post);
    for (const diagnostic of batch.diagnostics) diagnostics.push(diagnostic);
  };
  if (threads === 1 || size < (options.minBytesForWorkers ?? 4_000_000)) {
    take(parsePostInputs(inputs, context));
    return { diagnostics };
  }

  const [own = [], ...others] = splitBySize(inputs, threads, options.ownShare ?? 1);
  const onFailure =
    options.onWorkerFailure ?? ((error: Error) => process.emitWarning(`a post parser worker failed (${error.message}); parsing its share on the main thread`));
  // The first error thrown by `consume` (or by this thread's own parsing): the workers are stopped and it is rethrown.
  let failure: { error: unknown } | null = null;
  const takeSafely = (batch: ParsedInputs) => {
    if (failure) return;
    try {
      take(batch);
    } catch (error) {
      failure = { error };
      for (const run of runs) run.stop();
    }
  };
  // Each worker's batches wait in its queue until every earlier share has been consumed.
  const queues = others.map(() => ({ batches: [] as ParsedInputs[], received: 0, done: false }));
  let draining = -1; // the share being consumed: -1 is this thread's own
  const drain = () => {
    while (draining >= 0 && draining < queues.length) {
      const queue = queues[draining]!;
      for (let batch = queue.batches.shift(); batch; batch = queue.batches.shift()) takeSafely(batch);
      if (!queue.done) return;
      draining++;
    }
  };
  const runs = others.map((chunk, index) => {
    const queue = queues[index]!;
    return parseInWorker(chunk, reference, (batch) => {
      queue.received += Math.min(BATCH, chunk.length - queue.received);
      queue.batches.push(batch);
      drain();
    });
  });
  const pending = runs.map((run, index) =>
    run.done
      .catch((error: Error) => {
        if (failure) return; // stopped because consuming failed: nothing more is wanted
        onFailure(error);
        const queue = queues[index]!;
        queue.batches.push(parsePostInputs(others[index]!.slice(queue.received), context));
      })
      .then(() => {
        queues[index]!.done = true;
        drain();
      }),
  );
  // This thread parses its share in batches and lets the workers' batches in between, so they do
  // not queue up (serialized) until it is done.
  try {
    for (let from = 0; from < own.length && !failure; from += BATCH) {
      takeSafely(parsePostInputs(own.slice(from, from + BATCH), context));
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (error) {
    failure ??= { error };
    for (const run of runs) run.stop();
  }
  draining = 0;
  drain();
  await Promise.allSettled(pending); // no worker outcome is left to reject unhandled
  if (failure) throw (failure as { error: unknown }).error;
  await Promise.all(pending);
  return { diagnostics };
}
