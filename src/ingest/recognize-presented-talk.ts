import type { Link, PhrasingContent } from 'mdast';
import { inlineText } from './markdown-blocks.ts';
import { parsePresenters } from './parse-presenters.ts';
import { parseWhen } from './parse-when.ts';
import { looksLikeTitle } from './recognize-prose-link.ts';
import { cleanProseTitle, isTalkUrl, type HeaderRecognizer } from './talk-header.ts';

/** The first sentence that gives a day and a time: "The session is Wednesday, May 7 from 5:25pm - 6:00pm". */
function scheduleSentenceOf(text: string): string | null {
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const when = parseWhen(sentence);
    if (when.month !== null && when.day !== null && when.start !== null) return sentence;
  }
  return null;
}

/** A link to a talk's page, alone or in emphasis: `[Title](sched)`, `[_Title_](sched)`, `_[Title](sched)_`. */
function talkLinkOf(node: PhrasingContent): Link | null {
  if (node.type === 'link') return isTalkUrl(node.url) || /sched\.(?:org|com)\/event/i.test(node.url) ? node : null;
  if ((node.type === 'emphasis' || node.type === 'strong') && node.children.length === 1) return talkLinkOf(node.children[0]!);
  return null;
}

/**
 * A talk a sentence says its presenters give, by a link to its page: `Acme's Ann Lee and Bo Tran are giving the
 * talk "[Title](sched)". … This session is Wednesday, May 7 from 5:25pm - 6:00pm.`, `Ann Lee from Acme will be
 * presenting [_Title_](sched)`. The day and time may come in a later sentence of the paragraph. Read also
 * inside an entry: the next paragraph of a run of such talks names the next talk.
 */
export const recognizePresentedTalk: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind !== 'paragraph' && block.kind !== 'listItem') return null;
  let before = '';
  for (const [index, node] of block.inline.entries()) {
    const link = talkLinkOf(node);
    const text = link ? cleanProseTitle(inlineText(link.children)).replace(/^["“'‘](.+)["”'’]$/u, '$1') : '';
    const speakers = link && looksLikeTitle(text) ? parsePresenters(before.replace(/\s*["“]\s*$/, ''), grammar) : null;
    if (link && speakers) {
      const after = inlineText(block.inline.slice(index + 1));
      return { title: text, url: link.url, speakers, unreadableSpeakers: [], whenText: scheduleSentenceOf(after), recognizer: 'presented-talk' };
    }
    before += inlineText([node]);
  }
  return null;
};
