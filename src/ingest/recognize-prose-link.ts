import type { Link, PhrasingContent } from 'mdast';
import { inlineText, type Block } from './markdown-blocks.ts';
import type { SpeakerMention } from '../domain/types.ts';
import { parseSpeakerList, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import { MAX_FIELD_CHARS, cleanProseTitle, isGenericLinkText, isScheduleUrl, linkTextLines, type TalkHeader } from './talk-header.ts';

// Talks named in running text by a link to their schedule page: "Helm will have sessions on an
// [_Introduction to Helm_](sched) and …", "a lightning talk about [Proxying Charts as Artifacts](sched)".
// The link text must read as a title (capitalised words), not as a phrase ("this [hands on session]").

/** Link text that reads as a title: starts with a capital or a digit, and has at least two capitalised words. */
export function looksLikeTitle(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length < 2 || text.length > MAX_FIELD_CHARS || !/^[\p{Lu}\d"“'‘]/u.test(text)) return false;
  return words.filter((w) => /^["“'‘(]?[\p{Lu}\d]/u.test(w)).length >= 2;
}

/** A link phrase that names the section's own session: "this [hands on session](sched)". */
export function isSessionPhrase(text: string): boolean {
  return !looksLikeTitle(text) && /\b(?:session|talk|workshop|tutorial|contribfest|panel|keynote|here)\b/i.test(text);
}

function scheduleLinks(inline: readonly PhrasingContent[], out: Link[] = []): Link[] {
  for (const node of inline) {
    if (node.type === 'link') {
      if (isScheduleUrl(node.url)) out.push(node);
    } else if ('children' in node) scheduleLinks(node.children as PhrasingContent[], out);
  }
  return out;
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
  return headers;
}

/** The first schedule link of a section's prose that names the section's own session, if any. */
export function sectionScheduleLinkOf(inline: readonly PhrasingContent[]): string | null {
  return scheduleLinks(inline).find((l) => isSessionPhrase(inlineText(l.children)))?.url ?? null;
}
