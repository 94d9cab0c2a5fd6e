import type { Link, PhrasingContent } from 'mdast';
import { inlineText } from './markdown-blocks.ts';
import { parseOpeningPresenters, parsePresenters } from './parse-presenters.ts';
import { parseWhen } from './parse-when.ts';
import { looksLikeTitle } from './recognize-prose-link.ts';
import { cleanProseTitle, cleanTitle, isTalkUrl, meaningfulNodes, type HeaderRecognizer } from './talk-header.ts';

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
    // A title written with an article in the sentence ("take part in [the Widget Keynote Panel](sched)") is named without it.
    const text = link
      ? cleanProseTitle(inlineText(link.children))
          .replace(/^["“'‘](.+)["”'’]$/u, '$1')
          .replace(/^(?:the|a|an)\s+(?=\p{Lu})/u, '')
      : '';
    const speakers = link && looksLikeTitle(text) ? parsePresenters(before.replace(/\s*["“]\s*$/, ''), grammar) : null;
    if (link && speakers) {
      const after = inlineText(block.inline.slice(index + 1));
      return { title: text, url: link.url, speakers, unreadableSpeakers: [], whenText: scheduleSentenceOf(after), recognizer: 'presented-talk' };
    }
    before += inlineText([node]);
  }
  return null;
};

/**
 * A bold title, a dash, then a sentence that opens with its presenters: `**Widgets 101** - Ann Lee, founder of
 * Widgets, and Bo Tran, lead maintainer, will be presenting …`.
 */
export const recognizeBoldTitleThenPresenters: HeaderRecognizer = (block, { grammar }) => {
  if (block.kind !== 'paragraph' && block.kind !== 'listItem') return null;
  const [first, dash, ...rest] = meaningfulNodes(block.inline);
  if (first?.type !== 'strong' || dash?.type !== 'text' || !/^\s*[-–—]\s+\S/.test(dash.value)) return null;
  const title = cleanTitle(inlineText(first.children));
  const sentence = inlineText([{ type: 'text', value: dash.value.replace(/^\s*[-–—]\s+/, '') }, ...rest]).replace(/\s+/g, ' ');
  const speakers = /\p{L}/u.test(title) ? parseOpeningPresenters(sentence, grammar) : null;
  return speakers ? { title, url: null, speakers, unreadableSpeakers: [], whenText: null, recognizer: 'bold-title-presenters' } : null;
};
