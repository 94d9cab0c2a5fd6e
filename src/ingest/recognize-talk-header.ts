import type { Link, PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { isWhenOnly, mentionsNoWhen, parseWhen } from './parse-when.ts';
import { parseSpeakers, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';

/** A block recognised as the start of a talk entry. */
export interface TalkHeader {
  title: string;
  url: string | null;
  speakers: SpeakerMention[];
  /** Date/time text written on the header itself ("[Title](url) Friday May 20, 2022 11:55 - 12:30 CEST"). */
  whenText: string | null;
  /** Speaker text that could not be read. */
  unreadableSpeakers: string[];
  recognizer: string;
}

export type HeaderRecognizer = (block: Block, grammar: SpeakerGrammarOptions) => TalkHeader | null;

/** Link texts that point at material about something else, never a talk title. */
const GENERIC_LINK_TEXT =
  /^(?:more\s+)?(?:details?|info(?:rmation)?|here|link|slides?|video|recording|watch(?: it)?(?: here)?|see on youtube|youtube|register|sign ?up|schedule|full schedule|blog|docs?|read more|this)\.?$/i;

/** Links whose address is a talk page: schedules, recordings, conference talk records. */
const TALK_URL =
  /sched\.co\/|\.sched\.com\/event|youtube\.com\/watch|youtu\.be\/|sessionize\.com|pretalx|\/contributions?\/\d|\/talks?\/|\/sessions?\/[\w-]*\d|vimeo\.com\/\d/i;

export function isTalkUrl(url: string): boolean {
  return TALK_URL.test(url);
}

export function isGenericLinkText(text: string): boolean {
  return GENERIC_LINK_TEXT.test(squish(text));
}

function isDecoration(node: PhrasingContent): boolean {
  return (node.type === 'text' && /^[\s\p{Extended_Pictographic}\p{S}\p{P}\uFE0F\u200D]*$/u.test(node.value)) || node.type === 'image' || node.type === 'html';
}

/** Splits inline content around its single leading link: [before, link, after]. */
function splitAroundFirstLink(inline: PhrasingContent[]): [PhrasingContent[], Link, PhrasingContent[]] | null {
  const index = inline.findIndex((n) => n.type === 'link' || (n.type !== 'text' && 'children' in n && n.children.length === 1 && n.children[0]?.type === 'link'));
  if (index < 0) return null;
  const node = inline[index]!;
  const link = (node.type === 'link' ? node : (node as { children: PhrasingContent[] }).children[0]) as Link;
  return [inline.slice(0, index), link, inline.slice(index + 1)];
}

function readSpeakers(text: string, grammar: SpeakerGrammarOptions) {
  return parseSpeakers(text, grammar);
}

function isSpeakerList(text: string, grammar: SpeakerGrammarOptions): boolean {
  const parsed = parseSpeakers(text, grammar);
  return parsed.speakers.length > 0 && parsed.unreadable.length === 0;
}

/**
 * `[Title - Speakers](url)` as a paragraph, heading or list item, optionally followed by a date on
 * the same line, or preceded by the speakers (`Name (Org) - [Title](url)`).
 */
export const recognizeLinkHeader: HeaderRecognizer = (block, grammar) => {
  if (block.kind === 'html' || block.kind === 'tableRow') return null;
  const parts = splitAroundFirstLink(block.inline);
  if (!parts) return null;
  const [before, link, after] = parts;
  const linkText = inlineText(link.children);
  if (!linkText || isGenericLinkText(linkText)) return null;

  const beforeText = inlineText(before).replace(/[\s\-–—:|]+$/, '');
  const afterText = inlineText(after);
  let whenText: string | null = null;
  let trailingSpeakers: string | null = null;
  if (afterText) {
    const when = parseWhen(afterText);
    if (isWhenOnly(when)) whenText = afterText;
    else if (/^[\s,\-–—|]/.test(afterText) && isSpeakerList(afterText.replace(/^[\s,\-–—|]+(?:by\s+)?/i, ''), grammar))
      trailingSpeakers = afterText.replace(/^[\s,\-–—|]+(?:by\s+)?/i, '');
    else return null; // the link sits inside prose
  }
  const leadingIsDecoration = before.every(isDecoration);
  let leadingSpeakers: string | null = null;
  if (!leadingIsDecoration) {
    if (beforeText && isSpeakerList(beforeText, grammar)) leadingSpeakers = beforeText;
    else return null;
  }

  const split = splitTitleAndSpeakers(linkText.replace(/^[^\p{L}\p{N}"“'‘]+/u, ''), (tail) => isSpeakerList(tail, grammar));
  const speakerText = split.speakersText ?? trailingSpeakers ?? leadingSpeakers;
  const speakers = speakerText ? readSpeakers(speakerText, grammar) : { speakers: [], unreadable: [] };
  const hasTalkUrl = isTalkUrl(link.url);
  if (!hasTalkUrl && speakers.speakers.length === 0 && whenText === null) return null;
  return {
    title: split.title,
    url: link.url,
    speakers: speakers.speakers,
    unreadableSpeakers: speakers.unreadable,
    whenText,
    recognizer: hasTalkUrl ? 'link' : 'link-with-speakers',
  };
};

/**
 * `**Title** ([details](url)), Name (Org), Name (Org)` or `**Title**, by **Name (Org)**, …` in a
 * list item or paragraph. Accepted only when speakers follow the bold title.
 */
export const recognizeBoldTitleHeader: HeaderRecognizer = (block, grammar) => {
  if (block.kind !== 'listItem' && block.kind !== 'paragraph') return null;
  const firstIndex = block.inline.findIndex((n) => !isDecoration(n));
  const first = block.inline[firstIndex];
  if (!first || first.type !== 'strong') return null;
  const title = inlineText(first.children).replace(/[,:.\s]+$/, '');
  // Questions (interviews) and whole sentences (quotes) in bold are not talk titles.
  if (!title || title.length > 160 || /[?.!]["”’]?$/.test(title) || /^["“]/.test(title)) return null;
  const innerLink = first.children.find((n): n is Link => n.type === 'link');
  const rest = block.inline.slice(firstIndex + 1);
  const restLink = rest.find((n): n is Link => n.type === 'link');

  // Speakers are either bold (`by **Name (Org)**`) or the plain text after the title.
  const boldSpeakers = rest.filter((n) => n.type === 'strong').map((n) => inlineText([n]));
  let speakerText: string;
  if (boldSpeakers.length > 0) speakerText = boldSpeakers.join(', ');
  else {
    const withoutLinks = rest.filter((n) => n.type !== 'link');
    speakerText = inlineText(withoutLinks)
      .replace(/\(\s*\)/g, ' ')
      .replace(/^[\s,:\-–—]+(?:by\s+)?/i, '');
  }
  speakerText = squish(speakerText.replace(/^by\s+/i, ''));
  if (!speakerText) return null;
  const speakers = readSpeakers(speakerText, grammar);
  if (speakers.speakers.length === 0 || speakers.unreadable.length > 0) return null;
  return {
    title,
    url: innerLink?.url ?? restLink?.url ?? null,
    speakers: speakers.speakers,
    unreadableSpeakers: [],
    whenText: null,
    recognizer: 'bold-title',
  };
};

/** `## Title by Name (Org)` headings. */
export const recognizeTitleByHeading: HeaderRecognizer = (block, grammar) => {
  if (block.kind !== 'heading') return null;
  const m = /^(.+?)\s+by\s+(.+)$/i.exec(block.text);
  if (!m) return null;
  // Try every " by " from the right so titles that contain "by" stay whole.
  const words = block.text.split(/\s+by\s+/i);
  for (let i = words.length - 1; i >= 1; i--) {
    const title = words.slice(0, i).join(' by ');
    const tail = words.slice(i).join(' by ');
    const speakers = readSpeakers(tail, grammar);
    if (speakers.speakers.length > 0 && speakers.unreadable.length === 0) {
      const link = block.inline.find((n): n is Link => n.type === 'link');
      return { title, url: link?.url ?? null, speakers: speakers.speakers, unreadableSpeakers: [], whenText: null, recognizer: 'title-by' };
    }
  }
  return null;
};

/** The recognizers in the order they are tried; the first that accepts a block wins. */
export const HEADER_RECOGNIZERS: readonly HeaderRecognizer[] = [recognizeLinkHeader, recognizeBoldTitleHeader, recognizeTitleByHeading];

export function recognizeTalkHeader(block: Block, grammar: SpeakerGrammarOptions): TalkHeader | null {
  for (const recognize of HEADER_RECOGNIZERS) {
    const header = recognize(block, grammar);
    if (header) return header;
  }
  return null;
}

/** True when a block only states a date/time. */
export function isDateLine(block: Block): boolean {
  return block.kind !== 'heading' && isWhenOnly(parseWhen(block.text));
}

/** True when a block talks about time but could not be read as a date line. */
export function looksLikeBrokenDateLine(block: Block): boolean {
  if (block.text.length > 80) return false;
  const parts = parseWhen(block.text);
  return !mentionsNoWhen(parts) && !isWhenOnly(parts) && parts.rest.split(' ').length <= 2 && /\d/.test(block.text);
}
