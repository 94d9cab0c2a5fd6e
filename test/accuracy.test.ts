import { describe, expect, it } from 'vitest';
import {
  FIELDS,
  comparePost,
  fieldAccuracyOf,
  loadAccuracyCases,
  measurePostAccuracy,
  precisionOf,
  recallOf,
  totalAccuracy,
  type ExpectedTalk,
} from './support/measure-accuracy.ts';
import { hasCorpus } from './support/corpus.ts';
import { bundledReference } from './helpers.ts';

// Every talk a person listed by reading each post (test/expectations/*.yaml) must be read by the
// ingest, with no extra talks, and every field right. The seed post is bundled; the others are read in
// place from ../shared/corpus.
const reference = bundledReference();
const withCorpus = hasCorpus('accuracy on the corpus posts');
const cases = loadAccuracyCases({ onlyFound: !withCorpus });
const SEED = '2023-04-03-cilium-kubecon-eu-2023-talks';

describe('accuracy on the bundled seed post', () => {
  it('reads the seed post from data/posts, with every talk a person listed', () => {
    const seed = cases.find((c) => c.name === SEED)!;
    expect(seed.post.file).toBe(`data/posts/${SEED}.md`);
    const result = measurePostAccuracy(seed, reference);
    expect({ missing: result.missing, extra: result.extra, mismatches: result.mismatches }).toEqual({ missing: [], extra: [], mismatches: [] });
    expect(result.matched).toBe(result.expected);
    expect(result.expected).toBeGreaterThan(10);
  });
});

describe.skipIf(!withCorpus)('accuracy on the corpus expectations (reads ../shared/corpus)', () => {
  it('covers the seed, every talk post and every post without talks, each read where it is', () => {
    const dirOf = (c: (typeof cases)[number]) => c.post.file.slice(0, c.post.file.lastIndexOf('/'));
    expect(cases.map(dirOf).sort()).toEqual([
      ...Array<string>(6).fill('../shared/corpus/other-posts'),
      ...Array<string>(9).fill('../shared/corpus/talk-posts'),
      'data/posts',
    ]);
    expect(cases.filter((c) => c.expected.length === 0)).toHaveLength(6);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s: 100%% precision, recall and field accuracy', (_name, testCase) => {
    const result = measurePostAccuracy(testCase, reference);
    // Compare the problem lists first: a failure then shows exactly which talk or field is wrong.
    expect({ missing: result.missing, extra: result.extra, mismatches: result.mismatches }).toEqual({ missing: [], extra: [], mismatches: [] });
    expect(precisionOf(result)).toBe(1);
    expect(recallOf(result)).toBe(1);
    for (const field of FIELDS) expect(fieldAccuracyOf(result, field)).toBe(1);
  });

  it('totals 123 expected talks, all found', () => {
    const total = totalAccuracy(cases.map((c) => measurePostAccuracy(c, reference)));
    expect(total.expected).toBe(123);
    expect(total.matched).toBe(123);
    expect(total.found).toBe(123);
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
    const result = comparePost('p', [talk({ speakers: [{ name: 'Jane Doe', organization: 'Acme' }] })], [talk({ speakers: [{ name: 'Jane Doe', organization: 'Acme Inc' }] })]);
    expect(result.correct).toMatchObject({ speakers: 1, organizations: 0, date: 1, start: 1, end: 1 });
    expect(result.mismatches).toEqual([{ field: 'organizations', title: 'A Talk', expected: ['Acme'], found: ['Acme Inc'] }]);
  });

  it('counts a post without talks as perfect only when nothing is found', () => {
    expect(precisionOf(comparePost('p', [], []))).toBe(1);
    expect(precisionOf(comparePost('p', [], [talk({})]))).toBe(0);
  });
});
