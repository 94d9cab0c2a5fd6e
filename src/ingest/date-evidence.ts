import type { EventDefinition, Weekday } from '../domain/types.ts';
import { weekdayOfDate } from '../domain/weekday.ts';
import { parseWhen, type WhenParts } from './parse-when.ts';

/**
 * Where a talk's date comes from, strongest first: the entry itself > its section's heading or intro >
 * the event's dates > the year in which the weekday fits > the post's path > its front matter.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const YEAR_IN_PATH = /(?:^|\/)((?:19|20)\d\d)(?:[/-]|$)/;

/** The year in a post's path ("/blog/2026/03/…", "posts/2026-03-19-…"): the folders nearest the file, then the front-matter path. */
export function yearOfPath(file: string, frontMatterPath: string | null): number | null {
  const near = file.split(/[\\/]/).slice(-4).join('/');
  for (const text of [frontMatterPath ?? '', near]) {
    const m = YEAR_IN_PATH.exec(text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Weekdays written with a day and month but no year: what decides which year a post's dates are in. */
export interface WeekdaySample {
  weekday: Weekday;
  month: number;
  day: number;
}

const MAY_NAME_A_WEEKDAY = /\b(?:mon|tue|wed|thu|fri|sat|sun)/i;

/** Collects up to `limit` "Monday, 23 March"-style samples (no year written) from block texts. */
export function collectWeekdaySamples(texts: Iterable<string>, limit = 24): WeekdaySample[] {
  const samples: WeekdaySample[] = [];
  for (const text of texts) {
    if (samples.length >= limit) break;
    if (text.length > 400 || !MAY_NAME_A_WEEKDAY.test(text)) continue;
    const when = parseWhen(text);
    if (when.weekday && when.month !== null && when.day !== null && when.year === null)
      samples.push({ weekday: when.weekday, month: when.month, day: when.day });
  }
  return samples;
}

function fitsYear(samples: readonly WeekdaySample[], year: number): number {
  return samples.filter((s) => weekdayOfDate(`${year}-${pad(s.month)}-${pad(s.day)}`) === s.weekday).length;
}

export interface PostYear {
  /** The year undated dates of the post default to (before their event's dates are known). */
  year: number | null;
  /** Set when the front matter says another year than the path and the weekdays do. */
  contradicted: { frontMatter: number; used: number; byWeekdays: boolean } | null;
}

/**
 * The year of a post's talks: the path over the front matter, and the weekdays over both. A
 * front-matter year that the path and the weekdays contradict loses (the caller warns).
 */
export function decidePostYear(frontMatterYear: number | null, pathYear: number | null, samples: readonly WeekdaySample[]): PostYear {
  const base = pathYear ?? frontMatterYear;
  if (base === null) return { year: null, contradicted: null };
  let year = base;
  if (samples.length > 0 && fitsYear(samples, base) < samples.length) {
    const candidates = [pathYear, frontMatterYear, base + 1, base - 1].filter((y): y is number => y !== null);
    const best = candidates.reduce((a, b) => (fitsYear(samples, b) > fitsYear(samples, a) ? b : a), base);
    year = best;
  }
  const byWeekdays = samples.length > 0 && fitsYear(samples, year) > fitsYear(samples, frontMatterYear ?? year);
  const contradicted =
    frontMatterYear !== null && pathYear !== null && frontMatterYear !== year && pathYear === year
      ? { frontMatter: frontMatterYear, used: year, byWeekdays }
      : null;
  return { year, contradicted };
}

/** The detail of POST_YEAR_CONTRADICTED. */
export function describeContradiction(c: NonNullable<PostYear['contradicted']>): string {
  return `Front matter says ${c.frontMatter}; the path${c.byWeekdays ? ' and the weekdays of its dates say' : ' says'} ${c.used}, used.`;
}

export interface DateDecision {
  date: string | null;
  problem: { code: 'DATE_YEAR_UNKNOWN' | 'YEAR_CORRECTED' | 'WEEKDAY_MISMATCH'; detail?: string } | null;
}

/** The day of `weekday` within an event's dates (a week at most): "Tuesday" at a four-day conference. */
function dayOfWeekdayIn(event: EventDefinition | null, weekday: Weekday): string | null {
  if (!event?.startDate || !event.endDate) return null;
  const start = Date.parse(`${event.startDate}T00:00Z`);
  const end = Date.parse(`${event.endDate}T00:00Z`);
  if (!(end >= start) || end - start > 6 * 86_400_000) return null;
  for (let t = start; t <= end; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    if (weekdayOfDate(date) === weekday) return date;
  }
  return null;
}

/** The year of an event's dates in which a month falls (an event over New Year has two). */
function eventYearFor(event: EventDefinition | null, month: number): number | null {
  if (!event?.startDate) return null;
  const startYear = Number(event.startDate.slice(0, 4));
  const endYear = event.endDate ? Number(event.endDate.slice(0, 4)) : startYear;
  return endYear !== startYear && month < Number(event.startDate.slice(5, 7)) ? endYear : startYear;
}

/** A talk's date from the strongest evidence there is (see the top of this file). */
export function decideTalkDate(
  own: WhenParts | null,
  section: WhenParts | null,
  event: EventDefinition | null,
  postYear: PostYear,
  pathYear: number | null,
  frontMatterYear: number | null,
): DateDecision {
  const month = own?.month ?? section?.month ?? null;
  const day = own?.day ?? section?.day ?? null;
  const weekday: Weekday | null = own?.weekday ?? (own?.month ? null : section?.weekday) ?? null;
  if (month === null || day === null) {
    // Only a weekday ("Tuesday"): the event's dates say which day it is.
    const onlyWeekday = own?.weekday && own.month === null ? dayOfWeekdayIn(event, own.weekday) : null;
    // A time with no day written: the day of a one-day event (an entry with no time stays unscheduled).
    const oneDay = own?.start && !own.weekday && event?.startDate && event.startDate === event.endDate ? event.startDate : null;
    return { date: onlyWeekday ?? oneDay, problem: null };
  }
  const writtenYear = own?.year ?? section?.year ?? null;
  const eventYear = writtenYear === null ? eventYearFor(event, month) : null;
  const year = writtenYear ?? eventYear ?? postYear.year;
  if (year === null) return { date: null, problem: { code: 'DATE_YEAR_UNKNOWN' } };
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const fallback = pathYear ?? frontMatterYear;
  if (writtenYear === null && eventYear === null && fallback !== null && year !== fallback && weekday && weekdayOfDate(date) === weekday) {
    // The post's weekdays moved its year away from its path or front matter.
    return { date, problem: { code: 'YEAR_CORRECTED', detail: `${weekday} ${fallback}-${pad(month)}-${pad(day)} does not exist; used ${year}.` } };
  }
  if (!weekday || weekdayOfDate(date) === weekday) return { date, problem: null };
  // Neither the entry nor its event fixed the year: the year in which the weekday fits.
  const candidates =
    writtenYear === null && eventYear === null ? [postYear.year, pathYear, frontMatterYear, year - 1, year + 1].filter((y): y is number => y !== null) : [];
  const fitting = candidates.find((y) => weekdayOfDate(`${y}-${pad(month)}-${pad(day)}`) === weekday);
  if (fitting !== undefined) {
    return { date: `${fitting}-${pad(month)}-${pad(day)}`, problem: { code: 'YEAR_CORRECTED', detail: `${weekday} ${date} does not exist; used ${fitting}.` } };
  }
  return { date, problem: { code: 'WEEKDAY_MISMATCH', detail: `${date} is a ${weekdayOfDate(date)}, not a ${weekday}.` } };
}
