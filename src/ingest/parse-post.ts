import { createHash } from 'node:crypto';
import type { Diagnostic, ParsedPost, ParsedTalk, PostRecord, SpeakerMention, TalkEntry } from '../domain/types.ts';
import { compactText, slugify } from '../domain/text.ts';
import { decidePostDates } from './decide-post-dates.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { EventMatcher } from './event-matcher.ts';
import { flattenBlocks, parseMarkdown } from './markdown-blocks.ts';
import { looksLikePersonName, type SpeakerGrammarOptions } from './parse-speakers.ts';
import { PostEvents } from './post-events.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
import { parseFrontMatterTalks } from './parse-front-matter-talks.ts';
import type { TopicTagger } from './tag-topics.ts';
import { walkPostBlocks } from './walk-post-blocks.ts';

export interface IngestContext {
  events: EventMatcher;
  grammar: SpeakerGrammarOptions;
  tagTopics: TopicTagger;
}

/** A post title that names a conference, a meetup or its talks ("Helm at KubeCon NA", "PromCon 2023 Schedule"). */
const EVENT_TITLE = /\b(?:[\p{L}]*con(?:f|ference)?|summit|days?|meetups?|fosdem|talks?|sessions?|schedule|agenda|recap)\b/iu;

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

/** The name of an author written as an object (`author: { name: Ann Lee, uri: … }`). */
function authorName(author: unknown): string | null {
  const name = typeof author === 'object' && author !== null ? (author as Record<string, unknown>).name : null;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

function fileStem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.(mdx?|markdown)$/i, '');
}

/** Parses one post: front matter, then its talks, from the post's blocks in reading order (markdown-blocks.ts). */
export function parsePost(file: string, text: string, ctx: IngestContext): ParsedPost {
  return { digest: createHash('sha1').update(file).update('\0').update(text).digest('hex'), ...parsePostText(file, text, ctx) };
}

function parsePostText(file: string, text: string, ctx: IngestContext): Omit<ParsedPost, 'digest'> {
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

  const fm = parseFrontMatter(text);
  if (fm.unsupportedLanguage !== null) diagnostics.push(diagnose('FRONT_MATTER_LANGUAGE_UNSUPPORTED', at(1), `"${fm.unsupportedLanguage}"`));
  else if (fm.error) diagnostics.push(diagnose('FRONT_MATTER_INVALID', at(fm.error.line), fm.error.message));
  else if (!fm.hasFrontMatter) diagnostics.push(diagnose('FRONT_MATTER_MISSING', at(1)));

  const blocks = flattenBlocks(parseMarkdown(fm.body), fm.bodyLineOffset);
  const firstHeading = blocks.find((b) => b.kind === 'heading' && b.depth === 1);
  const title = stringField(fm.data, 'title') ?? firstHeading?.text ?? stem;
  const dating = decidePostDates({
    file,
    stem,
    rawDate: stringField(fm.data, 'date') ?? stringField(fm.data, 'created_at') ?? stringField(fm.data, 'publishDate'),
    frontMatterPath: stringField(fm.data, 'path') ?? stringField(fm.data, 'slug') ?? stringField(fm.data, 'permalink'),
    title,
    blockTexts: blocks.map((b) => b.text),
  });
  diagnostics.push(...dating.diagnostics);
  const { dates } = dating;

  // Events named in the post, matched by name and year; those events.yaml does not know are learned from the post.
  const events = new PostEvents(ctx.events, file, dates.date, diagnostics);
  const declaredEvent = stringField(fm.data, 'event');
  const postEvent =
    (declaredEvent ? events.declared(declaredEvent, dates.year.year) : null) ??
    events.name(title, dates.year.year, firstHeading && !stringField(fm.data, 'title') ? firstHeading.line : 1);
  const tags = Array.isArray(fm.data.tags) ? fm.data.tags.filter((t): t is string => typeof t === 'string') : [];
  const post: PostRecord = {
    file,
    slug: slugify(stem),
    title,
    date: dates.date,
    path: stringField(fm.data, 'path'),
    author: stringField(fm.data, 'author'),
    tags,
    eventSlug: postEvent?.slug ?? null,
    timezone: stringField(fm.data, 'timezone'),
  };

  // Talks listed in the front matter are exact: when present they replace reading the body.
  const declared =
    fm.raw !== null ? parseFrontMatterTalks(file, fm.raw, fm.data, { events: ctx.events, grammar: ctx.grammar, postEventSlug: post.eventSlug }) : null;
  if (declared?.talks) {
    diagnostics.push(...declared.diagnostics);
    if (declared.talks.length === 0) diagnostics.push(diagnose('POST_NO_TALKS', at(1)));
    return { post, talks: declared.talks.map((talk) => tagged(talk, ctx)), diagnostics };
  }

  const { talks, postEventSlug, gatheringZone } = walkPostBlocks(
    blocks,
    {
      file,
      grammar: ctx.grammar,
      events,
      dates,
      eventSlug: post.eventSlug,
      author: post.author ?? authorName(fm.data.author),
      subject: subjectOfTitle(title),
      aboutAnEvent: post.eventSlug !== null || EVENT_TITLE.test(title),
    },
    diagnostics,
  );
  post.eventSlug = postEventSlug;
  // A gathering of no known event, held in a city the post names: that city's zone, unless the front matter gives one.
  if (!postEventSlug) post.timezone ??= gatheringZone;
  if (talks.length === 0) diagnostics.push(diagnose('POST_NO_TALKS', at(1)));
  return { post, talks: talks.map((talk) => tagged(talk, ctx)), diagnostics, ...events.learnedWithDates(talks) };
}

/** The entry as resolution takes it: topics tagged, and the abstract (the bulk of a talk's memory) stored compactly. */
function tagged(talk: TalkEntry, ctx: IngestContext): ParsedTalk {
  return { ...talk, abstract: compactText(talk.abstract), tags: ctx.tagTopics(talk.title, talk.abstract) };
}
