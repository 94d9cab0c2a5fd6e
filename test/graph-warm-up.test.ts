import { beforeAll, describe, expect, it } from 'vitest';
import { computeFacet, facetOf, WHOLE_GRAPH_FACETS } from '../src/graph/facets.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import type { KnowledgeGraph } from '../src/graph/knowledge-graph.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer } from '../src/server/create-talk-graph-server.ts';
import { OVERVIEW_FACETS } from '../src/server/graph-warm-up.ts';
import { loadPersistedDocuments } from '../src/server/persisted-documents-plugin.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';

const overviewId = [...loadPersistedDocuments()].find(([, text]) => text.includes('query Overview('))![0];
const counted = (graph: KnowledgeGraph) => OVERVIEW_FACETS.filter(([facet, order]) => graph.derived(WHOLE_GRAPH_FACETS).has(facet, order)).length;

function server(graphs: GraphHolder, warmUp: boolean) {
  return createTalkGraphServer({ schema, graphs, config: { ...serverConfigFromEnv({ NODE_ENV: 'test' }), warmUp }, responseCache: false });
}

async function overview(yoga: ReturnType<typeof server>['yoga']) {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ documentId: overviewId, variables: {} }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

let first: KnowledgeGraph;
let second: KnowledgeGraph;
beforeAll(async () => {
  first = (await loadGraph([BUNDLED_DATA_DIR])).graph;
  second = (await loadGraph([BUNDLED_DATA_DIR])).graph;
});

describe('the whole-graph facets', () => {
  it('are the facets counted over every talk, in any order of the talks; a subset is counted anew', async () => {
    const graph = (await loadGraph([BUNDLED_DATA_DIR])).graph;
    const talks = graph.allTalks();
    for (const [facet, order] of OVERVIEW_FACETS) {
      expect(facetOf(graph, [...talks].reverse(), facet, order)).toEqual(computeFacet(graph, talks, facet, order));
      expect(facetOf(graph, talks.slice(1), facet, order)).toEqual(computeFacet(graph, talks.slice(1), facet, order));
    }
    expect(facetOf(graph, talks, 'topics')).toBe(graph.derived(WHOLE_GRAPH_FACETS).get('topics')); // kept, not recounted
  });
});

describe('the warm-up of a served graph', () => {
  it('counts the overview facets of the graph served at start and of each graph swapped in, without any request', async () => {
    const graphs = new GraphHolder(first);
    const { warmUp } = server(graphs, true);
    expect(counted(first)).toBe(0); // in the background: nothing before the first turn of the event loop
    const atStart = await warmUp!.settled();
    expect(atStart).toMatchObject({ version: first.version, complete: true, steps: OVERVIEW_FACETS.length + 3 });
    expect(counted(first)).toBe(OVERVIEW_FACETS.length);

    expect(counted(second)).toBe(0);
    graphs.swap(second);
    expect((await warmUp!.settled())?.complete).toBe(true);
    expect(counted(second)).toBe(OVERVIEW_FACETS.length);
    warmUp!.stop();
  });

  it('answers a request made during the warm-up as a server without it does', async () => {
    const graph = (await loadGraph([BUNDLED_DATA_DIR])).graph;
    const graphs = new GraphHolder(); // no graph yet, as in watch mode: the swap starts the warm-up at once
    const { yoga, warmUp } = server(graphs, true);
    graphs.swap(graph);
    const during = overview(yoga); // runs between the warm-up's steps (each after a setImmediate)
    const answer = await during;
    const report = await warmUp!.settled();
    expect(report?.complete).toBe(true);
    const cold = await overview(server(new GraphHolder((await loadGraph([BUNDLED_DATA_DIR])).graph), false).yoga);
    expect(answer.errors).toBeUndefined();
    expect(answer).toEqual(cold);
    expect((answer.data as { talks: { totalCount: number } }).talks.totalCount).toBe(graph.allTalks().length);
    warmUp!.stop();
  });

  it('gives up on a graph replaced while it runs, and is off with WARM_UP=off', async () => {
    const graph = (await loadGraph([BUNDLED_DATA_DIR])).graph;
    const graphs = new GraphHolder(graph);
    const { warmUp } = server(graphs, true);
    const replaced = warmUp!.settled();
    graphs.swap(second);
    expect(await replaced).toMatchObject({ version: second.version, complete: true });
    expect(counted(graph)).toBe(0); // the first run stopped before its first step
    warmUp!.stop();

    expect(serverConfigFromEnv({ WARM_UP: 'off' }).warmUp).toBe(false);
    expect(serverConfigFromEnv({}).warmUp).toBe(true);
    const off = server(new GraphHolder(graph), false);
    expect(off.warmUp).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counted(graph)).toBe(0);
  });
});
