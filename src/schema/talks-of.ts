import type { Talk } from '../domain/types.ts';
import type { GraphContext, RelationName } from './context.ts';

/** Loads the talks of several owners in one batch and returns them de-duplicated. */
export async function talksOf(ctx: GraphContext, relation: RelationName, ownerIds: readonly string[]): Promise<Talk[]> {
  const lists = await ctx.relations[relation].loadMany(ownerIds);
  const seen = new Set<string>();
  const talks: Talk[] = [];
  for (const list of lists) {
    if (list instanceof Error) throw list;
    for (const id of list) {
      const talk = seen.has(id) ? undefined : ctx.graph.talk(id);
      seen.add(id);
      if (talk) talks.push(talk);
    }
  }
  return talks;
}
