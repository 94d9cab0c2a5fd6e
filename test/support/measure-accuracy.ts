// The accuracy harness: compares what the ingest reads in each corpus post with the talks a person
// listed by reading the post (test/expectations/*.yaml). Used by `npm run accuracy` and test/accuracy.test.ts.
import type { Event, ReferenceData, Talk } from '../../src/domain/types.ts';
import { foldKey } from '../../src/domain/text.ts';
import { ingestPosts } from '../../src/ingest/ingest-pipeline.ts';
import type { PostSource } from '../../src/ingest/read-post-file.ts';
import type { AccuracyCase, ExpectedTalk } from './accuracy-cases.ts';

export { CORPORA, EXPECTATIONS_DIR, ROOT_DIR, describeSkipped, loadAccuracyCases, loadAccuracySuite } from './accuracy-cases.ts';
export type { AccuracyCase, AccuracySuite, ExpectedSpeaker, ExpectedTalk, SkippedCorpus } from './accuracy-cases.ts';

/** Fields every expectation gives. */
export const FIELDS = ['title', 'url', 'speakers', 'organizations', 'date', 'start', 'end'] as const;
/** Fields scored only for the talks whose expectation gives them. */
export const OPTIONAL_FIELDS = ['event', 'timezone'] as const;
export const ALL_FIELDS = [...FIELDS, ...OPTIONAL_FIELDS] as const;
export type Field = (typeof ALL_FIELDS)[number];

/** A talk as read by the ingest, in the shape of an expectation. */
export interface ReadTalk extends Omit<ExpectedTalk, 'event' | 'timezone'> {
  /** The event's name, or null. */
  event?: string | null;
  /** Folded names that count as the event: its name, and each alias followed by its year. */
  eventKeys?: string[];
  timezone?: string | null;
}

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
  /** Matched talks whose field is scored: all of them, or for optional fields those that give it. */
  scored: Record<Field, number>;
  missing: string[];
  extra: string[];
  mismatches: FieldMismatch[];
}

const zeroes = () => Object.fromEntries(ALL_FIELDS.map((f) => [f, 0])) as Record<Field, number>;

function eventKeysOf(event: Event): string[] {
  const year = event.startDate?.slice(0, 4) ?? /\b(\d{4})\b/.exec(event.name)?.[1] ?? null;
  const names = [event.name, ...(year ? event.aliases.map((a) => `${a} ${year}`) : [])];
  return [...new Set(names.map((n) => foldKey(n)))];
}

function toReadTalk(talk: Talk, events: ReadonlyMap<string, Event>): ReadTalk {
  const event = talk.eventId ? (events.get(talk.eventId) ?? null) : null;
  return {
    title: talk.title,
    url: talk.url,
    speakers: talk.appearances.map((a) => ({ name: a.nameAsWritten, organization: a.organizationAsWritten })),
    date: talk.date,
    start: talk.start,
    end: talk.end,
    event: event?.name ?? null,
    eventKeys: event ? eventKeysOf(event) : [],
    timezone: talk.timezone,
  };
}

/** Ingests one post on its own, as the graph would read it. */
export function readTalksOf(post: PostSource, reference: ReferenceData): ReadTalk[] {
  const graph = ingestPosts([post], reference);
  const events = new Map(graph.events.map((e) => [e.id, e]));
  return graph.talks.map((t) => toReadTalk(t, events));
}

function fieldValue(talk: ExpectedTalk | ReadTalk, field: Field): unknown {
  switch (field) {
    case 'speakers':
      return talk.speakers.map((s) => s.name);
    case 'organizations':
      return talk.speakers.map((s) => s.organization);
    case 'event':
    case 'timezone':
      return talk[field] ?? null;
    default:
      return talk[field];
  }
}

/** Whether a field of a matched pair is scored, and whether it is right. */
function scoreField(e: ExpectedTalk, f: ReadTalk, field: Field): { scored: boolean; right: boolean } {
  if (field === 'event') {
    if (e.event === undefined) return { scored: false, right: false };
    return { scored: true, right: (f.eventKeys ?? (f.event ? [foldKey(f.event)] : [])).includes(foldKey(e.event)) };
  }
  if (field === 'timezone' && e.timezone === undefined) return { scored: false, right: false };
  return { scored: true, right: sameValue(fieldValue(e, field), fieldValue(f, field)) };
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const urlKey = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/** Pairs found talks with expected ones: by url first, then by folded title. */
export function matchTalks(expected: readonly ExpectedTalk[], found: readonly ReadTalk[]): Array<[ExpectedTalk, ReadTalk]> {
  const pairs: Array<[ExpectedTalk, ReadTalk]> = [];
  const freeExpected = new Set(expected);
  const freeFound = new Set(found);
  const pass = (key: (t: ExpectedTalk | ReadTalk) => string | null) => {
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
  const correct = zeroes();
  const scored = zeroes();
  const mismatches: FieldMismatch[] = [];
  for (const [e, f] of pairs) {
    for (const field of ALL_FIELDS) {
      const { scored: counts, right } = scoreField(e, f, field);
      if (!counts) continue;
      scored[field]++;
      if (right) correct[field]++;
      else mismatches.push({ field, title: e.title, expected: fieldValue(e, field), found: fieldValue(f, field) });
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
    scored,
    missing: expected.filter((e) => !matchedExpected.has(e)).map((e) => e.title),
    extra: found.filter((f) => !matchedFound.has(f)).map((f) => f.title),
    mismatches,
  };
}

export function measurePostAccuracy(testCase: AccuracyCase, reference: ReferenceData): PostAccuracy {
  return comparePost(testCase.name, testCase.expected, readTalksOf(testCase.post, reference));
}

export function totalAccuracy(results: readonly PostAccuracy[], name = 'TOTAL'): PostAccuracy {
  const sum = (pick: (r: PostAccuracy) => Record<Field, number>) =>
    Object.fromEntries(ALL_FIELDS.map((f) => [f, results.reduce((n, r) => n + pick(r)[f], 0)])) as Record<Field, number>;
  const correct = sum((r) => r.correct);
  const scored = sum((r) => r.scored);
  return {
    name,
    expected: results.reduce((n, r) => n + r.expected, 0),
    found: results.reduce((n, r) => n + r.found, 0),
    matched: results.reduce((n, r) => n + r.matched, 0),
    correct,
    scored,
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
  return r.scored[field] === 0 ? 1 : r.correct[field] / r.scored[field];
}
/** Talks found that match no expected talk. */
export function spuriousOf(r: PostAccuracy): number {
  return r.found - r.matched;
}

export const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** A Markdown table: one row per post and a total row (the fields every expectation gives). */
export function formatAccuracyTable(results: readonly PostAccuracy[]): string {
  const header = ['Post', 'Expected', 'Found', 'Precision', 'Recall', ...FIELDS.map((f) => f[0]!.toUpperCase() + f.slice(1))];
  const row = (r: PostAccuracy, bold = false) => {
    const cells = [
      r.name,
      String(r.expected),
      String(r.found),
      percent(precisionOf(r)),
      percent(recallOf(r)),
      ...FIELDS.map((f) => (r.scored[f] === 0 ? '—' : percent(fieldAccuracyOf(r, f)))),
    ];
    return bold ? cells.map((c) => `**${c}**`) : cells;
  };
  const rows = [header, header.map((_, i) => (i === 0 ? '---' : '---:')), ...results.map((r) => row(r)), row(totalAccuracy(results), true)];
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
