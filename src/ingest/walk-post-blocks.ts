import { foldKey } from '../domain/text.ts';
import type { Diagnostic, TalkEntry } from '../domain/types.ts';
import { assembleTalkEntry, type OpenEntry, openEntry } from './assemble-talk-entry.ts';
import { decideEntryDate } from './decide-post-dates.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { Block } from './markdown-blocks.ts';
import { parseSpeakers } from './parse-speakers.ts';
import { parseWhen } from './parse-when.ts';
import { parseAbstractSpeakers, parseTurnPresenters } from './parse-presenters.ts';
import { parseFieldLines, type FieldLine } from './parse-field-lines.ts';
import { recognizeEntryFields, recognizeTentativeHeader } from './recognize-entry-fields.ts';
import { recognizeProseScheduleLinks, sectionScheduleLinkOf } from './recognize-prose-link.ts';
import { dayOfListItem, loneItemHeaderOf, recognizeUnderLoneItem } from './recognize-list-item.ts';
import { recognizeTable } from './recognize-table.ts';
import { splitEventLabel } from './split-event-label.ts';
import { eventOfNameHeading, eventOfTalkAddress } from './walk-events.ts';
import { applyIntroSentence } from './walk-intro-sentence.ts';
import { currentSection, type PostScope, type Walk } from './walk-state.ts';
import { isDateLine, looksLikeBrokenDateLine, recognizeTalkHeader } from './recognize-talk-header.ts';
import type { TalkHeader } from './talk-header.ts';
import { isEmphasisOnly } from './talk-header.ts';
import { isLoneVideo, recognizeRecordingLink, recognizeRestatedRecording } from './recognize-recording-link.ts';

/**
 * The section walk: a post's blocks in reading order, with the section context (event, date, speakers)
 * that headings and intro sentences set, opening an entry at each talk header and closing it at the
 * next. Diagnostics are appended to `diagnostics` in the order they are found.
 */
export function walkPostBlocks(
  blocks: readonly Block[],
  scope: PostScope,
  diagnostics: Diagnostic[],
): { talks: TalkEntry[]; postEventSlug: string | null; gatheringZone: string | null } {
  const walk: Walk = {
    scope,
    blocks,
    diagnostics,
    sections: [{ depth: 0, eventSlug: scope.eventSlug, date: null, speakers: null }],
    talks: [],
    open: null,
    tableRead: -1,
    postEventSlug: scope.eventSlug,
  };
  for (let index = 0; index < blocks.length; index++) walkBlock(walk, blocks[index]!, index);
  closeEntry(walk);
  return { talks: walk.talks, postEventSlug: walk.postEventSlug, gatheringZone: walk.gatheringZone ?? null };
}

function closeEntry(walk: Walk): void {
  const entry = walk.open;
  if (!entry) return;
  walk.open = null;
  const { file, events, dates } = walk.scope;
  // "[Ann Lee](sched)" closing a post is a credit of a speaker of a talk above, linked to that talk: not a talk.
  const key = foldKey(entry.header.title);
  const credited = walk.talks.find((t) => t.speakers.some((s) => foldKey(s.name) === key));
  if (credited) {
    const reason = `it is the name of a speaker of "${credited.title}"`;
    walk.diagnostics.push(
      diagnose('LISTING_ENTRY_REJECTED', { file, line: entry.block.line }, `"${entry.header.title}" looks like an entry of a listing, but ${reason}.`),
    );
    return;
  }
  const assembled = assembleTalkEntry(entry, file, (e) => decideEntryDate(e, events.eventOf(e.eventSlug), dates, { file, line: e.block.line }));
  walk.diagnostics.push(...assembled.diagnostics);
  if (assembled.talk) walk.talks.push(assembled.talk);
}

function startEntry(walk: Walk, header: TalkHeader, block: Block, tentative: boolean): void {
  let section = currentSection(walk);
  const labelled = splitEventLabel(header.title);
  // "…/widget-rejekts-2030/talk/…": the talk page's address names the event, with its year.
  const addressed = eventOfTalkAddress(walk, header.url, block.line);
  if (labelled) {
    // "WidgetConf 2030: Title": the label names the talk's event (when it gives a year), not part of its title.
    header = { ...header, title: labelled.title };
    const event = labelled.year ? walk.scope.events.name(labelled.label, labelled.year, block.line, walk.postEventSlug) : null;
    if (event) section = { ...section, eventSlug: event.slug };
  }
  if (addressed) section = { ...section, eventSlug: addressed.slug };
  walk.open = openEntry(header, block, tentative, section, header.whenText ? parseWhen(header.whenText) : null);
}

