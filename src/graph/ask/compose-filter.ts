import type { TalkKind, Weekday } from '../../domain/types.ts';
import type { Range, TalkFilter } from '../talk-filter.ts';
import type { Term, TermCategory } from './ask-types.ts';

/** The filter a list of terms stands for and one sentence that says it. */
export interface Composition {
  filter: TalkFilter;
  sentence: string;
}

type Bucket = 'speaker' | 'organization' | 'topic' | 'event' | 'kind' | 'day' | 'date' | 'time' | 'hasSpeakers';
const BUCKET_ORDER: readonly Bucket[] = ['kind', 'speaker', 'organization', 'topic', 'event', 'day', 'date', 'time', 'hasSpeakers'];
const bucketOf = (category: TermCategory): Bucket => (category === 'partOfDay' || category === 'clock' ? 'time' : category);

const PREFIX: Partial<Record<Bucket, [positive: string, negative: string]>> = {
  speaker: ['by ', 'not by '],
  organization: ['with a speaker from ', 'without a speaker from '],
  topic: ['about ', 'not about '],
  event: ['at ', 'not at '],
  day: ['on ', 'not on '],
  kind: ['', 'other than '],
};

const unique = <T>(items: readonly T[]) => [...new Set(items)];
const withNotes = (label: string, notes: readonly string[]) => (notes.length > 0 ? `${label} (${notes.join('; ')})` : label);

/** Labels of a term, notes attached to the last one. */
function labelsOf(term: Term): string[] {
  const labels = [...term.labels];
  if (labels.length > 0) labels[labels.length - 1] = withNotes(labels[labels.length - 1]!, term.notes);
  return labels;
}

/** Intersection of wall-clock or date ranges (latest start, earliest end). */
function intersect(ranges: readonly Range[]): Range {
  const froms = ranges
    .map((r) => r.from)
    .filter((v): v is string => Boolean(v))
    .sort();
  const tos = ranges
    .map((r) => r.to)
    .filter((v): v is string => Boolean(v))
    .sort();
  const out: Range = {};
  if (froms.length > 0) out.from = froms[froms.length - 1];
  if (tos.length > 0) out.to = tos[0];
  return out;
}

function mergeInto(target: TalkFilter, part: TalkFilter): void {
  for (const [key, value] of Object.entries(part) as Array<[keyof TalkFilter, unknown]>) {
    if (key === 'and') target.and = [...(target.and ?? []), ...(value as TalkFilter[])];
    else if (target[key] === undefined) (target as Record<string, unknown>)[key] = value;
    else target.and = [...(target.and ?? []), { [key]: value } as TalkFilter];
  }
}

/**
 * The filter and phrase for terms of one bucket. List values (speakers, kinds, days …) are "any
 * of". Ranges: `groups` are ANDed, the ranges inside a group ORed; `union` puts everything in one group.
 */
function bucketPart(bucket: Bucket, groups: Term[][], negated: boolean): { filter: TalkFilter; phrase: string } {
  const terms = groups.flat();
  const prefix = PREFIX[bucket]?.[negated ? 1 : 0] ?? (negated ? 'not ' : '');
  if (bucket === 'hasSpeakers') {
    const value = terms[terms.length - 1]!.hasSpeakers!;
    const effective = negated ? !value : value;
    return {
      filter: { hasSpeakers: value },
      phrase: withNotes(
        effective ? 'with speakers' : 'without speakers',
        terms.flatMap((t) => t.notes),
      ),
    };
  }
  if (bucket !== 'date' && bucket !== 'time') {
    const values = unique(terms.flatMap((t) => t.values));
    const phrase = prefix + unique(terms.flatMap(labelsOf)).join(' or ');
    const field = bucket as 'speaker' | 'organization' | 'topic' | 'event' | 'kind' | 'day';
    const filter: TalkFilter = field === 'kind' ? { kind: values as TalkKind[] } : field === 'day' ? { day: values as Weekday[] } : { [field]: values };
    return { filter, phrase };
  }
  const field = bucket === 'date' ? 'date' : 'timeOfDay';
  const rangeGroups = groups.map((g) => g.flatMap((t) => t.ranges));
  const phrase = prefix + groups.map((g) => g.flatMap(labelsOf).join(' or ')).join(', ');
  const filter: TalkFilter = {};
  if (rangeGroups.every((g) => g.length === 1)) filter[field] = intersect(rangeGroups.map((g) => g[0]!));
  else for (const g of rangeGroups) mergeInto(filter, g.length === 1 ? { [field]: g[0] } : { or: g.map((r) => ({ [field]: r })) });
  return { filter, phrase };
}

