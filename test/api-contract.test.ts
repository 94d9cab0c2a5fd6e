import { beforeAll, describe, expect, it } from 'vitest';
import { execute, graphOf, seedSource, yogaOf } from './helpers.ts';
import type { TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';

// The public contract of the foundation issue, on the seed post alone.
let yoga: TalkGraphYoga;
beforeAll(() => {
  yoga = yogaOf(graphOf([seedSource()]));
});

describe('talks of the seed post', () => {
  it('lists 16 entries in start order with exact fields', async () => {
    const result = await execute(yoga, `{ talks(first: 50) { totalCount nodes { title url day date start end startsAt endsAt kind speakers { name } } } }`);
    expect(result.errors).toBeUndefined();
    const { totalCount, nodes } = result.data.talks;
    expect(totalCount).toBe(16);
    expect(nodes).toHaveLength(16);
    const starts = nodes.map((n: { startsAt: string }) => Date.parse(n.startsAt));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);

    const story = nodes.find((n: { title: string }) => n.title === 'The Cilium Story - Why We Created Cilium');
    expect(story).toEqual({
      title: 'The Cilium Story - Why We Created Cilium',
      url: 'https://sched.co/1Jo6C',
      day: 'TUESDAY',
      date: '2023-04-18',
      start: '09:25',
      end: '09:45',
      startsAt: '2023-04-18T09:25:00+02:00',
      endsAt: '2023-04-18T09:45:00+02:00',
      kind: 'TALK',
      speakers: [{ name: 'Thomas Graf' }],
    });
    const azure = nodes.find((n: { url: string }) => n.url === 'https://sched.co/1Jo69');
    expect(azure.title).toBe('Sponsored Keynote: Cilium on Azure: Most Scalable and Performant Implementation in the Cloud');
    expect(azure.kind).toBe('SPONSORED_KEYNOTE');
    expect(azure.speakers).toEqual([{ name: 'Deepak Bansal' }]);

    const meeting = nodes.find((n: { title: string }) => n.title === 'Cilium Project Meeting');
    expect(meeting).toMatchObject({ kind: 'MEETING', speakers: [], start: '15:30', end: '17:30', date: '2023-04-18' });

    const tutorial = nodes.find((n: { url: string }) => n.url === 'https://sched.co/1HyZg');
    expect(tutorial).toMatchObject({ kind: 'TUTORIAL', day: 'WEDNESDAY', startsAt: '2023-04-19T16:30:00+02:00', endsAt: '2023-04-19T18:00:00+02:00' });
    const roadmap = nodes.find((n: { url: string }) => n.url === 'https://sched.co/1HyTU');
    expect(roadmap.speakers.map((s: { name: string }) => s.name)).toEqual(['Liz Rice', 'Andy Allred', 'Richard Hartmann']);
  });

  it('answers the Isovalent-on-Friday contract query with 4 talks in start order', async () => {
    const result = await execute(
      yoga,
      `{ talks(filter: { organization: "Isovalent", day: FRIDAY }, first: 50) { totalCount nodes { title url startsAt endsAt speakers { name } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.talks.totalCount).toBe(4);
    expect(result.data.talks.nodes.map((n: { startsAt: string }) => n.startsAt)).toEqual([
      '2023-04-21T11:55:00+02:00',
      '2023-04-21T11:55:00+02:00',
      '2023-04-21T14:55:00+02:00',
      '2023-04-21T16:55:00+02:00',
    ]);
    expect(result.data.talks.nodes.map((n: { title: string }) => n.title).slice(2)).toEqual([
      'Effortless Open Source Observability with Cilium, Prometheus and Grafana - LGTM!',
      'Keeping It Simple: Cilium Networking for Multicloud Kubernetes',
    ]);
    expect(result.data.talks.nodes[3].endsAt).toBe('2023-04-21T17:30:00+02:00');
  });

  it('counts 19 speakers and 9 organizations', async () => {
    const result = await execute(yoga, `{ speakers(first: 100) { totalCount } organizations(first: 100) { totalCount } }`);
    expect(result.data).toEqual({ speakers: { totalCount: 19 }, organizations: { totalCount: 9 } });
  });

  it('gives Isovalent 8 speakers and 9 talks', async () => {
    const result = await execute(yoga, `{ organization(slug: "isovalent") { name speakers(first: 50) { totalCount } talks(first: 50) { totalCount } } }`);
    expect(result.data.organization).toEqual({ name: 'Isovalent', speakers: { totalCount: 8 }, talks: { totalCount: 9 } });
  });

  it('tags Tetragon, ClusterMesh and Hubble talks by keyword', async () => {
    const result = await execute(
      yoga,
      `{ tetragon: topic(slug: "tetragon") { name talks(first: 50) { nodes { title url } } }
         clustermesh: topic(slug: "clustermesh") { talks(first: 50) { nodes { title } } }
         hubble: topic(slug: "hubble") { talks(first: 50) { nodes { title abstract } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.tetragon.name).toBe('Tetragon');
    expect(result.data.tetragon.talks.nodes.map((n: { url: string }) => n.url)).toContain('https://sched.co/1HyZg');
    expect(result.data.clustermesh.talks.nodes.map((n: { title: string }) => n.title)).toContain(
      'Keeping It Simple: Cilium Networking for Multicloud Kubernetes',
    );
    const hubbleTitles = result.data.hubble.talks.nodes.map((n: { title: string }) => n.title).sort();
    expect(hubbleTitles).toEqual([
      'Adopting Network Policies in Highly Secure Environments',
      'Effortless Open Source Observability with Cilium, Prometheus and Grafana - LGTM!',
    ]);
  });

  it('merges the two spellings of Anna Kapuścińska into one speaker with both kept', async () => {
    const result = await execute(yoga, `{ speaker(slug: "anna-kapuscinska") { name aliases talks(first: 10) { totalCount } } }`);
    expect(result.data.speaker).toEqual({ name: 'Anna Kapuścińska', aliases: ['Anna Kapuscinska'], talks: { totalCount: 2 } });
  });

  it('resolves organization aliases and keeps the affiliation as written', async () => {
    const result = await execute(
      yoga,
      `{ talks(filter: { organization: "bloomberg" }) { nodes { appearances { nameAsWritten organizationAsWritten organization { name slug } } } } }`,
    );
    expect(result.data.talks.nodes[0].appearances[0]).toEqual({
      nameAsWritten: 'Anne Zepecki',
      organizationAsWritten: 'Bloomberg LP',
      organization: { name: 'Bloomberg', slug: 'bloomberg' },
    });
  });

  it('links relations both ways', async () => {
    const result = await execute(
      yoga,
      `{ speaker(slug: "liz-rice") { organizations { name } talks { nodes { title event { name timezone talks { totalCount } } post { title talks { totalCount } } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.speaker.organizations).toEqual([{ name: 'Isovalent' }]);
    expect(result.data.speaker.talks.nodes).toHaveLength(2);
    expect(result.data.speaker.talks.nodes[0].event).toEqual({
      name: 'KubeCon + CloudNativeCon Europe 2023',
      timezone: 'Europe/Amsterdam',
      talks: { totalCount: 16 },
    });
    expect(result.data.speaker.talks.nodes[0].post).toEqual({ title: 'Cilium Talks at KubeCon EU 2023', talks: { totalCount: 16 } });
  });

  it('returns every handed-out object again through node(id:)', async () => {
    const listed = await execute(yoga, `{ talks(first: 50) { nodes { id speakers { id } organizations { id } topics { id } event { id } post { id } } } }`);
    const ids = new Set<string>();
    for (const talk of listed.data.talks.nodes) {
      ids.add(talk.id);
      for (const key of ['speakers', 'organizations', 'topics']) for (const x of talk[key]) ids.add(x.id);
      ids.add(talk.event.id);
      ids.add(talk.post.id);
    }
    const result = await execute(yoga, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [...ids] });
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes.map((n: { id: string }) => n.id)).toEqual([...ids]);
  });

  it('answers node(id:) with null for an unknown id', async () => {
    const id = Buffer.from('Talk:nope').toString('base64');
    const result = await execute(yoga, `query ($id: ID!) { node(id: $id) { id } }`, { id });
    expect(result.data?.node).toBeNull();
  });
});
