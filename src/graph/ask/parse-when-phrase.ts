import { weekdayOfDate } from '../../domain/weekday.ts';
import type { Range } from '../talk-filter.ts';
import type { Term } from './ask-types.ts';
import { dayName, type Calendar } from './build-vocabulary.ts';
import { MONTHS, MONTH_NAMES, NAMED_TIMES } from './lexicon.ts';
import type { QuestionToken } from './tokenize-question.ts';

/** A date or time phrase read at some position: the term and the index after it. */
export interface WhenMatch {
  term: Pick<Term, 'category' | 'labels' | 'ranges' | 'point'>;
  next: number;
}

type Cue = 'after' | 'since' | 'from' | 'before' | 'until' | 'between' | 'at';
const CUES: Readonly<Record<string, Cue>> = {
  after: 'after',
  past: 'after',
  since: 'since',
  from: 'from',
  before: 'before',
  until: 'until',
  till: 'until',
  til: 'until',
  by: 'until',
  between: 'between',
  at: 'at',
  around: 'at',
};
const TWO_WORD_CUES: Readonly<Record<string, Cue>> = { 'later than': 'after', 'earlier than': 'before' };
const RANGE_SEPARATORS = new Set(['and', 'to', 'until', 'till']);

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// ---- clock times ----

interface Clock {
  minutes: number;
  next: number;
}

/** "17:00", "5pm", "5 pm", "11:30am", "17h", "noon"; a bare hour ("after 5") only when `bare`: 1–7 mean pm. */
function parseClock(tokens: readonly QuestionToken[], i: number, bare: boolean): Clock | null {
  const token = tokens[i];
  if (!token || token.punctuation) return null;
  const named = NAMED_TIMES[token.norm];
  if (named && bare) return { minutes: Number(named.slice(0, 2)) * 60, next: i + 1 };
  const m = /^(\d{1,2})(?::(\d{2}))?(am|pm|h)?$/.exec(token.norm);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  let suffix = m[3];
  let next = i + 1;
  if (!suffix && (tokens[next]?.norm === 'am' || tokens[next]?.norm === 'pm')) (suffix = tokens[next]!.norm), next++;
  if (minute > 59) return null;
  if (suffix === 'am' || suffix === 'pm') {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (suffix === 'pm' ? 12 : 0);
  } else if (!m[2] && !suffix) {
    if (!bare || hour > 23) return null;
    if (hour >= 1 && hour <= 7) hour += 12;
  }
  if (hour > 23) return null;
  return { minutes: hour * 60 + minute, next };
}

function clockTerm(range: Range, label: string, point: boolean): WhenMatch['term'] {
  return { category: 'clock', labels: [label], ranges: [range], point };
}

// ---- dates ----

interface DatePhrase {
  kind: 'date' | 'dayOfMonth' | 'month' | 'year';
  year?: number;
  month?: number;
  day?: number;
  next: number;
}

function dayNumber(token: QuestionToken | undefined): { day: number; ordinal: boolean } | null {
  const m = token && !token.punctuation ? /^(\d{1,2})(st|nd|rd|th)?$/.exec(token.norm) : null;
  if (!m) return null;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? { day, ordinal: m[2] !== undefined } : null;
}

function yearAt(tokens: readonly QuestionToken[], i: number): { year: number; next: number } | null {
  let j = i;
  if (tokens[j]?.norm === ',') j++;
  const m = tokens[j] ? /^(19|20)\d{2}$/.exec(tokens[j]!.norm) : null;
  return m ? { year: Number(tokens[j]!.norm), next: j + 1 } : null;
}

