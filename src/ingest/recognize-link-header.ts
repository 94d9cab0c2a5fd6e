import type { Link, PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { parseSpeakers, parseSpeakerList } from './parse-speakers.ts';
import { parseClausePresenters } from './parse-presenters.ts';
import { parseNamesAtStart } from './parse-prose-speakers.ts';
import { splitRunOnSpeakers, type RunOnSplit } from './split-run-on-speakers.ts';
import { splitTitleAndSpeakers } from './split-title-speakers.ts';
import {
  MAX_FIELD_CHARS,
  cleanTitle,
  isDecoration,
  isGenericLinkText,
  isMediaLabel,
  isScheduleLabel,
  isTalkUrl,
  linkTextLines,
  type HeaderRecognizer,
  type RecognizeContext,
} from './talk-header.ts';

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

/** The title of a list item that is one talk link and nothing else, run-on into its speakers. */
function runOnSplitOf(block: Block | undefined): RunOnSplit | null {
  if (block?.kind !== 'listItem') return null;
  const parts = splitAroundFirstLink(block.inline);
  if (!parts?.[0].every(isDecoration) || inlineText(parts[2]).trim() || !isTalkUrl(parts[1].url)) return null;
  const text = cleanTitle(linkTextLines(parts[1].children)[0] ?? '');
  return /\s[-–—|]\s|\sby\s/i.test(text) ? null : splitRunOnSpeakers(text);
}

/**
 * A list item whose link text runs from its title into its speakers ("Title Jane Doe, Acme"), read so only
 * in a listing of such items: a sibling next to it has the same shape, and one of them names an organization.
 */
function runsOnIntoSpeakers(block: Block, ctx: RecognizeContext): RunOnSplit | null {
  const own = runOnSplitOf(block);
  if (!own) return null;
  const siblings = [ctx.previous, ctx.next].filter((b) => b?.container !== undefined && b.container === block.container && !b.nested);
  const shared = siblings.map(runOnSplitOf).filter((s): s is RunOnSplit => s !== null);
  return shared.length > 0 && (own.withOrganization || shared.some((s) => s.withOrganization)) ? own : null;
}

/** The date field among fields written after a link ("// Tuesday April 1, 2025 @ 12:34 - 12:39 BST // Room 3"). */
function whenFieldOf(text: string): string | null {
  const fields = text.split(/\s*(?:\/\/|\s\|\s|;)\s*/).map((f) => f.trim());
  if (fields.length < 2) return null;
  return fields.find((f) => f && isWhenOnly(parseWhen(f))) ?? null;
}

/**
 * A link whose text runs into its speakers, on its own in its listing, when the sentence after it names
 * one of those people again ("[Title Ann Lee & Bo Tran, Acme](video) by Ann Lee & Bo Tran from Acme").
 */
function corroboratedRunOn(linkText: string | null, describedBy: readonly SpeakerMention[]): RunOnSplit | null {
  if (!linkText || describedBy.length === 0 || /\s[-–—|]\s|\sby\s/i.test(linkText)) return null;
  const split = splitRunOnSpeakers(cleanTitle(linkText));
  const named = new Set(describedBy.map((s) => s.name.toLowerCase()));
  return split?.speakersText.split(/\s*(?:[;,&]|\band\b)\s*/).some((n) => named.has(n.toLowerCase())) ? split : null;
}

/** Text between the speakers and the link of a reversed entry: a dash or a bar, never a comma or colon. */
const REVERSED_SEPARATOR = /\s[-–—|]\s*$/;
const LEADING_SEPARATORS = /^[\s,\-–—|]+(?:by\s+)?/i;

/**
 * `[Title - Speakers](url)` as a paragraph, heading or list item, optionally followed by a date on
 * the same line or by the speakers (`[Title](url) - Name, Org`), or preceded by the speakers
 * (`Name (Org) - [Title](url)`).
 */
export const recognizeLinkHeader: HeaderRecognizer = (block, ctx) => {
  const { grammar } = ctx;
  if (block.kind === 'html') return null;
  const parts = splitAroundFirstLink(block.inline);
  if (!parts) return null;
  const [before, link, after] = parts;
  // A link whose text runs over several lines: "Title - Speakers", then a date line, then a room line.
  const [firstLine, ...moreLines] = linkTextLines(link.children);
  const linkText = firstLine ?? '';
  if (!linkText || linkText.length > MAX_FIELD_CHARS || (isGenericLinkText(linkText) && !isScheduleLabel(block, link))) return null;
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
    const whenField = isWhenOnly(when) ? null : whenFieldOf(afterText);
    if (isWhenOnly(when)) whenText = afterText;
    else if (whenField) whenText = whenField;
    else if (/^[\s,\-–—|]/.test(afterText) && parseSpeakerList(speakerTail, grammar)) trailingSpeakers = speakerTail;
    // A list item led by a recording or schedule link may describe it after the link; otherwise the link sits inside prose.
    else if (!leadsItem) return null;
    // The description may open with the speakers: "Ann Lee (Acme) showed…", ": by Ann Lee and Bo Tran. …".
    else {
      const description = afterText.slice(0, MAX_FIELD_CHARS).replace(/^[\s:,\-–—]*(?:by\s+)?/i, '');
      describedBy = parseNamesAtStart(description, grammar).filter((s) => s.name.includes(' '));
      // Further on, each clause may say who gives it: "Ann Lee will help you …, and Bo Tran will conduct …".
      for (const s of parseClausePresenters(description, grammar)) if (!describedBy.some((k) => k.name === s.name)) describedBy.push(s);
    }
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
  // No separator before the speakers: a listing of titles that run into their speakers.
  const hasSpeakers = split.speakersText !== null || trailingSpeakers !== null || leadingSpeakers !== null || describedBy.length > 0;
  const runOn = hasSpeakers ? corroboratedRunOn(split.speakersText === null ? linkText : null, describedBy) : runsOnIntoSpeakers(block, ctx);
  if (runOn) Object.assign(split, { title: runOn.title, speakersText: runOn.speakersText });
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
