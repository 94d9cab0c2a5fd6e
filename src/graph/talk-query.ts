import type { Talk, Weekday } from '../domain/types.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import { FilterError, type Range, type SelectOptions, type TalkFilter } from './talk-filter.ts';
import { differencePositions, indexOfPosition, intersectPositions, type Positions, unionPositions } from './talk-postings.ts';

/**
 * The one place that gives a talk filter its meaning. A filter is compiled once into a plan: the
 * positions (in schedule order) that the inverted lists allow, plus a remaining predicate for what
 * the lists cannot answer (date, instant and time ranges, and whatever `or`/`not` wrap around them).
 * Every caller, over all talks or over a subset, evaluates the same plan.
 */
export interface TalkQueryPlan {
  /** Positions the talks must be at; null when the indexed fields say nothing (every talk). */
  readonly positions: Positions | null;
  /** What a talk at an allowed position must still pass; null when the positions are the answer. */
  readonly residual: ((talk: Talk) => boolean) | null;
}

const MAX_FILTER_DEPTH = 8;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;
const EVERYTHING: TalkQueryPlan = { positions: null, residual: null };

/** Counts of how plans were evaluated, so tests can tell the index-only path from the predicate path. */
export const talkQueryStats = { indexOnly: 0, withResidual: 0 };

/** Validates `filter` (throwing FilterError) and compiles it into index look-ups plus a remaining predicate. */
export function compileTalkFilter(graph: KnowledgeGraph, filter: TalkFilter | null | undefined, options: SelectOptions = {}): TalkQueryPlan {
  return filter ? compileNode(graph, filter, options, 0) : EVERYTHING;
}

/**
 * Positions (ascending, so in schedule order) of the talks that pass the plan, among `within` when
 * given (ascending positions) or else among all talks.
 */
export function evaluatePlan(graph: KnowledgeGraph, plan: TalkQueryPlan, within: Positions | null = null): Positions {
  let positions = plan.positions;
  if (within) positions = positions ? intersectPositions(positions, within) : within;
  positions ??= graph.allTalkPositions();
  if (!plan.residual) {
    talkQueryStats.indexOnly++;
    return positions;
  }
  talkQueryStats.withResidual++;
  const kept = new Int32Array(positions.length);
  let n = 0;
  for (const position of positions) if (plan.residual(graph.talkAt(position)!)) kept[n++] = position;
  return kept.subarray(0, n);
}

/** Ascending positions of the given talks (talks not in the graph are left out, repeats dropped). */
export function positionsOfTalks(graph: KnowledgeGraph, talks: readonly Talk[]): Positions {
  const positions = new Int32Array(talks.length);
  let n = 0;
  for (const talk of talks) {
    const position = graph.positionOf(talk.id);
    if (position !== undefined) positions[n++] = position;
  }
  const sorted = positions.subarray(0, n).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return sorted.subarray(0, unique);
}

/** Talks that pass `filter`, among `candidates` when given, in schedule order. */
export function selectTalks(graph: KnowledgeGraph, filter: TalkFilter | null | undefined, options: SelectOptions = {}, candidates?: readonly Talk[]): Talk[] {
  const plan = compileTalkFilter(graph, filter, options);
  const positions = evaluatePlan(graph, plan, candidates ? positionsOfTalks(graph, candidates) : null);
  return Array.from(positions, (position) => graph.talkAt(position)!);
}

function compileNode(graph: KnowledgeGraph, filter: TalkFilter, options: SelectOptions, depth: number): TalkQueryPlan {
  if (depth > MAX_FILTER_DEPTH) throw new FilterError('FILTER_TOO_DEEP', `Filters nest at most ${MAX_FILTER_DEPTH} levels deep.`, 'and/or/not');
  const plans: TalkQueryPlan[] = [...indexedPlans(graph, filter, options), ...rangePlans(filter)];
  if (filter.and) plans.push(...filter.and.map((part) => compileNode(graph, part, options, depth + 1)));
  if (filter.or)
    plans.push(
      anyOf(
        graph,
        filter.or.map((part) => compileNode(graph, part, options, depth + 1)),
      ),
    );
  if (filter.not) plans.push(noneOf(graph, compileNode(graph, filter.not, options, depth + 1)));
  return allOf(plans);
}

/** Plans of the fields the inverted lists answer. An empty day or kind list constrains nothing; an empty or unknown name list matches nothing. */
function indexedPlans(graph: KnowledgeGraph, filter: TalkFilter, options: SelectOptions): TalkQueryPlan[] {
  const plans: TalkQueryPlan[] = [];
  const lookUp = (positions: Positions) => plans.push({ positions, residual: null });
  const ids = (kind: 'speaker' | 'organization' | 'topic' | 'event', values: readonly string[]) => resolveValues(graph, kind, values, options);
  if (filter.day && filter.day.length > 0) lookUp(graph.talkPostings('day').any(filter.day as Weekday[]));
  if (filter.organization) lookUp(graph.talkPostings('organization').any(ids('organization', filter.organization)));
  if (filter.speaker) lookUp(graph.talkPostings('speaker').any(ids('speaker', filter.speaker)));
  if (filter.topic) {
    const exact = filter.includeSubtopics === false;
    lookUp(graph.talkPostings('topic').any(new Set(ids('topic', filter.topic).flatMap((id) => [...graph.topicScope(id, exact)]))));
  }
  if (filter.event) lookUp(graph.talkPostings('event').any(new Set(ids('event', filter.event).flatMap((id) => [...graph.eventScope(id)]))));
  if (filter.kind && filter.kind.length > 0) lookUp(graph.talkPostings('kind').any(filter.kind));
  if (filter.hasSpeakers !== undefined && filter.hasSpeakers !== null) lookUp(graph.talkPostings('hasSpeakers').get(filter.hasSpeakers ? 'yes' : 'no'));
  if (filter.text?.trim()) {
    const hits = graph.searchTalks(filter.text).map((hit) => graph.positionOf(hit.id) ?? -1);
    lookUp(unionPositions([Int32Array.from(hits.filter((p) => p >= 0)).sort()]));
  }
  return plans;
}

