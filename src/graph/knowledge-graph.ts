import type { Event, GraphData, Organization, Post, Speaker, Talk, Topic, Weekday } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';
import { FilterError, type Range, type TalkFilter } from './talk-filter.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { TextIndex } from './text-index.ts';
import { intersectPositions, PostingLists, unionPositions, type Positions } from './talk-postings.ts';

export type EntityKind = 'talk' | 'speaker' | 'organization' | 'topic' | 'event' | 'post';

export interface TalkSearchHit {
  id: string;
  score: number;
}

export interface SelectOptions {
  /** Unknown organization/speaker/topic/event values raise FilterError instead of matching nothing. */
  strict?: boolean;
}

const MAX_FILTER_DEPTH = 8;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** Maps every folded name and alias (and the slug) to the id it names. */
function nameIndex(items: ReadonlyArray<{ id: string; name: string; aliases?: string[]; keywords?: string[] }>): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const item of items) {
    for (const name of [item.id, item.name, ...(item.aliases ?? []), ...(item.keywords ?? [])]) {
      const key = foldKey(name);
      if (key && !index.has(key)) index.set(key, item.id);
    }
  }
  return index;
}

/** Aliases of an event that no other event shares ("KubeCon EU" names every edition, so it resolves none). */
function uniqueAliases(events: readonly Event[], event: Event): string[] {
  return event.aliases.filter((alias) => !events.some((other) => other !== event && other.aliases.some((a) => foldKey(a) === foldKey(alias))));
}

/**
 * The immutable, indexed graph. Every index lives here; callers ask questions through methods and
 * never learn how a map is keyed.
 */
export class KnowledgeGraph {
  readonly version: string;
  private readonly talks: ReadonlyMap<string, Talk>;
  private readonly speakers: ReadonlyMap<string, Speaker>;
  private readonly organizations: ReadonlyMap<string, Organization>;
  private readonly topics: ReadonlyMap<string, Topic>;
  private readonly events: ReadonlyMap<string, Event>;
  private readonly posts: ReadonlyMap<string, Post>;
  private readonly names: Record<'speaker' | 'organization' | 'topic' | 'event', ReadonlyMap<string, string>>;
  private readonly talkOrder: ReadonlyMap<string, number>;
  private readonly topicDescendants = new Map<string, ReadonlySet<string>>();
  private readonly eventDescendants = new Map<string, ReadonlySet<string>>();
  private readonly byKind: Record<EntityKind, ReadonlyMap<string, Talk | Speaker | Organization | Topic | Event | Post>>;
  /** At most ~200,000 hits held (a one-letter query can hit every talk). */
  private readonly searchMemo = new BoundedMemo<string, readonly TalkSearchHit[]>(200_000, (hits) => hits.length);
  private readonly talkIndex: TextIndex<Talk>;
  /** Inverted lists per filterable attribute (built once; the graph never changes). */
  private readonly postings: Record<'day' | 'organization' | 'speaker' | 'topic' | 'event' | 'kind' | 'hasSpeakers', PostingLists>;

  constructor(readonly data: GraphData, version = 'v1') {
    this.version = version;
    this.talks = byId(data.talks);
    this.speakers = byId(data.speakers);
    this.organizations = byId(data.organizations);
    this.topics = byId(data.topics);
    this.events = byId(data.events);
    this.posts = byId(data.posts);
    this.byKind = { talk: this.talks, speaker: this.speakers, organization: this.organizations, topic: this.topics, event: this.events, post: this.posts };
    this.talkOrder = new Map(data.talks.map((t, i) => [t.id, i]));
    this.names = {
      speaker: nameIndex(data.speakers),
      organization: nameIndex(data.organizations),
      topic: nameIndex(data.topics),
      event: nameIndex(data.events.map((e) => ({ ...e, aliases: uniqueAliases(data.events, e) }))),
    };
    for (const topic of data.topics) this.topicDescendants.set(topic.id, this.collectDescendants(topic.id, (id) => this.topics.get(id)?.childIds ?? []));
    for (const event of data.events) {
      this.eventDescendants.set(event.id, this.collectDescendants(event.id, (id) => data.events.filter((e) => e.parentId === id).map((e) => e.id)));
    }
    this.talkIndex = this.buildTalkIndex();
    this.postings = {
      day: new PostingLists(data.talks, (t) => [t.day]),
      organization: new PostingLists(data.talks, (t) => t.organizationIds),
      speaker: new PostingLists(data.talks, (t) => t.speakerIds),
      topic: new PostingLists(data.talks, (t) => t.topicIds),
      event: new PostingLists(data.talks, (t) => [t.eventId]),
      kind: new PostingLists(data.talks, (t) => [t.kind]),
      hasSpeakers: new PostingLists(data.talks, (t) => [t.speakerIds.length > 0 ? 'yes' : 'no']),
    };
    Object.freeze(this);
  }

