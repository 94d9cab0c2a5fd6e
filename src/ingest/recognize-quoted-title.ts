import { MAX_FIELD_CHARS, cleanProseTitle, isTalkUrl, type HeaderRecognizer } from './talk-header.ts';
import { parseNameAtEnd, parseNamesAtStart } from './parse-prose-speakers.ts';
import { parseSpeakerList, type SpeakerGrammarOptions } from './parse-speakers.ts';
import type { PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { parseWhen } from './parse-when.ts';
import { inlineText } from './markdown-blocks.ts';

/** The first link of the entry to a schedule or recording page (the quoted title itself, or a link after it). */
function firstSessionLinkOf(inline: readonly PhrasingContent[]): string | null {
  for (const node of inline) {
    if (node.type === 'link' && (isTalkUrl(node.url) || /sched\.(?:org|com)\/event/i.test(node.url))) return node.url;
    if (node.type !== 'link' && 'children' in node) {
      const inner = firstSessionLinkOf(node.children as PhrasingContent[]);
      if (inner) return inner;
    }
  }
  return null;
}

function linkTexts(inline: readonly PhrasingContent[]): string[] {
  return inline.flatMap((n) => (n.type === 'link' ? [inlineText(n.children).trim()] : 'children' in n ? linkTexts(n.children as PhrasingContent[]) : []));
}

/** A quoted span of running text: “Title” or "Title". */
const QUOTED = /(["“])([^"“”]{3,150}?)(["”])/g;
/** Words that say the quoted text names a session. */
const SESSION_WORD = /\b(?:talks?|sessions?|keynotes?|presentations?|lectures?|workshops?|tutorials?|demos?)\b/i;

/** A sentence that ends by saying its subject gives the quoted talk: "… are giving the talk", "… will be presenting". */
const PRESENTS =
  /\s+(?:(?:are|is|will\s+be)\s+(?:giving|presenting|delivering|hosting)|will\s+(?:give|present|deliver|host)|gave|presented|delivered)(?:\s+(?:the|a|an|their|his|her)?\s*(?:talk|session|keynote|presentation|workshop|tutorial))?\s*$/i;

/**
 * The presenters a sentence names before the quoted title: "Acme's Ann Lee and Bo Tran are giving the talk",
 * "Ann Lee and Bo Tran from Acme will be presenting". The organization (a possessive before the names, or
 * "from"/"of" after them) is everyone's. Null unless the whole subject reads as names.
 */
function presentersBefore(sentence: string, grammar: SpeakerGrammarOptions): SpeakerMention[] | null {
  const verb = PRESENTS.exec(sentence);
  if (!verb) return null;
  let subject = sentence.slice(0, verb.index).trim();
  let organization: string | null = null;
  const possessive = /^(\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*){0,3})['’]s\s+(.+)$/u.exec(subject);
  const from = /^(.+?)\s+(?:from|of)\s+(\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*){0,3})$/u.exec(subject);
  if (possessive) [, organization, subject] = possessive as unknown as [string, string, string];
  else if (from) [, subject, organization] = from as unknown as [string, string, string];
  const names = parseNamesAtStart(subject, grammar);
  const covered = names
    .map((n) => n.name)
    .join(' ')
    .replace(/\W+/g, '');
  if (names.length === 0 || covered !== subject.replace(/\b(?:and)\b|\W+/g, '')) return null;
  return names.map((n) => ({ ...n, organization: n.organization ?? organization }));
}

/** The first sentence after the title that gives a day and a time: "The session is Wednesday, May 7 from 5:25pm - 6:00pm". */
function scheduleSentenceOf(text: string): string | null {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const when = parseWhen(sentence);
    if (when.month !== null && when.day !== null && when.start !== null) return sentence;
  }
  return null;
}

/**
 * Recaps that name a talk in quotes inside a sentence: `The talk _"Title"_ by **Name** and **Name** was…`,
 * `Another standout was "Title" by Name.`, `a great session from my colleague Name, "Title," where…`.
 * Only outside an entry: inside one, a quoted title restates the talk being described.
 */
export const recognizeQuotedTitle: HeaderRecognizer = (block, { grammar, insideTalk }) => {
  if (block.kind !== 'paragraph' && block.kind !== 'listItem') return null;
  const text = block.text;
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[2]!;
    // Several sentences are a quotation, not a title, unless the quoted words are a link's ("“[Why? A Guide](sched)”").
    if (/[.!?]\s+\p{Lu}/u.test(inner) && !linkTexts(block.inline).includes(inner.trim())) continue;
    const title = cleanProseTitle(inner);
    if (!/\p{L}/u.test(title)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - MAX_FIELD_CHARS), m.index);
    const after = text.slice((m.index ?? 0) + m[0].length);
    // "Ann Lee and Bo Tran are giving the talk “[Title](sched)”. … Wednesday, May 7 from 5:25pm": presenters, a
    // schedule link and the day in the sentences after it. Also after another such talk: the next one of a run.
    const presenters = presentersBefore(before.split(/[.!?]\s+/).pop() ?? before, grammar);
    const url = firstSessionLinkOf(block.inline);
    if (presenters && url) return { title, url, speakers: presenters, unreadableSpeakers: [], whenText: scheduleSentenceOf(after), recognizer: 'quoted-title' };
    if (insideTalk) continue;
    const attributed = /^\s*,?\s*by\s+(.+)$/is.exec(after);
    // "by Name, Role, Org -* link": the comma grammar reads the attribution up to the dash; else names in prose.
    const attribution = attributed ? attributed[1]!.split(/\s+[-–—]\S*\s|\s+https?:\/\//)[0]! : '';
    let speakers = attributed ? (parseSpeakerList(attribution, grammar) ?? parseNamesAtStart(attributed[1]!, grammar)) : [];
    if (speakers.length === 0) {
      const sentence = before.split(/[.!?]\s+/).pop() ?? before;
      const named = SESSION_WORD.test(sentence) ? parseNameAtEnd(sentence, grammar) : null;
      if (named) speakers = [named];
    }
    if (speakers.length > 0)
      return { title, url: firstSessionLinkOf(block.inline), speakers, unreadableSpeakers: [], whenText: null, recognizer: 'quoted-title' };
  }
  return null;
};
