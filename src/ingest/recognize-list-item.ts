import type { OpenEntry } from './assemble-talk-entry.ts';
import type { Block } from './markdown-blocks.ts';
import type { SpeakerGrammarOptions } from './parse-speakers.ts';
import { isWhenOnly, parseWhen, type WhenParts } from './parse-when.ts';
import { parseHostedPresenters } from './parse-presenters.ts';
import { parseNamesAtStart } from './parse-prose-speakers.ts';
import type { TalkHeader } from './talk-header.ts';

// List items that are not talk headers themselves but shape the listing around them.

/** The day a list item holds and nothing else ("Wednesday, May 2:"), or null. */
export function dayOfListItem(block: Block): WhenParts | null {
  if (block.text.length > 60) return null;
  const when = parseWhen(block.text.replace(/[:\s]+$/, ''));
  return isWhenOnly(when) && when.month !== null && when.day !== null && when.start === null ? when : null;
}

/**
 * "1) The State of Widget Support:" as a list of its own, followed by prose: an entry whose speakers the
 * prose opens with ("[Ann Lee](…) spoke about …"). Plain words only; a list of several items is a list.
 */
export function loneItemHeaderOf(blocks: readonly Block[], index: number): TalkHeader | null {
  const block = blocks[index]!;
  if (block.kind !== 'listItem' || block.nested || block.text.length > 100 || blocks[index + 1]?.kind !== 'paragraph') return null;
  if ([blocks[index - 1], blocks[index + 1]].some((b) => b?.container === block.container)) return null;
  if (block.inline.some((n) => n.type !== 'text') || !/^\p{Lu}[^:.!?]*:?$/u.test(block.text)) return null;
  return { title: block.text.replace(/\s*:$/, ''), url: null, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'lone-item' };
}

/** The paragraph right under a lone item may open with its speakers, and quote the item's full title. */
export function recognizeUnderLoneItem(entry: OpenEntry, block: Block, grammar: SpeakerGrammarOptions): void {
  if (entry.header.recognizer !== 'lone-item' || entry.speakers.length > 0 || block.kind !== 'paragraph') return;
  entry.speakers = parseNamesAtStart(block.text.slice(0, 300), grammar).filter((s) => s.name.includes(' '));
  // "… we had the Acme product managers, Ann Lee and Bo Tran present to the audience."
  if (entry.speakers.length === 0) entry.speakers = parseHostedPresenters(block.text.slice(0, 400), grammar);
  const quoted = /["“]([^"”]{5,200})["”]/u.exec(block.text)?.[1];
  if (quoted?.toLowerCase().startsWith(entry.header.title.toLowerCase())) entry.header = { ...entry.header, title: quoted };
}
