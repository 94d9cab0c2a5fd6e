import type { Talk } from '../domain/types.ts';
import type { GraphContext, RelationName } from './context.ts';
import { LEVEL_PREFETCH } from './level-batch-plugin.ts';

/** The talks of several owners (from the request's relation cache), de-duplicated. */
export function talksOf(ctx: GraphContext, relation: RelationName, ownerIds: readonly string[]): Talk[] {
  const lists = ctx.relations[relation].loadMany(ownerIds);
  const seen = new Set<string>();
  const talks: Talk[] = [];
  for (const list of lists) {
    for (const id of list) {
      const talk = seen.has(id) ? undefined : ctx.graph.talk(id);
      seen.add(id);
      if (talk) talks.push(talk);
    }
  }
  return talks;
}

/**
 * Field extensions that load, once per level, the relation's lists for the owners of every parent
 * of the batch (see level-batches.ts), so each parent's `talksOf` is then a cache read.
 */
export function primeTalksOf<Parent>(relation: RelationName, owners: (parent: Parent, ctx: GraphContext) => readonly string[]) {
  return {
    [LEVEL_PREFETCH]: (parents: readonly Parent[], ctx: GraphContext) => ctx.relations[relation].prime(parents.flatMap((p) => owners(p, ctx))),
  };
}
