import type { PhrasingContent } from 'mdast';
import { linkOfElement, youtubeWatchUrl } from './parse-html.ts';

// Hugo shortcodes written in a post (`{{< youtube id="…" title="…" >}}`, `{{% alert %}}`) are markup, not
// words: one that carries a video id or a link reads as that link (its title as the link text), any
// other is dropped.

const SHORTCODE = /\{\{[<%]\s*(\/?)([\w-]+)([\s\S]*?)\s*\/?[>%]\}\}/g;
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|"([^"]*)"|(\S+)/g;

function shortcodeLink(name: string, rawAttributes: string): PhrasingContent | null {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (const m of rawAttributes.matchAll(ATTRIBUTE)) {
    if (m[1]) named[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
    else positional.push(m[5] ?? m[6] ?? '');
  }
  let url = linkOfElement(name, { ...named, href: named.href ?? named.link ?? named.url });
  if (!url && /^(?:youtube|yt)$/i.test(name) && positional[0] && /^[\w-]{6,}$/.test(positional[0])) url = youtubeWatchUrl(positional[0]);
  if (!url) return null;
  const text = named.title ?? named.caption ?? '';
  return { type: 'link', url, title: null, children: text ? [{ type: 'text', value: text }] : [] };
}

/** True when the text holds a shortcode (cheap test before expanding). */
export function hasShortcode(text: string): boolean {
  return text.includes('{{<') || text.includes('{{%');
}

/** Replaces the shortcodes in text nodes: links for those that carry one, nothing for the others. */
export function expandShortcodes(nodes: PhrasingContent[]): PhrasingContent[] {
  if (!nodes.some((n) => n.type === 'text' && hasShortcode(n.value))) return nodes;
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (node.type !== 'text' || !hasShortcode(node.value)) {
      out.push(node);
      continue;
    }
    let last = 0;
    for (const m of node.value.matchAll(SHORTCODE)) {
      const before = node.value.slice(last, m.index);
      if (before) out.push({ type: 'text', value: before });
      const link = m[1] ? null : shortcodeLink(m[2]!, m[3] ?? '');
      if (link) out.push(link);
      last = (m.index ?? 0) + m[0].length;
    }
    const rest = node.value.slice(last);
    if (rest) out.push({ type: 'text', value: rest });
  }
  return out;
}
