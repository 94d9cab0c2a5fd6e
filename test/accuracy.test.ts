import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accuracyByProject } from './support/accuracy-table.ts';
import {
  ALL_FIELDS,
  FIELDS,
  comparePost,
  describeSkipped,
  fieldAccuracyOf,
  loadAccuracySuite,
  measurePostAccuracy,
  precisionOf,
  recallOf,
  spuriousOf,
  totalAccuracy,
  type ExpectedTalk,
  type Field,
} from './support/measure-accuracy.ts';
import { bundledReference } from './helpers.ts';

// Every talk a person listed by reading each post (test/expectations/**/*.yaml), compared with what
// the ingest reads in the post, read in place in ../shared/corpus (the seed in data/posts).
const reference = bundledReference();
const suite = loadAccuracySuite();
for (const s of suite.skipped) console.warn(describeSkipped(s));
const cilium = suite.cases.filter((c) => c.corpus === 'cilium');
const otherBlogs = suite.cases.filter((c) => c.corpus === 'other-blogs');
const hasCorpus = (name: string) => !suite.skipped.some((s) => s.corpus === name);

describe('the corpora', () => {
  it('are all present when CI=true (elsewhere an absent corpus is skipped with one line)', () => {
    if (process.env.CI === 'true') expect(suite.skipped.map(describeSkipped)).toEqual([]);
    expect(suite.skipped.every((s) => s.missingDirs.length > 0)).toBe(true);
  });
});

// The bundled seed post is read from data/posts with or without the corpus: it is always measured.
describe('accuracy on the bundled seed post', () => {
  it('reads every talk a person listed in the seed post, every field right', () => {
    const seed = suite.cases.find((c) => c.name === '2023-04-03-cilium-kubecon-eu-2023-talks')!;
    expect(seed.post.file).toBe('data/posts/2023-04-03-cilium-kubecon-eu-2023-talks.md');
    const result = measurePostAccuracy(seed, reference);
    expect({ missing: result.missing, extra: result.extra, mismatches: result.mismatches }).toEqual({ missing: [], extra: [], mismatches: [] });
    expect(result.matched).toBe(result.expected);
    expect(result.expected).toBeGreaterThan(10);
  });
});

// The first corpus (Cilium's blog) and the seed: every talk found, no extra talks, every field right.
describe.skipIf(!hasCorpus('cilium'))('accuracy on the first corpus (cilium)', () => {
  it('covers the seed, every talk post and every post without talks, read in place', () => {
    expect(cilium).toHaveLength(16);
    const seed = cilium.find((c) => c.name === '2023-04-03-cilium-kubecon-eu-2023-talks')!;
    expect(seed.post.file).toBe('data/posts/2023-04-03-cilium-kubecon-eu-2023-talks.md');
    expect(cilium.filter((c) => c !== seed).every((c) => c.post.file.startsWith('../shared/corpus/'))).toBe(true);
    expect(cilium.filter((c) => c.expected.length === 0)).toHaveLength(6);
  });

  it.each(cilium.map((c) => [c.name, c] as const))('%s: 100%% precision, recall and field accuracy', (_name, testCase) => {
    const result = measurePostAccuracy(testCase, reference);
    // Compare the problem lists first: a failure then shows exactly which talk or field is wrong.
    expect({ missing: result.missing, extra: result.extra, mismatches: result.mismatches }).toEqual({ missing: [], extra: [], mismatches: [] });
    expect(precisionOf(result)).toBe(1);
    expect(recallOf(result)).toBe(1);
    for (const field of FIELDS) expect(fieldAccuracyOf(result, field)).toBe(1);
  });

  it('totals 123 expected talks, all found', () => {
    const total = totalAccuracy(cilium.map((c) => measurePostAccuracy(c, reference)));
    expect(total.expected).toBe(123);
    expect(total.matched).toBe(123);
    expect(total.found).toBe(123);
  });
});

