import type { GraphHolder } from '../graph/graph-holder.ts';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import { LevelBatches } from './level-batches.ts';
import { createRelationLoaders, type RelationLoaders } from './relation-lists.ts';

export type { RelationLoaders, RelationName } from './relation-lists.ts';

/** Per-request context: the graph this request reads (fixed for its whole life) and its loaders. */
export interface GraphContext {
  graph: KnowledgeGraph;
  /** Relation loaders, made per request so batching and caching never leak between requests. */
  relations: RelationLoaders;
  /** Level-by-level batching of object fields (one store call per level, no promise per item); null resolves field by field. */
  levels: LevelBatches | null;
  /** The holder of the graph being served, for the live `graphVersion` subscription; null outside a server. */
  graphs: GraphHolder | null;
}

export function createContext(graph: KnowledgeGraph, graphs: GraphHolder | null = null): GraphContext {
  return { graph, graphs, relations: createRelationLoaders(graph), levels: new LevelBatches(graph) };
}
