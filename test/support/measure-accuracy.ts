// The accuracy harness: compares what the ingest reads in each corpus post with the talks a person
// listed by reading the post (test/expectations/*.yaml). Used by `npm run accuracy` and test/accuracy.test.ts.
// The posts are read in place: the seed in data/posts, the others in ../shared/corpus (never copied here).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { ReferenceData, Talk } from '../../src/domain/types.ts';
import { foldKey } from '../../src/domain/text.ts';
import { ingestPosts, type PostSource } from '../../src/ingest/ingest-posts.ts';
import { CORPUS, REPO_ROOT } from './corpus.ts';

export const EXPECTATIONS_DIR = path.join(REPO_ROOT, 'test/expectations');
/** Where the posts named by expectation files are looked up, in order: the seed, then the corpus. */
export const POST_DIRS = [path.join(REPO_ROOT, 'data/posts'), CORPUS.talkPosts, CORPUS.otherPosts];

export const FIELDS = ['title', 'url', 'speakers', 'organizations', 'date', 'start', 'end'] as const;
export type Field = (typeof FIELDS)[number];

export interface ExpectedSpeaker {
  name: string;
  organization: string | null;
}

export interface ExpectedTalk {
  title: string;
  url: string | null;
  speakers: ExpectedSpeaker[];
  date: string | null;
  start: string | null;
  end: string | null;
}

export interface AccuracyCase {
  /** Expectation file stem (= post file stem). */
  name: string;
  post: PostSource;
  expected: ExpectedTalk[];
}

/** A talk as compared: the same shape as an expectation. */
export type ReadTalk = ExpectedTalk;

export interface FieldMismatch {
  field: Field;
  title: string;
  expected: unknown;
  found: unknown;
}

export interface PostAccuracy {
  name: string;
  expected: number;
  found: number;
  matched: number;
  /** Matched talks whose field equals the expectation, per field. */
  correct: Record<Field, number>;
  missing: string[];
  extra: string[];
  mismatches: FieldMismatch[];
}