// The other-blogs corpus: the levels measured with the current ingest (`node test/support/print-floors.ts`), as floors per
// project (counts of talks, so that finding more talks never lowers a floor). Raise them as the ingest
// improves; a lower count is a regression. Fields in the order of ALL_FIELDS: title, url, speakers,
// organizations, date, start, end, event, timezone.
const FLOORS: Record<string, { found: number; spurious: number; correct: number[] }> = {
  etcd: { found: 6, spurious: 0, correct: [6, 6, 6, 6, 6, 6, 6, 6, 6] },
  foreman: { found: 5, spurious: 0, correct: [5, 5, 5, 5, 5, 5, 5, 0, 5] },
  grpc: { found: 42, spurious: 0, correct: [42, 42, 42, 42, 42, 42, 42, 42, 42] },
  harbor: { found: 13, spurious: 0, correct: [13, 13, 13, 13, 13, 13, 13, 13, 13] },
  helm: { found: 17, spurious: 0, correct: [17, 17, 17, 17, 17, 17, 17, 17, 17] },
  'inspektor-gadget': { found: 9, spurious: 0, correct: [9, 9, 9, 9, 9, 9, 9, 9, 9] },
  kubeflow: { found: 22, spurious: 0, correct: [22, 22, 22, 22, 22, 22, 22, 22, 22] },
  kubernetes: { found: 22, spurious: 0, correct: [22, 22, 22, 22, 22, 22, 22, 22, 22] },
  metal3: { found: 2, spurious: 0, correct: [2, 2, 2, 2, 2, 2, 2, 2, 2] },
  opencost: { found: 2, spurious: 0, correct: [2, 2, 2, 2, 2, 2, 2, 2, 2] },
  openfeature: { found: 18, spurious: 0, correct: [18, 18, 18, 18, 18, 18, 18, 13, 14] },
  prometheus: { found: 9, spurious: 0, correct: [9, 9, 9, 9, 9, 9, 9, 9, 9] },
  spiffe: { found: 7, spurious: 0, correct: [7, 7, 7, 7, 7, 7, 7, 7, 7] },
  strimzi: { found: 17, spurious: 0, correct: [17, 17, 17, 17, 17, 17, 17, 17, 0] },
  tekton: { found: 5, spurious: 0, correct: [5, 5, 5, 5, 5, 5, 5, 5, 5] },
  vitess: { found: 4, spurious: 0, correct: [4, 4, 4, 4, 4, 4, 4, 4, 2] },
};

describe.skipIf(!hasCorpus('other-blogs'))('accuracy on the other-blogs corpus', () => {
  const projects = accuracyByProject(
    otherBlogs,
    otherBlogs.map((c) => measurePostAccuracy(c, reference)),
  );

  it('covers 32 talk posts and 17 posts without talks of 16 projects, read in place', () => {
    expect(otherBlogs).toHaveLength(49);
    expect(otherBlogs.filter((c) => c.expected.length === 0)).toHaveLength(17);
    expect(otherBlogs.every((c) => c.post.file.startsWith('../shared/corpus/other-blogs/'))).toBe(true);
    expect(projects.map((p) => p.project).sort()).toEqual(Object.keys(FLOORS).sort());
    expect(projects.reduce((n, p) => n + p.result.expected, 0)).toBe(200);
  });

  it.each(otherBlogs.map((c) => [c.name, c] as const))('%s: every talk found, none spurious, every field right', (_name, testCase) => {
    const result = measurePostAccuracy(testCase, reference);
    expect({ missing: result.missing, extra: result.extra, mismatches: result.mismatches }).toEqual({ missing: [], extra: [], mismatches: [] });
  });

  it.each(projects.map((p) => [p.project, p] as const))('%s: no fewer talks found nor fields right, no more spurious talks, than recorded', (project, p) => {
    const floor = FLOORS[project]!;
    const correct = Object.fromEntries(ALL_FIELDS.map((f, i) => [f, floor.correct[i]!])) as Record<Field, number>;
    const now = Object.fromEntries(ALL_FIELDS.map((f) => [f, p.result.correct[f]]));
    expect({ found: p.result.matched >= floor.found, spurious: spuriousOf(p.result) <= floor.spurious }).toEqual({ found: true, spurious: true });
    expect(ALL_FIELDS.filter((f) => now[f]! < correct[f])).toEqual([]);
  });
});

