import { beforeAll, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { decodeSnapshot, encodeSnapshot } from '../src/snapshot/snapshot-file.ts';
import { CORPUS, corpusPresent } from './support/corpus.ts';

/**
 * Two replicas as production runs them: one ingested the posts itself, the other serves a snapshot
 * written by a third, separate load. A client paging across them, or an HTTP cache in front of
 * them, must not be able to tell them apart.
 */
let replicas: [TalkGraphYoga, TalkGraphYoga];
let talkCount = 0;
/** data/ (the seed post), and the corpus's talk posts read in place when they are there. */
const TARGETS = corpusPresent ? [BUNDLED_DATA_DIR, CORPUS.talkPosts] : [BUNDLED_DATA_DIR];

beforeAll(async () => {
  const fresh = await loadGraph(TARGETS);
  const written = await loadGraph(TARGETS);
  talkCount = fresh.graph.allTalks().length;
  const fromSnapshot = decodeSnapshot(encodeSnapshot(written.graph), 'replica.snap').graph;
  replicas = [fresh.graph, fromSnapshot].map((graph) => createTalkGraphYoga({ schema, graphs: new GraphHolder(graph) })) as [TalkGraphYoga, TalkGraphYoga];
});

const ACCEPT = 'application/graphql-response+json';

async function get(yoga: TalkGraphYoga, query: string, variables: Record<string, unknown> = {}) {
  const url = `http://localhost/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const response = await yoga.fetch(url, { headers: { accept: ACCEPT } });
  return { status: response.status, etag: response.headers.get('etag'), body: await response.text() };
}

const QUERIES: Array<[string, Record<string, unknown>]> = [
  ['{ talks(first: 7) { totalCount pageInfo { endCursor hasNextPage } edges { cursor node { id title startsAt speakers { id name } topics { id } } } } }', {}],
  ['query($f: TalkFilter) { talks(first: 5, filter: $f) { totalCount edges { cursor node { id title } } } }', { f: { topic: ['ebpf'] } }],
  ['query($f: TalkFilter) { talks(first: 5, filter: $f) { totalCount edges { cursor node { id title } } } }', { f: { text: 'cilium network' } }],
  ['{ speakers(first: 10) { totalCount edges { cursor node { id name } } } }', {}],
  ['{ organizations(first: 10) { edges { cursor node { id name } } } }', {}],
  ['{ events { edges { node { id name } } } topics { edges { node { id name } } } }', {}],
  ['{ ingestReport { __typename } }', {}],
];

describe('replicas built from the same posts agree', () => {
  it('give byte-identical answers and the same ETags', async () => {
    for (const [query, variables] of QUERIES) {
      const [a, b] = (await Promise.all(replicas.map((yoga) => get(yoga, query, variables)))) as [
        Awaited<ReturnType<typeof get>>,
        Awaited<ReturnType<typeof get>>,
      ];
      expect(a.status, query).toBe(200);
      expect(JSON.parse(a.body).errors, query).toBeUndefined();
      expect(b).toEqual(a);
      expect(a.etag).toMatch(/^"[^"]+"$/);
    }
  });

  it('answer If-None-Match with 304 for an ETag the other replica gave (a shared HTTP cache works)', async () => {
    const [query] = QUERIES[0]!;
    const first = await get(replicas[0], query);
    const url = `http://localhost/graphql?query=${encodeURIComponent(query)}&variables=${encodeURIComponent('{}')}`;
    const revalidated = await replicas[1].fetch(url, { headers: { accept: ACCEPT, 'if-none-match': first.etag! } });
    expect(revalidated.status).toBe(304);
  });

  it('let a client page across replicas: a cursor from one gives the next page on the other', async () => {
    const page = '{ page: talks(first: 5, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id } } } }'.replace(
      '{ page',
      'query($after: String) { page',
    );
    const ids: string[][] = [[], []];
    for (const start of [0, 1]) {
      // Alternate replicas from page to page, starting on either one.
      let after: string | null = null;
      for (let turn = start; ; turn++) {
        const result = JSON.parse((await get(replicas[turn % 2]!, page, { after })).body) as {
          data: { page: { pageInfo: { endCursor: string; hasNextPage: boolean }; edges: Array<{ node: { id: string } }> } };
        };
        ids[start]!.push(...result.data.page.edges.map((e) => e.node.id));
        if (!result.data.page.pageInfo.hasNextPage) break;
        after = result.data.page.pageInfo.endCursor;
      }
    }
    expect(ids[0]!.length).toBe(talkCount);
    expect(talkCount).toBeGreaterThan(10);
    expect(new Set(ids[0]).size).toBe(ids[0]!.length);
    expect(ids[1]).toEqual(ids[0]);
  });

  it('give the same global ids, which resolve on either replica', async () => {
    const listed = JSON.parse((await get(replicas[0], '{ talks(first: 3) { edges { node { id title } } } }')).body) as {
      data: { talks: { edges: Array<{ node: { id: string; title: string } }> } };
    };
    for (const { node } of listed.data.talks.edges) {
      const answers = await Promise.all(replicas.map((yoga) => get(yoga, 'query($id: ID!) { node(id: $id) { id ... on Talk { title } } }', { id: node.id })));
      expect(answers[1]).toEqual(answers[0]);
      expect(JSON.parse(answers[1]!.body).data.node).toEqual(node);
    }
  });
});
