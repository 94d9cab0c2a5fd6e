import type { SpeakerMention } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';
import type { Block } from './markdown-blocks.ts';
import { parseSpeakerList, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { splitEventLabel } from './split-event-label.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import { isGenericLinkText, isMediaLabel, loneLinkOf, meaningfulNodes } from './talk-header.ts';

const VIDEO_URL = /youtube\.com\/watch|youtu\.be\/|vimeo\.com\//i;

/** The same word, or the same stem with another ending ("Proxy" and "Proxying"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5));
}

/** True when a video's title is the talk's title as written elsewhere: at most one word in five differs. */
function restatesTitle(videoTitle: string, title: string): boolean {
  const words = foldKey(title).split(' ').filter(Boolean);
  const videoWords = foldKey(videoTitle).split(' ').filter(Boolean);
  if (words.length < 3 || videoWords.length > words.length + 3) return false;
  const shared = words.filter((w) => videoWords.some((v) => sameWord(w, v))).length;
  return shared * 5 >= words.length * 4 && shared * 5 >= videoWords.length * 3;
}

/**
 * A block that only links a video whose text restates the open talk's title: the talk's recording, not a
 * new talk. The video's text may lead with the event and the session kind and end with the speakers
 * ("WidgetCon 2031 EU – Lightning Talk: Title - Ann Lee"), and say a word of the title differently.
 */
export function recognizeRestatedRecording(block: Block, title: string, grammar: SpeakerGrammarOptions): { url: string; speakers: SpeakerMention[] } | null {
  const lone = loneLinkOf(block.inline);
  if (!lone || !VIDEO_URL.test(lone.url)) return null;
  const key = foldKey(title);
  if (key.length === 0) return null;
  let speakers: SpeakerMention[] = [];
  const split = splitTitleAndSpeakers(lone.text, (tail) => {
    speakers = parseSpeakerList(tail, grammar) ?? [];
    return speakers.length > 0;
  });
  if (foldKey(lone.text).includes(key)) return { url: lone.url, speakers };
  const videoTitle = (splitEventLabel(split.title)?.title ?? split.title).replace(/^[\p{L} ]{3,30}:\s+/u, '');
  return restatesTitle(videoTitle, title) ? { url: lone.url, speakers } : null;
}

/** True for a block that only links a video: `[title](youtube)`, a `{{< youtube … >}}` shortcode. */
export function isLoneVideo(block: Block): boolean {
  const lone = loneLinkOf(block.inline);
  return lone !== null && VIDEO_URL.test(lone.url);
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
