import { describe, expect, it } from 'vitest';
import { execute, graphOf, yogaOf } from './helpers.ts';
import { ingestPosts } from '../src/ingest/ingest-pipeline.ts';
import { bundledReference } from './helpers.ts';

const post = `---
title: 'Our talks at KubeCon EU 2023'
date: '2023-04-03'
event: kubecon-eu-2023
talks:
  - title: 'The Cilium Story - Why We Created Cilium'
    url: https://sched.co/1Jo6C
    speakers: ['Thomas Graf, Isovalent']
    date: 2023-04-18
    start: '9:25'
    end: '09:45'
    abstract: Why we created Cilium.
  - title: Cilium Project Meeting
    kind: meeting
    date: 2023-04-18
    start: '15:30'
    end: '17:30'
  - title: 'Effortless Observability'
    speakers:
      - { name: Raymond de Jong, organization: Isovalent }
      - name: Anna Kapuścińska
        organization: Isovalent at Cisco
        role: Software Engineer
    date: 2023-04-21
    start: '14:55'
    end: '15:30'
  - title: 'Broken entry'
    date: 21/04/2023
    start: noon
---

The body lists a talk too, but the front matter wins:

[Some Other Talk - Jane Doe, Acme](https://sched.co/zzz)

Tuesday, April 18 • 10:00 - 10:30
`;

describe('talks listed in front matter', () => {
  it('are read exactly and preferred over the body', async () => {
    const yoga = yogaOf(graphOf([{ file: 'fm.md', text: post }]));
    const result = await execute(
      yoga,
      `{ talks { nodes { title kind url startsAt endsAt abstract appearances { nameAsWritten organization { name } role } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.talks.nodes).toEqual([
      {
        title: 'The Cilium Story - Why We Created Cilium',
        kind: 'TALK',
        url: 'https://sched.co/1Jo6C',
        startsAt: '2023-04-18T09:25:00+02:00',
        endsAt: '2023-04-18T09:45:00+02:00',
        abstract: 'Why we created Cilium.',
        appearances: [{ nameAsWritten: 'Thomas Graf', organization: { name: 'Isovalent' }, role: null }],
      },
      {
        title: 'Cilium Project Meeting',
        kind: 'MEETING',
        url: null,
        startsAt: '2023-04-18T15:30:00+02:00',
        endsAt: '2023-04-18T17:30:00+02:00',
        abstract: '',
        appearances: [],
      },
      {
        title: 'Effortless Observability',
        kind: 'TALK',
        url: null,
        startsAt: '2023-04-21T14:55:00+02:00',
        endsAt: '2023-04-21T15:30:00+02:00',
        abstract: '',
        appearances: [
          { nameAsWritten: 'Raymond de Jong', organization: { name: 'Isovalent' }, role: null },
          { nameAsWritten: 'Anna Kapuścińska', organization: { name: 'Isovalent' }, role: 'Software Engineer' },
        ],
      },
    ]);
  });

  it('skip an invalid entry with a diagnostic at its line, keeping the others', () => {
    const data = ingestPosts([{ file: 'fm.md', text: post }], bundledReference());
    const invalid = data.diagnostics.filter((d) => d.code === 'FRONT_MATTER_TALK_INVALID');
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ file: 'fm.md', line: 27, severity: 'error' });
    expect(invalid[0]!.message).toContain('date "21/04/2023" is not YYYY-MM-DD');
    expect(invalid[0]!.message).toContain('start "noon" is not HH:MM');
    expect(data.talks).toHaveLength(3);
  });

  it('reject a `talks:` that is not a list', () => {
    const data = ingestPosts([{ file: 'x.md', text: `---\ntitle: x\ndate: '2023-04-03'\ntalks: yes\n---\n\nBody.\n` }], bundledReference());
    expect(data.diagnostics).toContainEqual(expect.objectContaining({ code: 'FRONT_MATTER_TALK_INVALID', line: 4 }));
    expect(data.talks).toHaveLength(0);
  });
});
