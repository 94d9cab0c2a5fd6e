import { GraphQLError } from 'graphql';
import type { Talk } from '../domain/types.ts';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import { FilterError, type TalkFilter } from '../graph/talk-filter.ts';
import { builder } from './builder.ts';
import type { GraphContext, RelationName } from './context.ts';
import { TalkFacetsRef } from './facets.ts';
import { paginate, paginateList, type PageArgs } from './paginate.ts';
import { compileTalkFilter, evaluatePlan, positionsOfTalks } from '../graph/talk-query.ts';
import { indexOfPosition, type Positions } from '../graph/talk-postings.ts';
import { TalkRef } from './refs.ts';
import { primeTalksOf, talksOf } from './talks-of.ts';
import { DateTimeScalar, LocalDateScalar, LocalTimeScalar, TalkKindEnum, WeekdayEnum } from './scalars.ts';

const DateRangeInput = builder.inputType('DateRange', {
  description: 'Calendar dates, both ends inclusive; leave an end out to keep it open.',
  fields: (t) => ({
    from: t.field({ type: LocalDateScalar, required: false, description: 'First date (YYYY-MM-DD), inclusive.' }),
    to: t.field({ type: LocalDateScalar, required: false, description: 'Last date (YYYY-MM-DD), inclusive.' }),
  }),
});

const InstantRangeInput = builder.inputType('InstantRange', {
  description: 'Instants, both ends inclusive; leave an end out to keep it open.',
  fields: (t) => ({
    from: t.field({ type: DateTimeScalar, required: false, description: 'Earliest start (ISO 8601 with offset), inclusive.' }),
    to: t.field({ type: DateTimeScalar, required: false, description: 'Latest start (ISO 8601 with offset), inclusive.' }),
  }),
});

const TimeRangeInput = builder.inputType('TimeOfDayRange', {
  description: "Local wall-clock window of a talk's start: from inclusive, to exclusive.",
  fields: (t) => ({
    from: t.field({ type: LocalTimeScalar, required: false, description: 'Starts at or after this time (HH:MM).' }),
    to: t.field({ type: LocalTimeScalar, required: false, description: 'Starts before this time (HH:MM).' }),
  }),
});

export const TalkFilterInput = builder.inputRef<TalkFilter>('TalkFilter').implement({
  description:
    'Which talks to keep. Fields combine with AND; use `and`, `or` and `not` to nest. Organization, speaker, topic and event values match by slug, name or alias (case and accents ignored).',
  fields: (t) => ({
    and: t.field({ type: [TalkFilterInput], required: false, description: 'Every one of these filters must match.' }),
    or: t.field({ type: [TalkFilterInput], required: false, description: 'At least one of these filters must match.' }),
    not: t.field({ type: TalkFilterInput, required: false, description: 'This filter must not match.' }),
    day: t.field({ type: [WeekdayEnum], required: false, description: 'Local weekday of the talk; several days mean any of them.' }),
    date: t.field({ type: DateRangeInput, required: false, description: 'Local calendar date range.' }),
    startsAt: t.field({ type: InstantRangeInput, required: false, description: 'Start instant range.' }),
    timeOfDay: t.field({ type: TimeRangeInput, required: false, description: 'Local start-time window, e.g. { from: "09:00", to: "12:00" } for mornings.' }),
    organization: t.stringList({ required: false, description: "A speaker's organization (any of these)." }),
    speaker: t.stringList({ required: false, description: 'A speaker (any of these).' }),
    topic: t.stringList({ required: false, description: 'A topic (any of these); includes subtopics unless includeSubtopics is false.' }),
    includeSubtopics: t.boolean({ required: false, description: 'Whether a topic also matches its subtopics (Tetragon talks for eBPF). Default true.' }),
    event: t.stringList({ required: false, description: 'An event (any of these), including its co-located events.' }),
    kind: t.field({ type: [TalkKindEnum], required: false, description: 'Kind of session (any of these).' }),
    hasSpeakers: t.boolean({ required: false, description: 'true: only talks with speakers; false: only talks without (meetings).' }),
    text: t.string({
      required: false,
      description: 'Full-text search over title, speakers, organizations, topics and abstract (prefix and typo tolerant, accents ignored).',
    }),
  }),
});

export const TalkOrderEnum = builder.enumType('TalkOrder', {
  description: 'Order of a talk list. Ties are broken by schedule order, then id, so pages are stable.',
  values: {
    START_TIME: { value: 'START_TIME', description: 'By start instant (talks without a time last).' },
    TITLE: { value: 'TITLE', description: 'By title, alphabetically.' },
    RELEVANCE: { value: 'RELEVANCE', description: 'By full-text relevance to filter.text (falls back to START_TIME without text).' },
  } as const,
});

/** The data behind one page of a talk connection: the whole filtered set plus the page. */
export interface TalkConnectionShape {
  totalCount: number;
  matched: readonly Talk[];
}

export const TalkConnectionRef = builder.connectionObject({
  type: TalkRef,
  name: 'TalkConnection',
  description: 'A page of talks, with the size of the whole filtered list.',
  fields: (t) => ({
    totalCount: t.int({ description: 'Number of talks that match, across all pages.', resolve: (c) => (c as unknown as TalkConnectionShape).totalCount }),
    facets: t.field({
      type: TalkFacetsRef,
      description: 'Counts over all matching talks (every page), for dashboards.',
      resolve: (c) => (c as unknown as TalkConnectionShape).matched,
    }),
  }),
});

