import type { EntityKind, KnowledgeGraph } from '../graph/knowledge-graph.ts';

export type RelationName = 'talksOfSpeaker' | 'talksOfOrganization' | 'talksOfTopic' | 'talksOfEvent' | 'talksOfPost';

const OWNER_KIND: Record<RelationName, EntityKind> = {
  talksOfSpeaker: 'speaker',
  talksOfOrganization: 'organization',
  talksOfTopic: 'topic',
  talksOfEvent: 'event',
  talksOfPost: 'post',
};

/** The talk ids of owners of one kind (a speaker's, an event's …), as the store is asked for them. */
export interface RelationLists {
  /** Loads the lists of every owner not held yet, in one store call. */
  prime(ownerIds: Iterable<string>): void;
  /** The lists of these owners, in order (loading the missing ones in one store call); unknown owners have none. */
  loadMany(ownerIds: readonly string[]): Array<readonly string[]>;
}

export type RelationLoaders = Record<RelationName, RelationLists>;

/**
 * One relation's talk lists for one request: a synchronous cache in front of `graph.getMany`. The
 * level batching (level-batches.ts) primes it once per level with every owner of the level, so each
 * owner then reads its list without a store call or a promise.
 */
export class CachedRelationLists implements RelationLists {
  private readonly lists = new Map<string, readonly string[]>();
  private readonly graph: KnowledgeGraph;
  private readonly kind: EntityKind;

  constructor(graph: KnowledgeGraph, kind: EntityKind) {
    this.graph = graph;
    this.kind = kind;
  }

  prime(ownerIds: Iterable<string>): void {
    const missing = new Set<string>();
    for (const id of ownerIds) if (!this.lists.has(id)) missing.add(id);
    if (missing.size === 0) return;
    const ids = [...missing];
    const entities = this.graph.getMany(this.kind, ids);
    ids.forEach((id, i) => {
      const entity = entities[i];
      this.lists.set(id, entity && 'talkIds' in entity ? entity.talkIds : []);
    });
  }

  loadMany(ownerIds: readonly string[]): Array<readonly string[]> {
    this.prime(ownerIds);
    return ownerIds.map((id) => this.lists.get(id) ?? []);
  }
}

export function createRelationLoaders(graph: KnowledgeGraph): RelationLoaders {
  const loaders = {} as RelationLoaders;
  for (const [relation, kind] of Object.entries(OWNER_KIND) as Array<[RelationName, EntityKind]>) loaders[relation] = new CachedRelationLists(graph, kind);
  return loaders;
}
