import type { Diagnostic } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { ingestPosts } from './ingest/ingest-posts.ts';
import { readDataFolder } from './ingest/read-data-dir.ts';

export interface LoadedGraph {
  graph: KnowledgeGraph;
  diagnostics: Diagnostic[];
  postCount: number;
}

/** Reads posts and reference data from disk, ingests them and builds the graph (entry points only). */
export async function loadGraph(targets: readonly string[]): Promise<LoadedGraph> {
  const folder = await readDataFolder(targets);
  const data = ingestPosts(folder.posts, folder.reference);
  data.diagnostics.unshift(...folder.diagnostics);
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount: folder.posts.length };
}
