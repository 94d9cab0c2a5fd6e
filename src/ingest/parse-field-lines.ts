import type { PhrasingContent } from 'mdast';
import { withinOneEdit } from '../domain/edit-distance.ts';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { isDecoration, meaningfulNodes, splitInlineLines } from './talk-header.ts';

// Field lines: `**Speakers**: Name`, `**Date:** March 31st`, `TIME: 16:15 - 17:30 BST`, `- **Where:** Room 3`,
// and the rows of a two-column table `| **Time** | 15:15 |`. A field's kind comes from its label; what
// the value holds is read by the field parsers (speakers, date/time) of the caller.

export type FieldKind = 'speakers' | 'when' | 'place' | 'link' | 'title' | 'other';

export interface FieldLine {
  label: string;
  kind: FieldKind;
  /** The value as inline content (links kept), and as plain text. */
  value: PhrasingContent[];
  text: string;
}

const LABEL_KINDS: ReadonlyArray<[RegExp, FieldKind]> = [
  [/^(?:speakers?|facilitators?|presenters?|hosts?|hosted by|panell?ists?|moderators?|who|by)$/i, 'speakers'],
  [/^(?:date|day|time|when|date (?:&|and) time(?: \(\w+\))?|time (?:&|and) date|schedule|start|starts)$/i, 'when'],
  [/^(?:where|location|room|venue|place)$/i, 'place'],
  [/^(?:url|link|session details|session page|details|sched|slides|recording|video|watch|youtube)$/i, 'link'],
  [/^(?:what|title|talk|session title)$/i, 'title'],
];

/** Labels a plain-text (not bold) field line may carry: a plain "Keynote: …" is a title, not a field. */
const PLAIN_LABEL =
  /^(?:speakers?|facilitators?|presenters?|hosts?|who|date|day|time|when|where|location|room|venue|url|link|session details|slides|recording|video|track|note|date (?:&|and) time|what|talk)$/i;
/** Longest label: a few words ("Date & Time (CST)", "Session details"). */
const LABEL_TEXT = /^[\p{L}][\p{L}\d &/()'’.-]{0,30}$/u;

/** Long labels a typo does not hide ("Facillitators:", "Speekers:"): one letter off still names the field. */
const LONG_LABELS: ReadonlyArray<[string, FieldKind]> = [
  ['speakers', 'speakers'],
  ['facilitators', 'speakers'],
  ['presenters', 'speakers'],
  ['moderators', 'speakers'],
  ['panelists', 'speakers'],
  ['location', 'place'],
];

export function kindOfLabel(label: string): FieldKind {
  const bare = squish(label).replace(/[:\s]+$/, '');
  for (const [pattern, kind] of LABEL_KINDS) if (pattern.test(bare)) return kind;
  const lower = bare.toLowerCase();
  if (lower.length >= 7) for (const [word, kind] of LONG_LABELS) if (withinOneEdit(lower, word)) return kind;
  return 'other';
}

function field(label: string, value: PhrasingContent[]): FieldLine {
  const cleanLabel = squish(label).replace(/\s*:$/, '');
  return { label: cleanLabel, kind: kindOfLabel(cleanLabel), value, text: squish(inlineText(value).replace(/\\$/, '')) };
}

/** Drops the separator that follows a label (":" and spaces) from the start of the value. */
function stripLeadingColon(nodes: PhrasingContent[]): PhrasingContent[] | null {
  const [first, ...rest] = nodes;
  if (first?.type !== 'text') return null;
  const m = /^\s*:\s*/.exec(first.value);
  if (!m) return null;
  const remaining = first.value.slice(m[0].length);
  return remaining ? [{ type: 'text', value: remaining }, ...rest] : rest;
}

/** Reads one line as `label: value`, or null when the line is something else. */
export function parseFieldLine(line: readonly PhrasingContent[]): FieldLine | null {
  let nodes = meaningfulNodes(line);
  // `_Speakers: Name @ Org_`: a field line in emphasis reads as the field.
  if (nodes.length === 1 && nodes[0]!.type === 'emphasis') nodes = meaningfulNodes(nodes[0]!.children);
  while (
    nodes.length > 0 &&
    nodes[0]!.type !== 'strong' &&
    isDecoration(nodes[0]!) &&
    !(nodes[0]!.type === 'text' && /\S/.test((nodes[0] as { value: string }).value))
  )
    nodes.shift();
  const first = nodes[0];
  if (!first) return null;
  if (first.type === 'strong') {
    // `**[Widgets](sched)**: …` is a linked title and its description, not a field.
    if (first.children.some((n) => n.type === 'link')) return null;
    const labelText = squish(inlineText(first.children));
    if (labelText.endsWith(':') && LABEL_TEXT.test(labelText.slice(0, -1).trim())) return field(labelText, nodes.slice(1));
    const value = stripLeadingColon(nodes.slice(1));
    if (value && LABEL_TEXT.test(labelText)) return field(labelText, value);
    return null;
  }
  if (first.type !== 'text') return null;
  const m = /^\s*([^:]{1,32}?)\s*:\s*/.exec(first.value);
  if (!m || !PLAIN_LABEL.test(m[1]!.trim())) return null;
  const remaining = first.value.slice(m[0].length);
  return field(m[1]!, remaining ? [{ type: 'text', value: remaining }, ...nodes.slice(1)] : nodes.slice(1));
}

/** The fields of a block whose every line is a field line (a paragraph of `**Label:** value` lines), else null. */
export function parseFieldLines(block: Block): FieldLine[] | null {
  if (block.kind === 'tableRow') return parseFieldRow(block);
  if ((block.kind !== 'paragraph' && block.kind !== 'listItem') || !block.text.includes(':')) return null; // every field line has its colon
  const lines = splitInlineLines(block.inline);
  if (lines.length === 0) return null;
  const fields: FieldLine[] = [];
  for (const line of lines) {
    const f = parseFieldLine(line);
    if (!f) return null;
    fields.push(f);
  }
  return fields;
}

/** A table row of two cells whose first is a label (`| **Speakers** | Ann Lee |`), read as a field. */
export function parseFieldRow(block: Block): FieldLine[] | null {
  const cells = block.cells;
  if (cells?.length !== 2) return null;
  const label = squish(inlineText(cells[0]!)).replace(/:$/, '');
  if (!label || !LABEL_TEXT.test(label)) return null;
  return [field(label, cells[1]!)];
}
