import { describe, expect, it } from 'vitest';
import { isWhenOnly, parseWhen } from '../src/ingest/parse-when.ts';

const when = (text: string) => {
  const { weekday, month, day, year, start, end, zone } = parseWhen(text);
  return { weekday, month, day, year, start, end, zone };
};

describe('date/time grammar', () => {
  it('reads the seed layout: weekday, month-day, bullet, 24h range', () => {
    expect(when('Tuesday, April 18 • 09:25 - 09:45')).toEqual({ weekday: 'TUESDAY', month: 4, day: 18, year: null, start: '09:25', end: '09:45', zone: null });
  });

  it('reads 12-hour ranges with am/pm on both ends, in either case, with or without a space', () => {
    expect(when('Monday, October 24 • 9:35am - 9:50am')).toMatchObject({ start: '09:35', end: '09:50' });
    expect(when('12:55pm - 2:05pm')).toMatchObject({ start: '12:55', end: '14:05' });
    expect(when('8:00am - 12:00pm')).toMatchObject({ start: '08:00', end: '12:00' });
    expect(when('9:15 AM – 10:00 AM')).toMatchObject({ start: '09:15', end: '10:00' });
    expect(when('9.15 a.m. to 10.30 a.m.')).toMatchObject({ start: '09:15', end: '10:30' });
  });

  it('reads am/pm written once for both ends of a range', () => {
    expect(when('2:25 - 2:55pm')).toMatchObject({ start: '14:25', end: '14:55' });
    expect(when('11:30 - 1:00pm')).toMatchObject({ start: '11:30', end: '13:00' });
    expect(when('9 - 10am')).toMatchObject({ start: '09:00', end: '10:00' });
    expect(when('10:30-11 PM')).toMatchObject({ start: '22:30', end: '23:00' });
  });

  it('reads 24-hour clocks written with h or a period', () => {
    expect(when('14h30 - 15h00')).toMatchObject({ start: '14:30', end: '15:00' });
    expect(when('Tuesday 18 April, 16.50-17.15')).toMatchObject({ start: '16:50', end: '17:15' });
  });

  it('reads day-month and month-day orders, with or without weekday, comma, bullet or year', () => {
    expect(when('Tuesday 18 April 2023, 14:00-14:30 CEST')).toEqual({
      weekday: 'TUESDAY',
      month: 4,
      day: 18,
      year: 2023,
      start: '14:00',
      end: '14:30',
      zone: 'CEST',
    });
    expect(when('April 18th, 2023 | 10:00 - 10:30')).toMatchObject({ weekday: null, month: 4, day: 18, year: 2023, start: '10:00' });
    expect(when('18 Apr 09:00-09:30')).toMatchObject({ month: 4, day: 18, start: '09:00', end: '09:30' });
    expect(when('Friday May 20, 2022 11:55 - 12:30 CEST')).toMatchObject({ weekday: 'FRIDAY', month: 5, day: 20, year: 2022, zone: 'CEST' });
    expect(when('Tuesday, March 19, 2024, 09:40 - 09:55 CET')).toMatchObject({ month: 3, day: 19, year: 2024, start: '09:40', end: '09:55', zone: 'CET' });
    expect(when('Wed., 19th of April · 17:25–18:00')).toMatchObject({ weekday: 'WEDNESDAY', month: 4, day: 19, start: '17:25', end: '18:00' });
  });

  it('reads the time-zone abbreviations people write', () => {
    for (const zone of ['CET', 'CEST', 'BST', 'GMT', 'EST', 'EDT', 'CST', 'CDT', 'MST', 'MDT', 'PST', 'PDT'])
      expect(when(`April 1, 2025 10:15 - 10:20 ${zone}`).zone).toBe(zone);
    expect(when('April 1, 2025 10:15 - 10:20 (Best Session Time)').zone).toBeNull();
  });

  it('does not take a range of days for one date', () => {
    const range = parseWhen('coming up September 9-11 in Lisbon');
    expect(range).toMatchObject({ month: null, day: null, spansDays: true });
    expect(parseWhen('9–11 September 2019')).toMatchObject({ month: null, day: null, spansDays: true });
    expect(parseWhen('March 19 to March 22')).toMatchObject({ month: null, spansDays: true });
    expect(parseWhen('Tuesday, March 19')).toMatchObject({ month: 3, day: 19, spansDays: false });
  });

  it('tells a date line from text that mentions a date', () => {
    expect(isWhenOnly(parseWhen('Thursday, March 21 • 17:05 - 17:40'))).toBe(true);
    expect(isWhenOnly(parseWhen('Tuesday April 1, 2025 12:35 - 12:50 BST'))).toBe(true);
    expect(isWhenOnly(parseWhen('September 9-11'))).toBe(false);
    expect(isWhenOnly(parseWhen('See you on April 18 at the booth'))).toBe(false);
    expect(isWhenOnly(parseWhen('2022 - 2023'))).toBe(false);
  });
});
