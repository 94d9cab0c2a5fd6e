import { DateTime, FixedOffsetZone } from 'luxon';
import type { Diagnostic, TalkEntry } from '../domain/types.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import { offsetsOf, zoneInfo } from './zone-abbreviations.ts';

export interface Instants {
  startsAt: string | null;
  endsAt: string | null;
  timezone: string | null;
}

/** Local wall-clock time in a zone as a DateTime. Memoized: large data sets repeat the same slots many times. */
const localTimes = new Map<string, DateTime>();
const isoTexts = new WeakMap<DateTime, string | null>();
function localDateTime(date: string, time: string, zone: string | FixedOffsetZone): DateTime {
  const key = `${typeof zone === 'string' ? zone : zone.name}|${date}T${time}`;
  let value = localTimes.get(key);
  if (!value) {
    if (localTimes.size > 100_000) localTimes.clear();
    value = DateTime.fromISO(`${date}T${time}`, { zone });
    localTimes.set(key, value);
  }
  return value;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

/**
 * Instants: a talk's local date and times as real instants in its event's zone (or the zone its
 * abbreviation names), with the diagnostics of a zone that is unknown or disagrees with the abbreviation.
 */
export function computeInstants(entry: TalkEntry, zone: string | null): { instants: Instants; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const abbreviation = entry.zoneAbbreviation ? zoneInfo(entry.zoneAbbreviation) : undefined;
  if (!entry.date || !entry.start) return { instants: { startsAt: null, endsAt: null, timezone: zone }, diagnostics };
  let effectiveZone: string | FixedOffsetZone | null = zone;
  // No event zone: the abbreviation's usual meaning (a generic "ET" is New York's time on that date).
  if (!effectiveZone && abbreviation) effectiveZone = abbreviation.offsets.length > 0 ? FixedOffsetZone.instance(abbreviation.offsets[0]!) : abbreviation.zone;
  if (!effectiveZone) {
    diagnostics.push(diagnose('TIMEZONE_UNKNOWN', entry.source, `"${entry.title}" keeps local times only.`));
    return { instants: { startsAt: null, endsAt: null, timezone: null }, diagnostics };
  }
  const startsAt = localDateTime(entry.date, entry.start, effectiveZone);
  if (abbreviation && zone) {
    // Checked against the event's zone: IST is right in Delhi (+5:30) and in Dublin in summer (+1), CET is not right in London.
    const offsets = offsetsOf(entry.zoneAbbreviation!, entry.date);
    if (!offsets.includes(startsAt.offset)) {
      diagnostics.push(
        diagnose(
          'ZONE_ABBREVIATION_MISMATCH',
          entry.source,
          `${entry.zoneAbbreviation} is ${offsets.map(formatOffset).join(' or ')}, but ${zone} is ${startsAt.toFormat('ZZ')} on ${entry.date}.`,
        ),
      );
    }
  }
  let endsAt = entry.end ? localDateTime(entry.date, entry.end, effectiveZone) : null;
  if (endsAt && endsAt < startsAt) endsAt = endsAt.plus({ days: 1 });
  const iso = (d: DateTime) => {
    let text = isoTexts.get(d);
    if (text === undefined) isoTexts.set(d, (text = d.toISO({ suppressMilliseconds: true })));
    return text;
  };
  return {
    instants: {
      startsAt: iso(startsAt),
      endsAt: endsAt ? iso(endsAt) : null,
      timezone: typeof effectiveZone === 'string' ? effectiveZone : effectiveZone.name,
    },
    diagnostics,
  };
}
