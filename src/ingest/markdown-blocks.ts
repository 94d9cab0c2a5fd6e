import MarkdownIt, { type Token } from 'markdown-it';
import type { Delete, Emphasis, Link, Nodes, PhrasingContent, Strong } from 'mdast';
import { squish } from '../domain/text.ts';
import { expandShortcodes } from './expand-shortcodes.ts';
import { anchorHrefOf, parseHtml } from './parse-html.ts';

/** A block of the post in reading order, with the inline content a person would read in it. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'listItem' | 'tableRow' | 'html';
  /** Heading depth (1–6); for list items the nesting depth. */
  depth: number;
  inline: PhrasingContent[];
  /** Plain text of `inline`. */
  text: string;
  line: number;
  /** For list items: true when this is a nested list item, not the first paragraph of one. */
  nested: boolean;
  /** Table rows: the inline content of each cell. */
  cells?: PhrasingContent[][];
  /** Table rows: true for a header row (`<thead>`, or a row of `<th>` cells only). */
  header?: boolean;
  /** Id of the list or table the block sits in (0 outside any): blocks that share it are siblings of one listing. */
  container?: number;
}

const markdown = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Keep link destinations as written (escapes and entities decoded), like mdast does: no percent-encoding,
// no punycode, and no dropping of links whose scheme an HTML renderer would refuse — nothing is rendered here.
markdown.normalizeLink = (url) => url;
markdown.normalizeLinkText = (text) => text;
markdown.validateLink = () => true;

/** Tokenizes a post body (markdown-it's flat token stream; `flattenBlocks` turns it into blocks). */
export function parseMarkdown(body: string): Token[] {
  return markdown.parse(body, {});
}

/** Plain text of inline content: link text kept, images and HTML dropped, line breaks as spaces. */
export function inlineText(nodes: readonly Nodes[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value;
    else if (node.type === 'break') out += ' ';
    else if (node.type === 'image' || node.type === 'html') continue;
    else if ('children' in node) out += inlineText(node.children as Nodes[]);
  }
  return squish(out);
}

/** Plain text of an image's alt tokens (what mdast puts in `alt`). */
function altText(tokens: readonly Token[] | null): string {
  let out = '';
  for (const token of tokens ?? []) {
    if (token.type === 'text' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'softbreak') out += '\n';
    else if (token.type === 'image') out += altText(token.children);
  }
  return out;
}

type Parent = Link | Strong | Emphasis | Delete;

function attr(token: Token, name: string): string | null {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
}

/** markdown-it inline tokens → mdast phrasing content, text and soft breaks merged into one text node as mdast does. */
function toPhrasing(tokens: readonly Token[] | null): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const open: PhrasingContent[][] = [root];
  let out = root;
  const pushText = (value: string) => {
    const last = out[out.length - 1];
    if (last?.type === 'text') last.value += value;
    else if (value) out.push({ type: 'text', value });
  };
  // markdown-it drops the spaces before a soft line break but keeps tabs; mdast drops both.
  const trimLineEnd = () => {
    const last = out[out.length - 1];
    if (last?.type !== 'text') return;
    last.value = last.value.replace(/[ \t]+$/, '');
    if (!last.value) out.pop();
  };
  const enter = (node: Parent) => {
    out.push(node);
    open.push(node.children);
    out = node.children;
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
      case 'text_special':
        pushText(token.content);
        break;
      case 'softbreak':
        trimLineEnd();
        pushText('\n');
        break;
      case 'hardbreak':
        out.push({ type: 'break' });
        break;
      case 'code_inline':
        out.push({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline': {
        // `<a href>` written inline is a link like any other; `</a>` closes it.
        const href = anchorHrefOf(token.content);
        if (href !== null) enter({ type: 'link', url: href, title: null, children: [] });
        else if (/^<\/a\s*>$/i.test(token.content) && open.length > 1 && out === (open[open.length - 1] as PhrasingContent[])) {
          const parent = open[open.length - 2]!;
          const last = parent[parent.length - 1];
          if (last?.type === 'link' && last.children === out) {
            open.pop();
            out = open[open.length - 1]!;
          } else out.push({ type: 'html', value: token.content });
        } else out.push({ type: 'html', value: token.content });
        break;
      }
      case 'image':
        out.push({ type: 'image', url: attr(token, 'src') ?? '', title: attr(token, 'title'), alt: altText(token.children) });
        break;
      case 'link_open':
        enter({ type: 'link', url: attr(token, 'href') ?? '', title: attr(token, 'title'), children: [] });
        break;
      case 'strong_open':
        enter({ type: 'strong', children: [] });
        break;
      case 'em_open':
        enter({ type: 'emphasis', children: [] });
        break;
      case 's_open':
        enter({ type: 'delete', children: [] });
        break;
      case 'link_close':
      case 'strong_close':
      case 'em_close':
      case 's_close':
        if (open.length > 1) open.pop();
        out = open[open.length - 1]!;
        break;
      default:
        break;
    }
  }
  return expandShortcodes(root);
}

