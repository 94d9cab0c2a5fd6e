import type { Link, PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import type { SpeakerGrammarOptions } from './parse-speakers.ts';

/** A block recognised as the start of a talk entry. */
export interface TalkHeader {
  title: string;
  url: string | null;
  speakers: SpeakerMention[];
  /** Date/time text written on the header itself ("[Title](url) Friday May 20, 2022 11:55 - 12:30 CEST"). */
  whenText: string | null;
  /** Speaker text that could not be read. */
  unreadableSpeakers: string[];
  /** Name of the recognizer that accepted the block (for diagnostics and tests). */
  recognizer: string;
}

/** What a recognizer may look at besides the block itself. */
export interface RecognizeContext {
  grammar: SpeakerGrammarOptions;
  /** The block before this one in reading order, if any. */
  previous?: Block | undefined;
  /** The block after this one in reading order, if any. */
  next?: Block | undefined;
  /** True while a talk entry is open: recognizers of prose stay quiet inside an entry's abstract. */
  insideTalk?: boolean;
}

export type HeaderRecognizer = (block: Block, ctx: RecognizeContext) => TalkHeader | null;

/** Longest block a recognizer looks at: a talk header (even a recap sentence) is never longer. */
export const MAX_HEADER_CHARS = 2000;
/** Longest speaker list or title the grammars read: longer text is prose. */
export const MAX_FIELD_CHARS = 400;

/** Link texts that point at material about something else, never a talk title. */
const GENERIC_LINK_TEXT =
  /^(?:more\s+)?(?:details?|info(?:rmation)?|here|link|slides?|video|recording|watch(?: it)?(?: here)?|(?:see|watch) (?:it )?on youtube|youtube|register|sign ?up|schedule|full schedule|blog|docs?|read more|this)\.?$/i;

/** Labels that introduce a recording or slides of the talk above: "YouTube link:", "Video:", "Slides:". */
const MEDIA_LABEL = /^(?:youtube|video|recording|replay|slides|watch|vimeo)(?:\s+(?:link|here|it|recording|on youtube))?\s*:?$/i;

/** Links whose address is a talk page: schedules, recordings, conference talk records. */
const TALK_URL = /sched\.co\/|\.sched\.com\/event|youtube\.com\/watch|youtu\.be\/|sessionize\.com|pretalx|\/contributions?\/\d|\/talks?\/|vimeo\.com\/\d/i;

/** Links whose address is a session's page in a conference schedule (not a recording). */
const SCHEDULE_URL = /sched\.co\/|\.sched\.com\/event|sessionize\.com|pretalx|\/talks?\/|\/contributions?\/\d/i;

export function isScheduleUrl(url: string): boolean {
  return SCHEDULE_URL.test(url);
}

export function isTalkUrl(url: string): boolean {
  return TALK_URL.test(url);
}

export function isGenericLinkText(text: string): boolean {
  return GENERIC_LINK_TEXT.test(squish(text));
}

/** Link texts that only point ("here", "details", "register"): never a session's name, even as a label. */
const POINTER_LINK_TEXT =
  /^(?:more\s+)?(?:details?|info(?:rmation)?|here|link|register|sign ?up|schedule|full schedule|read more|this|watch(?: it)?(?: here)?)\.?$/i;

/**
 * A word that elsewhere links material ("Docs", "Blog") is a session's name when it is the bold label of a
 * list item linking the session's schedule page, its description after a colon: `**[Docs](sched)**: …`.
 */
export function isScheduleLabel(block: Block, link: Link): boolean {
  if (block.kind !== 'listItem' || !isScheduleUrl(link.url) || POINTER_LINK_TEXT.test(squish(inlineText(link.children)))) return false;
  const [first, second] = meaningfulNodes(block.inline);
  return first?.type === 'strong' && first.children.length === 1 && first.children[0] === link && second?.type === 'text' && /^\s*:/.test(second.value);
}

export function isMediaLabel(text: string): boolean {
  return MEDIA_LABEL.test(squish(text));
}

/** Whitespace, punctuation, symbols, emoji, images and HTML: nothing a person reads as words. */
export function isDecoration(node: PhrasingContent): boolean {
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: the variation selector and the joiner are matched on their own, as leftovers of emoji
  return (node.type === 'text' && /^[\s\p{Extended_Pictographic}\p{S}\p{P}\uFE0F\u200D]*$/u.test(node.value)) || node.type === 'image' || node.type === 'html';
}

/** Inline nodes without whitespace-only text. */
export function meaningfulNodes(inline: readonly PhrasingContent[]): PhrasingContent[] {
  return inline.filter((n) => !(n.type === 'text' && !n.value.trim()) && n.type !== 'break');
}

/** True when every meaningful node is emphasis or strong (`_Name, Org_`, `**_Author: …_**`). */
export function isEmphasisOnly(block: Block): boolean {
  const meaningful = meaningfulNodes(block.inline);
  return meaningful.length > 0 && meaningful.every((n) => n.type === 'emphasis' || n.type === 'strong');
}

/** The single link of a block that holds nothing else (a link may be wrapped in emphasis). */
export function loneLinkOf(inline: readonly PhrasingContent[]): { text: string; url: string } | null {
  const meaningful = meaningfulNodes(inline).filter((n) => !isDecoration(n));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (!only) return null;
  const link = only.type === 'link' ? only : 'children' in only && only.children.length === 1 && only.children[0]?.type === 'link' ? only.children[0] : null;
  return link ? { text: inlineText(link.children), url: link.url } : null;
}

/** Title as a person would list it: no decorative emoji or symbols around it, whitespace collapsed. */
export function cleanTitle(text: string): string {
  return (
    squish(text)
      .replace(/^\[[^\][]{1,60}\]\s+(?=\S)/, '') // "[Series 2031 Keynote] Title": the series label, not the title
      .replace(/^[^\p{L}\p{N}"“'‘(]+/u, '')
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: trailing emoji pieces, each code point on its own
      .replace(/[\s\p{Extended_Pictographic}\uFE0F\u200D]+$/u, '')
      .replace(/\s*:$/, '') // "**[Title:](url)**": the colon introduces the description
      .trim()
  );
}

/** The lines of a link's text (a link may hold "Title - Speakers", then a date line and a room line). */
export function linkTextLines(children: readonly PhrasingContent[]): string[] {
  const raw = children
    .map((n) => (n.type === 'text' || n.type === 'inlineCode' ? n.value : n.type === 'break' ? '\n' : 'children' in n ? inlineText(n.children) : ''))
    .join('');
  return raw.split('\n').map(squish).filter(Boolean);
}

/** Title taken from running text: also drops the punctuation that closes the sentence or clause. */
export function cleanProseTitle(text: string): string {
  return cleanTitle(text).replace(/\s*[.,;:]+$/, '');
}

/** Splits inline content at line breaks (hard breaks and newlines in text) into lines. */
export function splitInlineLines(inline: readonly PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  const current = () => lines[lines.length - 1]!;
  for (const node of inline) {
    if (node.type === 'break') {
      lines.push([]);
      continue;
    }
    if (node.type === 'text' && node.value.includes('\n')) {
      node.value.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) current().push({ type: 'text', value: part });
      });
      continue;
    }
    current().push(node);
  }
  return lines.filter((line) => inlineText(line) !== '');
}

/** A block made of part of another block's inline content (one line or one field of it). */
export function subBlock(block: Block, inline: PhrasingContent[]): Block {
  return { ...block, inline, text: inlineText(inline) };
}
