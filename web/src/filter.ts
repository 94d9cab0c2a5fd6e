import type { TalkFilter, TalkKind, Weekday } from './gql/graphql.ts';

/**
 * The dashboard's filter lives in the URL with the parameter names `/calendar.ics` understands,
 * so the same query string selects the same talks in both: organization, speaker, topic, event,
 * kind, day (each repeatable), date (YYYY-MM-DD) and text.
 */
export const FILTER_PARAMS = ['organization', 'speaker', 'topic', 'event', 'kind', 'day', 'date', 'text'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** One removable piece of a filter. */
export interface Chip {
  param: FilterParam;
  value: string;
}

export function chipsOf(params: URLSearchParams): Chip[] {
  const chips: Chip[] = [];
  for (const param of FILTER_PARAMS) {
    for (const value of params.getAll(param)) if (value.trim()) chips.push({ param, value });
  }
  return chips;
}

/** Only the filter parameters of a URL's query, in a stable order (for links and the calendar). */
export function filterQuery(chips: readonly Chip[]): string {
  const params = new URLSearchParams();
  for (const chip of chips) params.append(chip.param, chip.value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function withoutChip(chips: readonly Chip[], drop: Chip): Chip[] {
  return chips.filter((c) => !(c.param === drop.param && c.value === drop.value));
}

export function withChip(chips: readonly Chip[], add: Chip): Chip[] {
  const rest = add.param === 'text' || add.param === 'date' ? chips.filter((c) => c.param !== add.param) : chips;
  return rest.some((c) => c.param === add.param && c.value === add.value) ? [...rest] : [...rest, add];
}

/** The GraphQL TalkFilter the chips mean: values of one parameter are alternatives, parameters combine. */
export function talkFilterOf(chips: readonly Chip[]): TalkFilter | null {
  const filter: TalkFilter = {};
  const all = (param: FilterParam) => chips.filter((c) => c.param === param).map((c) => c.value);
  for (const param of ['organization', 'speaker', 'topic', 'event'] as const) {
    const values = all(param);
    if (values.length) filter[param] = values;
  }
  const days = all('day');
  if (days.length) filter.day = days.map((d) => d.toUpperCase()) as Weekday[];
  const kinds = all('kind');
  if (kinds.length) filter.kind = kinds.map((k) => k.toUpperCase()) as TalkKind[];
  const date = all('date')[0];
  if (date) filter.date = { from: date, to: date };
  const text = all('text').join(' ').trim();
  if (text) filter.text = text;
  return Object.keys(filter).length ? filter : null;
}

const LABELS: Record<FilterParam, string> = {
  organization: 'organization',
  speaker: 'speaker',
  topic: 'topic',
  event: 'event',
  kind: 'kind',
  day: 'day',
  date: 'date',
  text: 'text',
};

export function chipLabel(chip: Chip): string {
  return `${LABELS[chip.param]}: ${chip.value}`;
}

/**
 * Chips for an `ask` answer's filter (JSON): the top-level fields a URL can carry become chips;
 * what cannot (time of day, not/or, date ranges) is returned as `rest` to keep as it is.
 */
export function chipsOfAnswer(filter: unknown): { chips: Chip[]; rest: Record<string, unknown> } {
  const chips: Chip[] = [];
  const rest: Record<string, unknown> = {};
  if (!filter || typeof filter !== 'object') return { chips, rest };
  for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
    if (['organization', 'speaker', 'topic', 'event', 'kind', 'day'].includes(key) && Array.isArray(value)) {
      for (const v of value) chips.push({ param: key as FilterParam, value: String(v) });
    } else if (key === 'text' && typeof value === 'string') {
      chips.push({ param: 'text', value });
    } else if (
      key === 'date' &&
      value &&
      typeof value === 'object' &&
      (value as { from?: string }).from === (value as { to?: string }).to &&
      (value as { from?: string }).from
    ) {
      chips.push({ param: 'date', value: String((value as { from: string }).from) });
    } else {
      rest[key] = value;
    }
  }
  return { chips, rest };
}
