import { createHash } from 'node:crypto';
import type { Appearance, Diagnostic, EventDefinition, GraphData, ParsedPost, Post, ReferenceData, Talk } from '../domain/types.ts';
import { detached } from '../domain/text.ts';
import { weekdayOfDate } from '../domain/weekday.ts';
import { computeInstants } from './compute-instants.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import { linkRecords } from './link-records.ts';
import { NameRegistry } from './name-registry.ts';
import { talkIdOf, talkKeysOf } from './talk-identity.ts';

function findEventByDate(events: readonly EventDefinition[], date: string | null): EventDefinition | null {
  if (!date) return null;
  const containing = events.filter((e) => e.startDate && e.endDate && e.startDate <= date && date <= e.endDate);
  return containing.find((e) => !e.parent) ?? containing[0] ?? null;
}

/**
 * Resolution after every post is read: names and organizations folded, duplicate talks merged,
 * topics tagged, instants computed in each event's zone. Pure: no I/O.
 */
export function resolveGraphData(parsed: readonly ParsedPost[], reference: ReferenceData, options: { codeRevision?: string } = {}): GraphData {
  const resolver = new GraphDataResolver(reference, options);
  for (const post of parsed) resolver.add(post);
  return resolver.finish();
}

/**
 * resolveGraphData a post at a time, so resolution can start while later posts are still being
 * parsed (the resolve stage of runIngest). Posts must be added in file order: the first of two duplicate talks is kept.
 */