  private collectDescendants(root: string, children: (id: string) => readonly string[]): ReadonlySet<string> {
    const seen = new Set<string>([root]);
    const queue = [root];
    while (queue.length > 0) for (const child of children(queue.shift()!)) if (!seen.has(child)) seen.add(child), queue.push(child);
    return seen;
  }

  /** Title, speakers, organizations and topics weigh more than the abstract. */
  private buildTalkIndex(): TextIndex<Talk> {
    return new TextIndex(this.data.talks, {
      fields: { title: 3, speakers: 3, organizations: 2, topics: 2, abstract: 1 },
      extract: (talk, field) => {
        switch (field) {
          case 'title':
            return talk.title;
          case 'speakers':
            return talk.appearances.map((a) => `${a.nameAsWritten} ${this.speakers.get(a.speakerId)?.name ?? ''}`).join(' ');
          case 'organizations':
            return talk.appearances.map((a) => `${a.organizationAsWritten ?? ''} ${a.organizationId ? this.organizations.get(a.organizationId)?.name : ''}`).join(' ');
          case 'topics':
            return talk.topicIds.map((id) => this.topics.get(id)?.name ?? '').join(' ');
          default:
            return talk.abstract;
        }
      },
    });
  }

  // ---- lookups ----

  talk(id: string): Talk | undefined {
    return this.talks.get(id);
  }
  speaker(id: string): Speaker | undefined {
    return this.speakers.get(id);
  }
  organization(id: string): Organization | undefined {
    return this.organizations.get(id);
  }
  topic(id: string): Topic | undefined {
    return this.topics.get(id);
  }
  event(id: string): Event | undefined {
    return this.events.get(id);
  }
  post(id: string): Post | undefined {
    return this.posts.get(id);
  }

  entity(kind: EntityKind, id: string): Talk | Speaker | Organization | Topic | Event | Post | undefined {
    return this.byKind[kind].get(id);
  }

  /** Batch lookup in key order (undefined where an id is unknown): what per-request loaders call. */
  getMany(kind: EntityKind, ids: readonly string[]): Array<Talk | Speaker | Organization | Topic | Event | Post | undefined> {
    return ids.map((id) => this.entity(kind, id));
  }

  /** Resolves a slug, name or alias (any case, accents optional) to an id. */
  resolveName(kind: 'speaker' | 'organization' | 'topic' | 'event', value: string): string | null {
    return this.names[kind].get(foldKey(value)) ?? null;
  }

  /** Every value a name filter of this kind accepts (slugs), for error messages. */
  acceptedNames(kind: 'speaker' | 'organization' | 'topic' | 'event'): string[] {
    const source = { speaker: this.speakers, organization: this.organizations, topic: this.topics, event: this.events }[kind];
    return [...source.keys()].sort();
  }

  /** Topic ids this topic stands for: itself and, unless `exact`, its subtopics. */
  topicScope(id: string, exact = false): ReadonlySet<string> {
    return exact ? new Set([id]) : (this.topicDescendants.get(id) ?? new Set([id]));
  }

  /** Event ids this event stands for: itself and its co-located events. */
  eventScope(id: string): ReadonlySet<string> {
    return this.eventDescendants.get(id) ?? new Set([id]);
  }

  allTalks(): readonly Talk[] {
    return this.data.talks;
  }
  allSpeakers(): readonly Speaker[] {
    return this.data.speakers;
  }
  allOrganizations(): readonly Organization[] {
    return this.data.organizations;
  }
  allTopics(): readonly Topic[] {
    return this.data.topics;
  }
  allEvents(): readonly Event[] {
    return this.data.events;
  }
  allPosts(): readonly Post[] {
    return this.data.posts;
  }

