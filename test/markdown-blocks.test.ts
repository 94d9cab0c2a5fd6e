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
    const body = [
      '## Day 1',
      '',
      '- **Talk A**, Jane Doe',
      '  - Slides',
      '    more about the slides',
      '',
      '  Second paragraph of A',
      '- Talk B',
      '1. Ordered',
    ].join('\n');
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

  it('reads an html block into the same model: its text and links, its table rows with their cells', () => {
    const body = [
      'before',
      '',
      '<div class="talks"><b>Read</b> <a href="https://ex.io/s?a=1&amp;b=2">the slides</a>',
      '<iframe src="https://www.youtube.com/embed/AbCdEf12345?si=x" title="Demo video"></iframe>',
      '<table><tr><th>Day</th><th>Room</th></tr><tr><th>When</th><td>May 2, <a href="https://m.io">map</a></td></tr></table></div>',
      '',
      'after',
    ].join('\n');
    const blocks = blocksOf(body);
    expect(blocks.map((b) => [b.kind, b.line, b.text, b.header ?? null])).toEqual([
      ['paragraph', 1, 'before', null],
      ['html', 3, 'Read the slides Demo video', null],
      ['tableRow', 3, 'Day | Room', true],
      ['tableRow', 3, 'When | May 2, map', false],
      ['paragraph', 7, 'after', null],
    ]);
    expect(blocks[1]!.inline.filter((n) => n.type === 'link').map((n) => (n as { url: string }).url)).toEqual([
      'https://ex.io/s?a=1&b=2',
      'https://www.youtube.com/watch?v=AbCdEf12345',
    ]);
    expect(blocks[2]!.container).toBe(blocks[3]!.container);
    expect(blocks[3]!.cells![1]).toEqual([
      { type: 'text', value: 'May 2, ' },
      { type: 'link', url: 'https://m.io', title: null, children: [{ type: 'text', value: 'map' }] },
    ]);
  });

  it('reads an inline <a href> as a link and leaves other inline HTML as html', () => {
    const [block] = blocksOf('- <a href="https://v.io/w?x=1">▶️ Some Talk - Ann Lee</a> by Ann <span>Lee</span>');
    expect(block!.inline).toEqual([
      { type: 'link', url: 'https://v.io/w?x=1', title: null, children: [{ type: 'text', value: '▶️ Some Talk - Ann Lee' }] },
      { type: 'text', value: ' by Ann ' },
      { type: 'html', value: '<span>' },
      { type: 'text', value: 'Lee' },
      { type: 'html', value: '</span>' },
    ]);
  });

  it('reads a Hugo shortcode that carries a video id or a link as that link, and drops the others', () => {
    const [video, plain, positional] = blocksOf(
      '{{< youtube id="Zz9_yY8xXw7" title="A Recorded Talk - Bo Chan" >}}\n\nText {{< alert title="x" >}}kept{{< /alert >}}\n\n{{< youtube Qq1Ww2Ee3Rr >}}',
    );
    expect(video!.inline).toEqual([
      { type: 'link', url: 'https://www.youtube.com/watch?v=Zz9_yY8xXw7', title: null, children: [{ type: 'text', value: 'A Recorded Talk - Bo Chan' }] },
    ]);
    expect(plain!.text).toBe('Text kept');
    expect(positional!.inline).toEqual([{ type: 'link', url: 'https://www.youtube.com/watch?v=Qq1Ww2Ee3Rr', title: null, children: [] }]);
  });

  it('reads a JSX element that carries a video id as a link to the video', () => {
    const [block] = blocksOf('<YouTube id="Kk3Jj4Hh5Gg" title="Deep Dive" />');
    expect(block!.inline).toEqual([
      { type: 'link', url: 'https://www.youtube.com/watch?v=Kk3Jj4Hh5Gg', title: null, children: [{ type: 'text', value: 'Deep Dive' }] },
    ]);
  });

  it('gives table rows their cells, marks the header row, and gives siblings one container', () => {
    const blocks = blocksOf('| Talk | Who |\n|---|---|\n| A | Jo |\n| B | Al |\n\n- one\n- two\n  - inner\n\n| X |\n|---|\n| y |');
    expect(blocks.map((b) => [b.kind, b.text, b.header ?? null])).toEqual([
      ['tableRow', 'Talk | Who', true],
      ['tableRow', 'A | Jo', false],
      ['tableRow', 'B | Al', false],
      ['listItem', 'one', null],
      ['listItem', 'two', null],
      ['listItem', 'inner', null],
      ['tableRow', 'X', true],
      ['tableRow', 'y', false],
    ]);
    expect(blocks[1]!.cells).toEqual([[{ type: 'text', value: 'A' }], [{ type: 'text', value: 'Jo' }]]);
    const ids = blocks.map((b) => b.container);
    expect(new Set(ids.slice(0, 3)).size).toBe(1);
    expect(ids[3]).toBe(ids[4]);
    expect(ids[5]).not.toBe(ids[4]);
    expect(ids[6]).not.toBe(ids[0]);
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
    expect(
      inlineText([
        { type: 'text', value: '  a\n\tb ' },
        { type: 'image', url: 'x', alt: 'img' },
        { type: 'html', value: '<br>' },
        { type: 'break' },
        { type: 'inlineCode', value: 'c' },
      ]),
    ).toBe('a b c');
  });
});
