import { squish } from '../domain/text.ts';
import { inlineText } from './markdown-blocks.ts';
import { isWhenOnly, mentionsNoWhen, parseWhen } from './parse-when.ts';
import { firstUrlOfField, parseSpeakerField } from './recognize-entry-fields.ts';
import { parseFieldLine } from './parse-field-lines.ts';
import { parseSpeakerList } from './parse-speakers.ts';
import { recognizeBoldTitleHeader } from './recognize-bold-title.ts';
import { recognizeLinkHeader } from './recognize-link-header.ts';
import {
  cleanProseTitle,
  cleanTitle,
  isDecoration,
  isGenericLinkText,
  loneLinkOf,
  meaningfulNodes,
  splitInlineLines,
  subBlock,
  type HeaderRecognizer,
  type TalkHeader,
} from './talk-header.ts';

/** The title line of a multi-line entry: a header on its own, or a bare bold title or link. */
function titleLineHeader(...[block, ctx]: Parameters<HeaderRecognizer>): TalkHeader | null {
  const header = recognizeLinkHeader(block, ctx) ?? recognizeBoldTitleHeader(block, ctx);
  if (header) return header;
  const meaningful = meaningfulNodes(block.inline).filter((n) => !isDecoration(n));
  const link = loneLinkOf(block.inline);
  if (link && !isGenericLinkText(link.text))
    return { title: cleanTitle(link.text), url: link.url, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'multi-line' };
  if (meaningful.length === 1 && meaningful[0]!.type === 'strong') {
    const title = cleanProseTitle(inlineText(meaningful[0]!.children));
    if (title) return { title, url: null, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'multi-line' };
  }
  return null;
}

/**
 * One paragraph whose lines are the fields of an entry: a title line (`**[Title](url)**`), then
 * lines that are only speakers (`_Name, Org_`) or only a date/time. Any other line means prose.
 */
export const recognizeMultiLineEntry: HeaderRecognizer = (block, ctx) => {
  if (block.kind !== 'paragraph' && block.kind !== 'listItem') return null;
  const lines = splitInlineLines(block.inline);
  if (lines.length < 2 || lines.length > 8) return null;
  const header = titleLineHeader(subBlock(block, lines[0]!), ctx);
  if (!header) return null;
  let { speakers, whenText, url } = header;
  for (const line of lines.slice(1)) {
    const text = squish(inlineText(line));
    if (whenText === null && isWhenOnly(parseWhen(text))) {
      whenText = text;
      continue;
    }
    // `**Speaker:** Name, Role`, `**When:** …`, `**Where:** …`: a field line of the entry.
    const field = parseFieldLine(line);
    if (field) {
      if (field.kind === 'speakers' && speakers.length === 0) speakers = parseSpeakerField(field.text, ctx.grammar).speakers;
      else if (field.kind === 'when' && whenText === null && !mentionsNoWhen(parseWhen(field.text))) whenText = field.text;
      else if (field.kind === 'link' && url === null) url = firstUrlOfField(field);
      continue;
    }
    const listed = speakers.length === 0 ? parseSpeakerList(text, ctx.grammar) : null;
    if (!listed) return null;
    speakers = listed;
  }
  if (speakers.length === 0 && whenText === null && url === null) return null;
  return { ...header, url, speakers, whenText, recognizer: `multi-line/${header.recognizer}` };
};
