import DataLoader from 'dataloader';
import type { GraphHolder } from '../graph/graph-holder.ts';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';

/** Per-request context: the graph this request reads (fixed for its whole life) and its loaders. */
export interface GraphContext {
  graph: KnowledgeGraph;
  /** Relation loaders, made per request so batching and caching never leak between requests. */
  relations: RelationLoaders;
  /** The holder of the graph being served, for the live `graphVersion` subscription; null outside a server. */
  graphs: GraphHolder | null;
}

export type RelationName = 'talksOfSpeaker' | 'talksOfOrganization' | 'talksOfTopic' | 'talksOfEvent' | 'talksOfPost';

export type RelationLoaders = Record<RelationName, DataLoader<string, readonly string[]>>;

function idsOf(graph: KnowledgeGraph, relation: RelationName, ids: readonly string[]): Array<readonly string[]> {
  const kind = ({ talksOfSpeaker: 'speaker', talksOfOrganization: 'organization', talksOfTopic: 'topic', talksOfEvent: 'event', talksOfPost: 'post' } as const)[
    relation
  ];
  return graph.getMany(kind, ids).map((entity) => (entity && 'talkIds' in entity ? entity.talkIds : []));
}

export function createContext(graph: KnowledgeGraph, graphs: GraphHolder | null = null): GraphContext {
  const loader = (relation: RelationName) => new DataLoader<string, readonly string[]>(async (ids) => idsOf(graph, relation, ids));
  return {
    graph,
    graphs,
    relations: {
      talksOfSpeaker: loader('talksOfSpeaker'),
      talksOfOrganization: loader('talksOfOrganization'),
      talksOfTopic: loader('talksOfTopic'),
      talksOfEvent: loader('talksOfEvent'),
      talksOfPost: loader('talksOfPost'),
    },
  };
}
