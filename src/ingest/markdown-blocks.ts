import type { Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

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
}

export function parseMarkdown(body: string): Root {
  return fromMarkdown(body);
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
  return out.replace(/\s+/g, ' ').trim();
}

/** Flattens the document into blocks in reading order (lists, blockquotes and tables are opened). */
export function flattenBlocks(root: Root, lineOffset: number): Block[] {
  const blocks: Block[] = [];
  const lineOf = (node: RootContent) => (node.position?.start.line ?? 1) + lineOffset;

  const visit = (node: RootContent, listDepth: number): void => {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth, inline: node.children, text: inlineText(node.children), line: lineOf(node), nested: false });
        return;
      case 'paragraph':
        blocks.push({ kind: 'paragraph', depth: listDepth, inline: node.children, text: inlineText(node.children), line: lineOf(node), nested: false });
        return;
      case 'html':
        blocks.push({ kind: 'html', depth: 0, inline: [], text: '', line: lineOf(node), nested: false });
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, listDepth);
        return;
      case 'list':
        for (const item of node.children) visit(item, listDepth + 1);
        return;
      case 'listItem': {
        const [first, ...rest] = node.children;
        if (first?.type === 'paragraph') {
          blocks.push({ kind: 'listItem', depth: listDepth, inline: first.children, text: inlineText(first.children), line: lineOf(node), nested: listDepth > 1 });
        } else if (first) visit(first, listDepth);
        for (const child of rest) visit(child, listDepth);
        return;
      }
      case 'table':
        for (const row of node.children) {
          const inline: PhrasingContent[] = [];
          row.children.forEach((cell, i) => {
            if (i > 0) inline.push({ type: 'text', value: ' | ' });
            inline.push(...cell.children);
          });
          blocks.push({ kind: 'tableRow', depth: 0, inline, text: inlineText(inline), line: lineOf(row as unknown as RootContent), nested: false });
        }
        return;
      default:
        return;
    }
  };
  for (const node of root.children) visit(node, 0);
  return blocks;
}
