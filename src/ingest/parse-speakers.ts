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
  /\b(cto|ceo|coo|cio|ciso|cpo|vp|svp|evp|founders?|co-?founders?|engineers?|engineering|developers?|maintainers?|managers?|directors?|head|leads?|architects?|advocates?|ambassadors?|evangelists?|principal|staff|senior|chief|president|chairs?|co-?chairs?|program|product|researchers?|scientists?|consultants?|members?|committers?|specialists?|officers?|sre|interns?|students?|professor|editor|reporter|analysts?|partner|contributors?|owners?|fellows?|hosts?|moderators?|organi[sz]ers?|emcee|mc|writer)\b/i;
/** Words that occur in names of organizations and never in a person's name. */
const ORGANIZATION_WORDS =
  /(?:^|\s)(inc\.?|llc|ltd\.?|gmbh|ag|s\.?a\.?|b\.?v\.?|n\.?v\.?|plc|corp\.?|corporation|company|labs?|technolog(?:y|ies)|systems|software|solutions|networks|security|cloud|group|holdings|universit(?:y|ät|é|à|ad|eit|y college)|institut(?:e|o)?|college|school|academy|foundation|bank|banca|capital|games|markets|retail|times|research|consulting|media|telecom|communications|services|ventures|industries|international|digital|computing|analytics|studios?|insurance|financial|ministry|agency)(?=\s|$)/i;