/** "2023-04-19", "April 19(th)(, 2023)", "19(th) (of) April (2023)", "21st", "April", "2023". */
function parseDatePhrase(tokens: readonly QuestionToken[], i: number): DatePhrase | null {
  const token = tokens[i];
  if (!token || token.punctuation) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token.norm);
  if (iso) return { kind: 'date', year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), next: i + 1 };
  const month = MONTHS[token.norm];
  if (month) {
    const day = dayNumber(tokens[i + 1]);
    if (day) {
      const year = yearAt(tokens, i + 2);
      return { kind: 'date', month, day: day.day, year: year?.year, next: year?.next ?? i + 2 };
    }
    if (token.norm === 'may') return null;
    const year = yearAt(tokens, i + 1);
    return { kind: 'month', month, year: year?.year, next: year?.next ?? i + 1 };
  }
  const day = dayNumber(token);
  if (day) {
    let j = i + 1;
    if (tokens[j]?.norm === 'of') j++;
    const after = tokens[j] && !tokens[j]!.punctuation ? MONTHS[tokens[j]!.norm] : undefined;
    if (after) {
      const year = yearAt(tokens, j + 1);
      return { kind: 'date', month: after, day: day.day, year: year?.year, next: year?.next ?? j + 1 };
    }
    return day.ordinal ? { kind: 'dayOfMonth', day: day.day, next: i + 1 } : null;
  }
  const year = /^(19|20)\d{2}$/.test(token.norm) ? Number(token.norm) : null;
  return year ? { kind: 'year', year, next: i + 1 } : null;
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Date ranges a phrase stands for in this graph (talk dates decide missing years), with a label. */
function resolveDate(phrase: DatePhrase, calendar: Calendar): { ranges: Range[]; label: string; point: boolean } | null {
  const dateLabel = (d: string) => `${dayName(weekdayOfDate(d))} ${d}`;
  const latestYear = calendar.dates.length > 0 ? Number(calendar.dates[calendar.dates.length - 1]!.slice(0, 4)) : null;
  const points = (dates: string[], prefix: string) => ({
    ranges: dates.map((d) => ({ from: d, to: d })),
    label: `${prefix}${dates.map(dateLabel).join(' or ')}`,
    point: true,
  });
  switch (phrase.kind) {
    case 'date': {
      const { month, day } = phrase as Required<DatePhrase>;
      if (day > 31 || month > 12) return null;
      if (phrase.year) {
        if (day > lastDayOfMonth(phrase.year, month)) return null;
        return points([`${phrase.year}-${pad(month)}-${pad(day)}`], 'on ');
      }
      const suffix = `-${pad(month)}-${pad(day)}`;
      const found = calendar.dates.filter((d) => d.endsWith(suffix));
      if (found.length > 0) return points(found, 'on ');
      return latestYear && day <= lastDayOfMonth(latestYear, month) ? points([`${latestYear}${suffix}`], 'on ') : null;
    }
    case 'dayOfMonth': {
      const found = calendar.dates.filter((d) => Number(d.slice(8)) === phrase.day);
      return found.length > 0 ? points(found, `on the ${ordinal(phrase.day!)}: `) : null;
    }
    case 'month': {
      const month = phrase.month!;
      const years = phrase.year ? [phrase.year] : [...new Set(calendar.dates.filter((d) => Number(d.slice(5, 7)) === month).map((d) => Number(d.slice(0, 4))))];
      if (years.length === 0 && latestYear) years.push(latestYear);
      if (years.length === 0) return null;
      const ranges = years.map((y) => ({ from: `${y}-${pad(month)}-01`, to: `${y}-${pad(month)}-${pad(lastDayOfMonth(y, month))}` }));
      return { ranges, label: `in ${years.map((y) => `${MONTH_NAMES[month - 1]} ${y}`).join(' or ')}`, point: true };
    }
    case 'year':
      return { ranges: [{ from: `${phrase.year}-01-01`, to: `${phrase.year}-12-31` }], label: `in ${phrase.year}`, point: true };
  }
}

