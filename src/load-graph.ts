import type { Diagnostic } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { type IngestOptions, runIngest } from './ingest/ingest-pipeline.ts';

export interface LoadedGraph {
  graph: KnowledgeGraph;
  diagnostics: Diagnostic[];
  postCount: number;
}

/** What the last-good stage did in a load (nothing without it). */
export interface KeptVersions {
  /** Files whose new version had errors and whose last good version is served instead (with `lastGood`). */
  keptLastGood: string[];
  /** The errors of those new versions (code, line, message): why each was not taken. */
  keptErrors: Diagnostic[];
}

/**
 * Runs the ingest pipeline over files and folders on disk and builds the graph: start-up, watch
 * mode, `npm run ingest`, `npm run snapshot` and the tests all load through here.
 */
export async function loadGraph(targets: readonly string[], options: IngestOptions = {}): Promise<LoadedGraph & KeptVersions> {
  const { data, keptLastGood, keptErrors } = await runIngest({ targets }, options);
  // Every parsed post is one Post record.
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount: data.posts.length, keptLastGood, keptErrors };
}

/**
 * One full collection right after a graph is swapped in, so that V8 does not size the heap from
 * the loading's garbage (parse records, temporary index arrays) and carry it while serving; the
 * measurements are in docs/performance.md. Runs only when node was started with --expose-gc, as
 * `npm start` does; otherwise V8 collects on its own schedule. It pauses the server for the
 * collection, after a watch reload too: small beside the reload itself.
 */
export function collectLoadingGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
