import type { Link, PhrasingContent } from 'mdast';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { parseSpeakers, parseSpeakerList } from './parse-speakers.ts';
import { parseBoldSpeakers } from './parse-prose-speakers.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import type { SpeakerMention } from '../domain/types.ts';
import {
  MAX_FIELD_CHARS,
  cleanProseTitle,
  cleanTitle,
  isDecoration,
  isEmphasisOnly,
  isGenericLinkText,
  loneLinkOf,
  meaningfulNodes,
  type HeaderRecognizer,
} from './talk-header.ts';

/** Sentences that introduce the talk named on the next line: "…, with a mind-blowing talk:". */
const LEAD_IN = /\b(?:talks?|sessions?|keynotes?|presentations?|lectures?|workshops?|tutorials?)\b[^.!?]*:\s*$/i;

/** Bold text that cannot be a talk title: a label ("Booth:") or a whole quotation (“…”). */
function isTitleLike(boldText: string): boolean {
  const text = squish(boldText);
  if (!text || text.length > 160) return false;
  if (/:$/.test(text)) return false;
  if (/^["“'‘].*["”'’]$/.test(text)) return false;
  return /\p{L}/u.test(text);
}

/** The title of a block that is nothing but a bold title or a title link: `**Title**`, `**[Title](url)**`, `[Title](url)`. */
function bareTitleOf(block: Block): { title: string; url: string | null } | null {
  if (block.kind === 'html') return null;
  const meaningful = meaningfulNodes(block.inline).filter((n) => !isDecoration(n));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (!only) return null;
  const link = loneLinkOf(block.inline);
  if (link) return isGenericLinkText(link.text) || !isTitleLike(link.text) ? null : { title: cleanTitle(link.text), url: link.url };
  if (only.type !== 'strong') return null;
  const text = inlineText(only.children);
  return isTitleLike(text.replace(/[.]$/, '')) ? { title: cleanProseTitle(text), url: null } : null;
}

function innerLinkOf(node: PhrasingContent): Link | undefined {
  return 'children' in node ? node.children.find((n): n is Link => n.type === 'link') : undefined;
}

/**
 * `**Title** ([details](url)), Name (Org), Name (Org)` or `**Title**, by **Name (Org)**, …` in a
 * list item or paragraph. Accepted only when speakers follow the bold title.
 */
export const recognizeBoldTitleHeader: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind !== 'listItem' && block.kind !== 'paragraph') return null;
  const firstIndex = block.inline.findIndex((n) => !isDecoration(n));
  const first = block.inline[firstIndex];
  if (first?.type !== 'strong') return null;
  const boldText = inlineText(first.children);
  // Sentences in bold (a period at the end) are statements, not titles; questions are fine when speakers follow.
  if (!isTitleLike(boldText) || /\.$/.test(boldText)) return null;
  const title = cleanTitle(boldText.replace(/[,\s]+$/, ''));
  const innerLink = first.children.find((n): n is Link => n.type === 'link');
  const rest = block.inline.slice(firstIndex + 1);
  // `**FM**: Currently, …`: a bold label with its colon outside (an interview turn, a field), not a title.
  const following = rest[0];
  if (following?.type === 'text' && /^\s*:/.test(following.value) && !innerLinkOf(first)) return null;
  const restLink = rest.find((n): n is Link => n.type === 'link');

  // Speakers are either bold (`, by **Name (Org)** and **Name**`) or the plain text after the title.
  const firstBold = rest.findIndex((n) => n.type === 'strong');
  let speakers: ReturnType<typeof parseSpeakerList> | null;
  if (firstBold >= 0) {
    const between = inlineText(rest.slice(0, firstBold) as PhrasingContent[]);
    if (!/^[\s,:\-–—]*(?:by\s*)?$/i.test(between)) return null;
    speakers = parseBoldSpeakers(rest, grammar);
    if (speakers.length !== rest.filter((n) => n.type === 'strong').length) return null;
  } else {
    const speakerText = squish(
      inlineText(rest.filter((n) => n.type !== 'link'))
        .replace(/\(\s*\)/g, ' ')
        .replace(/^[\s,:\-–—]+(?:by\s+)?/i, ''),
    );
    speakers = speakerText ? parseSpeakerList(speakerText, grammar) : null;
  }
  if (!speakers || speakers.length === 0) return null;
  return {
    title,
    url: innerLink?.url ?? restLink?.url ?? null,
    speakers,
    unreadableSpeakers: [],
    whenText: null,
    recognizer: 'bold-title',
  };
};

/**
 * A bold title (or a title link) alone on its line, with the speakers on their own italic line below:
 * `**[Title](url)**` then `_Name, Org_`. The speaker line is read by the entry body.
 */
export const recognizeTitleAboveSpeakerLine: HeaderRecognizer = (block, { grammar, next }) => {
  if (block.kind === 'html' || !next || next.kind === 'heading' || !isEmphasisOnly(next)) return null;
  const bare = bareTitleOf(block);
  if (!bare || !parseSpeakerList(next.text, grammar)) return null;
  return { title: bare.title, url: bare.url, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'title-above-speaker-line' };
};

/**
 * A bold title alone in a paragraph, introduced by the sentence before it that names the speakers:
 * "Then came **Ricardo Rocha**, Head of Infrastructure at CERN, with a mind-blowing talk:" + `**Title.**`.
 */
export const recognizeTitleAfterLeadIn: HeaderRecognizer = (block, { grammar, previous }) => {
  if (block.kind !== 'paragraph' || previous?.kind !== 'paragraph' || previous.text.length > MAX_FIELD_CHARS || !LEAD_IN.test(previous.text)) return null;
  const bare = bareTitleOf(block);
  if (!bare) return null;
  const speakers = parseBoldSpeakers(previous.inline, grammar);
  if (speakers.length === 0) return null;
  return { title: bare.title, url: bare.url, speakers, unreadableSpeakers: [], whenText: null, recognizer: 'title-after-lead-in' };
};

/** `## Title by Name (Org)` headings. */
export const recognizeTitleByHeading: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind !== 'heading' || !/\sby\s/i.test(block.text)) return null;
  // Try every " by " from the right so titles that contain "by" stay whole.
  const words = block.text.split(/\s+by\s+/i);
  for (let i = words.length - 1; i >= 1; i--) {
    const title = words.slice(0, i).join(' by ');
    const parsed = parseSpeakers(words.slice(i).join(' by '), grammar);
    if (parsed.speakers.length > 0 && parsed.unreadable.length === 0) {
      const link = block.inline.find((n): n is Link => n.type === 'link');
      return { title: cleanTitle(title), url: link?.url ?? null, speakers: parsed.speakers, unreadableSpeakers: [], whenText: null, recognizer: 'title-by' };
    }
  }
  return null;
};

/** `### Title - Name & Name, Org` headings: full names (two words or more) after the last dash that leaves a speaker list. */
export const recognizeTitleDashSpeakersHeading: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind !== 'heading' || !/\s[-–—]\s/.test(block.text)) return null;
  let speakers: SpeakerMention[] | null = null;
  const split = splitTitleAndSpeakers(block.text, (tail) => {
    const list = parseSpeakerList(tail, grammar);
    speakers = list?.every((s) => s.name.split(' ').length >= 2) ? list : null;
    return speakers !== null;
  });
  if (!split.speakersText || !speakers) return null;
  const link = block.inline.find((n): n is Link => n.type === 'link');
  return { title: cleanTitle(split.title), url: link?.url ?? null, speakers, unreadableSpeakers: [], whenText: null, recognizer: 'title-dash-speakers' };
};
