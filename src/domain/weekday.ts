import { WEEKDAYS, type Weekday } from './types.ts';

/** Weekday of a calendar date given as YYYY-MM-DD (proleptic Gregorian, no time zone involved). */
export function weekdayOfDate(isoDate: string): Weekday {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const sundayBased = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return WEEKDAYS[(sundayBased + 6) % 7]!;
}
