import type { Diagnostic } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { consumePostsParallel } from './ingest/parse-posts-parallel.ts';
import { ingestCodeRevision, listDataFolder } from './ingest/read-data-dir.ts';
import { GraphDataResolver } from './ingest/resolve-graph-data.ts';

export interface LoadedGraph {
  graph: KnowledgeGraph;
  diagnostics: Diagnostic[];
  postCount: number;
}

/**
 * Reads posts and reference data from disk, ingests them and builds the graph (entry points only).
 * Each parser thread reads and parses its own files a file at a time (the texts never pile up), and
 * this thread resolves the records in file order as they come, while later ones are still parsed.
 */
export async function loadGraph(targets: readonly string[]): Promise<LoadedGraph> {
  const folder = await listDataFolder(targets);
  const resolver = new GraphDataResolver(folder.reference, { codeRevision: ingestCodeRevision() });
  // Resolving costs about a third of parsing: this thread parses half a worker's share.
  const { diagnostics } = await consumePostsParallel(folder.posts, folder.reference, (post) => resolver.add(post), { ownShare: 0.5 });
  const data = resolver.finish();
  // As readDataFolder orders them: the posts' reading problems, then the reference files'.
  data.diagnostics.unshift(...diagnostics, ...folder.diagnostics);
  // Every parsed post is one Post record.
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount: data.posts.length };
}

/**
 * Loading leaves a few hundred MiB of garbage at 1000× the bundled data (parse records, temporary
 * index arrays). V8 sizes the heap from what it last saw, so it would carry that garbage while
 * serving and let the heap grow past it before the next full collection: at 1000× the process peaked
 * at ~1 GiB under queries instead of at the load's own peak (~870 MiB). One full collection right
 * after a graph is swapped in avoids that. Runs only when node was started with --expose-gc, as
 * `npm start` does; otherwise V8 collects on its own schedule. It pauses the server for the
 * collection (a fraction of a second for a heap of a few hundred MiB), after a watch reload too:
 * small beside the reload itself, which resolves and indexes on this thread.
 */
export function collectLoadingGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
