import type { Diagnostic, ParsedPost, ReferenceData } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { parsePostsParallel } from './ingest/parse-posts-parallel.ts';
import { readDataFolder } from './ingest/read-data-dir.ts';
import { resolveGraphData } from './ingest/resolve-graph-data.ts';

export interface LoadedGraph {
  graph: KnowledgeGraph;
  diagnostics: Diagnostic[];
  postCount: number;
}

interface ParsedFolder {
  parsed: ParsedPost[];
  reference: ReferenceData;
  diagnostics: Diagnostic[];
  postCount: number;
}

/** Reads and parses the posts; their texts are not kept (at scale they are a good part of the memory). */
async function readAndParse(targets: readonly string[]): Promise<ParsedFolder> {
  const folder = await readDataFolder(targets);
  // Large folders are parsed on all cores (small ones on this thread): same records either way.
  const parsed = await parsePostsParallel(folder.posts, folder.reference);
  return { parsed, reference: folder.reference, diagnostics: folder.diagnostics, postCount: folder.posts.length };
}

/** Reads posts and reference data from disk, ingests them and builds the graph (entry points only). */
export async function loadGraph(targets: readonly string[]): Promise<LoadedGraph> {
  const folder = await readAndParse(targets);
  const data = resolveGraphData(folder.parsed, folder.reference);
  folder.parsed = []; // the graph data keeps what it needs; the parse records can go before indexing
  data.diagnostics.unshift(...folder.diagnostics);
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount: folder.postCount };
}
