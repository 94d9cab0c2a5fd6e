import type { SpeakerMention } from '../domain/types.ts';
import { parseNamesAtStart } from './parse-prose-speakers.ts';
import type { SpeakerGrammarOptions } from './parse-speakers.ts';

// Presenters named by the sentence that introduces a talk: "Acme's Ann Lee and Bo Tran are giving the talk
// “…”", "For example, Ann Lee from Acme will be presenting […](sched)", "… and Bo Tran, one of the
// maintainers, will be presenting […](sched)".

/** A sentence that ends by saying its subject gives the talk named next: "… are giving the talk", "… will be presenting". */
const PRESENTS =
  /\s+(?:(?:are|is|will\s+be)\s+(?:giving|presenting|delivering|hosting)|will\s+(?:give|present|deliver|host)|gave|presented|delivered)(?:\s+(?:the|a|an|their|his|her)?\s*(?:talk|session|keynote|presentation|workshop|tutorial))?\s*$/i;
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
  if (names.length === 0 || covered !== subject.replace(/\band\b|\W+/g, '')) return null;
  return names.map((n) => ({ ...n, organization: n.organization ?? organization }));
}

/**
 * The presenters the end of `text` names before the talk that follows it, or null. The subject is the
 * longest run of words before the verb that reads as names ("For example, Ann Lee …" → Ann Lee).
 */
export function parsePresenters(text: string, grammar: SpeakerGrammarOptions = {}): SpeakerMention[] | null {
  const sentence = text.split(/[.!?]\s+/).pop() ?? text;
  const verb = PRESENTS.exec(sentence);
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