/** A date or clock phrase with its cue: "after 5pm", "between 10 and 12", "before April 20", "on the 21st". */
function parseCued(tokens: readonly QuestionToken[], cue: Cue, start: number, calendar: Calendar): WhenMatch | null {
  let j = start;
  if (tokens[j]?.norm === 'the') j++;
  const clock = parseClock(tokens, j, true);
  if (clock) {
    const from = hhmm(clock.minutes);
    if (cue === 'between' || cue === 'from') {
      const sep = tokens[clock.next];
      const second = sep && RANGE_SEPARATORS.has(sep.norm) ? parseClock(tokens, clock.next + 1, true) : null;
      if (second)
        return { term: clockTerm({ from, to: hhmm(second.minutes) }, `starting between ${from} and ${hhmm(second.minutes)}`, false), next: second.next };
      if (cue === 'between') return null;
    }
    switch (cue) {
      case 'after':
      case 'since':
      case 'from':
        return { term: clockTerm({ from }, `starting at ${from} or later`, false), next: clock.next };
      case 'before':
      case 'until':
        return { term: clockTerm({ to: from }, `starting before ${from}`, false), next: clock.next };
      default:
        return { term: clockTerm({ from, to: hhmm(Math.min(clock.minutes + 1, 23 * 60 + 59)) }, `starting at ${from}`, true), next: clock.next };
    }
  }
  if (cue === 'at') return null;
  const phrase = parseDatePhrase(tokens, j);
  const resolved = phrase ? resolveDate(phrase, calendar) : null;
  if (!phrase || !resolved || resolved.ranges.length !== 1) return null;
  const range = resolved.ranges[0]!;
  if (cue === 'between' || cue === 'from') {
    const sep = tokens[phrase.next];
    if (sep && RANGE_SEPARATORS.has(sep.norm)) {
      let k = phrase.next + 1;
      if (tokens[k]?.norm === 'the') k++;
      let secondPhrase = parseDatePhrase(tokens, k);
      const bareDay = !secondPhrase || secondPhrase.kind === 'dayOfMonth' ? dayNumber(tokens[k]) : null;
      if (bareDay && phrase.month) secondPhrase = { kind: 'date', year: phrase.year, month: phrase.month, day: bareDay.day, next: k + 1 };
      const second = secondPhrase ? resolveDate(secondPhrase, calendar) : null;
      if (secondPhrase && second && second.ranges.length === 1) {
        const to = second.ranges[0]!.to!;
        return {
          term: { category: 'date', labels: [`between ${range.from} and ${to}`], ranges: [{ from: range.from, to }], point: false },
          next: secondPhrase.next,
        };
      }
    }
    if (cue === 'between') return null;
  }
  const from = cue === 'after' ? addDays(range.to!, 1) : range.from!;
  const to = cue === 'before' ? addDays(range.from!, -1) : range.to!;
  const open = cue === 'after' || cue === 'since' || cue === 'from';
  const ranged: Range = open ? { from } : { to };
  return { term: { category: 'date', labels: [open ? `on or after ${from}` : `on or before ${to}`], ranges: [ranged], point: false }, next: phrase.next };
}

/** Reads a date or time phrase starting at `i`, or returns null. */
export function parseWhenPhrase(tokens: readonly QuestionToken[], i: number, calendar: Calendar): WhenMatch | null {
  const token = tokens[i];
  if (!token || token.punctuation) return null;
  const twoWord = tokens[i + 1] ? TWO_WORD_CUES[`${token.norm} ${tokens[i + 1]!.norm}`] : undefined;
  if (twoWord) return parseCued(tokens, twoWord, i + 2, calendar);
  const cue = CUES[token.norm];
  if (cue) return parseCued(tokens, cue, i + 1, calendar);
  const clock = parseClock(tokens, i, false);
  if (clock) {
    const from = hhmm(clock.minutes);
    return { term: clockTerm({ from, to: hhmm(Math.min(clock.minutes + 1, 23 * 60 + 59)) }, `starting at ${from}`, true), next: clock.next };
  }
  const phrase = parseDatePhrase(tokens, i);
  const resolved = phrase ? resolveDate(phrase, calendar) : null;
  if (!phrase || !resolved) return null;
  return { term: { category: 'date', labels: [resolved.label], ranges: resolved.ranges, point: resolved.point }, next: phrase.next };
}
