import type { TalkKind } from '../domain/types.ts';
import { squish } from '../domain/text.ts';

/** Title prefixes that name the kind of session, most specific first. */
const KIND_PREFIXES: ReadonlyArray<[RegExp, TalkKind]> = [
  [/^sponsored\s+keynotes?\b/i, 'SPONSORED_KEYNOTE'],
  [/^keynotes?\b/i, 'KEYNOTE'],
  [/^tutorials?\b/i, 'TUTORIAL'],
  [/^workshops?\b/i, 'WORKSHOP'],
  [/^lightning\s+talks?\b/i, 'LIGHTNING_TALK'],
  [/^panel(?:\s+discus+ion)?\b/i, 'PANEL'],
];

/** Decides the kind of a talk from its title: a prefix such as "Keynote:" or words such as "Project Meeting". */
export function classifyKind(title: string): TalkKind {
  const bare = squish(title.replace(/^[^\p{L}\p{N}]+/u, ''));
  for (const [pattern, kind] of KIND_PREFIXES) if (pattern.test(bare)) return kind;
  if (/\bmeeting\b/i.test(bare) && !/:/.test(bare)) return 'MEETING';
  if (/\b(welcome|opening|closing)\s+(?:\+\s*|and\s+|&\s*)?(?:opening\s+)?remarks\b/i.test(bare)) return 'OPENING_REMARKS';
  return 'TALK';
}