describe('the comparison itself', () => {
  const talk = (over: Partial<ExpectedTalk>): ExpectedTalk => ({
    title: 'A Talk',
    url: 'https://sched.co/x',
    speakers: [{ name: 'Jane Doe', organization: 'Acme' }],
    date: '2024-03-19',
    start: '09:00',
    end: '09:30',
    ...over,
  });

  it('matches by url, then by folded title, and counts extra and missing talks', () => {
    const expected = [talk({}), talk({ title: 'Other Talk', url: null }), talk({ title: 'Missing', url: 'https://sched.co/m' })];
    const found = [talk({ title: 'A talk!' }), talk({ title: 'other talk', url: null }), talk({ title: 'Extra', url: 'https://sched.co/e' })];
    const result = comparePost('p', expected, found);
    expect(result).toMatchObject({ expected: 3, found: 3, matched: 2, missing: ['Missing'], extra: ['Extra'] });
    expect(precisionOf(result)).toBeCloseTo(2 / 3);
    expect(recallOf(result)).toBeCloseTo(2 / 3);
    expect(result.correct.title).toBe(0); // matched, but both titles differ from what was expected
    expect(result.correct.url).toBe(2);
  });

  it('scores speakers and organizations separately, in order', () => {
    const result = comparePost(
      'p',
      [talk({ speakers: [{ name: 'Jane Doe', organization: 'Acme' }] })],
      [talk({ speakers: [{ name: 'Jane Doe', organization: 'Acme Inc' }] })],
    );
    expect(result.correct).toMatchObject({ speakers: 1, organizations: 0, date: 1, start: 1, end: 1 });
    expect(result.mismatches).toEqual([{ field: 'organizations', title: 'A Talk', expected: ['Acme'], found: ['Acme Inc'] }]);
  });

  it('counts a post without talks as perfect only when nothing is found', () => {
    expect(precisionOf(comparePost('p', [], []))).toBe(1);
    expect(precisionOf(comparePost('p', [], [talk({})]))).toBe(0);
  });

  it('scores event and timezone only when the expectation gives them; an alias followed by the year counts as the event', () => {
    const found = {
      ...talk({}),
      event: 'KubeCon + CloudNativeCon Europe 2024',
      eventKeys: ['kubecon + cloudnativecon europe 2024', 'kubecon eu 2024'],
      timezone: 'Europe/Paris',
    };
    const given = comparePost('p', [talk({ event: 'KubeCon EU 2024', timezone: 'Europe/Paris' })], [found]);
    expect(given.scored).toMatchObject({ event: 1, timezone: 1, title: 1 });
    expect(given.correct).toMatchObject({ event: 1, timezone: 1 });
    const wrong = comparePost('p', [talk({ event: 'KubeCon EU 2023', timezone: 'Europe/London' })], [found]);
    expect(wrong.correct).toMatchObject({ event: 0, timezone: 0 });
    expect(wrong.mismatches.map((m) => m.field)).toEqual(['event', 'timezone']);
    const notGiven = comparePost('p', [talk({})], [found]);
    expect(notGiven.scored).toMatchObject({ event: 0, timezone: 0 });
    expect(fieldAccuracyOf(notGiven, 'event')).toBe(1);
  });
});

describe('loading the cases', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'accuracy-'));
  const expectations = path.join(dir, 'expectations');
  mkdirSync(expectations);
  writeFileSync(path.join(expectations, 'proj__a.yaml'), 'post: proj__a.md\ntalks: []\n');
  const corpus = (corpusDirs: string[]) => ({
    name: 'test',
    expectationsDir: expectations,
    corpusDirs,
    repoDirs: [],
    projectOf: (s: string) => s.split('__')[0]!,
  });

  it('skips the expectations of an absent corpus folder, with one line that names it', () => {
    const { cases, skipped } = loadAccuracySuite([corpus([path.join(dir, 'absent')])]);
    expect(cases).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(describeSkipped(skipped[0]!)).toMatch(/skipped 1 expectation\(s\) of corpus "test": .*absent not found/);
  });

  it('reads a post in place, with its project; a post missing from a present corpus is an error', () => {
    const posts = path.join(dir, 'posts');
    mkdirSync(posts);
    expect(() => loadAccuracySuite([corpus([posts])])).toThrow(/post proj__a\.md not found/);
    writeFileSync(path.join(posts, 'proj__a.md'), '# A post\n');
    const { cases, skipped } = loadAccuracySuite([corpus([posts])]);
    expect(skipped).toEqual([]);
    expect(cases.map((c) => [c.name, c.project, c.post.text])).toEqual([['proj__a', 'proj', '# A post\n']]);
  });
});
