import { MAX_FIELD_CHARS, cleanProseTitle, isTalkUrl, type HeaderRecognizer } from './talk-header.ts';
import { parseNameAtEnd, parseNamesAtStart } from './parse-prose-speakers.ts';
import { parseSpeakerList } from './parse-speakers.ts';
import type { PhrasingContent } from 'mdast';
import { inlineText } from './markdown-blocks.ts';

/** The first link of the entry to a schedule or recording page (the quoted title itself, or a link after it). */
function firstSessionLinkOf(inline: readonly PhrasingContent[]): string | null {
  for (const node of inline) {
    if (node.type === 'link' && (isTalkUrl(node.url) || /sched\.(?:org|com)\/event/i.test(node.url))) return node.url;
    if (node.type !== 'link' && 'children' in node) {
      const inner = firstSessionLinkOf(node.children as PhrasingContent[]);
      if (inner) return inner;
    }
  }
  return null;
}

function linkTexts(inline: readonly PhrasingContent[]): string[] {
  return inline.flatMap((n) => (n.type === 'link' ? [inlineText(n.children).trim()] : 'children' in n ? linkTexts(n.children as PhrasingContent[]) : []));
}

/** A quoted span of running text: “Title” or "Title". */
const QUOTED = /(["“])([^"“”]{3,150}?)(["”])/g;
/** A session word, then "titled": what follows in quotes is the session's title. */
const TITLED = /\b(?:talks?|sessions?|keynotes?|presentations?|workshops?|tutorials?)\W*\s+(?:titled|entitled|called)\s*$/i;
/** Words that say the quoted text names a session. */
const SESSION_WORD = /\b(?:talks?|sessions?|keynotes?|presentations?|lectures?|workshops?|tutorials?|demos?)\b/i;

/**
 * Recaps that name a talk in quotes inside a sentence: `The talk _"Title"_ by **Name** and **Name** was…`,
 * `Another standout was "Title" by Name.`, `a great session from my colleague Name, "Title," where…`.
 * Only outside an entry: inside one, a quoted title restates the talk being described.
 */
export const recognizeQuotedTitle: HeaderRecognizer = (block, { grammar, insideTalk }) => {
  if (insideTalk || (block.kind !== 'paragraph' && block.kind !== 'listItem')) return null;
  const text = block.text;
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[2]!;
    if (/[.!?]\s+\p{Lu}/u.test(inner)) continue; // several sentences: a quotation, not a title
    const title = cleanProseTitle(inner);
    if (!/\p{L}/u.test(title)) continue;
    const before = text.slice(Math.max(0, (m.index ?? 0) - MAX_FIELD_CHARS), m.index);
    const after = text.slice((m.index ?? 0) + m[0].length);
    const attributed = /^\s*,?\s*by\s+(.+)$/is.exec(after);
    // "by Name, Role, Org -* link": the comma grammar reads the attribution up to the dash; else names in prose.
    const attribution = attributed ? attributed[1]!.split(/\s+[-–—]\S*\s|\s+https?:\/\//)[0]! : '';
    let speakers = attributed ? (parseSpeakerList(attribution, grammar) ?? parseNamesAtStart(attributed[1]!, grammar)) : [];
    if (speakers.length === 0 && !attributed && (m.index ?? 0) === 0 && linkTexts(block.inline).includes(inner.trim())) {
      // A list item `“[Title](sched)” Name, Role, Org -* link` (its siblings say "by"): the speaker list right after the title.
      const bare = after.split(/\s+[-–—]\S*\s|\s+https?:\/\//)[0]!;
      speakers = parseSpeakerList(bare, grammar) ?? [];
    }
    if (speakers.length === 0) {
      const sentence = before.split(/[.!?]\s+/).pop() ?? before;
      const named = SESSION_WORD.test(sentence) ? parseNameAtEnd(sentence, grammar) : null;
      if (named) speakers = [named];
    }
    // "the **Project Lightning Talk** titled “Title,” which …": a session the sentence names, speakers or not.
    if (speakers.length > 0 || TITLED.test(before))
      return { title, url: firstSessionLinkOf(block.inline), speakers, unreadableSpeakers: [], whenText: null, recognizer: 'quoted-title' };
  }
  return null;
};
