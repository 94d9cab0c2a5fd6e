import { describe, expect, it } from 'vitest';
import { execute, graphOf, seedSource, yogaOf } from './helpers.ts';

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
    const result = await execute(yoga, `{ ingestReport { graphVersion counts { posts talks speakers organizations errors } diagnostics(code: ["TALK_NO_SPEAKERS"]) { file line severity code } } }`);
    expect(result.errors).toBeUndefined();
    const report = result.data.ingestReport;
    expect(report.counts).toEqual({ posts: 1, talks: 16, speakers: 19, organizations: 9, errors: 0 });
    expect(report.diagnostics).toEqual([{ file: 'posts/2023-04-03-cilium-kubecon-eu-2023-talks.md', line: 85, severity: 'INFO', code: 'TALK_NO_SPEAKERS' }]);
    expect(report.graphVersion).toMatch(/^[0-9a-f]{12}$/);
  });

  it('lists unmerged names within two edits for a person to confirm', async () => {
    const yoga = yogaOf(graphOf([{ file: 'typo.md', text: sinicki }]));
    const result = await execute(yoga, `{ ingestReport { nearDuplicates { kind names distance } } }`);
    expect(result.data.ingestReport.nearDuplicates).toContainEqual({ kind: 'SPEAKER', names: ['Jakub Sinicki', 'Jakub Sitnicki'], distance: 1 });
  });
});
