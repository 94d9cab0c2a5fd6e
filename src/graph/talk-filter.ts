import type { TalkKind, Weekday } from '../domain/types.ts';

/** A range of calendar dates or instants; both ends inclusive, either may be open. */
export interface Range {
  from?: string | null;
  to?: string | null;
}

/** Which talks to keep. Fields combine with AND; `and`/`or`/`not` nest. Values match by slug, name or alias. */
export interface TalkFilter {
  and?: TalkFilter[] | null;
  or?: TalkFilter[] | null;
  not?: TalkFilter | null;
  day?: Weekday[] | null;
  date?: Range | null;
  startsAt?: Range | null;
  /** Local wall-clock window, HH:MM: talks that start at or after `from` and start before `to`. */
  timeOfDay?: Range | null;
  organization?: string[] | null;
  speaker?: string[] | null;
  topic?: string[] | null;
  /** When false, a topic filter matches only talks tagged with that exact topic. Default true. */
  includeSubtopics?: boolean | null;
  event?: string[] | null;
  kind?: TalkKind[] | null;
  hasSpeakers?: boolean | null;
  text?: string | null;
}

export interface SelectOptions {
  /** Unknown organization/speaker/topic/event values raise FilterError instead of matching nothing. */
  strict?: boolean;
}

export type FilterErrorCode = 'UNKNOWN_VALUE' | 'INVALID_DATE' | 'INVALID_TIME' | 'INVALID_RANGE' | 'FILTER_TOO_DEEP';

/** A filter value the graph cannot use; `accepted` lists what it would take. */
export class FilterError extends Error {
  readonly code: FilterErrorCode;
  readonly field: string;
  readonly accepted: readonly string[];

  constructor(code: FilterErrorCode, message: string, field: string, accepted: readonly string[] = []) {
    super(message);
    this.code = code;
    this.field = field;
    this.accepted = accepted;
    this.name = 'FilterError';
  }
}
