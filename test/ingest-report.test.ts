import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestReportRuns } from '../src/graph/ingest-report.ts';
import { findNearDuplicates, findNearDuplicatesByAllPairs } from '../src/graph/near-duplicates.ts';
import { execute, graphOf, postSourcesIn, ROOT, seedSource, yogaOf } from './helpers.ts';

const sinicki = `---
title: 'Typo post'
date: '2020-10-28'
---

[Steering Connections to Sockets - Jakub Sinicki, Cloudflare](https://sched.co/aaaa)

[Programmable socket lookup - Jakub Sitnicki, Cloudflare](https://sched.co/bbbb)
`;

describe('ingestReport', () => {
  it('counts what was read and lists diagnostics with file and line', async () => {
    const yoga = yogaOf(graphOf([seedSource()]));
    const result = await execute(
      yoga,
      `{ ingestReport { graphVersion counts { posts talks speakers organizations errors } diagnostics(code: ["TALK_NO_SPEAKERS"]) { totalCount nodes { file line severity code } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data.ingestReport;
    expect(report.counts).toEqual({ posts: 1, talks: 16, speakers: 19, organizations: 9, errors: 0 });
    expect(report.diagnostics.totalCount).toBe(1);
    expect(report.diagnostics.nodes).toEqual([
      { file: 'posts/2023-04-03-cilium-kubecon-eu-2023-talks.md', line: 85, severity: 'INFO', code: 'TALK_NO_SPEAKERS' },
    ]);
    expect(report.graphVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('lists unmerged names within two edits for a person to confirm', async () => {
    const yoga = yogaOf(graphOf([{ file: 'typo.md', text: sinicki }]));
    const result = await execute(yoga, `{ ingestReport { nearDuplicates { kind names distance } } }`);
    expect(result.data.ingestReport.nearDuplicates).toContainEqual({ kind: 'SPEAKER', names: ['Jakub Sinicki', 'Jakub Sitnicki'], distance: 1 });
  });

  it('answers counts without running the near-duplicate search, and runs it once per graph when asked', async () => {
    const yoga = yogaOf(graphOf([seedSource(), { file: 'posts/typo.md', text: sinicki }]));
    const before = ingestReportRuns.nearDuplicates;
    const counts = await execute(yoga, `{ ingestReport { counts { talks } } }`);
    expect(counts.data.ingestReport.counts.talks).toBeGreaterThan(0);
    expect(ingestReportRuns.nearDuplicates).toBe(before);
    await execute(yoga, `{ ingestReport { nearDuplicates { names } } }`);
    await execute(yoga, `{ ingestReport { nearDuplicates { distance } } }`);
    expect(ingestReportRuns.nearDuplicates).toBe(before + 1);
  });

  it('pages diagnostics with first/after and a maximum page size', async () => {
    const graph = graphOf(postSourcesIn(path.join(ROOT, '..', 'shared', 'corpus', 'talk-posts')));
    const yoga = yogaOf(graph);
    const all = graph.data.diagnostics.length;
    expect(all).toBeGreaterThan(3);
    const query = `query($after: String) { ingestReport { diagnostics(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { file line code } } } }`;
    const seen: unknown[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < all; pages++) {
      const result: { errors?: unknown; data?: any } = await execute(yoga, query, { after });
      expect(result.errors).toBeUndefined();
      const page: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = result.data.ingestReport.diagnostics;
      expect(page.totalCount).toBe(all);
      expect(page.nodes.length).toBeLessThanOrEqual(2);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(all);
    const whole = await execute(yoga, `{ ingestReport { diagnostics(first: 500) { nodes { file line code } } } }`);
    expect(whole.data.ingestReport.diagnostics.nodes).toEqual(seen);
    const tooMany = await execute(yoga, `{ ingestReport { diagnostics(first: 501) { totalCount } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_EXCEEDED');
  });

  it('counts diagnostics by code and by file over all of them (not a page), most first, and the counts page through the list', async () => {
    const graph = graphOf(postSourcesIn(path.join(ROOT, '..', 'shared', 'corpus', 'talk-posts')));
    const yoga = yogaOf(graph);
    const result = await execute(
      yoga,
      `{ ingestReport { counts { diagnostics } diagnosticsByCode { value count } diagnosticsByFile { value count } top: diagnosticsByFile(first: 2) { value } } }`,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data.ingestReport;
    for (const key of ['code', 'file'] as const) {
      const counts = new Map<string, number>();
      for (const d of graph.data.diagnostics) counts.set(d[key], (counts.get(d[key]) ?? 0) + 1);
      const expected = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
      const groups = key === 'code' ? report.diagnosticsByCode : report.diagnosticsByFile;
      expect(groups, key).toEqual(expected);
      expect(groups.reduce((sum: number, g: { count: number }) => sum + g.count, 0)).toBe(report.counts.diagnostics);
    }
    expect(report.diagnosticsByFile.length).toBeGreaterThan(2);
    expect(report.top).toEqual(report.diagnosticsByFile.slice(0, 2).map((g: { value: string }) => ({ value: g.value })));
    const [code] = report.diagnosticsByCode;
    const filtered = await execute(yoga, `query($c: [String!]) { ingestReport { diagnostics(code: $c) { totalCount } } }`, { c: [code.value] });
    expect(filtered.data.ingestReport.diagnostics.totalCount).toBe(code.count);
  });
});

describe('findNearDuplicates', () => {
  it('finds exactly the pairs of the all-pairs comparison on the corpus', () => {
    const graph = graphOf(postSourcesIn(path.join(ROOT, '..', 'shared', 'corpus', 'talk-posts')));
    const lists = [graph.allSpeakers(), graph.allOrganizations(), graph.allTalks().map((t) => ({ id: t.id, name: t.title }))];
    for (const items of lists) expect(findNearDuplicates('speaker', items)).toEqual(findNearDuplicatesByAllPairs('speaker', items));
  });

  it('finds exactly the pairs of the all-pairs comparison on random names close to each other', () => {
    const name = fc.stringMatching(/^[abc ]{2,12}$/);
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), (names) => {
        const items = names.map((n, i) => ({ id: `id${i}`, name: n }));
        expect(findNearDuplicates('talk', items)).toEqual(findNearDuplicatesByAllPairs('talk', items));
      }),
      { numRuns: 300 },
    );
  });
});