/** Groups positive terms of one bucket: "or" chains stay groups; points join one group; bounds stand alone. */
function groupsOf(chains: Term[][]): Term[][] {
  const pointGroup: Term[] = [];
  const groups: Term[][] = [];
  for (const chain of chains) {
    if (chain.length > 1) groups.push(chain);
    else if (chain[0]!.point) pointGroup.push(chain[0]!);
    else groups.push(chain);
  }
  return pointGroup.length > 0 ? [pointGroup, ...groups] : groups;
}

/** Filter parts and phrases for a set of same-polarity terms, bucket by bucket in a fixed order. */
function partsOf(chainsByBucket: Map<Bucket, Term[][]>, negated: boolean) {
  return BUCKET_ORDER.filter((b) => chainsByBucket.has(b)).map((b) => ({
    bucket: b,
    ...bucketPart(b, negated ? [chainsByBucket.get(b)!.flat()] : groupsOf(chainsByBucket.get(b)!), negated),
  }));
}

function byBucket(chains: Term[][]): Map<Bucket, Term[][]> {
  const map = new Map<Bucket, Term[][]>();
  for (const chain of chains) {
    const bucket = bucketOf(chain[0]!.category);
    map.set(bucket, [...(map.get(bucket) ?? []), chain]);
  }
  return map;
}

/** Turns terms into a TalkFilter and a sentence such as "talks with a speaker from Isovalent, on Friday (2023-04-21)". */
export function composeFilter(terms: readonly Term[], separator = ', '): Composition {
  const positives = terms.filter((t) => !t.negated);
  const negatives = terms.filter((t) => t.negated);

  const parallel = parallelOr(positives);
  if (parallel) return composeParallel(terms, parallel);

  // "or" chains; a chain within one bucket is a union in that bucket, across buckets an `or` filter.
  const chains: Term[][] = [];
  for (const term of positives) {
    if (term.orWithPrevious && chains.length > 0) chains[chains.length - 1]!.push(term);
    else chains.push([term]);
  }
  const single = chains.filter((c) => unique(c.map((t) => bucketOf(t.category))).length === 1);
  const mixed = chains.filter((c) => !single.includes(c));

  const filter: TalkFilter = {};
  const pieces: string[] = [];
  let head = 'talks';
  for (const part of partsOf(byBucket(single), false)) {
    mergeInto(filter, part.filter);
    if (part.bucket === 'kind') head = part.phrase;
    else pieces.push(part.phrase);
  }
  for (const chain of mixed) {
    const alternatives = partsOf(byBucket(chain.map((t) => [t])), false);
    mergeInto(filter, { or: alternatives.map((a) => a.filter) });
    pieces.push(`either ${alternatives.map((a) => (a.bucket === 'kind' ? `${a.phrase}` : a.phrase)).join(' or ')}`);
  }
  if (negatives.length > 0) {
    const parts = partsOf(byBucket(negatives.map((t) => [t])), true);
    filter.not = parts.length === 1 ? parts[0]!.filter : { or: parts.map((p) => p.filter) };
    pieces.push(...parts.map((p) => p.phrase));
  }
  return { filter, sentence: pieces.length > 0 ? `${head} ${pieces.join(separator)}` : head === 'talks' ? 'all talks' : head };
}

/**
 * "Tuesday morning or Friday afternoon": an "or" between two runs of terms with the same categories in
 * the same order pairs them up as whole clauses, (Tuesday ∧ morning) ∨ (Friday ∧ afternoon), instead
 * of joining only the two terms next to it. Returns the two runs, or null.
 */
function parallelOr(positives: readonly Term[]): { left: Term[]; right: Term[] } | null {
  for (let k = 1; k < positives.length; k++) {
    const term = positives[k]!;
    if (!term.orWithPrevious || term.category === positives[k - 1]!.category) continue;
    let end = k + 1;
    while (end < positives.length && !positives[end]!.orWithPrevious) end++;
    for (let m = Math.min(k, end - k); m >= 2; m--) {
      const left = positives.slice(k - m, k);
      const right = positives.slice(k, k + m);
      if (left.every((t, i) => t.category === right[i]!.category && (i === 0 || !t.orWithPrevious))) return { left, right };
    }
  }
  return null;
}

function composeParallel(terms: readonly Term[], { left, right }: { left: Term[]; right: Term[] }): Composition {
  const rest = terms.filter((t) => !left.includes(t) && !right.includes(t));
  const base = composeFilter(rest);
  const sides = [left, right].map((side) =>
    composeFilter(
      side.map((t, i) => (i === 0 ? { ...t, orWithPrevious: false } : t)),
      ' ',
    ),
  );
  const filter: TalkFilter = { ...base.filter };
  mergeInto(filter, { or: sides.map((s) => s.filter) });
  const either = `either ${sides.map((s) => s.sentence.replace(/^talks /, '')).join(', or ')}`;
  const sentence = base.sentence === 'all talks' ? `talks ${either}` : `${base.sentence}, ${either}`;
  return { filter, sentence };
}
