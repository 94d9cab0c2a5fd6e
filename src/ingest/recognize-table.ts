import type { PhrasingContent } from 'mdast';
import { squish } from '../domain/text.ts';
import { inlineText, type Block } from './markdown-blocks.ts';
import { parseSpeakers } from './parse-speakers.ts';
import { isWhenOnly, parseWhen } from './parse-when.ts';
import { parseFieldRow, type FieldLine } from './parse-field-lines.ts';
import { cleanTitle, isTalkUrl, loneLinkOf, type TalkHeader } from './talk-header.ts';
import type { SpeakerGrammarOptions } from './parse-speakers.ts';

// A table is read as a whole: its header row types its columns (title, speakers, date/time, place), and
// every body row is then an entry of the listing. A table of `label | value` rows is the fields of the
// entry above it; a grid of `time | room | room` holds one talk per cell.

export interface TableEntry {
  header: TalkHeader;
  whenText: string | null;
  /** The row the entry was read from. */
  row: Block;
}

export interface TableReading {
  entries: TableEntry[];
  /** The table is a list of fields (`| **Speakers** | … |`) of the entry above it. */
  fields: FieldLine[] | null;
  /** Rows that look like entries but lack the evidence of a talk. */
  rejected: Array<{ line: number; title: string; reason: string }>;
}

type ColumnKind = 'title' | 'speakers' | 'when' | 'start' | 'end' | 'place' | 'other';

const COLUMN_KINDS: ReadonlyArray<[RegExp, ColumnKind]> = [
  [/^(?:talk|talks|title|talk title|session|sessions|session title|topic|presentation|what)$/i, 'title'],
  [/^(?:speakers?|presenters?|who|speaker\(s\)|by)$/i, 'speakers'],
  [/^(?:start|start time|from|begins)\b/i, 'start'],
  [/^(?:end|end time|to|until|ends)\b/i, 'end'],
  [/^(?:date|day|time|when|date (?:&|and) time|slot)\b/i, 'when'],
  [/^(?:room|location|where|venue|track|place)$/i, 'place'],
];

function columnKind(text: string): ColumnKind {
  const bare = squish(text).replace(/[*_:]/g, '').trim();
  for (const [pattern, kind] of COLUMN_KINDS) if (pattern.test(bare)) return kind;
  return 'other';
}

/** A cell that holds nothing: empty, or a dash standing for "none". */
const isEmpty = (text: string) => /^[\s\-–—]*$/.test(text);
const cellText = (cell: PhrasingContent[] | undefined) => squish(inlineText(cell ?? []));

function titleOf(cell: PhrasingContent[]): { title: string; url: string | null } {
  const link = loneLinkOf(cell);
  return link ? { title: cleanTitle(link.text), url: link.url } : { title: cleanTitle(inlineText(cell)), url: null };
}

function speakersOf(text: string, grammar: SpeakerGrammarOptions): { speakers: TalkHeader['speakers']; unreadable: string[] } {
  return isEmpty(text) ? { speakers: [], unreadable: [] } : parseSpeakers(text, grammar);
}

/** `Title (Name, Name @ Org)` in a grid cell: the title, and the speakers in the last parentheses. */
function parseGridCell(cell: PhrasingContent[], grammar: SpeakerGrammarOptions): TalkHeader | null {
  const text = cellText(cell);
  const m = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(text);
  if (!m) return null;
  const speakers = parseSpeakers(m[2]!, grammar);
  if (speakers.speakers.length === 0) return null;
  const link = loneLinkOf(cell);
  return {
    title: cleanTitle(m[1]!),
    url: link?.url ?? null,
    speakers: speakers.speakers,
    unreadableSpeakers: speakers.unreadable,
    whenText: null,
    recognizer: 'table-grid',
  };
}

export function recognizeTable(rows: readonly Block[], grammar: SpeakerGrammarOptions): TableReading {
  const reading: TableReading = { entries: [], fields: null, rejected: [] };
  const headerRow = rows.find((r) => r.header && r.cells?.some((c) => cellText(c) !== ''));
  const body = rows.filter((r) => !r.header);

  // `| **Speakers** | … |` rows (the header row, if any, is empty): the fields of the entry above.
  const fieldRows = body.map((r) => parseFieldRow(r));
  if (!headerRow && body.length > 0 && fieldRows.every((f) => f !== null)) {
    const fields = fieldRows.flatMap((f) => f!);
    if (fields.some((f) => f.kind === 'speakers' || f.kind === 'when')) reading.fields = fields;
    return reading;
  }
  if (!headerRow?.cells) return reading;

  const kinds = headerRow.cells.map((c) => columnKind(cellText(c)));
  const at = (kind: ColumnKind) => kinds.indexOf(kind);
  const whenColumns = kinds.flatMap((k, i) => (k === 'when' || k === 'start' || k === 'end' ? [i] : []));
  const grid = at('title') < 0 && whenColumns.length > 0 && kinds.filter((k) => k === 'other').length > 0;

  for (const row of body) {
    const cells = row.cells ?? [];
    const start = at('start') >= 0 ? cellText(cells[at('start')]) : '';
    const end = at('end') >= 0 ? cellText(cells[at('end')]) : '';
    const whenCell = at('when') >= 0 ? cellText(cells[at('when')]) : '';
    const joined = [whenCell, start && end && !isEmpty(end) ? `${start} - ${end}` : start].filter((t) => t && !isEmpty(t)).join(' ');
    const whenText = joined && isWhenOnly(parseWhen(joined)) ? joined : null;

    if (grid) {
      kinds.forEach((kind, index) => {
        if (kind !== 'other') return;
        const cell = cells[index];
        if (!cell || isEmpty(cellText(cell))) return;
        const header = parseGridCell(cell, grammar);
        if (header) reading.entries.push({ header: { ...header, whenText }, whenText, row });
        else reading.rejected.push({ line: row.line, title: cellText(cell), reason: 'a grid cell without speakers in parentheses' });
      });
      continue;
    }
    if (at('title') < 0) continue;
    const titleCell = cells[at('title')] ?? [];
    if (isEmpty(cellText(titleCell))) continue;
    const { title, url } = titleOf(titleCell);
    const speakers = at('speakers') >= 0 ? speakersOf(cellText(cells[at('speakers')]), grammar) : { speakers: [], unreadable: [] };
    if (speakers.speakers.length === 0 && !(url && isTalkUrl(url))) {
      reading.rejected.push({ line: row.line, title, reason: 'no speakers and no schedule or recording link' });
      continue;
    }
    reading.entries.push({
      header: { title, url, speakers: speakers.speakers, unreadableSpeakers: speakers.unreadable, whenText, recognizer: 'table' },
      whenText,
      row,
    });
  }
  return reading;
}
