import type { Diagnostic, Severity, SourceLocation } from '../domain/types.ts';

interface CatalogueEntry {
  severity: Severity;
  summary: string;
  hint: string;
}

/**
 * Every diagnostic the ingest can emit. Codes are permanent: tools and dashboards key on them.
 * Add new codes; never rename or reuse one.
 */
export const DIAGNOSTIC_CATALOGUE = {
  FILE_UNREADABLE: {
    severity: 'error',
    summary: 'The file is not UTF-8 text (binary content or invalid byte sequences).',
    hint: 'Save the post as UTF-8 Markdown.',
  },
  PATH_UNREADABLE: {
    severity: 'error',
    summary: 'A file or folder in the data folder could not be read (no permission, removed while reading …); it was skipped.',
    hint: 'Check its permissions: the server must be able to read every file and folder below the data folder.',
  },
  FILE_TOO_LARGE: {
    severity: 'error',
    summary: 'The file is larger than the ingest reads.',
    hint: 'Split the post; posts are read up to the size limit only.',
  },
  POST_EMPTY: {
    severity: 'warning',
    summary: 'The post has no content.',
    hint: 'Remove the file or write the post.',
  },
  FRONT_MATTER_INVALID: {
    severity: 'error',
    summary: 'The YAML front matter could not be parsed; the body is still read.',
    hint: 'Fix the YAML between the --- lines (quote values that contain ": ").',
  },
  FRONT_MATTER_LANGUAGE_UNSUPPORTED: {
    severity: 'error',
    summary: 'The front matter is in a language that is not read (only YAML and TOML are, never code); it was ignored and the body is still read.',
    hint: 'Write the front matter as YAML between --- lines (or TOML between +++ lines).',
  },
  FRONT_MATTER_MISSING: {
    severity: 'info',
    summary: 'The post has no front matter; title and date come from the file name and first heading.',
    hint: 'Add a --- block with title and date.',
  },
  POST_DATE_INVALID: {
    severity: 'warning',
    summary: 'The front-matter date is not a date; years of talk dates cannot be inferred from it.',
    hint: "Write date: 'YYYY-MM-DD' or an ISO 8601 timestamp.",
  },
  POST_NO_TALKS: {
    severity: 'info',
    summary: 'The post lists no talks.',
    hint: 'Nothing to do if the post is not about talks.',
  },
  TALK_NO_SPEAKERS: {
    severity: 'info',
    summary: 'A talk lists no speakers.',
    hint: 'Write speakers after the last " - " of the link text: "Title - Name, Org".',
  },
  SPEAKERS_INFERRED: {
    severity: 'info',
    summary: 'A talk names no speakers; an intro sentence ("his talks") gave it the person the post is about.',
    hint: 'Write the speakers in the entry ("Title - Name, Org") to be explicit.',
  },
  TALK_NO_SCHEDULE: {
    severity: 'warning',
    summary: 'A talk has no date or time; it is kept without a place in the schedule.',
    hint: 'Put a line such as "Tuesday, April 18 • 09:25 - 09:45" under the talk link.',
  },
  LISTING_ENTRY_REJECTED: {
    severity: 'info',
    summary: 'A block looks like an entry of a talk listing, but lacks the evidence of a talk or names a booth, social or break.',
    hint: 'A talk needs speakers, a schedule or recording link, or a time; give the entry one if it is a talk.',
  },
  DATE_UNREADABLE: {
    severity: 'warning',
    summary: 'A line looks like a date or time but could not be read.',
    hint: 'Write "Weekday, Month Day[, Year] • HH:MM - HH:MM [ZONE]".',
  },
  DATE_YEAR_UNKNOWN: {
    severity: 'warning',
    summary: 'A date has no year and the post has no date to take it from.',
    hint: 'Add a year to the date line or a date to the front matter.',
  },
  WEEKDAY_MISMATCH: {
    severity: 'error',
    summary: 'The weekday written next to a date is not the weekday of that date.',
    hint: 'Correct the weekday or the date.',
  },
  YEAR_CORRECTED: {
    severity: 'warning',
    summary: 'The weekday did not fit the year taken from the front matter; the year that fits was used.',
    hint: 'Write the year on the date line or fix the front-matter date.',
  },
  TIME_RANGE_INVALID: {
    severity: 'warning',
    summary: 'A talk ends before it starts.',
    hint: 'Check the start and end times.',
  },
  EVENT_UNKNOWN: {
    severity: 'warning',
    summary: 'The post names no known event; its talks belong to no event, and their times have an instant only when the post gives a time zone.',
    hint: 'Add the event to data/events.yaml or set event: in the front matter.',
  },
  EVENT_CODE_UNKNOWN: {
    severity: 'warning',
    summary: 'The event named in the front matter is not in events.yaml; it was not used.',
    hint: 'Use a slug of data/events.yaml (the closest ones are suggested) or add the event there.',
  },
  EVENT_LEARNED: {
    severity: 'info',
    summary: 'The post names an event that events.yaml does not know; the event was made from what the post says.',
    hint: 'Add the event to data/events.yaml to give it its exact name, city, zone and dates.',
  },
  POST_YEAR_CONTRADICTED: {
    severity: 'warning',
    summary: "The front-matter date's year is contradicted by the post's path (and the weekdays of its dates, when it gives them); the path's year was used.",
    hint: 'Fix the date in the front matter.',
  },
  TIMEZONE_UNKNOWN: {
    severity: 'warning',
    summary: 'The event has no time zone; local times are kept without an instant.',
    hint: 'Set timezone: (IANA name such as Europe/Amsterdam) for the event in data/events.yaml.',
  },
  ZONE_ABBREVIATION_MISMATCH: {
    severity: 'warning',
    summary: "A time-zone abbreviation on a date line does not match the event's zone at that date.",
    hint: 'Check the abbreviation or the event of the section.',
  },
  ZONE_ABBREVIATION_UNKNOWN: {
    severity: 'info',
    summary: 'A time-zone abbreviation is not one the ingest knows; it was ignored.',
    hint: 'Use a common abbreviation (CET, CEST, BST, IST, ET, PT, JST, AEST …; see src/ingest/zone-abbreviations.ts).',
  },
  SPEAKER_UNREADABLE: {
    severity: 'warning',
    summary: 'Part of a speaker list could not be read as names and organizations.',
    hint: 'Write "Name & Name, Organization; Name, Organization".',
  },
  REFERENCE_DATA_INVALID: {
    severity: 'error',
    summary: 'A reference-data file (topics, events, organizations, speakers) is malformed; the bundled copy is used.',
    hint: 'Fix the YAML; see data/ for the expected shape.',
  },
  FRONT_MATTER_TALK_INVALID: {
    severity: 'error',
    summary: 'A talk listed in the front matter is invalid and was skipped.',
    hint: 'Each entry of talks: needs a title; date YYYY-MM-DD, start/end HH:MM, speakers "Name, Org" (docs/posts.md).',
  },
  KEPT_LAST_GOOD: {
    severity: 'warning',
    summary: 'A live reload found errors in this file; the last good version of it is still served.',
    hint: 'Fix the file; the next save reloads it.',
  },
  DUPLICATE_TALK_MERGED: {
    severity: 'info',
    summary: 'The same talk appears more than once; the entries were merged into one talk with several sources.',
    hint: 'Nothing to do unless they are different talks.',
  },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOGUE;

export function diagnose(code: DiagnosticCode, at: SourceLocation, detail?: string): Diagnostic {
  const entry: CatalogueEntry = DIAGNOSTIC_CATALOGUE[code];
  return {
    file: at.file,
    line: at.line,
    severity: entry.severity,
    code,
    message: detail ? `${entry.summary} ${detail}` : entry.summary,
  };
}

/** The one-line rendering used by the CLI: `file:line severity code message`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line} ${d.severity} ${d.code} ${d.message}`;
}
