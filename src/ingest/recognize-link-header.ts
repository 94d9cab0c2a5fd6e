import type { Link, PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { inlineText } from './markdown-blocks.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { parseSpeakers, parseSpeakerList } from './parse-speakers.ts';
import { parseNamesAtStart } from './parse-prose-speakers.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import { MAX_FIELD_CHARS, cleanTitle, isDecoration, isGenericLinkText, isMediaLabel, isTalkUrl, linkTextLines, type HeaderRecognizer } from './talk-header.ts';

/** Splits inline content around its leading link (possibly wrapped in emphasis): [before, link, after]. */
function splitAroundFirstLink(inline: PhrasingContent[]): [PhrasingContent[], Link, PhrasingContent[]] | null {
  const index = inline.findIndex(
    (n) => n.type === 'link' || (n.type !== 'text' && 'children' in n && n.children.length === 1 && n.children[0]?.type === 'link'),
  );
  if (index < 0) return null;
  const node = inline[index]!;
  const link = (node.type === 'link' ? node : (node as { children: PhrasingContent[] }).children[0]) as Link;
  return [inline.slice(0, index), link, inline.slice(index + 1)];
}

/** Text between the speakers and the link of a reversed entry: a dash or a bar, never a comma or colon. */
const REVERSED_SEPARATOR = /\s[-–—|]\s*$/;
const LEADING_SEPARATORS = /^[\s,\-–—|]+(?:by\s+)?/i;

/**
 * `[Title - Speakers](url)` as a paragraph, heading or list item, optionally followed by a date on
 * the same line or by the speakers (`[Title](url) - Name, Org`), or preceded by the speakers
 * (`Name (Org) - [Title](url)`).
 */
export const recognizeLinkHeader: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind === 'html') return null;
  const parts = splitAroundFirstLink(block.inline);
  if (!parts) return null;
  const [before, link, after] = parts;
  // A link whose text runs over several lines: "Title - Speakers", then a date line, then a room line.
  const [firstLine, ...moreLines] = linkTextLines(link.children);
  const linkText = firstLine ?? '';
  if (!linkText || linkText.length > MAX_FIELD_CHARS || isGenericLinkText(linkText)) return null;
  const linkWhen = moreLines.find((line) => isWhenOnly(parseWhen(line))) ?? null;

  const rawBefore = inlineText(before);
  const afterText = inlineText(after);
  const leadsItem = block.kind === 'listItem' && before.every(isDecoration) && isTalkUrl(link.url);
  if (rawBefore.length > MAX_FIELD_CHARS || (afterText.length > MAX_FIELD_CHARS && !leadsItem)) return null; // the link sits inside prose
  let whenText: string | null = linkWhen;
  let describedBy: SpeakerMention[] = [];
  let trailingSpeakers: string | null = null;
  if (afterText) {
    const when = parseWhen(afterText);
    const speakerTail = afterText.replace(LEADING_SEPARATORS, '');
    if (isWhenOnly(when)) whenText = afterText;
    else if (/^[\s,\-–—|]/.test(afterText) && parseSpeakerList(speakerTail, grammar)) trailingSpeakers = speakerTail;
    // A list item led by a recording or schedule link may describe it after the link; otherwise the link sits inside prose.
    else if (!leadsItem) return null;
    // The description may open with the speakers: "Ann Lee (Acme) showed…", ": by Ann Lee and Bo Tran. …".
    else
      describedBy = parseNamesAtStart(afterText.slice(0, MAX_FIELD_CHARS).replace(/^[\s:,\-–—]*(?:by\s+)?/i, ''), grammar).filter((s) => s.name.includes(' '));
  }
  let leadingSpeakers: string | null = null;
  if (!before.every(isDecoration)) {
    // "Name (Org) - [Title](url)"; a label such as "YouTube link:" is no speaker.
    const beforeText = rawBefore.replace(/[\s\-–—:|]+$/, '');
    if (!REVERSED_SEPARATOR.test(` ${rawBefore}`) || isMediaLabel(beforeText) || !parseSpeakerList(beforeText, grammar)) return null;
    leadingSpeakers = beforeText;
  }

  // The tail the split accepted has been read already: keep that reading rather than parse it again.
  let accepted: { tail: string; speakers: SpeakerMention[] } | null = null;
  const split = splitTitleAndSpeakers(cleanTitle(linkText), (tail) => {
    const list = parseSpeakerList(tail, grammar);
    if (list) accepted = { tail, speakers: list };
    return list !== null;
  });
  const speakerText = split.speakersText ?? trailingSpeakers ?? leadingSpeakers;
  const reused = accepted as { tail: string; speakers: SpeakerMention[] } | null;
  const speakers =
    reused && reused.tail === speakerText
      ? { speakers: reused.speakers, unreadable: [] }
      : speakerText
        ? parseSpeakers(speakerText, grammar)
        : { speakers: [], unreadable: [] };
  if (speakers.speakers.length === 0 && describedBy.length > 0) speakers.speakers = describedBy;
  const hasTalkUrl = isTalkUrl(link.url);
  if (!hasTalkUrl && speakers.speakers.length === 0 && whenText === null) return null;
  return {
    title: cleanTitle(split.title),
    url: link.url,
    speakers: speakers.speakers,
    unreadableSpeakers: speakers.unreadable,
    whenText,
    recognizer: hasTalkUrl ? 'link' : 'link-with-speakers',
  };
};