function enterHeading(walk: Walk, block: Block): void {
  const { sections } = walk;
  while (sections.length > 1 && currentSection(walk).depth >= block.depth) sections.pop();
  const parent = currentSection(walk);
  const when = parseWhen(block.text);
  const event = walk.scope.events.name(block.text, when.year ?? walk.scope.dates.year.year, block.line, walk.postEventSlug) ?? eventOfNameHeading(walk, block);
  sections.push({
    depth: block.depth,
    eventSlug: event?.slug ?? parent.eventSlug,
    date: when.month !== null && when.day !== null ? when : parent.date,
    speakers: parent.speakers,
  });
}

/** A table is read as a whole, at its first row: a listing of talks, or the fields of the entry above. */
function walkTable(walk: Walk, block: Block, index: number): void {
  if (block.container === walk.tableRead) return;
  walk.tableRead = block.container;
  const { blocks } = walk;
  const rows: Block[] = [];
  for (let j = index; j < blocks.length && blocks[j]!.kind === 'tableRow' && blocks[j]!.container === block.container; j++) rows.push(blocks[j]!);
  const reading = recognizeTable(rows, walk.scope.grammar);
  for (const r of reading.rejected)
    walk.diagnostics.push(
      diagnose('LISTING_ENTRY_REJECTED', { file: walk.scope.file, line: r.line }, `"${r.title}" looks like an entry of a listing, but ${r.reason}.`),
    );
  if (reading.fields) {
    if (walk.open) recognizeEntryFields(walk.open, reading.fields, walk.scope.grammar);
    return;
  }
  if (reading.entries.length === 0) return;
  closeEntry(walk);
  for (const entry of reading.entries) {
    startEntry(walk, entry.header, entry.row, false);
    closeEntry(walk);
  }
}

/** `**Speakers:** …`, `TIME: …`: fields of the open entry. Outside an entry, a date field dates the section. */
function applyFieldBlock(walk: Walk, fields: FieldLine[], line: number): void {
  if (walk.open) {
    recognizeEntryFields(walk.open, fields, walk.scope.grammar);
    // `Note: Widget Day Co-Located Event`: the event the entry belongs to.
    for (const f of fields.filter((f) => /^(?:note|event|track)$/i.test(f.label))) {
      const event = walk.scope.events.name(f.text, walk.scope.dates.year.year, line, walk.postEventSlug);
      if (event) walk.open.eventSlug = event.slug;
    }
  } else {
    const date = fields
      .filter((f) => f.kind === 'when')
      .map((f) => parseWhen(f.text))
      .find((w) => w.month !== null && w.day !== null && w.start === null);
    if (date) currentSection(walk).date = date;
  }
}

