import type { Block } from './markdown-blocks.ts';
import { isWhenOnly, mentionsNoWhen, parseWhen } from './parse-when.ts';
import {
  recognizeBoldTitleHeader,
  recognizeTitleAboveSpeakerLine,
  recognizeTitleAfterLeadIn,
  recognizeTitleByHeading,
  recognizeTitleDashSpeakersHeading,
} from './recognize-bold-title.ts';
import { recognizeFieldRow } from './recognize-field-row.ts';
import { recognizeLinkHeader } from './recognize-link-header.ts';
import { recognizeMultiLineEntry } from './recognize-multi-line-entry.ts';
import { recognizeBoldTitleThenPresenters, recognizePresentedTalk } from './recognize-presented-talk.ts';
import { recognizeQuotedTitle } from './recognize-quoted-title.ts';
import { MAX_HEADER_CHARS, type HeaderRecognizer, type RecognizeContext, type TalkHeader } from './talk-header.ts';

/**
 * The recognizers in the order they are tried; the first that accepts a block wins. Layouts with
 * more structure come first (fields, lines), then single links, bold titles, headings, and last the
 * recognizers of running prose.
 */
export const HEADER_RECOGNIZERS: readonly HeaderRecognizer[] = [
  recognizeFieldRow,
  recognizeMultiLineEntry,
  recognizeLinkHeader,
  recognizeBoldTitleHeader,
  recognizeTitleByHeading,
  recognizeTitleDashSpeakersHeading,
  recognizeTitleAboveSpeakerLine,
  recognizeTitleAfterLeadIn,
  recognizePresentedTalk,
  recognizeBoldTitleThenPresenters,
  recognizeQuotedTitle,
];

export function recognizeTalkHeader(block: Block, ctx: RecognizeContext): TalkHeader | null {
  if (block.kind === 'html' || block.text.length > MAX_HEADER_CHARS) return null;
  for (const recognize of HEADER_RECOGNIZERS) {
    const header = recognize(block, ctx);
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
