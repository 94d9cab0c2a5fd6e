import { DateTime } from 'luxon';

/**
 * What a time-zone abbreviation written after a time can mean. `offsets` (minutes east of UTC) are
 * the fixed readings, in order of likelihood; `zone` is the IANA zone of a generic name ("ET" is
 * EST or EDT by date) or the usual place of an abbreviation, used when the event has no zone.
 * Several abbreviations mean more than one thing (IST: India, Ireland, Israel; CST: US Central,
 * China): the event's zone decides which one a post meant.
 */
export interface ZoneAbbreviation {
  offsets: readonly number[];
  zone: string | null;
}

const fixed = (zone: string | null, ...offsets: number[]): ZoneAbbreviation => ({ offsets, zone });
const generic = (zone: string): ZoneAbbreviation => ({ offsets: [], zone });

export const ZONE_ABBREVIATIONS: Readonly<Record<string, ZoneAbbreviation>> = {
  // Universal
  UTC: fixed('UTC', 0),
  GMT: fixed('Europe/London', 0),
  Z: fixed('UTC', 0),
  // Europe
  WET: fixed('Europe/Lisbon', 0),
  WEST: fixed('Europe/Lisbon', 60),
  BST: fixed('Europe/London', 60),
  CET: fixed('Europe/Paris', 60),
  CEST: fixed('Europe/Paris', 120),
  MET: fixed('Europe/Paris', 60),
  MEST: fixed('Europe/Paris', 120),
  EET: fixed('Europe/Athens', 120),
  EEST: fixed('Europe/Athens', 180),
  MSK: fixed('Europe/Moscow', 180),
  TRT: fixed('Europe/Istanbul', 180),
  // North America
  ET: generic('America/New_York'),
  EST: fixed('America/New_York', -300),
  EDT: fixed('America/New_York', -240),
  CT: generic('America/Chicago'),
  CST: fixed('America/Chicago', -360, 480),
  CDT: fixed('America/Chicago', -300),
  MT: generic('America/Denver'),
  MST: fixed('America/Denver', -420),
  MDT: fixed('America/Denver', -360),
  PT: generic('America/Los_Angeles'),
  PST: fixed('America/Los_Angeles', -480),
  PDT: fixed('America/Los_Angeles', -420),
  AKST: fixed('America/Anchorage', -540),
  AKDT: fixed('America/Anchorage', -480),
  HST: fixed('Pacific/Honolulu', -600),
  AST: fixed('America/Halifax', -240, 180),
  ADT: fixed('America/Halifax', -180),
  NST: fixed('America/St_Johns', -210),
  NDT: fixed('America/St_Johns', -150),
  // South America
  BRT: fixed('America/Sao_Paulo', -180),
  ART: fixed('America/Argentina/Buenos_Aires', -180),
  CLT: fixed('America/Santiago', -240),
  CLST: fixed('America/Santiago', -180),
  COT: fixed('America/Bogota', -300),
  PET: fixed('America/Lima', -300),
  UYT: fixed('America/Montevideo', -180),
  // Africa
  WAT: fixed('Africa/Lagos', 60),
  CAT: fixed('Africa/Maputo', 120),
  SAST: fixed('Africa/Johannesburg', 120),
  EAT: fixed('Africa/Nairobi', 180),
  // Asia
  IST: fixed('Asia/Kolkata', 330, 60, 120),
  IDT: fixed('Asia/Jerusalem', 180),
  GST: fixed('Asia/Dubai', 240),
  PKT: fixed('Asia/Karachi', 300),
  NPT: fixed('Asia/Kathmandu', 345),
  ICT: fixed('Asia/Bangkok', 420),
  WIB: fixed('Asia/Jakarta', 420),
  SGT: fixed('Asia/Singapore', 480),
  HKT: fixed('Asia/Hong_Kong', 480),
  PHT: fixed('Asia/Manila', 480),
  MYT: fixed('Asia/Kuala_Lumpur', 480),
  JST: fixed('Asia/Tokyo', 540),
  KST: fixed('Asia/Seoul', 540),
  // Oceania
  AWST: fixed('Australia/Perth', 480),
  ACST: fixed('Australia/Adelaide', 570),
  ACDT: fixed('Australia/Adelaide', 630),
  AEST: fixed('Australia/Sydney', 600),
  AEDT: fixed('Australia/Sydney', 660),
  NZST: fixed('Pacific/Auckland', 720),
  NZDT: fixed('Pacific/Auckland', 780),
};

/** Abbreviations that are also common words or letters ("Z", "ET", "CAT", "ART"): read only right after a time. */
export const ZONE_ABBREVIATIONS_AFTER_TIME_ONLY: ReadonlySet<string> = new Set(['Z', 'ET', 'CT', 'MT', 'PT', 'CAT', 'ART', 'GST', 'WIB', 'AST']);

/** An explicit offset written as a zone: "UTC+2", "GMT+5:30", "UTC-05:00". */
export const UTC_OFFSET_PATTERN = String.raw`(?:UTC|GMT)\s?[+−-]\s?\d{1,2}(?::?\d{2})?`;
const UTC_OFFSET_RE = /^(?:UTC|GMT)\s?([+−-])\s?(\d{1,2})(?::?(\d{2}))?$/;

/** What a zone written in a post means: a known abbreviation, or an explicit offset ("UTC+2"). */
export function zoneInfo(written: string): ZoneAbbreviation | undefined {
  const known = ZONE_ABBREVIATIONS[written];
  if (known) return known;
  const m = UTC_OFFSET_RE.exec(written);
  if (!m) return undefined;
  const minutes = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === '+' ? 1 : -1);
  return Math.abs(minutes) <= 14 * 60 ? fixed(null, minutes) : undefined;
}

/** The UTC offsets (minutes) an abbreviation can mean on a date; a generic one ("ET") means one. */
export function offsetsOf(abbreviation: string, date: string): number[] {
  const entry = zoneInfo(abbreviation);
  if (!entry) return [];
  if (entry.offsets.length > 0) return [...entry.offsets];
  return [DateTime.fromISO(`${date}T12:00`, { zone: entry.zone! }).offset];
}

/** The offset (minutes) an abbreviation means on a date in an event held in `zone` (null: its usual meaning). */
export function offsetFor(abbreviation: string, date: string, zoneOffset: number | null): number | null {
  const offsets = offsetsOf(abbreviation, date);
  if (offsets.length === 0) return null;
  return zoneOffset !== null && offsets.includes(zoneOffset) ? zoneOffset : offsets[0]!;
}
