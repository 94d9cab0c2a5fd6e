import type { PhrasingContent } from 'mdast';
import { squish } from '../domain/text.ts';
import { inlineText } from './markdown-blocks.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { parseSpeakers, parseSpeakerList } from './parse-speakers.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import { cleanTitle, isGenericLinkText, isTalkUrl, loneLinkOf, meaningfulNodes, type HeaderRecognizer } from './talk-header.ts';

/** Splits inline content at `|` written in its top-level text (not inside links or emphasis). */
function splitFields(inline: readonly PhrasingContent[]): PhrasingContent[][] {
  const fields: PhrasingContent[][] = [[]];
  for (const node of inline) {
    if (node.type === 'text' && node.value.includes('|')) {
      node.value.split('|').forEach((part, i) => {
        if (i > 0) fields.push([]);
        if (part.trim()) fields[fields.length - 1]!.push({ type: 'text', value: part });
      });
    } else fields[fields.length - 1]!.push(node);
  }
  return fields.filter((f) => inlineText(f) !== '');
}

/**
 * One line of fields separated by `|`: `[Title](url) | Name, Org | Tuesday, April 18 | 9:15 - 9:45am`,
 * `**Title** | Name (Org) | April 18, 10:00`. The first field is the title (a link, bold, or plain text);
 * every other field must read as speakers, a date/time, or a generic "details" link.
 */
export const recognizeFieldRow: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind === 'html') return null;
  const fields = splitFields(block.inline);
  if (fields.length < 2) return null;
  const [titleField, ...others] = fields as [PhrasingContent[], ...PhrasingContent[][]];

  const link = loneLinkOf(titleField);
  const meaningful = meaningfulNodes(titleField);
  const boldOnly = meaningful.length === 1 && meaningful[0]!.type === 'strong';
  const titleText = link ? link.text : inlineText(titleField);
  if (!titleText || (link && isGenericLinkText(link.text))) return null;
  let url = link?.url ?? null;

  const whenParts: string[] = [];
  let speakerText: string | null = null;
  for (const field of others) {
    const text = squish(inlineText(field));
    const fieldLink = loneLinkOf(field);
    if (fieldLink && isGenericLinkText(fieldLink.text)) {
      url ??= fieldLink.url;
      continue;
    }
    if (isWhenOnly(parseWhen(text))) {
      whenParts.push(text);
      continue;
    }
    const candidate = text.replace(/^(?:by|speakers?:|with)\s+/i, '');
    if (speakerText === null && parseSpeakerList(candidate, grammar)) {
      speakerText = candidate;
      continue;
    }
    // A field in the speaker slot that reads only in part: keep the names it has, report the rest.
    if (speakerText === null && parseSpeakers(candidate, grammar).speakers.length > 0) {
      speakerText = candidate;
      continue;
    }
    return null; // a field that is neither: this is not a talk entry
  }

  const split = splitTitleAndSpeakers(cleanTitle(titleText), (tail) => speakerText === null && parseSpeakerList(tail, grammar) !== null);
  speakerText ??= split.speakersText;
  const whenText = whenParts.length > 0 ? whenParts.join(' ') : null;
  const plainTitle = !link && !boldOnly;
  if (plainTitle && (speakerText === null || whenText === null)) return null;
  if (speakerText === null && whenText === null && !(url && isTalkUrl(url))) return null;
  const speakers = speakerText ? parseSpeakers(speakerText, grammar) : { speakers: [], unreadable: [] };
  return { title: cleanTitle(split.title), url, speakers: speakers.speakers, unreadableSpeakers: speakers.unreadable, whenText, recognizer: 'field-row' };
};
