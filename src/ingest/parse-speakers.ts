import type { SpeakerMention } from '../domain/types.ts';
import { squish } from '../domain/text.ts';

export interface SpeakerParse {
  speakers: SpeakerMention[];
  /** Pieces of the text that could not be read as a name, role or organization. */
  unreadable: string[];
}

export interface SpeakerGrammarOptions {
  /** Recognises organization names and aliases from reference data ("Isovalent, now part of Cisco"). */
  isKnownOrganization?: (text: string) => boolean;
}

const ROLE_WORDS =
  /\b(cto|ceo|coo|cio|ciso|cpo|vp|svp|evp|founder|co-?founder|engineer|engineering|developer|maintainer|manager|director|head|lead|architect|advocate|evangelist|principal|staff|senior|chief|president|chair|co-?chairs?|program|product|researcher|scientist|consultant|member|committer|specialist|officer|sre|intern|student|professor|editor|reporter|analyst|partner|contributor|owner|fellow|host|moderator)\b/i;
const CORPORATE_SUFFIX = /^(inc\.?|llc\.?|ltd\.?|l\.?p\.?|gmbh|ag|s\.?a\.?|b\.?v\.?|corp\.?|co\.?|plc|limited|incorporated)$/i;
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'bin', 'al', 'ter', 'y']);
/** Words that occur in titles and never in a person's name. */
const TITLE_WORDS = new Set(
  'a an the to of in on for with and or is are be why how what when where who we you your our my it its this that from into at by vs not no new all more less than about beyond'.split(' '),
);
const AND_SPLIT = /\s*(?:&|\band\b|\+)\s*/i;

/** A plausible person name: 1–6 words, each capitalised (or a particle like "de"), no digits. */
export function looksLikePersonName(text: string): boolean {
  const words = squish(text).split(' ');
  if (words.length === 0 || words.length > 6 || text.length > 60 || /\d|@|\/|[!?:]/.test(text)) return false;
  if (words.some((w) => TITLE_WORDS.has(w.toLowerCase()))) return false;
  return words.every((w) => /^[\p{Lu}][\p{L}.'’\-]*$/u.test(w) || NAME_PARTICLES.has(w) || /^\p{Lu}\.?$/u.test(w));
}

function looksLikeRole(text: string): boolean {
  return ROLE_WORDS.test(text);
}

function splitNames(text: string): string[] {
  return text
    .split(AND_SPLIT)
    .flatMap((part) => part.split(','))
    .map(squish)
    .filter(Boolean);
}

/** Re-joins comma pieces that belong together: "Isovalent, now part of Cisco", "Example, Inc". */
function mergeCommaContinuations(segments: string[], options: SpeakerGrammarOptions): string[] {
  const merged: string[] = [];
  for (const segment of segments) {
    const previous = merged[merged.length - 1];
    const continues =
      previous !== undefined &&
      (CORPORATE_SUFFIX.test(segment) ||
        /^(?:now|formerly|previously|part of|acquired by|a|an)\b/.test(segment) ||
        options.isKnownOrganization?.(`${previous}, ${segment}`) === true);
    if (continues) merged[merged.length - 1] = `${previous}, ${segment}`;
    else merged.push(segment);
  }
  return merged;
}

interface GroupState {
  names: string[];
  role: string | null;
  organization: string | null;
}

function flush(state: GroupState, into: SpeakerMention[]): void {
  for (const name of state.names) into.push({ name, organization: state.organization, role: state.role });
  state.names = [];
  state.role = null;
  state.organization = null;
}

/**
 * Reads one `;`-free group of the comma grammar:
 * "Anne Zepecki & Sritej Attaluri, Bloomberg LP", "Thomas Graf, CTO, Isovalent",
 * "Daniel Bernier, Bell Canada & Louis De Los Santos, Isovalent".
 */
function parseCommaGroup(group: string, options: SpeakerGrammarOptions, result: SpeakerParse): void {
  const segments = mergeCommaContinuations(group.split(',').map(squish).filter(Boolean), options);
  const state: GroupState = { names: [], role: null, organization: null };
  const isOrg = (s: string) => options.isKnownOrganization?.(s) === true;

  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    if (index === 0) {
      state.names = splitNames(segment);
      return;
    }
    const andParts = isOrg(segment) ? [segment] : segment.split(AND_SPLIT);
    const andLeft = andParts.slice(0, -1).join(' & ');
    const continuesNames = !isLast && state.organization === null && !isOrg(andLeft) && looksLikePersonName(andLeft);
    if (andParts.length > 1 && continuesNames) {
      state.names.push(...splitNames(segment)); // "Name, Name & Name, Org"
      return;
    }
    if (andParts.length > 1 && looksLikePersonName(andParts[andParts.length - 1]!)) {
      // "Org & Next Name": the left side closes the current group, the right side opens the next one.
      if (state.names.length > 0 && looksLikeRole(andLeft) && !isOrg(andLeft)) state.role = andLeft;
      else state.organization = andLeft;
      flush(state, result.speakers);
      state.names = [andParts[andParts.length - 1]!];
      return;
    }
    if (isOrg(segment)) {
      state.organization = segment;
      if (!isLast) flush(state, result.speakers);
      return;
    }
    if (looksLikeRole(segment) && state.role === null) {
      state.role = segment;
      return;
    }
    if (!isLast && state.organization === null && state.role === null && looksLikePersonName(segment)) {
      state.names.push(...splitNames(segment));
      return;
    }
    state.organization = segment;
    if (!isLast) flush(state, result.speakers);
  });
  flush(state, result.speakers);
}

/** Reads "Name (Org), Name and Name (Role, Org)" lists. */
function parseParenthesised(text: string, options: SpeakerGrammarOptions, result: SpeakerParse): void {
  const re = /([^()]+?)\s*\(([^()]*)\)/g;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const names = splitNames(m[1]!.replace(/^[\s,;&]+|^and\s+/i, ''));
    const inside = mergeCommaContinuations(m[2]!.split(',').map(squish).filter(Boolean), options);
    const organization = inside.length > 0 ? inside[inside.length - 1]! : null;
    const role = inside.length > 1 ? inside.slice(0, -1).join(', ') : null;
    for (const name of names) result.speakers.push({ name, organization, role });
    consumed = (m.index ?? 0) + m[0].length;
  }
  const tail = text.slice(consumed).replace(/^[\s,;&]+/, '');
  if (tail) for (const name of splitNames(tail)) result.speakers.push({ name, organization: null, role: null });
}

/** Parses a speaker list in any of the grammars authors use. Never throws. */
export function parseSpeakers(text: string, options: SpeakerGrammarOptions = {}): SpeakerParse {
  const result: SpeakerParse = { speakers: [], unreadable: [] };
  const cleaned = squish(text.replace(/^\s*(?:by|with|speakers?:|presented by)\s+/i, '')).replace(/(\p{Ll}{2})\.$/u, '$1');
  if (!cleaned) return result;
  if (/\([^()]+\)/.test(cleaned)) parseParenthesised(cleaned, options, result);
  else for (const group of cleaned.split(';').map(squish).filter(Boolean)) parseCommaGroup(group, options, result);

  result.speakers = result.speakers.filter((s) => {
    if (looksLikePersonName(s.name)) return true;
    result.unreadable.push(s.name);
    return false;
  });
  return result;
}
