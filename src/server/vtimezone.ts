import { tzlib_get_ical_block } from 'timezones-ical-library';

const cache = new Map<string, string | null>();

/**
 * The RFC 5545 VTIMEZONE component for an IANA zone, or null when the zone is unknown.
 *
 * The blocks come from timezones-ical-library (vzic output of the current IANA tz database). The
 * library answers a link zone with its target (Europe/Amsterdam → Europe/Brussels, linked since
 * tzdata 2022b because both agree since 1970, which is where vzic's observances start); the TZID and
 * X-LIC-LOCATION are renamed to the zone asked for, so `DTSTART;TZID=Europe/Amsterdam` finds its
 * VTIMEZONE in the same file.
 */
export function vtimezoneFor(zone: string): string | null {
  if (!cache.has(zone)) cache.set(zone, buildVtimezone(zone));
  return cache.get(zone)!;
}

function buildVtimezone(zone: string): string | null {
  const result = tzlib_get_ical_block(zone);
  const block = Array.isArray(result) ? result[0] : null;
  if (!block?.startsWith('BEGIN:VTIMEZONE')) return null;
  return block
    .replace(/^TZID:.*$/m, `TZID:${zone}`)
    .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`)
    .replace(/\r?\n/g, '\r\n');
}
