import type { Diagnostic, ParsedPost, ReferenceData } from './domain/types.ts';
import { buildGraph } from './graph/build-graph.ts';
import type { KnowledgeGraph } from './graph/knowledge-graph.ts';
import { parsePostsParallel } from './ingest/parse-posts-parallel.ts';
import { ingestCodeRevision, listDataFolder } from './ingest/read-data-dir.ts';
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

/** Reads and parses the posts, a file at a time on each parser thread: the texts never pile up. */
async function readAndParse(targets: readonly string[]): Promise<ParsedFolder> {
  const folder = await listDataFolder(targets);
  // Large folders are parsed on all cores (small ones on this thread): same records either way.
  const { parsed, diagnostics } = await parsePostsParallel(folder.posts, folder.reference);
  // As readDataFolder orders them: the posts' reading problems, then the reference files'.
  return { parsed, reference: folder.reference, diagnostics: [...diagnostics, ...folder.diagnostics], postCount: parsed.length };
}

/** Reads posts and reference data from disk, ingests them and builds the graph (entry points only). */
export async function loadGraph(targets: readonly string[]): Promise<LoadedGraph> {
  const folder = await readAndParse(targets);
  const data = resolveGraphData(folder.parsed, folder.reference, { codeRevision: ingestCodeRevision() });
  folder.parsed = []; // the graph data keeps what it needs; the parse records can go before indexing
  data.diagnostics.unshift(...folder.diagnostics);
  return { graph: buildGraph(data), diagnostics: data.diagnostics, postCount: folder.postCount };
}
