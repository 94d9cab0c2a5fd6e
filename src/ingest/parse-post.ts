import { createHash } from 'node:crypto';
import type { Diagnostic, ParsedPost, ParsedTalk, PostRecord, SpeakerMention, TalkEntry } from '../domain/types.ts';
import { compactText, foldKey, slugify } from '../domain/text.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import { classifyKind } from './classify-kind.ts';
import { collectWeekdaySamples, decidePostYear, decideTalkDate, describeContradiction, yearOfPath } from './date-evidence.ts';
import type { EventMatcher } from './event-matcher.ts';
import { flattenBlocks, parseMarkdown, type Block } from './markdown-blocks.ts';
import { looksLikePersonName, parseSpeakers, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { parseWhen, type WhenParts } from './parse-when.ts';
import { PostEvents } from './post-events.ts';
import { readFrontMatter } from './read-front-matter.ts';
import { readFrontMatterTalks } from './read-front-matter-talks.ts';
import { isDateLine, looksLikeBrokenDateLine, recognizeTalkHeader } from './recognize-talk-header.ts';
import { reasonAgainst, reasonAgainstEntry, reasonAgainstUrl } from './listing-evidence.ts';
import { readFieldLines } from './read-field-line.ts';
import { recognizeTable } from './recognize-table.ts';
import { applyFields, tentativeHeaderOf } from './read-entry-fields.ts';
import { recognizeProseScheduleLinks, sectionScheduleLinkOf } from './recognize-prose-link.ts';
import type { TopicTagger } from './tag-topics.ts';
import type { TalkHeader } from './talk-header.ts';
import { isEmphasisOnly, isGenericLinkText, isMediaLabel, loneLinkOf, meaningfulNodes } from './talk-header.ts';

export interface IngestContext {
  events: EventMatcher;
  grammar: SpeakerGrammarOptions;
  tagTopics: TopicTagger;
}

/** What headings and intro sentences have said so far: it applies to the talks below them. */
interface Section {
  depth: number;
  eventSlug: string | null;
  date: WhenParts | null;
  /** Speakers an intro sentence gave the talks below it ("Catch his two talks…"). */
  speakers: SpeakerMention[] | null;
  /** Paragraphs read in the section so far: only its first few introduce it. */
  paragraphs?: number;
}

interface OpenTalk {
  header: TalkHeader;
  block: Block;
  when: WhenParts | null;
  abstract: string[];
  speakers: SpeakerMention[];
  eventSlug: string | null;
  sectionDate: WhenParts | null;
  sectionSpeakers: SpeakerMention[] | null;
  /** True for an entry only its shape suggests (a heading or bold line): it is a talk only on evidence. */
  tentative: boolean;
  /** Field lines read into the entry (`**Speakers:** …`, `TIME: …`). */
  fields: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
/** A post title that names a conference, a meetup or its talks ("Helm at KubeCon NA", "PromCon 2023 Schedule"). */
const EVENT_TITLE = /\b(?:[\p{L}]*con(?:f|ference)?|summit|days?|meetups?|fosdem|talks?|sessions?|schedule|agenda|recap)\b/iu;
/** An intro sentence that gives talks to the person the post is about: "Catch his two talks…". */
const SUBJECT_TALKS = /\b(?:his|her)\s+(?:[\p{L}\d-]+\s+){0,3}(?:talks?|sessions?|presentations?|keynotes?)\b/iu;

/** The person a post is about, when its title names one after a dash or colon ("Meet the Maintainer - Laurent Bernaille"). */
function subjectOfTitle(title: string): SpeakerMention | null {
  const parts = title.split(/\s[-–—]\s|:\s/);
  const tail = parts.length > 1 ? parts[parts.length - 1]!.trim() : null;
  return tail && looksLikePersonName(tail) ? { name: tail, organization: null, role: null } : null;
}

function stringField(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function fileStem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.(mdx?|markdown)$/i, '');
}

/** Parses one post: front matter, then its talks, read block by block over the Markdown tree. */
export function parsePost(file: string, text: string, ctx: IngestContext): ParsedPost {
  return { digest: createHash('sha1').update(file).update('\0').update(text).digest('hex'), ...readPost(file, text, ctx) };
}

function readPost(file: string, text: string, ctx: IngestContext): Omit<ParsedPost, 'digest'> {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number) => ({ file, line });
  const stem = fileStem(file);
  const emptyPost: PostRecord = { file, slug: slugify(stem), title: stem, date: null, path: null, author: null, tags: [], eventSlug: null, timezone: null };

  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 8) {
    diagnostics.push(diagnose('FILE_UNREADABLE', at(1)));
    return { post: emptyPost, talks: [], diagnostics };
  }
  if (!text.trim()) {
    diagnostics.push(diagnose('POST_EMPTY', at(1)));
    return { post: emptyPost, talks: [], diagnostics };
  }

  const fm = readFrontMatter(text);
  if (fm.unsupportedLanguage !== null) diagnostics.push(diagnose('FRONT_MATTER_LANGUAGE_UNSUPPORTED', at(1), `"${fm.unsupportedLanguage}"`));
  else if (fm.error) diagnostics.push(diagnose('FRONT_MATTER_INVALID', at(fm.error.line), fm.error.message));
  else if (!fm.hasFrontMatter) diagnostics.push(diagnose('FRONT_MATTER_MISSING', at(1)));

  const blocks = flattenBlocks(parseMarkdown(fm.body), fm.bodyLineOffset);
  const firstHeading = blocks.find((b) => b.kind === 'heading' && b.depth === 1);
  const rawDate = stringField(fm.data, 'date') ?? stringField(fm.data, 'created_at') ?? stringField(fm.data, 'publishDate');
  const dateMatch = rawDate ? ISO_DATE.exec(rawDate) : null;
  if (rawDate && !dateMatch) diagnostics.push(diagnose('POST_DATE_INVALID', at(1), `"${rawDate}"`));
  const stemDate = ISO_DATE.exec(stem);
  const postDate = dateMatch ? dateMatch[0] : stemDate ? stemDate[0] : null;
  const title = stringField(fm.data, 'title') ?? firstHeading?.text ?? stem;
  const frontMatterYear = postDate ? Number(postDate.slice(0, 4)) : null;
  const pathYear = yearOfPath(file, stringField(fm.data, 'path') ?? stringField(fm.data, 'slug') ?? stringField(fm.data, 'permalink'));
  // The path over the front matter, the weekdays over both (a 2026 post dated 2025 by mistake).
  // Without a date, the year in the title ("Prometheus at CloudNativeCon 2017") is the post's year.
  const titleYear = Number(/\b((?:19|20)\d\d)\b/.exec(title)?.[1]) || null;
  const postYear = decidePostYear(frontMatterYear ?? (pathYear === null ? titleYear : null), pathYear, collectWeekdaySamples(blocks.map((b) => b.text)));
  if (postYear.contradicted) diagnostics.push(diagnose('POST_YEAR_CONTRADICTED', at(1), describeContradiction(postYear.contradicted)));

  // Events named in the post, matched by name and year; those events.yaml does not know are learned from the post.
  const events = new PostEvents(ctx.events, file, postDate, diagnostics);
  const declaredEvent = stringField(fm.data, 'event');
  const postEvent =
    (declaredEvent ? events.declared(declaredEvent, postYear.year) : null) ??
    events.name(title, postYear.year, firstHeading && !stringField(fm.data, 'title') ? firstHeading.line : 1);
  const tags = Array.isArray(fm.data.tags) ? fm.data.tags.filter((t): t is string => typeof t === 'string') : [];
  const post: PostRecord = {
    file,
    slug: slugify(stem),
    title,
    date: postDate,
    path: stringField(fm.data, 'path'),
    author: stringField(fm.data, 'author'),
    tags,
    eventSlug: postEvent?.slug ?? null,
    timezone: stringField(fm.data, 'timezone'),
  };

  // Talks listed in the front matter are exact: when present they replace reading the body.
  const declared =
    fm.raw !== null ? readFrontMatterTalks(file, fm.raw, fm.data, { events: ctx.events, grammar: ctx.grammar, postEventSlug: post.eventSlug }) : null;
  if (declared?.talks) {
    diagnostics.push(...declared.diagnostics);
    if (declared.talks.length === 0) diagnostics.push(diagnose('POST_NO_TALKS', at(1)));
    return { post, talks: declared.talks.map((talk) => tagged(talk, ctx)), diagnostics };
  }

  const talks: TalkEntry[] = [];
  const sections: Section[] = [{ depth: 0, eventSlug: post.eventSlug, date: null, speakers: null }];
  const postSubject = subjectOfTitle(title);
  // Talks named only by a link in running text are read in posts about an event, not in newsletters or release notes.
  const aboutAnEvent = post.eventSlug !== null || EVENT_TITLE.test(title);
  const currentSection = () => sections[sections.length - 1]!;
  let open: OpenTalk | null = null;

  const resolveDate = (talk: OpenTalk): { date: string | null; when: WhenParts | null } => {
    const decided = decideTalkDate(talk.when, talk.sectionDate, events.eventOf(talk.eventSlug), postYear, pathYear, frontMatterYear);
    if (decided.problem) diagnostics.push(diagnose(decided.problem.code, at(talk.block.line), decided.problem.detail));
    return { date: decided.date, when: talk.when };
  };

  const closeTalk = () => {
    if (!open) return;
    const talk = open;
    open = null;
    const evidence = { title: talk.header.title, url: talk.header.url, speakers: talk.speakers.length, start: talk.when?.start ?? null };
    const against = talk.tentative ? reasonAgainstEntry(evidence) : (reasonAgainst(talk.header.title) ?? reasonAgainstUrl(talk.header.url));
    if (against) {
      // A heading with nothing under it is just a heading; an entry with fields or a link is worth a word.
      if (!talk.tentative || talk.fields > 0 || talk.when)
        diagnostics.push(diagnose('LISTING_ENTRY_REJECTED', at(talk.block.line), `"${talk.header.title}" looks like an entry of a listing, but ${against}.`));
      return;
    }
    const { date, when } = resolveDate(talk);
    const start = when?.start ?? null;
    const end = when?.end ?? null;
    if (!date && !start) diagnostics.push(diagnose('TALK_NO_SCHEDULE', at(talk.block.line), `"${talk.header.title}"`));
    if (talk.speakers.length === 0 && talk.sectionSpeakers) {
      talk.speakers = talk.sectionSpeakers;
      diagnostics.push(diagnose('SPEAKERS_INFERRED', at(talk.block.line), `"${talk.header.title}": ${talk.speakers.map((s) => s.name).join(', ')}.`));
    }
    if (talk.speakers.length === 0) diagnostics.push(diagnose('TALK_NO_SPEAKERS', at(talk.block.line), `"${talk.header.title}"`));
    if (talk.header.unreadableSpeakers.length > 0)
      diagnostics.push(
        diagnose('SPEAKER_UNREADABLE', at(talk.block.line), `Could not read: ${talk.header.unreadableSpeakers.map((s) => `"${s}"`).join(', ')}.`),
      );
    if (start && end && end < start) diagnostics.push(diagnose('TIME_RANGE_INVALID', at(talk.block.line), `${start} - ${end}`));
    if (when?.unknownZone)
      diagnostics.push(diagnose('ZONE_ABBREVIATION_UNKNOWN', at(talk.block.line), `"${when.unknownZone}" next to "${talk.header.title}".`));
    talks.push({
      title: talk.header.title,
      url: talk.header.url,
      kind: classifyKind(talk.header.title),
      abstract: talk.abstract.join('\n\n'),
      speakers: talk.speakers,
      eventSlug: talk.eventSlug,
      date,
      start,
      end,
      zoneAbbreviation: when?.zone ?? null,
      source: at(talk.block.line),
    });
  };

  const enterHeading = (block: Block) => {
    while (sections.length > 1 && currentSection().depth >= block.depth) sections.pop();
    const parent = currentSection();
    const when = parseWhen(block.text);
    const event = events.name(block.text, when.year ?? postYear.year, block.line, post.eventSlug);
    sections.push({
      depth: block.depth,
      eventSlug: event?.slug ?? parent.eventSlug,
      date: when.month !== null && when.day !== null ? when : parent.date,
      speakers: parent.speakers,
    });
  };

  const openTalk = (header: TalkHeader, block: Block, tentative: boolean) => {
    const section = currentSection();
    const when = header.whenText ? parseWhen(header.whenText) : null;
    open = {
      header,
      block,
      when,
      abstract: [],
      speakers: header.speakers,
      eventSlug: section.eventSlug,
      sectionDate: section.date,
      sectionSpeakers: section.speakers,
      tentative,
      fields: 0,
    };
  };

  let tableRead: number | undefined = -1;
  blocks.forEach((block, index) => {
    if (block.kind === 'tableRow') {
      // A table is read as a whole, at its first row: a listing of talks, or the fields of the entry above.
      if (block.container === tableRead) return;
      tableRead = block.container;
      const rows: Block[] = [];
      for (let j = index; j < blocks.length && blocks[j]!.kind === 'tableRow' && blocks[j]!.container === block.container; j++) rows.push(blocks[j]!);
      const reading = recognizeTable(rows, ctx.grammar);
      for (const r of reading.rejected)
        diagnostics.push(diagnose('LISTING_ENTRY_REJECTED', at(r.line), `"${r.title}" looks like an entry of a listing, but ${r.reason}.`));
      if (reading.fields) {
        if (open) applyFields(open, reading.fields, ctx.grammar);
        return;
      }
      if (reading.entries.length === 0) return;
      closeTalk();
      for (const entry of reading.entries) {
        openTalk(entry.header, entry.row, false);
        closeTalk();
      }
      return;
    }
    const fields = block.kind === 'heading' ? null : readFieldLines(block);
    if (fields) {
      // `**Speakers:** …`, `TIME: …`: fields of the open entry. Outside an entry, a date field dates the section.
      if (open) applyFields(open, fields, ctx.grammar);
      else {
        const date = fields
          .filter((f) => f.kind === 'when')
          .map((f) => parseWhen(f.text))
          .find((w) => w.month !== null && w.day !== null && w.start === null);
        if (date) currentSection().date = date;
      }
      return;
    }
    const restated = open && !(open as OpenTalk).tentative ? restatedRecordingOf(block, (open as OpenTalk).header.title) : null;
    if (restated) {
      // The video of the entry above, titled like it (an embed or shortcode under a heading): its recording, not a new talk.
      if (!(open as OpenTalk).header.url) (open as OpenTalk).header = { ...(open as OpenTalk).header, url: restated };
      return;
    }
    const header = recognizeTalkHeader(block, {
      grammar: ctx.grammar,
      previous: blocks[index - 1],
      next: blocks[index + 1],
      insideTalk: open !== null && !(open as OpenTalk).tentative && !isSiblingItem(block, (open as OpenTalk).block),
    });
    if (header) {
      closeTalk();
      if (block.kind === 'heading') enterHeading(block);
      openTalk(header, block, false);
      return;
    }
    if (block.kind === 'heading') {
      closeTalk();
      enterHeading(block);
      // A heading may open an entry whose fields follow it; it becomes a talk only on their evidence.
      const tentative = tentativeHeaderOf(block);
      if (tentative) openTalk(tentative, block, true);
      return;
    }
    // A bold line or title link starts an entry, also right after another entry's fields (a run of entries).
    if ((!open || (open as OpenTalk).tentative || (open as OpenTalk).fields > 0) && (block.kind === 'paragraph' || block.kind === 'listItem')) {
      const tentative = tentativeHeaderOf(block);
      if (tentative) {
        closeTalk();
        openTalk(tentative, block, true);
        return;
      }
    }
    if (open && (open as OpenTalk).tentative && !(open as OpenTalk).header.url) {
      // A section's own schedule link may sit in its prose ("join this [hands on session](sched)").
      const link = sectionScheduleLinkOf(block.inline);
      if (link) (open as OpenTalk).header = { ...(open as OpenTalk).header, url: link };
    }
    // Until a heading's entry has fields, what follows it is read as before: intro sentences, date lines.
    const bareSection = open !== null && (open as OpenTalk).tentative && (open as OpenTalk).fields === 0 && !(open as OpenTalk).when;
    // Outside an entry, prose may name talks by their schedule links; the last one stays open for what follows.
    const siblingItem =
      open !== null && block.kind === 'listItem' && (open as OpenTalk).block.kind === 'listItem' && block.container === (open as OpenTalk).block.container;
    const named = aboutAnEvent && (!open || bareSection || siblingItem) ? recognizeProseScheduleLinks(block, ctx.grammar) : [];
    if (named.length > 0) {
      for (const header of named) {
        closeTalk();
        openTalk(header, block, false);
      }
      return;
    }
    if (!open || (bareSection && block.kind === 'paragraph' && !(isDateLine(block) && parseWhen(block.text).start !== null))) {
      if (block.kind === 'paragraph' && !isEmphasisOnly(block) && block.text.length < 300) {
        // Intro sentences may set the date for the section below them (not bylines, not a range of days).
        const when = parseWhen(block.text);
        if (when.month !== null && when.day !== null && when.start === null) currentSection().date = when;
        if (postSubject && SUBJECT_TALKS.test(block.text)) currentSection().speakers = [postSubject];
      }
      // An intro sentence may name the event of a section that has none ("… at KubeCon + CloudNativeCon Europe 2026 in Amsterdam"),
      // or the city of one the post named without it.
      const intro = block.kind === 'paragraph' && talks.length === 0 && (currentSection().paragraphs = (currentSection().paragraphs ?? 0) + 1) <= 3;
      if (intro && block.text.length < 2000 && (!currentSection().eventSlug || events.lacksCity(currentSection().eventSlug))) {
        // In prose, only a name written with its year counts ("KubeCon, Cilium + eBPF Day and …" names no one event).
        const event = events.name(block.text, null, block.line);
        if (event && !currentSection().eventSlug) currentSection().eventSlug = event.slug;
        if (event && sections.length === 1) post.eventSlug ??= event.slug;
      }
      return;
    }
    const talk: OpenTalk = open;
    if (block.kind === 'listItem' && talk.block.kind === 'listItem' && !block.nested) {
      closeTalk(); // a sibling list item that is not a talk ends the entry
      return;
    }
    if (block.kind === 'html') return;
    if (!talk.when?.start && isDateLine(block)) {
      talk.when = parseWhen(block.text);
      return;
    }
    if (talk.speakers.length === 0 && talk.abstract.length === 0 && isEmphasisOnly(block)) {
      const parsed = parseSpeakers(block.text, ctx.grammar);
      if (parsed.speakers.length > 0 && parsed.unreadable.length === 0) {
        talk.speakers = parsed.speakers;
        return;
      }
    }
    const recording = recordingLinkOf(block);
    if (recording) {
      // "[See on YouTube.](url)" or "YouTube link: [video title](url)" under the entry: its recording.
      if (!talk.header.url) talk.header = { ...talk.header, url: recording };
      return;
    }
    if (!talk.when?.start && talk.abstract.length === 0 && looksLikeBrokenDateLine(block)) {
      diagnostics.push(diagnose('DATE_UNREADABLE', at(block.line), `"${block.text}"`));
      return;
    }
    if (block.text) talk.abstract.push(block.kind === 'listItem' ? `- ${block.text}` : block.text);
  });
  closeTalk();

  if (talks.length === 0) diagnostics.push(diagnose('POST_NO_TALKS', at(1)));
  return { post, talks: talks.map((talk) => tagged(talk, ctx)), diagnostics, ...events.learnedWithDates(talks) };
}

