import { createHash } from 'node:crypto';
import type { Diagnostic, ParsedPost, ParsedTalk, PostRecord, SpeakerMention, TalkEntry, Weekday } from '../domain/types.ts';
import { compactText, slugify } from '../domain/text.ts';
import { weekdayOfDate } from '../domain/weekday.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import { classifyKind } from './classify-kind.ts';
import type { EventMatcher } from './event-matcher.ts';
import { flattenBlocks, parseMarkdown, type Block } from './markdown-blocks.ts';
import { looksLikePersonName, parseSpeakers, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { parseWhen, type WhenParts } from './parse-when.ts';
import { readFrontMatter } from './read-front-matter.ts';
import { readFrontMatterTalks } from './read-front-matter-talks.ts';
import { isDateLine, looksLikeBrokenDateLine, recognizeTalkHeader } from './recognize-talk-header.ts';
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
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
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

function pad(n: number): string {
  return String(n).padStart(2, '0');
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
  const rawDate = stringField(fm.data, 'date');
  const dateMatch = rawDate ? ISO_DATE.exec(rawDate) : null;
  if (rawDate && !dateMatch) diagnostics.push(diagnose('POST_DATE_INVALID', at(1), `"${rawDate}"`));
  const stemDate = ISO_DATE.exec(stem);
  const postDate = dateMatch ? dateMatch[0] : stemDate ? stemDate[0] : null;
  const title = stringField(fm.data, 'title') ?? firstHeading?.text ?? stem;
  const postYear = postDate ? Number(postDate.slice(0, 4)) : null;
  const pathYear = Number(/(?:^|\/)((?:19|20)\d\d)[/-]/.exec(`${stringField(fm.data, 'path') ?? ''}/${stem}`)?.[1] ?? NaN);

  const declaredEvent = stringField(fm.data, 'event');
  const postEvent = declaredEvent
    ? (ctx.events.bySlug(declaredEvent) ?? ctx.events.match(declaredEvent, null))
    : ctx.events.match(title, postYear);
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
  const declared = fm.raw !== null ? readFrontMatterTalks(file, fm.raw, fm.data, { events: ctx.events, grammar: ctx.grammar, postEventSlug: post.eventSlug }) : null;
  if (declared?.talks) {
    diagnostics.push(...declared.diagnostics);
    if (declared.talks.length === 0) diagnostics.push(diagnose('POST_NO_TALKS', at(1)));
    return { post, talks: declared.talks.map((talk) => tagged(talk, ctx)), diagnostics };
  }

  const talks: TalkEntry[] = [];
  const sections: Section[] = [{ depth: 0, eventSlug: post.eventSlug, date: null, speakers: null }];
  const postSubject = subjectOfTitle(title);
  const currentSection = () => sections[sections.length - 1]!;
  let open: OpenTalk | null = null;

  const resolveDate = (talk: OpenTalk): { date: string | null; when: WhenParts | null } => {
    const own = talk.when;
    const section = talk.sectionDate;
    const month = own?.month ?? section?.month ?? null;
    const day = own?.day ?? section?.day ?? null;
    const weekday: Weekday | null = own?.weekday ?? (own?.month ? null : section?.weekday) ?? null;
    const writtenYear = own?.year ?? section?.year ?? null;
    if (month === null || day === null) return { date: null, when: own };
    const line = talk.block.line;
    let year = writtenYear ?? postYear;
    if (year === null) {
      diagnostics.push(diagnose('DATE_YEAR_UNKNOWN', at(line)));
      return { date: null, when: own };
    }
    let date = `${year}-${pad(month)}-${pad(day)}`;
    if (weekday && weekdayOfDate(date) !== weekday) {
      const candidates = writtenYear === null ? [pathYear, year - 1, year + 1].filter((y) => Number.isFinite(y)) : [];
      const fitting = candidates.find((y) => weekdayOfDate(`${y}-${pad(month)}-${pad(day)}`) === weekday);
      if (fitting !== undefined) {
        diagnostics.push(diagnose('YEAR_CORRECTED', at(line), `${weekday} ${date} does not exist; used ${fitting}.`));
        year = fitting;
        date = `${year}-${pad(month)}-${pad(day)}`;
      } else {
        diagnostics.push(diagnose('WEEKDAY_MISMATCH', at(line), `${date} is a ${weekdayOfDate(date)}, not a ${weekday}.`));
      }
    }
    return { date, when: own };
  };

  const closeTalk = () => {
    if (!open) return;
    const talk = open;
    open = null;
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
      diagnostics.push(diagnose('SPEAKER_UNREADABLE', at(talk.block.line), `Could not read: ${talk.header.unreadableSpeakers.map((s) => `"${s}"`).join(', ')}.`));
    if (start && end && end < start) diagnostics.push(diagnose('TIME_RANGE_INVALID', at(talk.block.line), `${start} - ${end}`));
    if (when?.unknownZone) diagnostics.push(diagnose('ZONE_ABBREVIATION_UNKNOWN', at(talk.block.line), `"${when.unknownZone}" next to "${talk.header.title}".`));
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
    const year = when.year ?? postYear;
    const event = ctx.events.match(block.text, year, post.eventSlug);
    sections.push({
      depth: block.depth,
      eventSlug: event?.slug ?? parent.eventSlug,
      date: when.month !== null && when.day !== null ? when : parent.date,
      speakers: parent.speakers,
    });
  };

  blocks.forEach((block, index) => {
    const header = recognizeTalkHeader(block, { grammar: ctx.grammar, previous: blocks[index - 1], next: blocks[index + 1], insideTalk: open !== null });
    if (header) {
      closeTalk();
      if (block.kind === 'heading') enterHeading(block);
      const section = currentSection();
      const when = header.whenText ? parseWhen(header.whenText) : null;
      open = { header, block, when, abstract: [], speakers: header.speakers, eventSlug: section.eventSlug, sectionDate: section.date, sectionSpeakers: section.speakers };
      return;
    }
    if (block.kind === 'heading') {
      closeTalk();
      enterHeading(block);
      return;
    }
    if (!open) {
      if (block.kind === 'paragraph' && !isEmphasisOnly(block) && block.text.length < 300) {
        // Intro sentences may set the date for the section below them (not bylines, not a range of days).
        const when = parseWhen(block.text);
        if (when.month !== null && when.day !== null && when.start === null) currentSection().date = when;
        if (postSubject && SUBJECT_TALKS.test(block.text)) currentSection().speakers = [postSubject];
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
  return { post, talks: talks.map((talk) => tagged(talk, ctx)), diagnostics };
}

/** The entry as resolution takes it: topics tagged, and the abstract (the bulk of a talk's memory) stored compactly. */
function tagged(talk: TalkEntry, ctx: IngestContext): ParsedTalk {
  return { ...talk, abstract: compactText(talk.abstract), tags: ctx.tagTopics(talk.title, talk.abstract) };
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