/** One step of the walk: what `block` is, given the entry open before it. */
function walkBlock(walk: Walk, block: Block, index: number): void {
  const { grammar } = walk.scope;
  if (block.kind === 'tableRow') {
    walkTable(walk, block, index);
    return;
  }
  const fields = block.kind === 'heading' ? null : parseFieldLines(block);
  if (fields) {
    applyFieldBlock(walk, fields, block.line);
    return;
  }
  const day = block.kind === 'listItem' ? dayOfListItem(block) : null;
  if (day) {
    // A list item that is only a day ("Wednesday, May 2:") dates the entries nested under it, up to the next such item.
    closeEntry(walk);
    currentSection(walk).date = day;
    return;
  }
  const restated = walk.open && !walk.open.tentative ? recognizeRestatedRecording(block, walk.open.header.title, grammar) : null;
  if (restated && walk.open) {
    // The video of the entry above, titled like it (an embed or shortcode under a heading): its recording, not a new talk.
    if (!walk.open.header.url) walk.open.header = { ...walk.open.header, url: restated.url };
    if (walk.open.speakers.length === 0) walk.open.speakers = restated.speakers;
    return;
  }
  const header = recognizeTalkHeader(block, {
    grammar,
    previous: walk.blocks[index - 1],
    next: walk.blocks[index + 1],
    insideTalk: walk.open !== null && !walk.open.tentative && !isSiblingItem(block, walk.open.block),
  });
  if (header && walk.open?.header.recognizer === 'prose-ordinal-link' && isLoneVideo(block)) {
    // "[The second talk](sched) …" then its video, further down its description: the video's title names the talk.
    const open = walk.open;
    open.header = { ...open.header, title: splitEventLabel(header.title)?.title ?? header.title, recognizer: 'prose-ordinal-video' };
    if (open.speakers.length === 0) open.speakers = header.speakers;
    return;
  }
  if (header) {
    closeEntry(walk);
    if (block.kind === 'heading') enterHeading(walk, block);
    startEntry(walk, header, block, false);
    return;
  }
  if (block.kind === 'heading') {
    closeEntry(walk);
    enterHeading(walk, block);
    // A heading may open an entry whose fields follow it; it becomes a talk only on their evidence.
    const tentative = recognizeTentativeHeader(block);
    if (tentative) startEntry(walk, tentative, block, true);
    return;
  }
  // A bold line or title link starts an entry, also right after another entry's fields (a run of entries).
  if ((!walk.open || walk.open.tentative || walk.open.fields > 0) && (block.kind === 'paragraph' || block.kind === 'listItem')) {
    const tentative = recognizeTentativeHeader(block);
    if (tentative) {
      closeEntry(walk);
      startEntry(walk, tentative, block, true);
      return;
    }
  }
  const lone = loneItemHeaderOf(walk.blocks, index);
  if (lone) {
    closeEntry(walk);
    startEntry(walk, lone, block, true);
    return;
  }
  const open = walk.open;
  if (open && walk.blocks[index - 1] === open.block) recognizeUnderLoneItem(open, block, walk.scope.grammar);
  // "After Ann, [Bo Tran](profile) demonstrated …, [I](profile) spoke about …": who took the floor in turn, for a talk read from prose.
  if (open && block.kind === 'paragraph' && (open.header.recognizer === 'lone-item' || (open.speakers.length === 0 && !open.sectionSpeakers)))
    for (const s of parseTurnPresenters(block, walk.scope.author)) if (!open.speakers.some((k) => k.name === s.name)) open.speakers = [...open.speakers, s];
  if (open && !open.header.url && (open.tentative || open.abstract.length === 0)) {
    // A section's own schedule link may sit in its prose ("join this [hands on session](sched)", "[This talk](sched) explores…").
    const link = sectionScheduleLinkOf(block.inline);
    if (link) open.header = { ...open.header, url: link };
  }
  // Until a heading's entry has fields, what follows it is read as before: intro sentences, date lines.
  const bareSection = open?.tentative === true && open.fields === 0 && !open.when;
  // Outside an entry, prose may name talks by their schedule links; the last one stays open for what follows.
  const siblingItem = open !== null && block.kind === 'listItem' && open.block.kind === 'listItem' && block.container === open.block.container;
  // A talk named in prose ends where the prose names another one by its own link: such talks are siblings.
  const prose = open?.header.recognizer.startsWith('prose-') === true;
  const found = walk.scope.aboutAnEvent && (!open || bareSection || siblingItem || prose) ? recognizeProseScheduleLinks(block, grammar) : [];
  const named = prose ? found.filter((h) => h.url !== open?.header.url) : found;
  if (named.length > 0) {
    for (const namedHeader of named) {
      closeEntry(walk);
      startEntry(walk, namedHeader, block, false);
    }
    return;
  }
  if (!open || (bareSection && block.kind === 'paragraph' && !(isDateLine(block) && parseWhen(block.text).start !== null))) applyIntroSentence(walk, block);
  else continueEntry(walk, open, block);
}

/** A block inside an open entry: its date line, its speakers, its recording, or a paragraph of its abstract. */
function continueEntry(walk: Walk, talk: OpenEntry, block: Block): void {
  if (block.kind === 'listItem' && talk.block.kind === 'listItem' && !block.nested) {
    closeEntry(walk); // a sibling list item that is not a talk ends the entry
    return;
  }
  if (block.kind === 'html') return;
  if (!talk.when?.start && isDateLine(block)) {
    talk.when = parseWhen(block.text);
    return;
  }
  if (talk.speakers.length === 0 && talk.abstract.length === 0 && isEmphasisOnly(block)) {
    const parsed = parseSpeakers(block.text, walk.scope.grammar);
    if (parsed.speakers.length > 0 && parsed.unreadable.length === 0) {
      talk.speakers = parsed.speakers;
      return;
    }
  }
  const recording = recognizeRecordingLink(block);
  if (recording) {
    // "[See on YouTube.](url)" or "YouTube link: [video title](url)" under the entry: its recording.
    if (!talk.header.url) talk.header = { ...talk.header, url: recording };
    return;
  }
  if (!talk.when?.start && talk.abstract.length === 0 && looksLikeBrokenDateLine(block)) {
    walk.diagnostics.push(diagnose('DATE_UNREADABLE', { file: walk.scope.file, line: block.line }, `"${block.text}"`));
    return;
  }
  // "Ann from Acme will cover …", "this session with [Ann](profile) and [Bo](profile)": the speakers of a talk that names none.
  if (talk.speakers.length === 0 && !talk.sectionSpeakers) talk.speakers = parseAbstractSpeakers(block, walk.scope.grammar, talk.header.url);
  if (block.text) talk.abstract.push(block.kind === 'listItem' ? `- ${block.text}` : block.text);
}

/** True for a list item of the same list as the entry's own list item: the next entry of the listing. */
function isSiblingItem(block: Block, entry: Block): boolean {
  return block.kind === 'listItem' && entry.kind === 'listItem' && !block.nested && block.container === entry.container;
}