/** The entry as resolution takes it: topics tagged, and the abstract (the bulk of a talk's memory) stored compactly. */
function tagged(talk: TalkEntry, ctx: IngestContext): ParsedTalk {
  return { ...talk, abstract: compactText(talk.abstract), tags: ctx.tagTopics(talk.title, talk.abstract) };
}

/** True for a list item of the same list as the entry's own list item: the next entry of the listing. */
function isSiblingItem(block: Block, entry: Block): boolean {
  return block.kind === 'listItem' && entry.kind === 'listItem' && !block.nested && block.container === entry.container;
}

/** The url of a block that only links a video whose text restates the open talk's title. */
function restatedRecordingOf(block: Block, title: string): string | null {
  const lone = loneLinkOf(block.inline);
  if (!lone || !/youtube\.com\/watch|youtu\.be\/|vimeo\.com\//i.test(lone.url)) return null;
  const key = foldKey(title);
  return key.length > 0 && foldKey(lone.text).includes(key) ? lone.url : null;
}

/** The url of a block that only links a recording or details: `[See on YouTube.](url)`, `YouTube link: [title](url)`. */
function recordingLinkOf(block: Block): string | null {
  const lone = loneLinkOf(block.inline);
  if (lone && isGenericLinkText(lone.text)) return lone.url;
  const meaningful = meaningfulNodes(block.inline);
  const [label, link] = meaningful;
  if (meaningful.length === 2 && label?.type === 'text' && link?.type === 'link' && isMediaLabel(label.value)) return link.url;
  return null;
}