/** Plans of the range fields, which only a predicate answers. */
function rangePlans(filter: TalkFilter): TalkQueryPlan[] {
  const checks: Array<(talk: Talk) => boolean> = [];
  if (filter.date) {
    const { from, to } = validateRange(filter.date, 'date', (v) => DATE_RE.test(v) && !Number.isNaN(Date.parse(v)), 'INVALID_DATE', 'YYYY-MM-DD');
    checks.push((t) => t.date !== null && (!from || t.date >= from) && (!to || t.date <= to));
  }
  if (filter.startsAt) {
    const { from, to } = validateRange(
      filter.startsAt,
      'startsAt',
      (v) => !Number.isNaN(Date.parse(v)),
      'INVALID_DATE',
      'an ISO 8601 date-time such as 2023-04-21T11:00:00+02:00',
    );
    const fromMs = from ? Date.parse(from) : null;
    const toMs = to ? Date.parse(to) : null;
    checks.push((t) => {
      if (!t.startsAt) return false;
      const ms = Date.parse(t.startsAt);
      return (fromMs === null || ms >= fromMs) && (toMs === null || ms <= toMs);
    });
  }
  if (filter.timeOfDay) {
    const { from, to } = validateRange(filter.timeOfDay, 'timeOfDay', (v) => TIME_RE.test(v), 'INVALID_TIME', 'HH:MM (24h)');
    checks.push((t) => t.start !== null && (!from || t.start >= from) && (!to || t.start < to));
  }
  return checks.map((residual) => ({ positions: null, residual }));
}

/** Every plan must pass: positions intersect, predicates conjoin. */
function allOf(plans: readonly TalkQueryPlan[]): TalkQueryPlan {
  let positions: Positions | null = null;
  const residuals: Array<(talk: Talk) => boolean> = [];
  for (const plan of plans) {
    if (plan.positions) positions = positions ? intersectPositions(positions, plan.positions) : plan.positions;
    if (plan.residual) residuals.push(plan.residual);
  }
  return { positions, residual: conjoin(residuals) };
}

/** At least one plan must pass. Exact plans union their positions; otherwise the union is a bound and each talk is checked against the parts. */
function anyOf(graph: KnowledgeGraph, plans: readonly TalkQueryPlan[]): TalkQueryPlan {
  const bound = plans.some((plan) => plan.positions === null) ? null : unionPositions(plans.map((plan) => plan.positions!));
  if (plans.every((plan) => plan.residual === null)) return { positions: bound, residual: null };
  const matchers = plans.map((plan) => matcherOf(graph, plan));
  return { positions: bound, residual: (talk) => matchers.some((matches) => matches(talk)) };
}

/** The plan must not pass. */
function noneOf(graph: KnowledgeGraph, plan: TalkQueryPlan): TalkQueryPlan {
  if (plan.residual === null)
    return { positions: plan.positions ? differencePositions(graph.allTalkPositions(), plan.positions) : new Int32Array(0), residual: null };
  const matches = matcherOf(graph, plan);
  return { positions: null, residual: (talk) => !matches(talk) };
}

/** A predicate equivalent to the whole plan, for use inside `or` and `not`. */
function matcherOf(graph: KnowledgeGraph, plan: TalkQueryPlan): (talk: Talk) => boolean {
  const { positions, residual } = plan;
  const allowed = positions === null ? null : (talk: Talk) => indexOfPosition(positions, graph.positionOf(talk.id) ?? -1) >= 0;
  if (!allowed) return residual ?? (() => true);
  return residual ? (talk) => allowed(talk) && residual(talk) : allowed;
}

function conjoin(checks: ReadonlyArray<(talk: Talk) => boolean>): ((talk: Talk) => boolean) | null {
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0]!;
  return (talk) => checks.every((check) => check(talk));
}

function resolveValues(
  graph: KnowledgeGraph,
  kind: 'speaker' | 'organization' | 'topic' | 'event',
  values: readonly string[],
  options: SelectOptions,
): string[] {
  const ids: string[] = [];
  for (const value of values) {
    const id = graph.resolveName(kind, value);
    if (id) ids.push(id);
    else if (options.strict) throw new FilterError('UNKNOWN_VALUE', `Unknown ${kind} "${value}" in filter.${kind}.`, kind, graph.acceptedNames(kind));
  }
  return ids;
}

function validateRange(
  range: Range,
  field: string,
  valid: (value: string) => boolean,
  code: 'INVALID_DATE' | 'INVALID_TIME',
  shape: string,
): { from: string | null; to: string | null } {
  const from = range.from ?? null;
  const to = range.to ?? null;
  for (const [end, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== null && !valid(value)) throw new FilterError(code, `filter.${field}.${end} "${value}" is not ${shape}.`, `${field}.${end}`, [shape]);
  }
  return { from, to };
}
