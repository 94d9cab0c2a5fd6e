import type { Weekday } from '../domain/types.ts';
import { WEEKDAYS } from '../domain/types.ts';
import { UTC_OFFSET_PATTERN, zoneInfo, ZONE_ABBREVIATIONS, ZONE_ABBREVIATIONS_AFTER_TIME_ONLY } from './zone-abbreviations.ts';

/** What a piece of text says about when something happens. Every part is optional. */
export interface WhenParts {
  weekday: Weekday | null;
  month: number | null;
  day: number | null;
  year: number | null;
  start: string | null;
  end: string | null;
  zone: string | null;
  /** A zone-like abbreviation the ingest does not know ("NZDT"); ignored, but reported. */
  unknownZone: string | null;
  /** True when the text names a range of days ("September 9-11"): no single date can be taken from it. */
  spansDays: boolean;
  /** The text with every recognised part removed (separators included). */
  rest: string;
}

const WEEKDAY_PATTERN = '(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\.?';
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_PATTERN =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY_PATTERN = '(\\d{1,2})(?:st|nd|rd|th)?';
const MERIDIEM = '(a\\.?m\\.?|p\\.?m\\.?)';
const CLOCK = `(\\d{1,2})(?:[:.h](\\d{2}))?\\s*${MERIDIEM}?`;

const WEEKDAY_RE = new RegExp(`\\b${WEEKDAY_PATTERN}(?![a-z])`, 'i');
const MONTH_DAY_RE = new RegExp(`\\b${MONTH_PATTERN}\\s+${DAY_PATTERN}\\b`, 'i');
const DAY_MONTH_RE = new RegExp(`\\b${DAY_PATTERN}\\s+(?:of\\s+)?${MONTH_PATTERN}(?![a-z])`, 'i');
const DAY_RANGE_SEPARATOR = '\\s*(?:-|–|—|to|until|through)\\s*';
const MONTH_DAY_RANGE_RE = new RegExp(`\\b${MONTH_PATTERN}\\s+${DAY_PATTERN}${DAY_RANGE_SEPARATOR}(?:${MONTH_PATTERN}\\s+)?${DAY_PATTERN}\\b`, 'i');
const DAY_MONTH_RANGE_RE = new RegExp(
  `\\b${DAY_PATTERN}(?:\\s+${MONTH_PATTERN})?${DAY_RANGE_SEPARATOR}${DAY_PATTERN}\\s+(?:of\\s+)?${MONTH_PATTERN}(?![a-z])`,
  'i',
);
const YEAR_RE = /\b(19\d\d|20\d\d)\b/;
/** An ISO date written as such ("2024-03-22"), not part of a path or slug. */
const ISO_DATE_RE = /(?<![\w/.-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\w/-])/;
const RANGE_RE = new RegExp(`(?<![\\d:])${CLOCK}\\s*(?:-|–|—|to|until)\\s*${CLOCK}(?![\\d:])`, 'i');
const SINGLE_TIME_RE = new RegExp(`(?<![\\d:])(\\d{1,2})[:.h](\\d{2})\\s*${MERIDIEM}?(?![\\d:])|(?<![\\d:])(\\d{1,2})\\s*${MERIDIEM}`, 'i');

/** Zone abbreviations read anywhere in a date line; the short generic ones ("ET", "PT") only right after a time. */
const ZONE_RE = new RegExp(
  `(?<![A-Za-z])(${UTC_OFFSET_PATTERN}|${Object.keys(ZONE_ABBREVIATIONS)
    .filter((z) => !ZONE_ABBREVIATIONS_AFTER_TIME_ONLY.has(z))
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![A-Za-z])`,
);
/** An abbreviation right after a time: "4:30pm CST", "03:30 PM ET", "10am (PT)". */
const ZONE_AFTER_TIME_RE = new RegExp(`^\\s*\\(?(${UTC_OFFSET_PATTERN}|[A-Z]{1,5})\\)?(?![A-Za-z\\d])`);

/** Characters that may separate the parts of a date line and mean nothing on their own. */
const SEPARATORS_RE = /[\s•·|,;:()\-–—@*_]+|\bat\b|\bfrom\b|\bon\b/gi;

function weekdayFrom(token: string): Weekday | null {
  const prefix = token.slice(0, 3).toUpperCase();
  return WEEKDAYS.find((w) => w.startsWith(prefix)) ?? null;
}

function monthFrom(token: string): number {
  return MONTH_NAMES.indexOf(token.slice(0, 3).toLowerCase()) + 1;
}

function isPm(meridiem: string | undefined): boolean | null {
  if (!meridiem) return null;
  return meridiem.toLowerCase().startsWith('p');
}

function to24h(hour: number, pm: boolean | null): number {
  if (pm === null) return hour;
  if (pm) return hour === 12 ? 12 : hour + 12;
  return hour === 12 ? 0 : hour;
}

