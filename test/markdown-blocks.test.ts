import { describe, expect, it } from 'vitest';
import { flattenBlocks, inlineText, parseMarkdown, type Block } from '../src/ingest/markdown-blocks.ts';

const blocksOf = (body: string, lineOffset = 0): Block[] => flattenBlocks(parseMarkdown(body), lineOffset);

describe('markdown blocks', () => {
  it('merges soft line breaks into one text node, as mdast does, and keeps hard breaks', () => {
    const [block] = blocksOf('The [Linux Plumbers Conference](https://lpc.events) is\ncoming up  \nin *Lisbon*, Portugal &amp; online.');
    expect(block).toMatchObject({ kind: 'paragraph', depth: 0, line: 1 });
    expect(block!.inline).toEqual([
      { type: 'text', value: 'The ' },
      { type: 'link', url: 'https://lpc.events', title: null, children: [{ type: 'text', value: 'Linux Plumbers Conference' }] },
      { type: 'text', value: ' is\ncoming up' },
      { type: 'break' },
      { type: 'text', value: 'in ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'Lisbon' }] },
      { type: 'text', value: ', Portugal & online.' },
    ]);
    expect(block!.text).toBe('The Linux Plumbers Conference is coming up in Lisbon, Portugal & online.');
  });

  it('converts code, inline HTML, images, autolinks, titles and strikethrough to mdast nodes', () => {
    const [block] = blocksOf('Run `bpftool` <br> ![Slides *deck*](s.png "Deck") <https://x.io/é?a&b> [t](https://a.b "Title") ~~old~~ **new**');
    expect(block!.inline).toEqual([
      { type: 'text', value: 'Run ' },
      { type: 'inlineCode', value: 'bpftool' },
      { type: 'text', value: ' ' },
      { type: 'html', value: '<br>' },
      { type: 'text', value: ' ' },
      { type: 'image', url: 's.png', title: 'Deck', alt: 'Slides deck' },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'https://x.io/é?a&b', title: null, children: [{ type: 'text', value: 'https://x.io/é?a&b' }] },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'https://a.b', title: 'Title', children: [{ type: 'text', value: 't' }] },
      { type: 'text', value: ' ' },
      { type: 'delete', children: [{ type: 'text', value: 'old' }] },
      { type: 'text', value: ' ' },
      { type: 'strong', children: [{ type: 'text', value: 'new' }] },
    ]);
    expect(block!.text).toBe('Run bpftool https://x.io/é?a&b t old new');
  });

  it('gives nested list items their depth and the line of their marker, plus the line offset', () => {
    const body = ['## Day 1', '', '- **Talk A**, Jane Doe', '  - Slides', '    more about the slides', '', '  Second paragraph of A', '- Talk B', '1. Ordered'].join('\n');
    const blocks = blocksOf(body, 10);
    expect(blocks.map((b) => [b.kind, b.depth, b.line, b.nested, b.text])).toEqual([
      ['heading', 2, 11, false, 'Day 1'],
      ['listItem', 1, 13, false, 'Talk A, Jane Doe'],
      ['listItem', 2, 14, true, 'Slides more about the slides'],
      ['paragraph', 1, 17, false, 'Second paragraph of A'],
      ['listItem', 1, 18, false, 'Talk B'],
      ['listItem', 1, 19, false, 'Ordered'],
    ]);
  });

  it('reads a list item that starts with something other than a paragraph as its own blocks', () => {
    const blocks = blocksOf('- ## Heading item\n  text under it\n- ```\n  code\n  ```\n  after code');
    expect(blocks.map((b) => [b.kind, b.depth, b.line, b.text])).toEqual([
      ['heading', 2, 1, 'Heading item'],
      ['paragraph', 1, 2, 'text under it'],
      ['paragraph', 1, 6, 'after code'],
    ]);
  });

  it('opens blockquotes, and gives code blocks and thematic breaks no block', () => {
    const blocks = blocksOf('> quoted **talk**\n\n```\ncode\n```\n\n    indented code\n\n---\n\nafter');
    expect(blocks.map((b) => [b.kind, b.line, b.text])).toEqual([
      ['paragraph', 1, 'quoted talk'],
      ['paragraph', 11, 'after'],
    ]);
  });

  it('emits one tableRow block per row, cells joined by " | "', () => {
    const blocks = blocksOf('intro\n\n| Talk | Speaker |\n|------|---------|\n| [Cilium](https://c.io) | Jane |\n| eBPF | |');
    expect(blocks.map((b) => [b.kind, b.line, b.text])).toEqual([
      ['paragraph', 1, 'intro'],
      ['tableRow', 3, 'Talk | Speaker'],
      ['tableRow', 5, 'Cilium | Jane'],
      ['tableRow', 6, 'eBPF |'],
    ]);
    expect(blocks[2]!.inline).toEqual([
      { type: 'link', url: 'https://c.io', title: null, children: [{ type: 'text', value: 'Cilium' }] },
      { type: 'text', value: ' | ' },
      { type: 'text', value: 'Jane' },
    ]);
  });

  it('emits an html block as an empty html block at its line', () => {
    const blocks = blocksOf('before\n\n<div class="talks">\n<b>not read</b>\n</div>\n\nafter');
    expect(blocks).toEqual([
      { kind: 'paragraph', depth: 0, inline: [{ type: 'text', value: 'before' }], text: 'before', line: 1, nested: false },
      { kind: 'html', depth: 0, inline: [], text: '', line: 3, nested: false },
      { kind: 'paragraph', depth: 0, inline: [{ type: 'text', value: 'after' }], text: 'after', line: 7, nested: false },
    ]);
  });

  it('resolves reference-style links to links', () => {
    const [block] = blocksOf('See the [slides] and [paper][p].\n\n[slides]: https://s.io/a.pdf\n[p]: <https://p.io/b c.pdf> "Paper"');
    expect(block!.inline.filter((n) => n.type === 'link')).toEqual([
      { type: 'link', url: 'https://s.io/a.pdf', title: null, children: [{ type: 'text', value: 'slides' }] },
      { type: 'link', url: 'https://p.io/b c.pdf', title: 'Paper', children: [{ type: 'text', value: 'paper' }] },
    ]);
  });

  it('finishes on pathological emphasis and yields one paragraph of its text', () => {
    const body = '*a'.repeat(20000);
    const blocks = blocksOf(body);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('paragraph');
    expect(blocks[0]!.text.replace(/\*/g, '')).toBe('a'.repeat(20000));
  });

  it('squishes whitespace in the plain text and drops images and html', () => {
    expect(inlineText([{ type: 'text', value: '  a\n\tb ' }, { type: 'image', url: 'x', alt: 'img' }, { type: 'html', value: '<br>' }, { type: 'break' }, { type: 'inlineCode', value: 'c' }])).toBe('a b c');
  });
});
