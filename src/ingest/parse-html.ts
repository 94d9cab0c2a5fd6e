import { Parser } from 'htmlparser2';
import type { PhrasingContent } from 'mdast';

// Raw HTML in a post read into the same inline model as Markdown: `<a href>` is a link, an embedded
// video (an iframe, or a JSX element that carries a video id) reads as a link to that video, table
// rows keep their cells. Everything else gives its text.

/** A row of an HTML table: its cells, and whether every cell is a header cell (`<th>`). */
export interface HtmlRow {
  cells: PhrasingContent[][];
  header: boolean;
}

export interface HtmlContent {
  /** Text and links outside table rows. */
  inline: PhrasingContent[];
  rows: HtmlRow[];
}

const YOUTUBE_EMBED = /(?:youtube(?:-nocookie)?\.com\/embed\/|youtu\.be\/)([\w-]{6,})/i;
/** Element names that stand for a video player (`<YouTube id="…">`, `<LiteYouTubeEmbed videoid="…">`). */
const VIDEO_ELEMENT = /youtube|vimeo|video/i;
const VIDEO_ID_ATTRIBUTES = ['id', 'videoid', 'video-id', 'youtubeid', 'youtube-id'];

export function youtubeWatchUrl(id: string): string {
  return `https://www.youtube.com/watch?v=${id}`;
}

/** The address an element points at: its `href`, the video of an embed, or a video element's id. */
export function linkOfElement(name: string, attributes: Readonly<Record<string, string | undefined>>): string | null {
  const lower = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k.toLowerCase(), v]));
  if (lower.href) return lower.href;
  const embedded = lower.src ? YOUTUBE_EMBED.exec(lower.src) : null;
  if (embedded) return youtubeWatchUrl(embedded[1]!);
  if (VIDEO_ELEMENT.test(name)) {
    const id = VIDEO_ID_ATTRIBUTES.map((a) => lower[a]).find((v) => v && /^[\w-]{6,}$/.test(v));
    if (id) return youtubeWatchUrl(id);
    if (lower.url || lower.src) return (lower.url ?? lower.src)!;
  }
  return null;
}

/** The `href` of an opening `<a …>` tag written inline, or null for any other tag. */
export function anchorHrefOf(tag: string): string | null {
  if (!/^<a\s/i.test(tag)) return null;
  let href: string | null = null;
  const parser = new Parser({ onopentag: (name, attributes) => (href = name === 'a' ? (attributes.href ?? null) : null) }, { decodeEntities: true });
  parser.end(tag);
  return href;
}

/** Reads a block of HTML: table rows with their cells, and the text and links around them. */
export function parseHtml(html: string): HtmlContent {
  const inline: PhrasingContent[] = [];
  const rows: HtmlRow[] = [];
  let row: HtmlRow | null = null;
  let cell: PhrasingContent[] | null = null;
  let out: PhrasingContent[] = inline;
  const linkStack: Array<{ name: string; node: PhrasingContent & { type: 'link' }; parent: PhrasingContent[] }> = [];

  const pushText = (value: string) => {
    const last = out[out.length - 1];
    if (last?.type === 'text') last.value += value;
    else out.push({ type: 'text', value });
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'tr') {
          row = { cells: [], header: true };
          return;
        }
        if ((name === 'td' || name === 'th') && row) {
          cell = [];
          row.cells.push(cell);
          if (name === 'td') row.header = false;
          out = cell;
          return;
        }
        if (name === 'br' || name === 'p' || name === 'div' || name === 'li') pushText('\n');
        const url = linkOfElement(name, attributes);
        if (!url) return;
        const node = { type: 'link' as const, url, title: null, children: [] as PhrasingContent[] };
        out.push(node);
        const title = attributes.title ?? attributes.alt;
        if (name !== 'a') {
          if (title) node.children.push({ type: 'text', value: title });
          return; // an embed: its title (if any) is its text
        }
        linkStack.push({ name, node, parent: out });
        out = node.children;
      },
      ontext(text) {
        pushText(text);
      },
      onclosetag(name) {
        if (name === 'a' && linkStack.length > 0) {
          out = linkStack.pop()!.parent;
          return;
        }
        if ((name === 'td' || name === 'th') && row) {
          cell = null;
          out = inline;
          return;
        }
        if (name === 'tr' && row) {
          if (row.cells.length > 0) rows.push(row);
          row = null;
        }
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  void cell;
  return { inline, rows };
}
