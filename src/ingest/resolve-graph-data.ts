import { createHash } from 'node:crypto';
import { DateTime, FixedOffsetZone } from 'luxon';
import type {
  Appearance,
  Diagnostic,
  Event,
  EventDefinition,
  GraphData,
  Organization,
  ParsedPost,
  Post,
  ReferenceData,
  Speaker,
  Talk,
  TalkEntry,
  Topic,
} from '../domain/types.ts';
import { detached, foldKey, slugify } from '../domain/text.ts';
import { weekdayOfDate } from '../domain/weekday.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import { offsetsOf, zoneInfo } from './zone-abbreviations.ts';

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 6);
}

/** Counts letters outside ASCII: the spelling with more of them is usually the careful one. */
function diacriticWeight(name: string): number {
  return [...name].filter((c) => c.charCodeAt(0) > 127).length;
}

function normalizeUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed) return url.trim().toLowerCase();
  for (const key of [...parsed.searchParams.keys()]) if (key === 'iframe' || key.startsWith('utm_')) parsed.searchParams.delete(key);
  parsed.searchParams.sort();
  const query = parsed.searchParams.toString();
  return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}${query ? `?${query}` : ''}`.toLowerCase();
}

interface NameGroup {
  id: string;
  fixedName: string | null;
  spellings: Map<string, number>;
  order: number;
}

/** Folds spellings of names into groups keyed by slug; reference entries pin the canonical name. */
class NameRegistry {
  private readonly byKey = new Map<string, NameGroup>();
  private readonly groups = new Map<string, NameGroup>();
  private counter = 0;

  constructor(definitions: ReadonlyArray<{ slug: string; name: string; aliases: string[] }>) {
    for (const def of definitions) {
      const group: NameGroup = { id: def.slug, fixedName: def.name, spellings: new Map(), order: this.counter++ };
      this.groups.set(def.slug, group);
      for (const spelling of [def.name, ...def.aliases]) this.byKey.set(foldKey(spelling), group);
    }
  }

  resolve(asWritten: string): string {
    const key = foldKey(asWritten);
    let group = this.byKey.get(key) ?? this.byKey.get(key.replace(/^the /, ''));
    if (!group) {
      let id = slugify(asWritten);
      if (this.groups.has(id)) id = `${id}-${shortHash(key)}`; // a reference slug taken by another name
      group = { id, fixedName: null, spellings: new Map(), order: this.counter++ };
      this.groups.set(id, group);
      this.byKey.set(key, group);
    }
    if (!group.spellings.has(asWritten)) group.spellings.set(detached(asWritten), 0);
    group.spellings.set(asWritten, group.spellings.get(asWritten)! + 1);
    return group.id;
  }

  /** Used groups with their canonical name and every spelling seen. */
  entries(): Array<{ id: string; name: string; aliases: string[] }> {
    return [...this.groups.values()]
      .filter((g) => g.spellings.size > 0)
      .sort((a, b) => a.order - b.order)
      .map((g) => {
        const spellings = [...g.spellings.entries()];
        const best = [...spellings].sort((a, b) => diacriticWeight(b[0]) - diacriticWeight(a[0]) || b[1] - a[1])[0]![0];
        const name = g.fixedName ?? best;
        return {
          id: g.id,
          name,
          aliases: spellings
            .map(([s]) => s)
            .filter((s) => s !== name)
            .sort(),
        };
      });
  }
}

interface Instants {
  startsAt: string | null;
  endsAt: string | null;
  timezone: string | null;
}

/** Local wall-clock time in a zone as a DateTime. Memoized: large data sets repeat the same slots many times. */
const localTimes = new Map<string, DateTime>();
const isoTexts = new WeakMap<DateTime, string | null>();
function localDateTime(date: string, time: string, zone: string | FixedOffsetZone): DateTime {
  const key = `${typeof zone === 'string' ? zone : zone.name}|${date}T${time}`;
  let value = localTimes.get(key);
  if (!value) {
    if (localTimes.size > 100_000) localTimes.clear();
    value = DateTime.fromISO(`${date}T${time}`, { zone });
    localTimes.set(key, value);
  }
  return value;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

function computeInstants(entry: TalkEntry, zone: string | null, diagnostics: Diagnostic[]): Instants {
  const abbreviation = entry.zoneAbbreviation ? zoneInfo(entry.zoneAbbreviation) : undefined;
  if (!entry.date || !entry.start) return { startsAt: null, endsAt: null, timezone: zone };
  let effectiveZone: string | FixedOffsetZone | null = zone;
  // No event zone: the abbreviation's usual meaning (a generic "ET" is New York's time on that date).
  if (!effectiveZone && abbreviation) effectiveZone = abbreviation.offsets.length > 0 ? FixedOffsetZone.instance(abbreviation.offsets[0]!) : abbreviation.zone;
  if (!effectiveZone) {
    diagnostics.push(diagnose('TIMEZONE_UNKNOWN', entry.source, `"${entry.title}" keeps local times only.`));
    return { startsAt: null, endsAt: null, timezone: null };
  }
  const startsAt = localDateTime(entry.date, entry.start, effectiveZone);
  if (abbreviation && zone) {
    // Checked against the event's zone: IST is right in Delhi (+5:30) and in Dublin in summer (+1), CET is not right in London.
    const offsets = offsetsOf(entry.zoneAbbreviation!, entry.date);
    if (!offsets.includes(startsAt.offset)) {
      diagnostics.push(
        diagnose(
          'ZONE_ABBREVIATION_MISMATCH',
          entry.source,
          `${entry.zoneAbbreviation} is ${offsets.map(formatOffset).join(' or ')}, but ${zone} is ${startsAt.toFormat('ZZ')} on ${entry.date}.`,
        ),
      );
    }
  }
  let endsAt = entry.end ? localDateTime(entry.date, entry.end, effectiveZone) : null;
  if (endsAt && endsAt < startsAt) endsAt = endsAt.plus({ days: 1 });
  const iso = (d: DateTime) => {
    let text = isoTexts.get(d);
    if (text === undefined) isoTexts.set(d, (text = d.toISO({ suppressMilliseconds: true })));
    return text;
  };
  return { startsAt: iso(startsAt), endsAt: endsAt ? iso(endsAt) : null, timezone: typeof effectiveZone === 'string' ? effectiveZone : effectiveZone.name };
}

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
 * parsed (loadGraph). Posts must be added in file order: the first of two duplicate talks is kept.
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
      const speakerKey = appearances
        .map((a) => a.speakerId)
        .sort()
        .join('+');
      const dedupeKeys = [entry.url ? `url:${normalizeUrl(entry.url)}` : null, `title:${foldKey(entry.title)}|${speakerKey || entry.date || post.slug}`].filter(
        (k): k is string => k !== null,
      );
      const existingId = dedupeKeys.map((k) => talkKeys.get(k)).find((id) => id !== undefined);
      if (existingId) {
        const existing = talks.get(existingId)!;
        existing.sources.push({ ...entry.source, file: this.shared(entry.source.file) });
        diagnostics.push(
          diagnose('DUPLICATE_TALK_MERGED', entry.source, `"${entry.title}" is also listed at ${existing.sources[0]!.file}:${existing.sources[0]!.line}.`),
        );
        continue;
      }
      const id = `${slugify(entry.title).slice(0, 60).replace(/-+$/, '')}-${shortHash(entry.url ? normalizeUrl(entry.url) : `${post.slug}/${entry.title}`)}`;
      for (const k of dedupeKeys) talkKeys.set(k, id);
      const zone = event?.timezone ?? post.timezone ?? null;
      const instants = computeInstants(entry, zone, diagnostics);
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
    const { reference, eventDefs, speakers, organizations, talks, posts } = this;
    const talkList = sortBySchedule([...talks.values()]);
    const organizationUrls = new Map(reference.organizations.map((d) => [d.slug, d.url]));
    const postById = new Map(posts.map((p) => [p.id, p]));

    const speakerRecords: Speaker[] = speakers.entries().map((s) => ({ ...s, talkIds: [], organizationIds: [] }));
    const speakerById = new Map(speakerRecords.map((s) => [s.id, s]));
    const orgRecords: Organization[] = organizations.entries().map((o) => ({
      ...o,
      url: organizationUrls.get(o.id) ?? null,
      talkIds: [],
      speakerIds: [],
    }));
    const orgById = new Map(orgRecords.map((o) => [o.id, o]));
    const topicRecords: Topic[] = reference.topics.map((t) => ({
      id: t.slug,
      name: t.name,
      description: t.description,
      keywords: t.keywords,
      parentId: t.parent && reference.topics.some((p) => p.slug === t.parent) ? t.parent : null,
      childIds: reference.topics.filter((c) => c.parent === t.slug).map((c) => c.slug),
      talkIds: [],
    }));
    const topicById = new Map(topicRecords.map((t) => [t.id, t]));

    const usedEventIds = new Set<string>();
    for (const id of [...talkList.map((t) => t.eventId), ...posts.map((p) => p.eventId)]) {
      let current = id ? eventDefs.get(id) : undefined;
      while (current && !usedEventIds.has(current.slug)) {
        usedEventIds.add(current.slug);
        current = current.parent ? eventDefs.get(current.parent) : undefined;
      }
    }
    const eventRecords: Event[] = [...reference.events, ...this.learnedEvents.values()]
      .filter((e) => usedEventIds.has(e.slug))
      .map((e) => ({
        id: e.slug,
        name: e.name,
        aliases: e.aliases,
        city: e.city,
        country: e.country,
        timezone: e.timezone,
        startDate: e.startDate,
        endDate: e.endDate,
        parentId: e.parent && usedEventIds.has(e.parent) ? e.parent : null,
        url: e.url,
        talkIds: [],
      }));
    const eventById = new Map(eventRecords.map((e) => [e.id, e]));

    // Sets while linking (a speaker or organization can have thousands of talks), lists afterwards.
    const linked = new Map<string[], Set<string>>();
    const addUnique = (list: string[], value: string) => {
      let seen = linked.get(list);
      if (!seen) linked.set(list, (seen = new Set(list)));
      if (!seen.has(value)) seen.add(value), list.push(value);
    };
    for (const talk of talkList) {
      postById.get(talk.postId)?.talkIds.push(talk.id);
      if (talk.eventId) eventById.get(talk.eventId)?.talkIds.push(talk.id);
      for (const topicId of talk.topicIds) topicById.get(topicId)?.talkIds.push(talk.id);
      for (const a of talk.appearances) {
        const speaker = speakerById.get(a.speakerId)!;
        addUnique(speaker.talkIds, talk.id);
        if (a.organizationId) {
          addUnique(speaker.organizationIds, a.organizationId);
          const org = orgById.get(a.organizationId)!;
          addUnique(org.talkIds, talk.id);
          addUnique(org.speakerIds, a.speakerId);
        }
      }
    }

    const inputDigest = this.inputDigest;
    inputDigest.update(JSON.stringify(reference));
    if (this.options.codeRevision) inputDigest.update(this.options.codeRevision);

    return {
      inputDigest: inputDigest.digest('hex'),
      posts,
      events: eventRecords,
      talks: talkList,
      speakers: speakerRecords,
      organizations: orgRecords,
      topics: topicRecords,
      diagnostics: [...this.parseDiagnostics, ...this.diagnostics],
    };
  }
}

/** Where a talk sits in time: its instant, else its local date and time read as UTC; undated last. */
function scheduleKey(talk: Talk): number {
  if (talk.startsAt) return Date.parse(talk.startsAt);
  if (talk.date) return Date.parse(`${talk.date}T${talk.start ?? '00:00'}Z`);
  return Number.POSITIVE_INFINITY;
}

/** Schedule order: dated talks by instant (or local date and time), then undated ones; ties by title, then id. */
function sortBySchedule(talks: Talk[]): Talk[] {
  const keys = new Map(talks.map((t) => [t, scheduleKey(t)]));
  return talks.sort((a, b) => {
    const keyA = keys.get(a)!;
    const keyB = keys.get(b)!;
    if (keyA !== keyB) return keyA < keyB ? -1 : 1;
    return a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id);
  });
}
