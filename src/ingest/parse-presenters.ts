import type { SpeakerMention } from '../domain/types.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { parseNamesAtStart } from './parse-prose-speakers.ts';
import { looksLikePersonName, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { isGivenName } from './split-run-on-speakers.ts';

// Presenters named by the sentence that introduces a talk: "Acme's Ann Lee and Bo Tran are giving the talk
// “…”", "For example, Ann Lee from Acme will be presenting […](sched)", "… and Bo Tran, one of the
// maintainers, will be presenting […](sched)".

/** A sentence that ends by saying its subject gives the talk named next: "… are giving the talk", "… will be presenting". */
const PRESENTS =
  /\s+(?:(?:are|is|will\s+be)\s+(?:giving|presenting|delivering|hosting|taking\s+part\s+in)|will\s+(?:give|present|deliver|host|take\s+part\s+in)|gave|presented|delivered|took\s+part\s+in)(?:\s+(?:the|a|an|their|his|her)?\s*(?:talk|session|keynote|presentation|workshop|tutorial))?\s*$/i;
/** A role set off by commas after a name: ", one of the project's maintainers,". */
const APPOSITIVE = /,\s+(?:one of|a|an|the|our|who)\b[^,]*,?\s*$/i;
const ORG = '(\\p{Lu}[\\p{L}\\d&._-]*(?:\\s+\\p{Lu}[\\p{L}\\d&._-]*){0,3})';
const POSSESSIVE = new RegExp(`^${ORG}['’]s\\s+(.+)$`, 'u');
const FROM = new RegExp(`^(.+?)\\s+(?:from|of)\\s+${ORG}$`, 'u');

/** The names of `subject` when the whole of it reads as names, with an organization before ("Acme's") or after ("from Acme"). */
function namesOf(subject: string, grammar: SpeakerGrammarOptions): SpeakerMention[] | null {
  let organization: string | null = null;
  const possessive = POSSESSIVE.exec(subject);
  const from = FROM.exec(subject);
  if (possessive) [organization, subject] = [possessive[1]!, possessive[2]!];
  else if (from) [subject, organization] = [from[1]!, from[2]!];
  const names = parseNamesAtStart(subject, grammar);
  const covered = names
    .map((n) => n.name)
    .join(' ')
    .replace(/\W+/g, '');
  if (names.length === 0 || covered !== subject.replace(/\([^()]*\)/g, '').replace(/\band\b|\W+/g, '')) return null; // "Ann Lee (Acme)": the organization in parentheses
  return names.map((n) => ({ ...n, organization: n.organization ?? organization }));
}

/**
 * The presenters the end of `text` names before the talk that follows it, or null. The subject is the
 * longest run of words before the verb (`presents`, by default "… will be presenting") that reads as names
 * ("For example, Ann Lee …" → Ann Lee).
 */
export function parsePresenters(text: string, grammar: SpeakerGrammarOptions = {}, presents: RegExp = PRESENTS): SpeakerMention[] | null {
  const sentence = text.split(/[.!?]\s+/).pop() ?? text;
  const verb = presents.exec(sentence);
  if (!verb) return null;
  const subject = sentence.slice(0, verb.index).replace(APPOSITIVE, '').trim();
  const words = subject.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    if (!/^\p{Lu}/u.test(words[i]!)) continue;
    const names = namesOf(words.slice(i).join(' '), grammar);
    if (names) return names;
  }
  return null;
}

/** A person's profile page: what a name linked in a talk's description points at. */
const PROFILE_URL = /linkedin\.com\/in\/|(?:twitter|x)\.com\/\w+\/?$|bsky\.app\/profile\/|^https?:\/\/github\.com\/[\w-]+\/?$/i;
/** "… this session with [Ann](profile), [Bo](profile) and [Cy](profile)", "Join maintainers [Ann](profile) and …". */
const SESSION_WITH = /(?:\b(?:session|talk|workshop|tutorial|panel|contribfest|keynote)\b[^.!?]*\b(?:with|by|from)|^join\b[^.!?]{0,40})\s*$/i;
/** "Ann from Acme will cover …", "Ann Lee and Bo Tran will be presenting …", "Ann Lee presented …": a sentence that opens with who gives the talk. */
const OPENS_WITH_PRESENTERS =
  /^(.{2,160}?)\s+(?:(?:presented|talked|spoke|showed|demonstrated|demoed|discussed|explained|walked|shared)\b|will\s+(?:be\s+\p{Ll}+ing|\p{Ll}+)\b)/u;
/** Roles set off by commas after each name: "Ann Lee, founder of Widgets, and Bo Tran, lead maintainer,". */
const ROLES_BETWEEN_COMMAS = /,\s+(?!and\s)(?:both\s+|all\s+)?\p{Ll}[^,]*(?=,|$)/gu;

/**
 * The presenters a sentence opens with, before "will cover", "will be presenting", "presented" …, their roles set off by
 * commas dropped: "Ann Lee, founder of Widgets, and Bo Tran, lead maintainer, will be presenting …".
 */
export function parseOpeningPresenters(text: string, grammar: SpeakerGrammarOptions = {}): SpeakerMention[] | null {
  const opening = OPENS_WITH_PRESENTERS.exec(text);
  if (!opening) return null;
  return namesOf(opening[1]!.replace(ROLES_BETWEEN_COMMAS, '').replace(/,\s*$/, '').trim(), grammar);
}