function str(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function readExpectation(file: string): { post: string; talks: ExpectedTalk[] } {
  const doc = YAML.parse(readFileSync(file, 'utf8'), { schema: 'core' }) as { post?: unknown; talks?: unknown };
  if (typeof doc?.post !== 'string' || !Array.isArray(doc.talks)) throw new Error(`${file}: needs "post" and a "talks" list`);
  const talks = (doc.talks as Array<Record<string, unknown>>).map((t) => ({
    title: String(t.title),
    url: str(t.url),
    speakers: ((t.speakers as Array<Record<string, unknown>> | undefined) ?? []).map((s) => ({ name: String(s.name), organization: str(s.organization) })),
    date: str(t.date),
    start: str(t.start),
    end: str(t.end),
  }));
  return { post: doc.post, talks };
}

/**
 * Every expectation file with the text of the post it describes. With `onlyFound`, the cases whose post
 * is nowhere to be read (the corpus is absent) are left out instead of throwing.
 */
export function loadAccuracyCases(options: { onlyFound?: boolean } = {}): AccuracyCase[] {
  const cases: AccuracyCase[] = [];
  for (const f of readdirSync(EXPECTATIONS_DIR).filter((name) => name.endsWith('.yaml')).sort()) {
    const { post, talks } = readExpectation(path.join(EXPECTATIONS_DIR, f));
    const dir = POST_DIRS.find((d) => existsSync(path.join(d, post)));
    if (!dir) {
      if (options.onlyFound) continue;
      throw new Error(`${f}: post ${post} not found in ${POST_DIRS.map((d) => path.relative(REPO_ROOT, d)).join(', ')}`);
    }
    const file = path.join(dir, post);
    cases.push({ name: f.replace(/\.yaml$/, ''), post: { file: path.relative(REPO_ROOT, file), text: readFileSync(file, 'utf8') }, expected: talks });
  }
  return cases;
}

function toReadTalk(talk: Talk): ReadTalk {
  return {
    title: talk.title,
    url: talk.url,
    speakers: talk.appearances.map((a) => ({ name: a.nameAsWritten, organization: a.organizationAsWritten })),
    date: talk.date,
    start: talk.start,
    end: talk.end,
  };
}

/** Ingests one post on its own, as the graph would read it. */
export function readTalksOf(post: PostSource, reference: ReferenceData): ReadTalk[] {
  return ingestPosts([post], reference).talks.map(toReadTalk);
}

function fieldValue(talk: ExpectedTalk, field: Field): unknown {
  switch (field) {
    case 'speakers':
      return talk.speakers.map((s) => s.name);
    case 'organizations':
      return talk.speakers.map((s) => s.organization);
    default:
      return talk[field];
  }
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const urlKey = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/** Pairs found talks with expected ones: by url first, then by folded title. */
export function matchTalks(expected: readonly ExpectedTalk[], found: readonly ReadTalk[]): Array<[ExpectedTalk, ReadTalk]> {
  const pairs: Array<[ExpectedTalk, ReadTalk]> = [];
  const freeExpected = new Set(expected);
  const freeFound = new Set(found);
  const pass = (key: (t: ExpectedTalk) => string | null) => {
    for (const f of [...freeFound]) {
      const k = key(f);
      if (k === null) continue;
      const e = [...freeExpected].find((x) => key(x) === k);
      if (!e) continue;
      pairs.push([e, f]);
      freeExpected.delete(e);
      freeFound.delete(f);
    }
  };
  pass((t) => (t.url ? urlKey(t.url) : null));
  pass((t) => foldKey(t.title) || null);
  return pairs;
}

export function comparePost(name: string, expected: readonly ExpectedTalk[], found: readonly ReadTalk[]): PostAccuracy {
  const pairs = matchTalks(expected, found);
  const correct = Object.fromEntries(FIELDS.map((f) => [f, 0])) as Record<Field, number>;
  const mismatches: FieldMismatch[] = [];
  for (const [e, f] of pairs) {
    for (const field of FIELDS) {
      const want = fieldValue(e, field);
      const got = fieldValue(f, field);
      if (sameValue(want, got)) correct[field]++;
      else mismatches.push({ field, title: e.title, expected: want, found: got });
    }
  }
  const matchedExpected = new Set(pairs.map(([e]) => e));
  const matchedFound = new Set(pairs.map(([, f]) => f));
  return {
    name,
    expected: expected.length,
    found: found.length,
    matched: pairs.length,
    correct,
    missing: expected.filter((e) => !matchedExpected.has(e)).map((e) => e.title),
    extra: found.filter((f) => !matchedFound.has(f)).map((f) => f.title),
    mismatches,
  };
}

export function measurePostAccuracy(testCase: AccuracyCase, reference: ReferenceData): PostAccuracy {
  return comparePost(testCase.name, testCase.expected, readTalksOf(testCase.post, reference));
}

export function totalAccuracy(results: readonly PostAccuracy[]): PostAccuracy {
  const correct = Object.fromEntries(FIELDS.map((f) => [f, results.reduce((n, r) => n + r.correct[f], 0)])) as Record<Field, number>;
  return {
    name: 'TOTAL',
    expected: results.reduce((n, r) => n + r.expected, 0),
    found: results.reduce((n, r) => n + r.found, 0),
    matched: results.reduce((n, r) => n + r.matched, 0),
    correct,
    missing: results.flatMap((r) => r.missing),
    extra: results.flatMap((r) => r.extra),
    mismatches: results.flatMap((r) => r.mismatches),
  };
}

/** Ratios in [0, 1]; an empty denominator counts as perfect (nothing to find, nothing wrongly found). */
export function precisionOf(r: PostAccuracy): number {
  return r.found === 0 ? 1 : r.matched / r.found;
}
export function recallOf(r: PostAccuracy): number {
  return r.expected === 0 ? 1 : r.matched / r.expected;
}
export function fieldAccuracyOf(r: PostAccuracy, field: Field): number {
  return r.matched === 0 ? 1 : r.correct[field] / r.matched;
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** A Markdown table: one row per post and a total row. */
export function formatAccuracyTable(results: readonly PostAccuracy[]): string {
  const header = ['Post', 'Expected', 'Found', 'Precision', 'Recall', ...FIELDS.map((f) => f[0]!.toUpperCase() + f.slice(1))];
  const row = (r: PostAccuracy, bold = false) => {
    const cells = [r.name, String(r.expected), String(r.found), percent(precisionOf(r)), percent(recallOf(r)), ...FIELDS.map((f) => (r.matched === 0 ? '—' : percent(fieldAccuracyOf(r, f))))];
    return bold ? cells.map((c) => `**${c}**`) : cells;
  };
  const rows = [header, header.map((_, i) => (i === 0 ? '---' : '---:')), ...results.map((r) => row(r)), row(totalAccuracy(results), true)];
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