export class GraphDataResolver {
  private readonly parseDiagnostics: Diagnostic[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly organizations: NameRegistry;
  private readonly speakers: NameRegistry;
  private readonly eventDefs: Map<string, EventDefinition>;
  /** Events learned from posts (not in the reference data), in the order first seen. */
  private readonly learnedEvents = new Map<string, EventDefinition>();
  // Dates, times, names and file paths repeat across thousands of talks; records parsed on other
  // threads each bring their own copy of them. One copy of each is kept.
  private readonly sharedStrings = new Map<string, string>();
  private readonly talks = new Map<string, Talk>();
  private readonly talkKeys = new Map<string, string>();
  private readonly posts: Post[] = [];
  private readonly inputDigest = createHash('sha1');

  private readonly reference: ReferenceData;
  private readonly options: { codeRevision?: string };

  constructor(reference: ReferenceData, options: { codeRevision?: string } = {}) {
    this.reference = reference;
    this.options = options;
    this.organizations = new NameRegistry(reference.organizations);
    this.speakers = new NameRegistry(reference.speakers);
    this.eventDefs = new Map(reference.events.map((e) => [e.slug, e]));
  }

  private shared<T extends string | null>(text: T): T {
    if (text === null) return text;
    let kept = this.sharedStrings.get(text);
    if (kept === undefined) this.sharedStrings.set((kept = detached(text)), kept);
    return kept as T;
  }

  add({ post, talks: entries, diagnostics: postDiagnostics, digest, events: learned }: ParsedPost): void {
    const { reference, eventDefs, speakers, organizations, diagnostics, talks, talkKeys } = this;
    for (const event of learned ?? []) this.learnEvent(event);
    for (const diagnostic of postDiagnostics) this.parseDiagnostics.push(diagnostic);
    this.inputDigest.update(digest);
    let reportedUnknownEvent = false;
    const postRecord: Post = {
      id: post.slug,
      file: post.file,
      title: detached(post.title),
      date: post.date,
      path: detached(post.path),
      author: detached(post.author),
      tags: post.tags.map(detached),
      eventId: post.eventSlug,
      talkIds: [],
      diagnostics: postDiagnostics,
    };
    this.posts.push(postRecord);

    for (const entry of entries) {
      const event = (entry.eventSlug ? eventDefs.get(entry.eventSlug) : undefined) ?? findEventByDate(reference.events, entry.date);
      if (!event && !reportedUnknownEvent) {
        reportedUnknownEvent = true;
        diagnostics.push(diagnose('EVENT_UNKNOWN', entry.source, `Post "${post.title}".`));
      }
      const appearances: Appearance[] = entry.speakers.map((s) => ({
        speakerId: speakers.resolve(s.name),
        nameAsWritten: this.shared(s.name),
        organizationId: s.organization ? organizations.resolve(s.organization) : null,
        organizationAsWritten: this.shared(s.organization),
        role: this.shared(s.role),
      }));
      const keys = talkKeysOf(
        entry,
        appearances.map((a) => a.speakerId),
        post.slug,
      );
      const existingId = keys.map((k) => talkKeys.get(k)).find((id) => id !== undefined);
      if (existingId) {
        const existing = talks.get(existingId)!;
        existing.sources.push({ ...entry.source, file: this.shared(entry.source.file) });
        diagnostics.push(
          diagnose('DUPLICATE_TALK_MERGED', entry.source, `"${entry.title}" is also listed at ${existing.sources[0]!.file}:${existing.sources[0]!.line}.`),
        );
        continue;
      }
      const id = talkIdOf(entry, post.slug);
      for (const k of keys) talkKeys.set(k, id);
      const zone = event?.timezone ?? post.timezone ?? null;
      const { instants, diagnostics: instantProblems } = computeInstants(entry, zone);
      for (const problem of instantProblems) diagnostics.push(problem);
      const tags = entry.tags.map((t) => ({ topicId: this.shared(t.topicId), keyword: this.shared(t.keyword), field: t.field }));
      talks.set(id, {
        id,
        title: detached(entry.title),
        url: detached(entry.url),
        kind: entry.kind,
        abstract: entry.abstract,
        eventId: event?.slug ?? null,
        postId: postRecord.id,
        day: entry.date ? weekdayOfDate(entry.date) : null,
        date: this.shared(entry.date),
        start: this.shared(entry.start),
        end: this.shared(entry.end),
        ...instants,
        appearances,
        speakerIds: [...new Set(appearances.map((a) => a.speakerId))],
        organizationIds: [...new Set(appearances.map((a) => a.organizationId).filter((o): o is string => o !== null))],
        tags,
        topicIds: [...new Set(tags.map((t) => t.topicId))],
        sources: [{ ...entry.source, file: this.shared(entry.source.file) }],
      });
    }
  }

  /** An event a post named and the reference data does not know; several posts' accounts of it are merged. */
  private learnEvent(event: EventDefinition): void {
    const known = this.eventDefs.get(event.slug);
    if (known && !this.learnedEvents.has(event.slug)) return; // in the reference data after all
    const merged: EventDefinition = known
      ? {
          ...known,
          city: known.city ?? event.city,
          country: known.country ?? event.country,
          timezone: known.timezone ?? event.timezone,
          startDate: [known.startDate, event.startDate].filter((d): d is string => d !== null).sort()[0] ?? null,
          endDate:
            [known.endDate, event.endDate]
              .filter((d): d is string => d !== null)
              .sort()
              .pop() ?? null,
        }
      : event;
    this.eventDefs.set(event.slug, merged);
    this.learnedEvents.set(event.slug, merged);
  }

  /** The graph data of every post added. */
  finish(): GraphData {
    const { reference } = this;
    const linked = linkRecords({
      reference,
      eventDefs: this.eventDefs,
      learnedEvents: this.learnedEvents.values(),
      talks: this.talks.values(),
      posts: this.posts,
      speakers: this.speakers.entries(),
      organizations: this.organizations.entries(),
    });
    const inputDigest = this.inputDigest;
    inputDigest.update(JSON.stringify(reference));
    if (this.options.codeRevision) inputDigest.update(this.options.codeRevision);
    return { inputDigest: inputDigest.digest('hex'), ...linked, diagnostics: [...this.parseDiagnostics, ...this.diagnostics] };
  }
}
