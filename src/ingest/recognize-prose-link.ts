import type { Link, PhrasingContent } from 'mdast';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { parsePresenters } from './parse-presenters.ts';
import type { SpeakerMention } from '../domain/types.ts';
import { parseSpeakerList, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import { MAX_FIELD_CHARS, cleanProseTitle, isGenericLinkText, isScheduleUrl, isTalkUrl, linkTextLines, type TalkHeader } from './talk-header.ts';

// Talks named in running text by a link to their schedule page: "Helm will have sessions on an
// [_Introduction to Helm_](sched) and …", "a lightning talk about [Proxying Charts as Artifacts](sched)".
// The link text must read as a title (capitalised words), not as a phrase ("this [hands on session]").

/** Link text that reads as a title: starts with a capital or a digit, and has at least two capitalised words. */
export function looksLikeTitle(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2 || text.length > MAX_FIELD_CHARS || !/^[\p{Lu}\d"“'‘]/u.test(text)) return false;
  return words.filter((w) => /^["“'‘(]?[\p{Lu}\d]/u.test(w)).length >= 2;
}

/** A link phrase that names the section's own session: "this [hands on session](sched)", "[This 90-minute tutorial](sched)". */
export function isSessionPhrase(text: string): boolean {
  const demonstrative = /^(?:this|that|our|the)\s+(?:\S+\s+){0,2}(?:session|talk|workshop|tutorial|panel|keynote)$/i.test(text.trim());
  return demonstrative || (!looksLikeTitle(text) && /\b(?:session|talk|workshop|tutorial|contribfest|panel|keynote|here)\b/i.test(text));
}

function scheduleLinks(inline: readonly PhrasingContent[], out: Link[] = []): Link[] {
  for (const node of inline) {
    if (node.type === 'link') {
      if (isScheduleUrl(node.url)) out.push(node);
    } else if ('children' in node) scheduleLinks(node.children as PhrasingContent[], out);
  }
  return out;
}

/** "lightning talk", "contribfest session", "Widget Maintainer talk": a phrase that names a session of the post's own. */
const OWN_SESSION =
  /^(?!(?:the|this|that|these|those|our|my|his|her|their|its|a|an|one|another|any|every|each)\s)\S+(?:\s+\S+){0,3}\s+(?:talk|session|workshop|tutorial|panel)$/i;

/** "The second talk", "our next session": a talk of the post's own, named only by its place among them. */
const ORDINAL_SESSION = /^(?:the|our|my)\s+(?:first|second|third|fourth|fifth|next|last|final|other)\s+(?:talk|session|presentation)$/i;

/** People who "spoke about [recording]", "talked about how they [recording]": the recording is their talk. */
const SPOKE_ABOUT = /\s+(?:spoke|talked)\s+(?:about|on)(?:\s+how\s+(?:they|we|he|she))?\s*$/i;
/** A paragraph about keynotes: people there "spoke about" a project in others' keynotes, not in sessions of their own. */
const KEYNOTE = /\bkeynotes?\b/i;

/**
 * Talks a sentence names by a link to their schedule page or recording with a session phrase for its
 * text ("we gave an update through a [lightning talk](recording)"): the title is the link text as
 * written, the post gives no other. A recording linked from what people "spoke about" is their talk
 * ("Ann Lee and Bo Tran of Acme spoke about how they [moved widgets](recording)"), except in a paragraph
 * about keynotes: posts link others' keynotes the same way.
 */
function phraseLinks(inline: readonly PhrasingContent[], grammar: SpeakerGrammarOptions): TalkHeader[] {
  const headers: TalkHeader[] = [];
  let before = '';
  const aboutKeynotes = KEYNOTE.test(inlineText(inline));
  for (const node of inline) {
    const text = node.type === 'link' ? inlineText(node.children).replace(/\s+/g, ' ').trim() : '';
    const named = node.type === 'link' && isTalkUrl(node.url) && !(isScheduleUrl(node.url) && looksLikeTitle(text)) && !isGenericLinkText(text);
    // "at this [hands on session](sched)" is the section's own session, read with the section.
    if (named && !/\b(?:this|that)\s*$/i.test(before) && !/youtube\.com\/(?:playlist|@|c\/|channel\/)/i.test(node.url)) {
      const spokeAbout = !aboutKeynotes && !isScheduleUrl(node.url) ? parsePresenters(squish(before), grammar, SPOKE_ABOUT) : null;
      if (spokeAbout)
        headers.push({ title: text, url: node.url, speakers: spokeAbout, unreadableSpeakers: [], whenText: null, recognizer: 'prose-spoke-about' });
      else if (OWN_SESSION.test(text))
        headers.push({ title: text, url: node.url, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'prose-session-link' });
      // "[The second talk](sched) together with …": one of the post's own talks, counted; a video under it may name it.
      else if (ORDINAL_SESSION.test(text))
        headers.push({ title: text, url: node.url, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'prose-ordinal-link' });
    }
    before += ` ${node.type === 'link' ? text : inlineText([node])} `;
  }
  return headers;
}

/** The talks a paragraph of prose names by their schedule links, in order. */
export function recognizeProseScheduleLinks(block: Block, grammar: SpeakerGrammarOptions): TalkHeader[] {
  if (block.kind !== 'paragraph' && block.kind !== 'listItem') return [];
  const headers: TalkHeader[] = [];
  for (const link of scheduleLinks(block.inline)) {
    const [text = '', ...moreLines] = linkTextLines(link.children);
    if (isGenericLinkText(text) || !looksLikeTitle(text)) continue;
    // The link text may hold the speakers ("Title - Name, Org") and, on lines of its own, the date.
    let speakers: SpeakerMention[] = [];
    const split = splitTitleAndSpeakers(text, (tail) => {
      speakers = parseSpeakerList(tail, grammar) ?? [];
      return speakers.length > 0;
    });
    const whenText = moreLines.find((line) => isWhenOnly(parseWhen(line))) ?? null;
    const title = cleanProseTitle(split.title).replace(/^["“'‘](.+)["”'’]$/u, '$1'); // a title quoted inside its link
    headers.push({ title, url: link.url, speakers, unreadableSpeakers: [], whenText, recognizer: 'prose-schedule-link' });
  }
  return headers.length > 0 ? headers : phraseLinks(block.inline, grammar);
}

/** The first schedule link of a section's prose that names the section's own session, if any. */
export function sectionScheduleLinkOf(inline: readonly PhrasingContent[]): string | null {
  return scheduleLinks(inline).find((l) => isSessionPhrase(inlineText(l.children)))?.url ?? null;
}
