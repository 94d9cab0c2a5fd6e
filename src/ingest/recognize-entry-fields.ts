import type { PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { parseSpeakers, parseNameList, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { parseWhen, type WhenParts } from './parse-when.ts';
import type { FieldLine } from './parse-field-lines.ts';
import { cleanProseTitle, cleanTitle, isDecoration, isGenericLinkText, meaningfulNodes, type TalkHeader } from './talk-header.ts';

/** The part of an open entry that its field lines fill in. */
export interface EntryFields {
  header: TalkHeader;
  speakers: SpeakerMention[];
  when: WhenParts | null;
  fields: number;
}

/** Date and time written in separate fields (`Date: March 31st`, `Time: 14:35 – 15:05 BST`) make one. */
export function mergeWhen(before: WhenParts | null, added: WhenParts): WhenParts {
  if (!before) return added;
  const hasDate = added.month !== null && added.day !== null;
  return {
    ...before,
    weekday: added.weekday ?? before.weekday,
    month: hasDate ? added.month : before.month,
    day: hasDate ? added.day : before.day,
    year: added.year ?? before.year,
    start: added.start ?? before.start,
    end: added.start ? added.end : before.end,
    zone: added.zone ?? before.zone,
    unknownZone: added.unknownZone ?? before.unknownZone,
    spansDays: before.spansDays || added.spansDays,
  };
}

/** The address a link field gives: its link, or a bare URL written as text. */
export function firstUrlOfField(field: FieldLine): string | null {
  const link = field.value.find((n): n is PhrasingContent & { type: 'link' } => n.type === 'link');
  if (link) return link.url;
  return /https?:\/\/[^\s<>)\]]+/.exec(field.text)?.[0] ?? null;
}

/**
 * A speakers field: a list of full names (`Ann Lee, Bo Tran, Cy Oduya`) is names only; anything else is read
 * by the speaker grammar (`Name, Org`, `Name (Org)`).
 */
export function parseSpeakerField(text: string, grammar: SpeakerGrammarOptions): { speakers: SpeakerMention[]; unreadable: string[] } {
  const names = parseNameList(text, grammar);
  return names ? { speakers: names.map((name) => ({ name, organization: null, role: null })), unreadable: [] } : parseSpeakers(text, grammar);
}

/** Reads field lines into the open entry: speakers, date and time, its link. Places and notes are skipped. */
export function recognizeEntryFields(entry: EntryFields, fields: readonly FieldLine[], grammar: SpeakerGrammarOptions): void {
  let presenter: string | null = null;
  for (const field of fields) {
    entry.fields++;
    if (field.kind === 'title') {
      presenter = recognizeTitleField(entry, field) ?? presenter;
      continue;
    }
    if (field.kind === 'speakers' && entry.speakers.length === 0) {
      const parsed = parseSpeakerField(field.text, grammar);
      entry.speakers = parsed.speakers;
      if (parsed.unreadable.length > 0) entry.header = { ...entry.header, unreadableSpeakers: [...entry.header.unreadableSpeakers, ...parsed.unreadable] };
    } else if (field.kind === 'when') {
      const when = parseWhen(field.text);
      if (when.month !== null || when.start !== null) entry.when = mergeWhen(entry.when, when);
    } else if (field.kind === 'link' && !entry.header.url) {
      const url = firstUrlOfField(field);
      if (url) entry.header = { ...entry.header, url };
    }
  }
  if (presenter) narrowToPresenter(entry, presenter, grammar);
}

/**
 * `What: [Title](slides) by Ann`: the talk's title and link, under a heading that names the event. Only a
 * linked title counts. Returns who the field says gives it ("by Ann"), if anyone.
 */
function recognizeTitleField(entry: EntryFields, field: FieldLine): string | null {
  const links = field.value.filter((n): n is PhrasingContent & { type: 'link' } => n.type === 'link');
  const title = links.length === 1 ? cleanTitle(inlineText(links[0]!.children)) : '';
  if (!title || isGenericLinkText(title)) return null;
  entry.header = { ...entry.header, title, url: links[0]!.url };
  const after = inlineText(field.value.slice(field.value.indexOf(links[0]!) + 1));
  return /^\s*,?\s*by\s+(.+?)\s*\.?$/i.exec(after)?.[1] ?? null;
}

/** "by Ann" after a title, beside `Who: Ann Lee, Bo Tran`: the talk is Ann Lee's; the others of the line attend. */
function narrowToPresenter(entry: EntryFields, presenter: string, grammar: SpeakerGrammarOptions): void {
  const key = presenter.toLowerCase();
  const named = entry.speakers.filter((s) => s.name.toLowerCase() === key || s.name.toLowerCase().startsWith(`${key} `));
  if (named.length > 0) entry.speakers = named;
  else {
    const parsed = parseSpeakerField(presenter, grammar);
    if (parsed.speakers.length > 0 && parsed.unreadable.length === 0) entry.speakers = parsed.speakers;
  }
}

/** Longest title an entry only its shape suggests may have. */
const MAX_TENTATIVE_TITLE = 160;

/**
 * A heading, or a paragraph that is only a bold title or a title link, read as the title of an entry
 * whose fields may follow: `## 2. Contribfest - Hands on`, `## Contribfest: [Title](url)`, `**Title**`.
 */
export function recognizeTentativeHeader(block: Block): TalkHeader | null {
  const meaningful = meaningfulNodes(block.inline).filter((n) => !isDecoration(n));
  if (meaningful.length === 0) return null;
  if (block.kind !== 'heading') {
    // Only a bold title (possibly linked) or a link, alone on its line.
    const only = meaningful.length === 1 ? meaningful[0]! : null;
    if (!only || (only.type !== 'strong' && only.type !== 'link')) return null;
    if (only.type === 'strong' && /[:.]$/.test(inlineText(only.children))) return null; // a label or a sentence
  }
  const links = collectLinks(block.inline);
  const generic = links.filter((l) => isGenericLinkText(inlineText(l.children)));
  let title: string;
  let url: string | null = null;
  if (links.length === 1 && generic.length === 0) {
    title = cleanTitle(inlineText(links[0]!.children));
    url = links[0]!.url;
  } else {
    // `Title ([Recording](…)/[Slides](…))`: the links are the entry's material, the words around them its title.
    const words = generic.length > 0 ? inlineText(block.inline.filter((n) => n.type !== 'link')) : block.text;
    title = cleanProseTitle(
      squish(words)
        .replace(/\s*\(\s*[/|,&\s]*\)\s*$/, '')
        .replace(/^\d{1,2}[.)]\s+/, ''),
    );
    url = generic.find((l) => /recording|video|youtube|watch/i.test(inlineText(l.children)))?.url ?? generic[0]?.url ?? null;
  }
  if (!title || title.length > MAX_TENTATIVE_TITLE || !/\p{L}/u.test(title)) return null;
  return { title, url, speakers: [], unreadableSpeakers: [], whenText: null, recognizer: 'entry-with-fields' };
}

function collectLinks(inline: readonly PhrasingContent[]): Array<PhrasingContent & { type: 'link' }> {
  const out: Array<PhrasingContent & { type: 'link' }> = [];
  for (const node of inline) {
    if (node.type === 'link') out.push(node);
    else if ('children' in node) out.push(...collectLinks(node.children as PhrasingContent[]));
  }
  return out;
}