interface OpenItem {
  /** Token level of the list item: its direct children sit one level deeper. */
  level: number;
  line: number;
  /** True until the item's first child block has been seen. */
  first: boolean;
}

/**
 * Flattens the token stream into blocks in reading order (lists, blockquotes and tables are opened). A list
 * item's first paragraph becomes a `listItem` block at the item's line; its other children become blocks of
 * their own. Code blocks and thematic breaks give no block.
 */
export function flattenBlocks(tokens: readonly Token[], lineOffset: number): Block[] {
  const blocks: Block[] = [];
  const items: OpenItem[] = [];
  /** Ids of the open lists, innermost last; the open table's id. */
  const lists: number[] = [];
  let table = 0;
  let header = false;
  let containers = 0;
  const lineOf = (token: Token) => (token.map ? token.map[0] + 1 : 1) + lineOffset;
  const inlineAfter = (i: number) => toPhrasing(tokens[i + 1]?.type === 'inline' ? tokens[i + 1]!.children : null);
  const pushRow = (cells: PhrasingContent[][], line: number, isHeader: boolean, container: number) => {
    const inline: PhrasingContent[] = [];
    cells.forEach((cell, index) => {
      if (index > 0) inline.push({ type: 'text', value: ' | ' });
      inline.push(...cell);
    });
    blocks.push({ kind: 'tableRow', depth: 0, inline, text: inlineText(inline), line, nested: false, cells, header: isHeader, container });
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.nesting === -1) {
      if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
      else if (token.type === 'list_item_close') items.pop();
      else if (token.type === 'thead_close') header = false;
      continue;
    }
    if (token.type === 'inline') continue;
    const item = items[items.length - 1];
    const firstOfItem = item?.first && token.level === item.level + 1;
    if (firstOfItem) item.first = false;
    const listDepth = lists.length;
    const list = lists[lists.length - 1] ?? 0;

    switch (token.type) {
      case 'heading_open': {
        const inline = inlineAfter(i);
        blocks.push({ kind: 'heading', depth: Number(token.tag.slice(1)), inline, text: inlineText(inline), line: lineOf(token), nested: false });
        break;
      }
      case 'paragraph_open': {
        const inline = inlineAfter(i);
        const at = list ? { container: list } : {};
        if (firstOfItem) blocks.push({ kind: 'listItem', depth: listDepth, inline, text: inlineText(inline), line: item.line, nested: listDepth > 1, ...at });
        else blocks.push({ kind: 'paragraph', depth: listDepth, inline, text: inlineText(inline), line: lineOf(token), nested: false, ...at });
        break;
      }
      case 'html_block': {
        // Raw HTML joins the same model: its links and text in an html block, its table rows as rows.
        const html = parseHtml(token.content);
        const inline = expandShortcodes(html.inline);
        blocks.push({ kind: 'html', depth: 0, inline, text: inlineText(inline), line: lineOf(token), nested: false });
        if (html.rows.length > 0) {
          const id = ++containers;
          for (const row of html.rows) pushRow(row.cells.map(expandShortcodes), lineOf(token), row.header, id);
        }
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push(++containers);
        break;
      case 'list_item_open':
        items.push({ level: token.level, line: lineOf(token), first: true });
        break;
      case 'table_open':
        table = ++containers;
        break;
      case 'thead_open':
        header = true;
        break;
      case 'tr_open': {
        const cells: PhrasingContent[][] = [];
        for (let j = i + 1; j < tokens.length && tokens[j]!.type !== 'tr_close'; j++) {
          if (tokens[j]!.type === 'inline') cells.push(toPhrasing(tokens[j]!.children));
        }
        pushRow(cells, lineOf(token), header, table);
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}
