import { beforeAll, describe, expect, it } from 'vitest';
import { vocabularyOf } from '../src/graph/ask/build-vocabulary.ts';
import { MAX_QUESTION_LENGTH } from '../src/graph/ask/interpret-question.ts';
import { withinOneEdit } from '../src/domain/edit-distance.ts';
import type { KnowledgeGraph } from '../src/graph/knowledge-graph.ts';
import type { TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { execute, graphOf, seedSource, yogaOf } from './helpers.ts';

// Titles of the seed post (data/posts/2023-04-03-cilium-kubecon-eu-2023-talks.md), copied from it by
// hand; the expected sets below were read off the post (speakers, affiliations, dates, times, and the
// words of titles/abstracts for topics), not computed by the code under test.
const AZURE = 'Sponsored Keynote: Cilium on Azure: Most Scalable and Performant Implementation in the Cloud'; // Tue 09:15, Microsoft
const STORY = 'The Cilium Story - Why We Created Cilium'; // Tue 09:25, Thomas Graf (Isovalent)
const IKEA = 'Some Assembly Required: IKEA Private Cloud, Cloud Native Networking'; // Tue 09:50, IKEA Retail
const NYT = 'Designing and Securing a Multi-Tenant Runtime Environment at the New York Times'; // Tue 10:20, The New York Times
const BLOOMBERG = 'Cilium in Practice: Building Data Sandboxes at Bloomberg'; // Tue 10:50, Bloomberg LP
const MURDER = 'Tales from an eBPF Program’s Murder Mystery'; // Tue 11:25, Datadog
const CHURN = 'More Churn No Problem: Lessons Learned Running Cilium in Production'; // Tue 11:55, Robinhood Markets
const EBPF_OBS = 'eBPF for Observability: The Good, the Bad, and the Ugly'; // Tue 16:50, Anna Kapuscinska (Isovalent); abstract names Tetragon
const MEETING = 'Cilium Project Meeting'; // Tue 15:30, no speakers
const TUTORIAL = 'Tutorial: Getting Familiar with Security Observability Using eBPF and Cilium Tetragon'; // Wed 16:30, Tracy P Holmes & Duffie Cooley (Isovalent)
const UPDATES = 'Cilium Updates, News, Roadmap, and in the Wild'; // Wed 17:25, Liz Rice (Isovalent), Andy Allred (EfiCode), Richard Hartmann (Grafana Labs)
const POLICIES = 'Adopting Network Policies in Highly Secure Environments'; // Wed 17:25, Raymond de Jong (Isovalent); abstract: Hubble, Grafana
const LOG4J = 'The Next Log4jshell?! Preparing for CVEs with eBPF!'; // Fri 11:55, Natalia Reka Ivanko & John Fastabend (Isovalent)
const DAY2 = 'Surviving Day 2 - How to Troubleshoot Kubernetes Networking'; // Fri 11:55, Thomas Graf (Isovalent)
const LGTM = 'Effortless Open Source Observability with Cilium, Prometheus and Grafana - LGTM!'; // Fri 14:55, Raymond de Jong & Anna Kapuścińska (Isovalent); Hubble
const MULTICLOUD = 'Keeping It Simple: Cilium Networking for Multicloud Kubernetes'; // Fri 16:55, Liz Rice (Isovalent); ClusterMesh

const ALL = [AZURE, STORY, IKEA, NYT, BLOOMBERG, MURDER, CHURN, EBPF_OBS, MEETING, TUTORIAL, UPDATES, POLICIES, LOG4J, DAY2, LGTM, MULTICLOUD];
const ISOVALENT = [STORY, EBPF_OBS, TUTORIAL, UPDATES, POLICIES, LOG4J, DAY2, LGTM, MULTICLOUD];
const FRIDAY = [LOG4J, DAY2, LGTM, MULTICLOUD];

const ASK = `query Ask($q: String!) {
  ask(question: $q) {
    question interpretation filter unrecognized
    corrections { from to }
    alternatives { interpretation filter talkCount }
    talks(first: 100) { totalCount nodes { title } }
  }
}`;

interface Answer {
  question: string;
  interpretation: string;
  filter: Record<string, unknown>;
  unrecognized: string[];
  corrections: Array<{ from: string; to: string }>;
  alternatives: Array<{ interpretation: string; filter: Record<string, unknown>; talkCount: number }>;
  talks: { totalCount: number; nodes: Array<{ title: string }> };
}

let graph: KnowledgeGraph;
let yoga: TalkGraphYoga;
beforeAll(() => {
  graph = graphOf([seedSource()]);
  yoga = yogaOf(graph);
});

async function ask(question: string): Promise<Answer> {
  const result = await execute<{ ask: Answer }>(yoga, ASK, { q: question });
  expect(result.errors).toBeUndefined();
  return result.data!.ask;
}

const titlesOf = (answer: Answer) => answer.talks.nodes.map((n) => n.title).sort();

// [question, exact expected set of talk titles]
const CASES: ReadonlyArray<[string, string[]]> = [
  ['talks by Isovalent speakers on Friday', FRIDAY],
  ['keynotes', [AZURE]],
  ['talks by Microsoft or Datadog', [AZURE, MURDER]],
  ['Isovalent talks not on Friday', [STORY, EBPF_OBS, TUTORIAL, UPDATES, POLICIES]],
  ['Tetragon talks', [EBPF_OBS, TUTORIAL]],
  ['what is Liz Rice presenting on Wednesday', [UPDATES]],
  ['keynotes on Tuesday morning', [AZURE]],
  ["Liz Rice's talks", [UPDATES, MULTICLOUD]],
  ['talks by kapuscinska', [EBPF_OBS, LGTM]],
  ['talks by Anna Kapuścińska', [EBPF_OBS, LGTM]],
  ['talks after 5pm', [UPDATES, POLICIES]],
  ['talks before 11:00', [AZURE, STORY, IKEA, NYT, BLOOMBERG]],
  ['talks on April 19', [TUTORIAL, UPDATES, POLICIES]],
  ['talks on the 21st', FRIDAY],
  ['Isovalnet talks', ISOVALENT],
  ['Grafana talks', [UPDATES, POLICIES, LGTM]],
  ['talks by Grafana', [UPDATES]],
  ['Grafana speakers', [UPDATES]],
  ['talks on Tuesday except keynotes', [STORY, IKEA, NYT, BLOOMBERG, MURDER, CHURN, EBPF_OBS, MEETING]],
  ['tutorials', [TUTORIAL]],
  ['sponsored keynotes', [AZURE]],
  ['lightning talks', []],
  ['talks without speakers', [MEETING]],
  ['sessions in the afternoon on Tuesday', [MEETING, EBPF_OBS]],
  ['talks by Thomas Graf or Liz Rice on Friday', [DAY2, MULTICLOUD]],
  ['talks by Liz Rice and Thomas Graf', [STORY, UPDATES, DAY2, MULTICLOUD]],
  ['Isovalent talks on Wednesday evening', [UPDATES, POLICIES]],
  ['talks by Raymond de Jong', [POLICIES, LGTM]],
  ['talks about Tetragon or Hubble', [EBPF_OBS, TUTORIAL, POLICIES, LGTM]],
  ['talks by Datadog or about Grafana', [MURDER, UPDATES, POLICIES, LGTM]],
  ['Tuesday morning or Friday afternoon', [AZURE, STORY, IKEA, NYT, BLOOMBERG, MURDER, CHURN, LGTM, MULTICLOUD]],
  ['Isovalent talks on Tuesday morning or Friday afternoon', [STORY, LGTM, MULTICLOUD]],
  ['talks between 10 and 12', [NYT, BLOOMBERG, MURDER, CHURN, LOG4J, DAY2]],
  ['talks at 17:25', [UPDATES, POLICIES]],
  ['show me all talks about ClusterMesh', [MULTICLOUD]],
  ['talks not by Isovalent on Tuesday', [AZURE, IKEA, NYT, BLOOMBERG, MURDER, CHURN, MEETING]],
  ['talks after April 19', FRIDAY],
  ['security talks by ivanko', [LOG4J]],
  ['talks from Bloomberg', [BLOOMBERG]],
  ['New York Times talks', [NYT]],
  ['talks by Datadgo', [MURDER]],
  ['fridya talks', FRIDAY],
  ['talks at KubeCon', ALL],
  ['Which talks are by Datadog, Bloomberg or Robinhood?', [BLOOMBERG, MURDER, CHURN]],
];

describe('ask: questions with exact expected talk sets (seed post)', () => {
  it('has at least 25 different questions', () => {
    expect(new Set(CASES.map(([q]) => q)).size).toBe(CASES.length);
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('%s', async (question, expected) => {
    const answer = await ask(question);
    expect(titlesOf(answer)).toEqual([...expected].sort());
    expect(answer.talks.totalCount).toBe(expected.length);
    expect(answer.unrecognized).toEqual([]);
  });
});

describe('ask: what was understood', () => {
  it('says the contract question in one sentence and gives the equivalent filter', async () => {
    const answer = await ask('talks by Isovalent speakers on Friday');
    expect(answer.interpretation).toBe('talks with a speaker from Isovalent, on Friday (2023-04-21)');
    expect(answer.filter).toEqual({ organization: ['isovalent'], day: ['FRIDAY'] });
    expect(answer.corrections).toEqual([]);
    expect(answer.alternatives).toEqual([]);
  });

  it('gives a filter that talks(filter:) accepts and that selects the same talks', async () => {
    for (const question of ['Isovalent talks not on Friday', 'keynotes on Tuesday morning', 'Tuesday morning or Friday afternoon', 'talks on the 21st']) {
      const answer = await ask(question);
      const direct = await execute(yoga, `query T($f: TalkFilter) { talks(filter: $f, first: 100) { nodes { title } } }`, { f: answer.filter });
      expect(direct.errors).toBeUndefined();
      expect(direct.data.talks.nodes.map((n: { title: string }) => n.title).sort()).toEqual(titlesOf(answer));
    }
  });

  it('reads "keynotes" as both kinds of keynote, "except" and "not" as negation', async () => {
    expect((await ask('keynotes')).filter).toEqual({ kind: ['KEYNOTE', 'SPONSORED_KEYNOTE'] });
    expect((await ask('Isovalent talks not on Friday')).filter).toEqual({ organization: ['isovalent'], not: { day: ['FRIDAY'] } });
    const except = await ask('talks on Tuesday except keynotes');
    expect(except.filter).toEqual({ day: ['TUESDAY'], not: { kind: ['KEYNOTE', 'SPONSORED_KEYNOTE'] } });
    expect(except.interpretation).toContain('other than keynotes');
  });

  it('reads times and parts of the day as start-time windows', async () => {
    expect((await ask('talks after 5pm')).filter).toEqual({ timeOfDay: { from: '17:00' } });
    expect((await ask('talks before 11:00')).filter).toEqual({ timeOfDay: { to: '11:00' } });
    expect((await ask('keynotes on Tuesday morning')).filter).toEqual({ kind: ['KEYNOTE', 'SPONSORED_KEYNOTE'], day: ['TUESDAY'], timeOfDay: { to: '12:00' } });
  });

  it('resolves "April 19" and "the 21st" against the talk dates of the graph', async () => {
    expect((await ask('talks on April 19')).filter).toEqual({ date: { from: '2023-04-19', to: '2023-04-19' } });
    const the21st = await ask('talks on the 21st');
    expect(the21st.filter).toEqual({ date: { from: '2023-04-21', to: '2023-04-21' } });
    expect(the21st.interpretation).toContain('2023-04-21');
    // No talk falls on a 25th: the word is not placed, and nothing else narrows the question.
    const the25th = await ask('Isovalent talks on the 25th');
    expect(the25th.unrecognized).toEqual(['25th']);
    expect(titlesOf(the25th)).toEqual([...ISOVALENT].sort());
  });

  it('knows speakers by full name, family name, without diacritics and with a possessive', async () => {
    for (const question of ['talks by Anna Kapuścińska', 'talks by Anna Kapuscinska', 'talks by kapuscinska', "Kapuścińska's talks"]) {
      const answer = await ask(question);
      expect(answer.filter).toEqual({ speaker: ['anna-kapuscinska'] });
      expect(answer.interpretation).toBe('talks by Anna Kapuścińska');
    }
    expect((await ask("Liz Rice's talks")).filter).toEqual({ speaker: ['liz-rice'] });
  });
});

describe('ask: ambiguity, spelling, unknown words', () => {
  it('reads "Grafana talks" as the topic and "talks by Grafana" as the organization, offering the other reading', async () => {
    const topic = await ask('Grafana talks');
    const org = await ask('talks by Grafana');
    expect(topic.filter).toEqual({ topic: ['grafana'] });
    expect(org.filter).toEqual({ organization: ['grafana-labs'] });
    expect(topic.interpretation).toMatch(
      /^talks about Grafana \(read "Grafana" as the topic Grafana, not the organization Grafana Labs: .*only part of the name/,
    );
    expect(org.interpretation).toMatch(
      /^talks with a speaker from Grafana Labs \(read "Grafana" as the organization Grafana Labs, not the topic Grafana: "by" asks who gives the talk\)$/,
    );
    expect(topic.alternatives).toHaveLength(1);
    expect(topic.alternatives[0]!.filter).toEqual({ organization: ['grafana-labs'] });
    expect(topic.alternatives[0]!.talkCount).toBe(1);
    expect(org.alternatives).toHaveLength(1);
    expect(org.alternatives[0]!.filter).toEqual({ topic: ['grafana'] });
    expect(org.alternatives[0]!.talkCount).toBe(3);
    // "about" and "speakers" decide too.
    expect((await ask('talks about Grafana')).filter).toEqual({ topic: ['grafana'] });
    expect((await ask('Grafana speakers')).filter).toEqual({ organization: ['grafana-labs'] });
  });

  it('keeps the "by" reading across "or"', async () => {
    const answer = await ask('talks by Microsoft or Grafana');
    expect(answer.filter).toEqual({ organization: ['microsoft', 'grafana-labs'] });
    expect(titlesOf(answer)).toEqual([AZURE, UPDATES].sort());
  });

  it('forgives one-edit slips on words of 5+ letters and reports them', async () => {
    const answer = await ask('Isovalnet talks');
    expect(answer.corrections).toEqual([{ from: 'Isovalnet', to: 'Isovalent' }]);
    expect(answer.filter).toEqual({ organization: ['isovalent'] });
    expect(answer.interpretation).toContain('read "Isovalnet" as "Isovalent"');
    expect((await ask('talks by kapuscinksa')).corrections).toEqual([{ from: 'kapuscinksa', to: 'Kapuścińska' }]);
    // Four letters: too short to guess.
    const short = await ask('talks by Rcie');
    expect(short.corrections).toEqual([]);
    expect(short.unrecognized).toEqual(['Rcie']);
  });

  it('answers from what it understood and lists the unknown word', async () => {
    const answer = await ask('talks by Isovalent about flibbertigibbet on Tuesday');
    expect(answer.unrecognized).toEqual(['flibbertigibbet']);
    expect(answer.filter).toEqual({ organization: ['isovalent'], day: ['TUESDAY'] });
    expect(titlesOf(answer)).toEqual([STORY, EBPF_OBS].sort());
  });

  it('matches nothing when no word was understood, and everything for an empty question', async () => {
    const none = await ask('xyzzy plugh');
    expect(none.unrecognized).toEqual(['xyzzy', 'plugh']);
    expect(none.talks.totalCount).toBe(0);
    const all = await ask('show me all talks');
    expect(all.interpretation).toBe('all talks');
    expect(all.talks.totalCount).toBe(16);
  });
});

describe('ask: determinism, paging and limits', () => {
  it('gives the same interpretation and the same talks when asked twice', async () => {
    for (const question of ['Grafana talks', 'Isovalent talks on Tuesday morning or Friday afternoon', 'talks by Isovalent about flibbertigibbet on Tuesday']) {
      const first = await ask(question);
      const second = await ask(question);
      expect(second).toEqual(first);
      expect(second.talks.nodes.map((n) => n.title)).toEqual(first.talks.nodes.map((n) => n.title));
    }
  });

  it('pages and further filters the answer like any talk connection', async () => {
    const result = await execute(
      yoga,
      `{ ask(question: "Isovalent talks") { all: talks(first: 2) { totalCount pageInfo { hasNextPage } nodes { title } }
         friday: talks(filter: { day: FRIDAY }, first: 10) { totalCount } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.ask.all.totalCount).toBe(9);
    expect(result.data.ask.all.nodes).toHaveLength(2);
    expect(result.data.ask.all.pageInfo.hasNextPage).toBe(true);
    expect(result.data.ask.friday.totalCount).toBe(4);
  });

  it('refuses a question longer than the cap with QUESTION_TOO_LONG', async () => {
    const longest = `talks by Isovalent ${'x'.repeat(MAX_QUESTION_LENGTH - 19)}`;
    expect(longest).toHaveLength(MAX_QUESTION_LENGTH);
    expect((await execute(yoga, ASK, { q: longest })).errors).toBeUndefined();
    const result = await execute(yoga, ASK, { q: `${longest}y` });
    expect(result.data?.ask ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('QUESTION_TOO_LONG');
  });

  it('builds the vocabulary once per graph instance', () => {
    expect(vocabularyOf(graph)).toBe(vocabularyOf(graph));
    expect(vocabularyOf(graphOf([seedSource()]))).not.toBe(vocabularyOf(graph));
  });

  it('counts one edit the Damerau-Levenshtein way', () => {
    expect(withinOneEdit('isovalnet', 'isovalent')).toBe(true); // swap
    expect(withinOneEdit('datadgo', 'datadog')).toBe(true);
    expect(withinOneEdit('isovalen', 'isovalent')).toBe(true); // deletion
    expect(withinOneEdit('isovalentt', 'isovalent')).toBe(true); // insertion
    expect(withinOneEdit('isovelent', 'isovalent')).toBe(true); // substitution
    expect(withinOneEdit('isvoalnet', 'isovalent')).toBe(false);
    expect(withinOneEdit('grafana', 'grafanaxx')).toBe(false);
  });
});
