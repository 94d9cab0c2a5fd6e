import { foldKey } from '../domain/text.ts';
import type { Block } from './markdown-blocks.ts';
import { isGenericLinkText, isMediaLabel, loneLinkOf, meaningfulNodes } from './talk-header.ts';

/** The url of a block that only links a video whose text restates the open talk's title: the talk's recording, not a new talk. */
export function recognizeRestatedRecording(block: Block, title: string): string | null {
  const lone = loneLinkOf(block.inline);
  if (!lone || !/youtube\.com\/watch|youtu\.be\/|vimeo\.com\//i.test(lone.url)) return null;
  const key = foldKey(title);
  return key.length > 0 && foldKey(lone.text).includes(key) ? lone.url : null;
}

/** The url of a block that only links a recording or details: `[See on YouTube.](url)`, `YouTube link: [title](url)`. */
export function recognizeRecordingLink(block: Block): string | null {
  const lone = loneLinkOf(block.inline);
  if (lone && isGenericLinkText(lone.text)) return lone.url;
  const meaningful = meaningfulNodes(block.inline);
  const [label, link] = meaningful;
  if (meaningful.length === 2 && label?.type === 'text' && link?.type === 'link' && isMediaLabel(label.value)) return link.url;
  return null;
}