/** The client-facing error for a filter value the graph cannot use: a stable code, the field and the accepted values. */
export function filterErrorToGraphQL(error: FilterError): GraphQLError {
  const code = error.code === 'UNKNOWN_VALUE' ? 'UNKNOWN_FILTER_VALUE' : error.code === 'FILTER_TOO_DEEP' ? 'FILTER_TOO_DEEP' : 'BAD_USER_INPUT';
  return new GraphQLError(error.message, { extensions: { code, field: error.field, accepted: error.accepted } });
}

export function toGraphQLError(error: unknown): unknown {
  return error instanceof FilterError ? filterErrorToGraphQL(error) : error;
}

export interface TalkListArgs extends PageArgs {
  filter?: TalkFilter | null;
  orderBy?: 'START_TIME' | 'TITLE' | 'RELEVANCE' | null;
  strict?: boolean | null;
}

/**
 * Filters, orders and pages talks: the single path every talk connection goes through. `candidates`
 * limits the talks to a relation's (a speaker's, an event's …); null means every talk. The selection
 * stays a list of schedule positions, so in schedule order only the page is turned into talks (and
 * the whole list only if facets ask for it).
 */
export function resolveTalkConnection(graph: KnowledgeGraph, candidates: readonly Talk[] | null, args: TalkListArgs) {
  let selected: Positions;
  try {
    const plan = compileTalkFilter(graph, args.filter, { strict: args.strict ?? false });
    selected = evaluatePlan(graph, plan, candidates ? positionsOfTalks(graph, candidates) : null);
  } catch (error) {
    throw toGraphQLError(error);
  }
  const ordered = orderTalks(graph, selected, args);
  if (ordered) {
    const shape: TalkConnectionShape = { totalCount: ordered.length, matched: ordered };
    return { ...paginate(ordered, args, (t) => t.id), ...shape };
  }
  const page = paginateList<Talk>(
    {
      length: selected.length,
      indexOfKey: (id) => {
        const position = graph.positionOf(id);
        return position === undefined ? -1 : indexOfPosition(selected, position);
      },
      slice: (start, end) => Array.from(selected.subarray(start, Math.max(start, end)), (position) => graph.talkAt(position)!),
    },
    args,
    (t) => t.id,
  );
  let matched: readonly Talk[] | null = null;
  return {
    ...page,
    totalCount: selected.length,
    get matched(): readonly Talk[] {
      return (matched ??= Array.from(selected, (position) => graph.talkAt(position)!));
    },
  };
}

/** The talks in the order asked for, or null when that is schedule order (the positions' own). */
function orderTalks(graph: KnowledgeGraph, selected: Positions, args: TalkListArgs): Talk[] | null {
  const byTitle = args.orderBy === 'TITLE';
  const byRelevance = args.orderBy === 'RELEVANCE' && Boolean(args.filter?.text);
  if (!byTitle && !byRelevance) return null;
  const talks = Array.from(selected, (position) => graph.talkAt(position)!);
  const rank = (t: Talk) => graph.scheduleRank(t.id);
  if (byTitle) return talks.sort((a, b) => a.title.localeCompare(b.title, 'en') || rank(a) - rank(b));
  const scores = new Map(graph.searchTalks(args.filter!.text!).map((h) => [h.id, h.score]));
  return talks.sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || rank(a) - rank(b));
}

// biome-ignore lint/suspicious/noExplicitAny: a field builder of any parent type
type AnyFieldBuilder = PothosSchemaTypes.FieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<any>, any, 'Object'>;

/** The talks a connection starts from: the lists of a relation for the owners of its parent (a speaker, an event's scope …). */
export interface TalkRelation<Parent> {
  name: RelationName;
  owners: (parent: Parent, ctx: GraphContext) => readonly string[];
}

/**
 * Builds a talk connection field: filter, orderBy and strict arguments plus Relay paging. `from` is a
 * relation (the lists of every parent of a level are then loaded in one batch, primeTalksOf, and each
 * parent's connection resolved synchronously), a function giving the candidate talks, or null for every talk.
 */
export function talkConnectionField<Parent>(
  // biome-ignore lint/suspicious/noExplicitAny: the field builder of any parent type (narrowed to AnyFieldBuilder below)
  t: any,
  description: string,
  from: TalkRelation<Parent> | ((parent: Parent, ctx: GraphContext) => readonly Talk[]) | null,
) {
  const relation = from && typeof from === 'object' ? from : null;
  const candidates = (parent: Parent, ctx: GraphContext): readonly Talk[] | null =>
    relation ? talksOf(ctx, relation.name, relation.owners(parent, ctx)) : typeof from === 'function' ? from(parent, ctx) : null;
  const f = t as AnyFieldBuilder;
  return f.connection(
    {
      type: TalkRef,
      description,
      args: {
        filter: f.arg({ type: TalkFilterInput, required: false, description: 'Which talks to include.' }),
        orderBy: f.arg({ type: TalkOrderEnum, required: false, defaultValue: 'START_TIME', description: 'Order of the list. Default: start time.' }),
        strict: f.arg.boolean({
          required: false,
          defaultValue: false,
          description: 'Reject unknown organization/speaker/topic/event values with an error instead of matching nothing.',
        }),
      },
      extensions: relation ? primeTalksOf(relation.name, relation.owners) : undefined,
      resolve: (parent: Parent, args: unknown, ctx: GraphContext) => resolveTalkConnection(ctx.graph, candidates(parent, ctx), args as TalkListArgs),
    },
    TalkConnectionRef,
  );
}