/** "Solo.io", "Slim.AI", "FlowPulse.AI": a domain name used as an organization name. */
const DOMAIN_NAME = /[\p{L}\d-]\.(?:io|ai|com|net|org|dev|cloud|tech|co|app)\b/iu;
const CORPORATE_SUFFIX = /^(inc\.?|llc\.?|ltd\.?|l\.?p\.?|gmbh|ag|s\.?a\.?|b\.?v\.?|corp\.?|co\.?|plc|limited|incorporated)$/i;
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'bin', 'al', 'ter', 'y']);
/** Words that occur in titles and never in a person's name. */
const TITLE_WORDS = new Set(
  'a an the to of in on for with and or is are be why how what when where who we you your our my it its this that from into at by vs not no new all more less than about beyond'.split(
    ' ',
  ),
);
/** Words that end an event's name and never a person's: "… Conference", "… Summit". */
const GATHERING_WORD = /^(?:conference|summit|symposium|meetup|forum|expo|hackathon|webinar|convention)$/i;
/** A weekday that a speaker list runs straight into ("Jane Doe, Acme Tuesday, May 2"): the rest is the schedule. */
const WEEKDAY_TAIL =
  /\s+(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b,?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[\s\S]*$/i;
/** A nickname written inside a name: "Jung-Yu (Gina) Yeh" (a capitalised word follows the parentheses). */
const NICKNAME = /\((\p{Lu}[\p{L}'’-]*)\)\s+(?=\p{Lu}\p{Ll})/gu;
/** Longest text read as a speaker list (a panel of ten with organizations fits easily). */
const MAX_SPEAKER_TEXT = 600;
const AND_SPLIT = /\s*(?:&|\band\b|\+)\s*/i;
/** "Head of Infrastructure at CERN": a role, then the organization. */
const ROLE_AT_ORG = /^(.*\S)\s+at\s+(\S.*)$/i;

/** A plausible person name: 1–6 words, each capitalised (or a particle like "de"), no digits. */
export function looksLikePersonName(text: string): boolean {
  const words = squish(text).split(' ');
  if (words.length === 0 || words.length > 6 || text.length > 60 || /\d|@|\/|[!?:]/.test(text)) return false;
  // A capital letter closing a name is an initial ("Aswin A"), not the article.
  if (words.some((w, i) => TITLE_WORDS.has(w.toLowerCase()) && !(i > 0 && i === words.length - 1 && /^\p{Lu}$/u.test(w)))) return false;
  if (words.length > 1 && GATHERING_WORD.test(words[words.length - 1]!)) return false; // "Widget Native Conference": an event
  return words.every((w) => /^[\p{Lu}][\p{L}.'’-]*$/u.test(w) || NAME_PARTICLES.has(w) || /^\p{Lu}\.?$/u.test(w) || /^\(\p{Lu}[\p{L}'’-]*\)$/u.test(w));
}

/** A plausible organization or affiliation as written: short, not a sentence. */
export function looksLikeOrganization(text: string): boolean {
  const t = squish(text);
  if (!t || t.length > 80 || /[!?]/.test(t)) return false;
  const words = t.split(' ');
  if (words.length > 8) return false;
  if (/[.:;]$/.test(t) && !CORPORATE_SUFFIX.test(words[words.length - 1]!) && !/^(?:\p{L}\.)+$/u.test(words[words.length - 1]!)) return false;
  const functionWords = words.filter((w) => TITLE_WORDS.has(w)).length;
  if (functionWords > 2) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised > 0 || words.length <= 3;
}

export function looksLikeRole(text: string): boolean {
  return ROLE_WORDS.test(text);
}

/** True when the text carries a sign of being an organization: known, an organization word, or a domain name. */
export function hasOrganizationCue(text: string, options: SpeakerGrammarOptions = {}): boolean {
  return options.isKnownOrganization?.(text) === true || ORGANIZATION_WORDS.test(text) || DOMAIN_NAME.test(text);
}

/** Splits an affiliation into role and organization: "CTO" → role; "Head of X at CERN" → both; "Isovalent" → org. */
export function parseAffiliation(text: string, options: SpeakerGrammarOptions = {}): { role: string | null; organization: string | null } {
  const t = squish(text);
  if (options.isKnownOrganization?.(t)) return { role: null, organization: t };
  const roleAt = ROLE_AT_ORG.exec(t);
  if (roleAt && looksLikeRole(roleAt[1]!) && !hasOrganizationCue(roleAt[1]!, options)) return { role: roleAt[1]!, organization: roleAt[2]! };
  if (looksLikeRole(t) && !hasOrganizationCue(t, options)) return { role: t, organization: null };
  return { role: null, organization: t };
}

function splitNames(text: string): string[] {
  return text
    .split(AND_SPLIT)
    .flatMap((part) => part.split(','))
    .map(squish)
    .filter(Boolean);
}

const wordCount = (text: string) => squish(text).split(' ').length;

/** Re-joins comma pieces that belong together: "Isovalent, now part of Cisco", "Example, Inc". */
function mergeCommaContinuations(segments: string[], options: SpeakerGrammarOptions): string[] {
  const merged: string[] = [];
  for (const segment of segments) {
    const previous = merged[merged.length - 1];
    const head = segment.split(AND_SPLIT)[0]!; // "Inc & John Roe": the suffix ends the previous organization
    const continues =
      previous !== undefined &&
      (CORPORATE_SUFFIX.test(head) ||
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

function assignAffiliation(state: GroupState, text: string, options: SpeakerGrammarOptions): void {
  const { role, organization } = parseAffiliation(text, options);
  if (role) state.role = state.role ? `${state.role} ${role}` : role;
  if (organization) state.organization = organization;
}

/**
 * Reads one `;`-free group of the comma grammar:
 * "Anne Zepecki & Sritej Attaluri, Bloomberg LP", "Thomas Graf, CTO, Isovalent",
 * "Daniel Bernier, Bell Canada & Louis De Los Santos, Isovalent",
 * "Hemanth Malla, Program & Bill Mulligan, Co-Chairs".
 */
function parseCommaGroup(group: string, options: SpeakerGrammarOptions, result: SpeakerParse): void {
  const segments = mergeCommaContinuations(group.split(',').map(squish).filter(Boolean), options);
  const state: GroupState = { names: [], role: null, organization: null };
  const isOrg = (s: string) => options.isKnownOrganization?.(s) === true;
  let singleWordNames = false;
  // Names of one list are written alike: after full names, a lone word is an organization ("…, Ledger & …").
  const continuesNames = (text: string) =>
    looksLikePersonName(text) && !hasOrganizationCue(text, options) && !looksLikeRole(text) && (wordCount(text) > 1 || singleWordNames);

  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    if (index === 0) {
      state.names = splitNames(segment);
      singleWordNames = state.names.length > 0 && state.names.every((n) => wordCount(n) === 1);
      return;
    }
    // "Developer and Team Lead at CoreOS": one affiliation, its "and" joins roles, not people.
    const roleAt = ROLE_AT_ORG.exec(segment);
    const oneAffiliation = isOrg(segment) || (roleAt !== null && looksLikeRole(roleAt[1]!) && !hasOrganizationCue(roleAt[1]!, options));
    const andParts = oneAffiliation ? [segment] : segment.split(AND_SPLIT);
    if (andParts.length > 1) {
      const [first, ...others] = andParts as [string, ...string[]];
      if (continuesNames(first) && state.organization === null && state.role === null) {
        state.names.push(...splitNames(segment)); // "Name, Name & Name, Org"
        return;
      }
      // "Org & Next Name": the left side closes the current group, the right side opens the next one.
      assignAffiliation(state, first, options);
      flush(state, result.speakers);
      state.names = others.map(squish).filter(Boolean);
      return;
    }
    if (!isLast && state.organization === null && state.role === null && continuesNames(segment)) {
      state.names.push(segment); // "Name, Name, Name & Name, Org"
      return;
    }
    const { role, organization } = parseAffiliation(segment, options);
    if (role && !organization && state.organization === null) {
      state.role = state.role ? `${state.role}, ${role}` : role; // "Name, CTO, Org"
      return;
    }
    assignAffiliation(state, segment, options);
    if (!isLast) flush(state, result.speakers);
  });
  flush(state, result.speakers);
}

/** Reads "Name (Org), Name and Name (Role, Org)" and "Name (Role at Org)" lists. */
function parseParenthesised(text: string, options: SpeakerGrammarOptions, result: SpeakerParse): void {
  const re = /([^()]+?)\s*\(([^()]*)\)/g;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const names = splitNames(m[1]!.replace(/^[\s,;&]+|^and\s+/i, ''));
    const inside = mergeCommaContinuations(m[2]!.split(',').map(squish).filter(Boolean), options);
    const last = inside.length > 0 ? parseAffiliation(inside[inside.length - 1]!, options) : { role: null, organization: null };
    const roles = [...inside.slice(0, -1), ...(last.role ? [last.role] : [])];
    for (const name of names) result.speakers.push({ name, organization: last.organization, role: roles.length > 0 ? roles.join(', ') : null });
    consumed = (m.index ?? 0) + m[0].length;
  }
  const tail = text.slice(consumed).replace(/^[\s,;&]+/, '');
  if (tail) for (const name of splitNames(tail)) result.speakers.push({ name, organization: null, role: null });
}

/** Parses a speaker list in any of the grammars authors use. Never throws. */
export function parseSpeakers(text: string, options: SpeakerGrammarOptions = {}): SpeakerParse {
  const result: SpeakerParse = { speakers: [], unreadable: [] };
  const cleaned = squish(
    text
      .replace(/^\s*(?:by|with|speakers?:|presented by)\s+/i, '')
      .replace(/\s*\(\s*@[\w.-]+\s*\)/g, '') // "Name (@handle)": the handle is not part of the name
      .replace(/\s*,?\s+@\s+/g, ', ') // "Name, Name @ Org": the organization of the group
      .replace(WEEKDAY_TAIL, ''),
  ).replace(/(\p{Ll}{2})\.$/u, '$1');
  if (!cleaned) return result;
  if (cleaned.length > MAX_SPEAKER_TEXT) {
    result.unreadable.push(`${cleaned.slice(0, 60)}…`); // prose, not a speaker list
    return result;
  }
  // "Jung-Yu (Gina) Yeh": a nickname in parentheses inside a name is part of the name, not an organization.
  const protectedText = cleaned.replace(NICKNAME, '\u0001$1\u0002 ');
  if (/\([^()]+\)/.test(protectedText)) parseParenthesised(protectedText, options, result);
  else for (const group of protectedText.split(';').map(squish).filter(Boolean)) parseCommaGroup(group, options, result);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 and \u0002 stand in for parentheses while the list is split
  if (protectedText !== cleaned) for (const s of result.speakers) s.name = s.name.replace(/\u0001/g, '(').replace(/\u0002/g, ')');

  result.speakers = result.speakers.filter((s) => {
    if (!looksLikePersonName(s.name)) {
      result.unreadable.push(s.name);
      return false;
    }
    if (s.organization !== null && !looksLikeOrganization(s.organization)) {
      result.unreadable.push(s.organization);
      return false;
    }
    return true;
  });
  return result;
}

/**
 * Names only, when every part of a `,`/`&`/`and` list is a full name (two words or more) with no sign of an
 * organization: "Ann Lee, Bo Tran & Cy Oduya". Null for anything else ("Liz Rice, Isovalent").
 */
export function parseNameList(text: string, options: SpeakerGrammarOptions = {}): string[] | null {
  if (text.length > MAX_SPEAKER_TEXT || /[()]/.test(text)) return null;
  const names = splitNames(text);
  if (names.length < 2) return null;
  const allNames = names.every((n) => looksLikePersonName(n) && wordCount(n) >= 2 && !hasOrganizationCue(n, options) && !looksLikeRole(n));
  return allNames ? names : null;
}

/** The speakers of a text that is nothing but a speaker list, or null when any part of it is something else. */
export function parseSpeakerList(text: string, options: SpeakerGrammarOptions = {}): SpeakerMention[] | null {
  const parsed = parseSpeakers(text, options);
  return parsed.speakers.length > 0 && parsed.unreadable.length === 0 ? parsed.speakers : null;
}
