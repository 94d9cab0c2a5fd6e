import { describe, expect, it } from 'vitest';
import type { KnowledgeGraph, EntityKind } from '../src/graph/knowledge-graph.ts';
import { execute, graphOf, seedSource, yogaOf } from './helpers.ts';

/** Wraps a graph so every batch lookup is recorded: (kind, number of ids). */
function countingGraph(graph: KnowledgeGraph) {
  const calls: Array<{ kind: EntityKind; size: number }> = [];
  const proxy = new Proxy(graph, {
    get(target, property, receiver) {
      if (property === 'getMany') {
        return (kind: EntityKind, ids: readonly string[]) => {
          calls.push({ kind, size: ids.length });
          return target.getMany(kind, ids);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { graph: proxy, calls };
}

describe('DataLoader batching', () => {
  it('loads each level of a nested query in one batch, not once per parent', async () => {
    const { graph, calls } = countingGraph(graphOf([seedSource()]));
    const result = await execute(
      yogaOf(graph),
      `{ talks(first: 50) { nodes { title speakers { name organizations { name talks(first: 5) { totalCount } } } topics { name } event { name } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.talks.nodes).toHaveLength(16);

    const byKind = (kind: EntityKind) => calls.filter((c) => c.kind === kind);
    // Level 2: the speakers of all 16 talks in one call, 19 distinct ids.
    expect(byKind('speaker')).toEqual([{ kind: 'speaker', size: 19 }]);
    // Level 3: the organizations of all speakers in one call; level 4: their talk lists in one more.
    expect(byKind('organization')).toEqual([
      { kind: 'organization', size: 9 },
      { kind: 'organization', size: 9 },
    ]);
    expect(byKind('topic')).toHaveLength(1);
    expect(byKind('event')).toEqual([{ kind: 'event', size: 1 }]);
  });

  it('makes loaders per request, so a second request batches (and counts) again', async () => {
    const { graph, calls } = countingGraph(graphOf([seedSource()]));
    const yoga = yogaOf(graph);
    // Two different queries, so the response cache cannot answer the second one.
    await execute(yoga, `{ talks(first: 3) { nodes { speakers { name } } } }`);
    await execute(yoga, `{ talks(first: 4) { nodes { speakers { name } } } }`);
    expect(calls.filter((c) => c.kind === 'speaker')).toHaveLength(2);
  });
});
