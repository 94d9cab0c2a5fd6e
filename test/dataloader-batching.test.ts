import { type ExecutionResult, execute as executeGraphQL, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { KnowledgeGraph, EntityKind } from '../src/graph/knowledge-graph.ts';
import { createContext } from '../src/schema/context.ts';
import { schema } from '../src/schema/index.ts';
import { execute, graphOf, seedSource, yogaOf } from './helpers.ts';
import { BENCH_QUERIES, DEEP } from './support/bench-queries.ts';

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

describe('relations without a promise per item', () => {
  it('answers every bench query synchronously: graphql-js gets no promise from any resolver', () => {
    const graph = graphOf([seedSource()]);
    for (const bench of BENCH_QUERIES) {
      const result = executeGraphQL({ schema, document: parse(bench.query), variableValues: bench.variables, contextValue: createContext(graph) });
      expect(result, bench.name).not.toBeInstanceOf(Promise);
      expect((result as ExecutionResult).errors, bench.name).toBeUndefined();
    }
  });

  it('asks the store as often for small pages as for large ones in a deep traversal (once per level, not per parent)', () => {
    const storeCalls = (variables: Record<string, unknown>) => {
      const { graph, calls } = countingGraph(graphOf([seedSource()]));
      const result = executeGraphQL({ schema, document: parse(DEEP.query), variableValues: variables, contextValue: createContext(graph) }) as ExecutionResult;
      expect(result.errors).toBeUndefined();
      return { calls, data: JSON.stringify(result.data) };
    };
    const small = storeCalls({ slug: 'isovalent', speakers: 2, talks: 2, related: 2 });
    const large = storeCalls({ slug: 'isovalent', speakers: 10, talks: 5, related: 3 });
    expect(large.data.length).toBeGreaterThan(small.data.length * 2);
    // One call per level below the organization: its speakers; their organizations; their talk lists; the
    // talks' events (no event has a parent here, so no call for `parent`); their topics; the topics' parents;
    // the topics' talk lists; those talks' speakers.
    const levels = ['speaker', 'organization', 'speaker', 'event', 'topic', 'topic', 'topic', 'speaker'];
    expect(large.calls.map((c) => c.kind)).toEqual(levels);
    expect(small.calls.map((c) => c.kind)).toEqual(levels);
  });
});

describe('level batching through unions and root loaders', () => {
  it('batches the speakers of nodes(ids:) (an interface, loaded by DataLoader at the root) in one call', async () => {
    const { graph, calls } = countingGraph(graphOf([seedSource()]));
    const yoga = yogaOf(graph);
    const ids = (await execute(yoga, `{ talks(first: 6) { nodes { id } } }`)).data.talks.nodes.map((n: { id: string }) => n.id);
    calls.length = 0;
    const nodes = await execute(yoga, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Talk { title speakers { name organizations { name } } } } }`, { ids });
    expect(nodes.errors).toBeUndefined();
    expect(nodes.data.nodes.filter((n: { speakers?: unknown[] }) => (n.speakers?.length ?? 0) > 0).length).toBeGreaterThan(3);
    expect(calls.filter((c) => c.kind === 'speaker')).toHaveLength(1);
    expect(calls.filter((c) => c.kind === 'organization')).toHaveLength(1);
  });

  it('batches the speakers of the talks among search hits (a union) in one call', async () => {
    const { graph, calls } = countingGraph(graphOf([seedSource()]));
    const yoga = yogaOf(graph);
    const search = await execute(
      yoga,
      `{ search(query: "cilium", first: 20) { node { ... on Talk { title speakers { name } } ... on Speaker { name organizations { name } } } } }`,
    );
    expect(search.errors).toBeUndefined();
    const talkHits = search.data.search.filter((h: { node: { title?: string } }) => h.node.title !== undefined);
    expect(talkHits.length).toBeGreaterThan(3);
    expect(calls.filter((c) => c.kind === 'speaker')).toHaveLength(1);
  });
});
