import type { Diagnostic } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { ingestPostsParallel } from './ingest/parse-posts-parallel.ts';
import { readDataFolder } from './ingest/read-data-dir.ts';

export interface LoadedGraph {
  graph: KnowledgeGraph;
  diagnostics: Diagnostic[];
  postCount: number;
}

/** Reads posts and reference data from disk, ingests them and builds the graph (entry points only). */
export async function loadGraph(targets: readonly string[]): Promise<LoadedGraph> {
  const folder = await readDataFolder(targets);
  // Large folders are parsed on all cores (small ones on this thread): same records either way.
  const data = await ingestPostsParallel(folder.posts, folder.reference);
  data.diagnostics.unshift(...folder.diagnostics);
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount: folder.posts.length };
}