/** Speakers linked to their profiles after "this session with", in order; stops at the first thing that is not one. */
function linkedNamesAfterSessionWith(block: Block): SpeakerMention[] {
  const inline = block.inline;
  const first = inline.findIndex((n) => n.type === 'link' && PROFILE_URL.test(n.url));
  if (first < 0 || !SESSION_WITH.test(inlineText(inline.slice(0, first)))) return [];
  const names: string[] = [];
  for (const node of inline.slice(first)) {
    const text = node.type === 'link' ? inlineText(node.children).trim() : '';
    if (node.type === 'link' && PROFILE_URL.test(node.url) && looksLikePersonName(text)) names.push(text);
    else if (!(node.type === 'text' && /^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/.test(node.value))) break;
  }
  return names.map((name) => ({ name, organization: null, role: null }));
}

/**
 * The speakers a paragraph of a talk's description names, for a talk that has none: linked after "this
 * session with", or opening the paragraph before "will cover"/"will present" (a lone first name only when it
 * is a common given name: "Ann from Acme will cover …"), or opening a later sentence of it.
 */
export function parseAbstractSpeakers(block: Block, grammar: SpeakerGrammarOptions = {}, url: string | null = null): SpeakerMention[] {
  if (block.kind !== 'paragraph') return [];
  const linked = linkedNamesAfterSessionWith(block);
  if (linked.length > 0) return linked;
  const names = parseOpeningPresenters(block.text, grammar);
  if (names?.every((n) => n.name.includes(' ') || isGivenName(n.name))) return names;
  // A later sentence may open with the presenter: "This talk will first outline … Ilya will go on to explain …". A lone
  // first name there counts when the talk's page address holds it (schedule pages end with their speakers' names).
  const words = new Set((url ?? '').toLowerCase().split(/[^\p{L}]+/u));
  for (const sentence of block.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).slice(1)) {
    const later = parseOpeningPresenters(sentence, grammar);
    if (later?.every((n) => n.name.includes(' ') || words.has(n.name.toLowerCase()))) return later;
  }
  return [];
}

/**
 * Everyone a description says will give the session, clause by clause: "… not sure where to start? Ann Lee will
 * help you …", "Bo Tran will share …, and Cy Oduya will conduct …". Full names only.
 */
export function parseClausePresenters(text: string, grammar: SpeakerGrammarOptions = {}): SpeakerMention[] {
  const speakers: SpeakerMention[] = [];
  for (const clause of text.split(/(?<=[.?!;])\s+|,\s+and\s+/)) {
    const opening = (parseOpeningPresenters(clause.trim(), grammar) ?? []).filter((s) => s.name.includes(' '));
    // "Staff from Acme will be collaborating with Ann Lee to share …": a subject that is not a person gives the session with the people it names.
    const partner = opening.length === 0 ? PRESENTS_WITH.exec(clause) : null;
    const partners = partner ? parseNamesAtStart(partner[1]!, grammar) : [];
    for (const s of [...opening, ...partners]) if (s.name.includes(' ') && !speakers.some((k) => k.name === s.name)) speakers.push(s);
  }
  return speakers;
}

/** A clause whose subject (a group, a team) gives the session with people it names: "… will be collaborating with Ann Lee to …". */
const PRESENTS_WITH = /\bwill\s+(?:be\s+)?(?:collaborat\w+|work\w*|partner\w*|team\w*\s+up|pair\w*|co-?present\w*)\s+(?:together\s+)?with\s+(\p{Lu}[\s\S]*)$/u;

/** What a person did in a session, right after their linked name (a role between commas may come first): "demonstrated", "followed Bo and spoke". */
const TOOK_THE_FLOOR =
  /^\s*(?:,\s*(?:the|a|an|our|one\s+of)\b[^,.]{0,80}?,?\s+)?(?:opened|closed|demonstrated|demoed|spoke|talked|presented|showed|explained|shared|followed|gave|walked|discussed|introduced|covered)\b/i;

/**
 * The people a recap says took the floor in turn in one session, linked to their profiles as the subjects of
 * what they did: "After Ann, [Bo Tran](profile) demonstrated …. [Cy Oduya](profile) followed Bo and spoke
 * about …. Lastly, [I](profile) spoke about …". "I" is the post's author, when the post names one.
 */
export function parseTurnPresenters(block: Block, author: string | null): SpeakerMention[] {
  const speakers: SpeakerMention[] = [];
  block.inline.forEach((node, index) => {
    const next = block.inline[index + 1];
    if (node.type !== 'link' || !PROFILE_URL.test(node.url) || next?.type !== 'text' || !TOOK_THE_FLOOR.test(next.value)) return;
    const text = inlineText(node.children).trim();
    const name = text === 'I' ? author : text.includes(' ') && looksLikePersonName(text) ? text : null;
    if (name && !speakers.some((s) => s.name === name)) speakers.push({ name, organization: null, role: null });
  });
  return speakers;
}

/** "we had <people> present to …", "we invited <people> to speak": the people a host had give the session. */
const HAD_PRESENT = /\b(?:had|invited|welcomed)\s+([^.!?]{3,200}?)\s+(?:to\s+)?(?:present|speak|talk|demo)\b/i;

/**
 * The presenters a host says it had give the session, after their role: "we had the Acme product managers,
 * Ann Lee and Bo Tran present to the audience" (the role is not an organization).
 */
export function parseHostedPresenters(text: string, grammar: SpeakerGrammarOptions = {}): SpeakerMention[] {
  const phrase = HAD_PRESENT.exec(text)?.[1];
  if (!phrase) return [];
  const parts = phrase.split(/,\s+(?!and\b)/);
  const names = namesOf(parts[parts.length - 1]!.trim(), grammar);
  return names?.every((n) => n.name.includes(' ')) ? names.map((n) => ({ ...n, organization: null })) : [];
}
