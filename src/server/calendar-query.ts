import { TALK_KINDS, WEEKDAYS, type TalkKind, type Weekday } from '../domain/types.ts';
import { FilterError, type TalkFilter } from '../graph/talk-filter.ts';

/** Query parameters `/calendar.ics` understands; anything else is refused so a typo cannot widen the export. */
export const CALENDAR_PARAMS = [
  'organization',
  'speaker',
  'topic',
  'event',
  'kind',
  'day',
  'date',
  'from',
  'to',
  'text',
  'includeSubtopics',
  'hasSpeakers',
] as const;

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

/** Every value of a repeatable parameter, also split on commas: `?day=TUESDAY,FRIDAY&day=WEDNESDAY`. */
function listOf(params: URLSearchParams, name: string): string[] | null {
  const values = params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return values.length > 0 ? values : null;
}

function enumListOf<T extends string>(params: URLSearchParams, name: string, accepted: readonly T[]): T[] | null {
  const values = listOf(params, name);
  if (!values) return null;
  return values.map((raw) => {
    const value = raw.toUpperCase().replace(/[\s-]+/g, '_');
    if (!(accepted as readonly string[]).includes(value)) throw new FilterError('UNKNOWN_VALUE', `Unknown ${name} "${raw}".`, name, accepted);
    return value as T;
  });
}

function booleanOf(params: URLSearchParams, name: string): boolean | null {
  const raw = params.get(name);
  if (raw === null) return null;
  const value = BOOLEANS[raw.trim().toLowerCase()];
  if (value === undefined) throw new FilterError('UNKNOWN_VALUE', `${name}="${raw}" is not a boolean.`, name, ['true', 'false']);
  return value;
}

/**
 * Builds the TalkFilter that `/calendar.ics?…` asks for. Parameters mirror the GraphQL TalkFilter:
 * `organization`, `speaker`, `topic`, `event` (slug, name or alias), `kind`, `day` — each repeatable
 * or comma-separated, any of them matches; `date` (one or several days, YYYY-MM-DD) or a `from`/`to`
 * date range; `text`; `includeSubtopics`; `hasSpeakers`. Throws FilterError on a value it cannot use;
 * names are checked later by the graph (strict mode).
 */
export function talkFilterFromQuery(params: URLSearchParams): TalkFilter {
  for (const name of new Set(params.keys())) {
    if (!(CALENDAR_PARAMS as readonly string[]).includes(name))
      throw new FilterError('UNKNOWN_VALUE', `Unknown query parameter "${name}".`, name, CALENDAR_PARAMS);
  }
  const filter: TalkFilter = {};
  for (const name of ['organization', 'speaker', 'topic', 'event'] as const) {
    const values = listOf(params, name);
    if (values) filter[name] = values;
  }
  const day = enumListOf<Weekday>(params, 'day', WEEKDAYS);
  if (day) filter.day = day;
  const kind = enumListOf<TalkKind>(params, 'kind', TALK_KINDS);
  if (kind) filter.kind = kind;

  const dates = listOf(params, 'date');
  const from = params.get('from')?.trim() || null;
  const to = params.get('to')?.trim() || null;
  if (dates && (from || to))
    throw new FilterError('INVALID_RANGE', 'Give either date or from/to, not both.', 'date', [
      'date=YYYY-MM-DD[,YYYY-MM-DD…]',
      'from=YYYY-MM-DD&to=YYYY-MM-DD',
    ]);
  if (dates && dates.length === 1) filter.date = { from: dates[0], to: dates[0] };
  else if (dates) filter.or = dates.map((d) => ({ date: { from: d, to: d } }));
  else if (from || to) filter.date = { from, to };

  const text = params.getAll('text').join(' ').trim();
  if (text) filter.text = text;
  const includeSubtopics = booleanOf(params, 'includeSubtopics');
  if (includeSubtopics !== null) filter.includeSubtopics = includeSubtopics;
  const hasSpeakers = booleanOf(params, 'hasSpeakers');
  if (hasSpeakers !== null) filter.hasSpeakers = hasSpeakers;
  return filter;
}