  /** Position of a talk in schedule order (the order of `allTalks`). */
  scheduleRank(id: string): number {
    return this.talkOrder.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Ranked full-text hits over title, speakers, organizations, topics and abstract. */
  searchTalks(query: string): readonly TalkSearchHit[] {
    // One request may ask for the same hits up to three times (filter, narrowing, relevance order).
    return this.searchMemo.get(query, () => this.talkIndex.search(query).map((hit) => ({ id: this.data.talks[hit.position]!.id, score: hit.score })));
  }

  /** The index terms of `query` that a talk matched (what a snippet marks). */
  talkSearchTerms(query: string, talkId: string): string[] {
    const position = this.talkOrder.get(talkId);
    return position === undefined ? [] : this.talkIndex.matchedTerms(query, position);
  }

  // ---- filtering ----

  /** Talks of `candidates` (default: all) that pass `filter`, in the order given. */
  selectTalks(filter: TalkFilter | null | undefined, options: SelectOptions = {}, candidates: readonly Talk[] = this.data.talks): Talk[] {
    if (!filter) return [...candidates];
    const predicate = this.compileFilter(filter, options, 0);
    if (candidates === this.data.talks) {
      // Over all talks, the inverted lists narrow the set first; the predicate then checks only
      // what the lists do not answer (ranges, and/or/not), and is skipped when they answer everything.
      const narrowed = this.narrowByPostings(filter);
      if (narrowed) {
        const talks = Array.from(narrowed.positions, (position) => this.data.talks[position]!);
        return narrowed.exact ? talks : talks.filter(predicate);
      }
    }
    return candidates.filter(predicate);
  }

  /**
   * Positions in schedule order (see talkAt) of the talks that pass `filter`, when the inverted lists
   * answer it exactly (only indexed fields: day, organization, speaker, topic, event, kind,
   * hasSpeakers, text); null otherwise, and for no filter. Throws FilterError as selectTalks does.
   * Lets a caller count and page a large selection without building the list of talks.
   */
  selectTalkPositions(filter: TalkFilter | null | undefined, options: SelectOptions = {}): Positions | null {
    if (!filter) return null;
    this.compileFilter(filter, options, 0);
    const narrowed = this.narrowByPostings(filter);
    return narrowed?.exact ? narrowed.positions : null;
  }

  /** The talk at a position of the schedule order (an index into allTalks). */
  talkAt(position: number): Talk | undefined {
    return this.data.talks[position];
  }

  /**
   * The talks that can match `filter`, from the inverted lists of its top-level indexed fields, as
   * positions in schedule order; `exact` when those fields are all the filter says. Null when the
   * filter has no indexed field. Mirrors compileFilter: an empty day/kind list constrains nothing,
   * an empty or unknown organization/speaker/topic/event list matches nothing.
   */
  private narrowByPostings(filter: TalkFilter): { positions: Positions; exact: boolean } | null {
    const lists: Positions[] = [];
    // Unknown names were already refused (strict) or dropped by compileFilter's validation: drop them here too.
    const resolved = (kind: 'speaker' | 'organization' | 'topic' | 'event', values: readonly string[]) => this.resolveValues(kind, kind, values, {});
    if (filter.day && filter.day.length > 0) lists.push(this.postings.day.any(filter.day));
    if (filter.organization) lists.push(this.postings.organization.any(resolved('organization', filter.organization)));
    if (filter.speaker) lists.push(this.postings.speaker.any(resolved('speaker', filter.speaker)));
    if (filter.topic) {
      const exactTopic = filter.includeSubtopics === false;
      lists.push(this.postings.topic.any(new Set(resolved('topic', filter.topic).flatMap((id) => [...this.topicScope(id, exactTopic)]))));
    }
    if (filter.event) lists.push(this.postings.event.any(new Set(resolved('event', filter.event).flatMap((id) => [...this.eventScope(id)]))));
    if (filter.kind && filter.kind.length > 0) lists.push(this.postings.kind.any(filter.kind));
    if (filter.hasSpeakers !== undefined && filter.hasSpeakers !== null) lists.push(this.postings.hasSpeakers.get(filter.hasSpeakers ? 'yes' : 'no'));
    if (filter.text && filter.text.trim()) {
      const positions = this.searchTalks(filter.text)
        .map((hit) => this.talkOrder.get(hit.id))
        .filter((p): p is number => p !== undefined);
      lists.push(unionPositions([Int32Array.from(positions).sort()]));
    }
    if (lists.length === 0) return null;
    lists.sort((a, b) => a.length - b.length);
    let positions = lists[0]!;
    for (const list of lists.slice(1)) positions = intersectPositions(positions, list);
    const exact = !filter.date && !filter.startsAt && !filter.timeOfDay && !filter.and && !filter.or && !filter.not;
    return { positions, exact };
  }

  private resolveValues(kind: 'speaker' | 'organization' | 'topic' | 'event', field: string, values: readonly string[], options: SelectOptions): string[] {
    const ids: string[] = [];
    for (const value of values) {
      const id = this.resolveName(kind, value);
      if (id) ids.push(id);
      else if (options.strict) throw new FilterError('UNKNOWN_VALUE', `Unknown ${kind} "${value}" in filter.${field}.`, field, this.acceptedNames(kind));
    }
    return ids;
  }

  private compileFilter(filter: TalkFilter, options: SelectOptions, depth: number): (talk: Talk) => boolean {
    if (depth > MAX_FILTER_DEPTH) throw new FilterError('FILTER_TOO_DEEP', `Filters nest at most ${MAX_FILTER_DEPTH} levels deep.`, 'and/or/not');
    const checks: Array<(talk: Talk) => boolean> = [];

    if (filter.day && filter.day.length > 0) {
      const days = new Set<Weekday>(filter.day);
      checks.push((t) => t.day !== null && days.has(t.day));
    }
    if (filter.date) {
      const { from, to } = validateRange(filter.date, 'date', (v) => DATE_RE.test(v) && !Number.isNaN(Date.parse(v)), 'INVALID_DATE', 'YYYY-MM-DD');
      checks.push((t) => t.date !== null && (!from || t.date >= from) && (!to || t.date <= to));
    }
    if (filter.startsAt) {
      const { from, to } = validateRange(filter.startsAt, 'startsAt', (v) => !Number.isNaN(Date.parse(v)), 'INVALID_DATE', 'an ISO 8601 date-time such as 2023-04-21T11:00:00+02:00');
      const fromMs = from ? Date.parse(from) : null;
      const toMs = to ? Date.parse(to) : null;
      checks.push((t) => {
        if (!t.startsAt) return false;
        const ms = Date.parse(t.startsAt);
        return (fromMs === null || ms >= fromMs) && (toMs === null || ms <= toMs);
      });
    }
    if (filter.timeOfDay) {
      const { from, to } = validateRange(filter.timeOfDay, 'timeOfDay', (v) => TIME_RE.test(v), 'INVALID_TIME', 'HH:MM (24h)');
      checks.push((t) => t.start !== null && (!from || t.start >= from) && (!to || t.start < to));
    }
    if (filter.organization) {
      const ids = new Set(this.resolveValues('organization', 'organization', filter.organization, options));
      checks.push((t) => t.organizationIds.some((id) => ids.has(id)));
    }
    if (filter.speaker) {
      const ids = new Set(this.resolveValues('speaker', 'speaker', filter.speaker, options));
      checks.push((t) => t.speakerIds.some((id) => ids.has(id)));
    }
    if (filter.topic) {
      const exact = filter.includeSubtopics === false;
      const ids = new Set(this.resolveValues('topic', 'topic', filter.topic, options).flatMap((id) => [...this.topicScope(id, exact)]));
      checks.push((t) => t.topicIds.some((id) => ids.has(id)));
    }
    if (filter.event) {
      const ids = new Set(this.resolveValues('event', 'event', filter.event, options).flatMap((id) => [...this.eventScope(id)]));
      checks.push((t) => t.eventId !== null && ids.has(t.eventId));
    }
    if (filter.kind && filter.kind.length > 0) {
      const kinds = new Set(filter.kind);
      checks.push((t) => kinds.has(t.kind));
    }
    if (filter.hasSpeakers !== undefined && filter.hasSpeakers !== null) {
      const wanted = filter.hasSpeakers;
      checks.push((t) => t.speakerIds.length > 0 === wanted);
    }
    if (filter.text && filter.text.trim()) {
      const hits = new Set(this.searchTalks(filter.text).map((h) => h.id));
      checks.push((t) => hits.has(t.id));
    }
    if (filter.and) {
      const parts = filter.and.map((f) => this.compileFilter(f, options, depth + 1));
      checks.push((t) => parts.every((p) => p(t)));
    }
    if (filter.or) {
      const parts = filter.or.map((f) => this.compileFilter(f, options, depth + 1));
      checks.push((t) => parts.some((p) => p(t)));
    }
    if (filter.not) {
      const inner = this.compileFilter(filter.not, options, depth + 1);
      checks.push((t) => !inner(t));
    }
    return (talk) => checks.every((check) => check(talk));
  }
}

function validateRange(range: Range, field: string, valid: (value: string) => boolean, code: 'INVALID_DATE' | 'INVALID_TIME', shape: string): { from: string | null; to: string | null } {
  const from = range.from ?? null;
  const to = range.to ?? null;
  for (const [end, value] of [['from', from], ['to', to]] as const) {
    if (value !== null && !valid(value)) throw new FilterError(code, `filter.${field}.${end} "${value}" is not ${shape}.`, `${field}.${end}`, [shape]);
  }
  return { from, to };
}
