import type { Diagnostic, ParsedPost } from './domain/types.ts';
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
  let postCount = 0;
  const resolve = (post: ParsedPost) => {
    resolver.add(post);
    postCount++;
  };
  // Resolving costs about a third of parsing: this thread parses half a worker's share.
  const { diagnostics } = await consumePostsParallel(folder.posts, folder.reference, resolve, { ownShare: 0.5 });
  const data = resolver.finish();
  // As readDataFolder orders them: the posts' reading problems, then the reference files'.
  data.diagnostics.unshift(...diagnostics, ...folder.diagnostics);
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount };
}