function clock(hour: number, minute: number): string | null {
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Reads a time range such as "09:25 - 09:45", "9:15am - 9:20am", "2:25 - 2:55pm" or "10:00 to 11:30". */
function parseRange(m: RegExpMatchArray): { start: string | null; end: string | null } {
  const [, h1, min1, mer1, h2, min2, mer2] = m;
  const startPm = isPm(mer1);
  const endPm = isPm(mer2);
  const startHour = Number(h1);
  const endHour = Number(h2);
  let effectiveStartPm = startPm;
  if (startPm === null && endPm !== null) {
    // "11:30 - 1:00pm": one marker for both ends, unless that would put the start after the end.
    const asSame = to24h(startHour, endPm) * 60 + Number(min1 ?? 0);
    const endMinutes = to24h(endHour, endPm) * 60 + Number(min2 ?? 0);
    effectiveStartPm = asSame <= endMinutes ? endPm : !endPm;
  }
  return {
    start: clock(to24h(startHour, effectiveStartPm), Number(min1 ?? 0)),
    end: clock(to24h(endHour, endPm ?? (startPm !== null ? startPm : null)), Number(min2 ?? 0)),
  };
}

function hasClockShape(m: RegExpMatchArray): boolean {
  // A bare "2022 - 2023" or "1 - 2" is no time range: require minutes or am/pm.
  return Boolean(m[2] || m[3] || m[5] || m[6]);
}

/** Finds the date, weekday, time range and zone that a piece of text mentions. */
export function parseWhen(text: string): WhenParts {
  let rest = text;
  const take = (re: RegExp): RegExpMatchArray | null => {
    const m = rest.match(re);
    if (m && m.index !== undefined) rest = `${rest.slice(0, m.index)} ${rest.slice(m.index + m[0].length)}`;
    return m;
  };

  const iso = take(ISO_DATE_RE);
  let start: string | null = null;
  let end: string | null = null;
  let zoneAfterTime: string | null = null;
  /** Takes the abbreviation written right after the time just taken (at `index`), if it is one. */
  const takeZoneAt = (index: number) => {
    const m = ZONE_AFTER_TIME_RE.exec(rest.slice(index));
    if (m && zoneInfo(m[1]!)) {
      zoneAfterTime = m[1]!;
      rest = `${rest.slice(0, index)} ${rest.slice(index + m[0].length)}`;
    }
  };
  const range = rest.match(RANGE_RE);
  if (range && hasClockShape(range)) {
    take(RANGE_RE);
    takeZoneAt(range.index!);
    ({ start, end } = parseRange(range));
  } else {
    const single = take(SINGLE_TIME_RE);
    if (single) {
      takeZoneAt(single.index!);
      start = single[1] ? clock(to24h(Number(single[1]), isPm(single[3])), Number(single[2])) : clock(to24h(Number(single[4]), isPm(single[5])), 0);
    }
  }

  let month: number | null = null;
  let day: number | null = null;
  // "September 9-11", "9–11 September": the days of an event, not the date of one talk.
  const spansDays = !iso && (take(MONTH_DAY_RANGE_RE) !== null || take(DAY_MONTH_RANGE_RE) !== null);
  const monthDay = spansDays || iso ? null : take(MONTH_DAY_RE);
  if (iso) {
    month = Number(iso[2]);
    day = Number(iso[3]);
  } else if (monthDay) {
    month = monthFrom(monthDay[1]!);
    day = Number(monthDay[2]);
  } else if (!spansDays) {
    const dayMonth = take(DAY_MONTH_RE);
    if (dayMonth) {
      day = Number(dayMonth[1]);
      month = monthFrom(dayMonth[2]!);
    }
  }
  if (day !== null && (day < 1 || day > 31)) {
    day = null;
    month = null;
  }
  const weekdayMatch = take(WEEKDAY_RE);
  const yearMatch = iso ?? take(YEAR_RE);
  const zoneMatch = zoneAfterTime ? null : take(ZONE_RE);
  // An unknown zone-like abbreviation right after a time ("10:00 - 11:00 NZDT") is set aside, not left as prose.
  const unknownZone = !zoneAfterTime && !zoneMatch && start !== null ? take(/(?<![A-Za-z])([A-Z]{2,4}T)(?![A-Za-z])/) : null;

  return {
    unknownZone: unknownZone ? unknownZone[1]! : null,
    weekday: weekdayMatch ? weekdayFrom(weekdayMatch[1]!) : null,
    month,
    day,
    year: yearMatch ? Number(yearMatch[1]) : null,
    start,
    end,
    zone: zoneAfterTime ?? (zoneMatch ? zoneMatch[1]! : null),
    spansDays,
    rest: rest.replace(SEPARATORS_RE, ' ').trim(),
  };
}

/** True when the text is only a date/time statement (a "date line"), nothing else. */
export function isWhenOnly(parts: WhenParts): boolean {
  const saysSomething = parts.start !== null || (parts.month !== null && parts.day !== null);
  return saysSomething && parts.rest === '';
}

/** True when the text says nothing about when, so it cannot be a (broken) date line. */
export function mentionsNoWhen(parts: WhenParts): boolean {
  return parts.start === null && parts.month === null && parts.weekday === null;
}
