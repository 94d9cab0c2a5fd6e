import type { Event, GraphData, Organization, Post, Speaker, Talk, Topic } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { mapOf, nameIndex, uniqueAliases } from './name-index.ts';
import { TextIndex, type TextIndexState } from './text-index.ts';
import { PostingLists, type PostingListsState, type Positions } from './talk-postings.ts';

export type EntityKind = 'talk' | 'speaker' | 'organization' | 'topic' | 'event' | 'post';

export interface TalkSearchHit {
  id: string;
  score: number;
}

/** Talk attributes with inverted lists. */
export type TalkAttribute = 'day' | 'organization' | 'speaker' | 'topic' | 'event' | 'kind' | 'hasSpeakers';

/** The values of each attribute a talk is listed under. */
const TALK_ATTRIBUTES: Record<TalkAttribute, (talk: Talk) => ReadonlyArray<string | null>> = {
  day: (t) => [t.day],
  organization: (t) => t.organizationIds,
  speaker: (t) => t.speakerIds,
  topic: (t) => t.topicIds,
  event: (t) => [t.eventId],
  kind: (t) => [t.kind],
  hasSpeakers: (t) => [t.speakerIds.length > 0 ? 'yes' : 'no'],
};

/** The built indexes a snapshot stores so that a graph read from it rebuilds none of them. */
export interface PrebuiltIndexes {
  talkIndex: TextIndexState;
  postings: Record<TalkAttribute, PostingListsState>;
  /** The name indexes as [folded names, ids] (folding every alias of 20,000 speakers is not free). */
  names: Record<NamedKind, [string[], string[]]>;
}

type NamedKind = 'speaker' | 'organization' | 'topic' | 'event';

function byId<T extends { id: string }>(items: readonly T[]): ReadonlyMap<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

/** An index derived from the graph (a vocabulary, a search index …), built at first use and kept for the life of that graph. */
export interface DerivedIndex<T> {
  build(graph: KnowledgeGraph): T;
}

/**
 * The immutable, indexed graph. Every index lives here; callers ask questions through methods and
 * never learn how a map is keyed.
 */
export class KnowledgeGraph {
  readonly version: string;
  private readonly speakers: ReadonlyMap<string, Speaker>;
  private readonly organizations: ReadonlyMap<string, Organization>;
  private readonly topics: ReadonlyMap<string, Topic>;
  private readonly events: ReadonlyMap<string, Event>;
  private readonly posts: ReadonlyMap<string, Post>;
  private readonly names: Record<NamedKind, ReadonlyMap<string, string>>;
  private readonly talkOrder: ReadonlyMap<string, number>;
  private readonly topicDescendants = new Map<string, ReadonlySet<string>>();
  private readonly eventDescendants = new Map<string, ReadonlySet<string>>();
  private readonly byKind: Record<Exclude<EntityKind, 'talk'>, ReadonlyMap<string, Speaker | Organization | Topic | Event | Post>>;
  /** At most ~200,000 hits held (a one-letter query can hit every talk). */
  private readonly searchMemo = new BoundedMemo<string, readonly TalkSearchHit[]>(200_000, (hits) => hits.length);
  private readonly talkIndex: TextIndex<Talk>;
  /** Inverted lists per filterable attribute (built once; the graph never changes). */
  private readonly postings: Record<TalkAttribute, PostingLists>;
  private readonly everyPosition: Positions;
  private readonly derivedIndexes = new Map<DerivedIndex<unknown>, unknown>();

  readonly data: GraphData;

  /** `prebuilt`: indexes saved from a graph built of the same data (a snapshot), used instead of rebuilding them. */
  constructor(data: GraphData, version = 'v1', prebuilt: Partial<PrebuiltIndexes> = {}) {
    this.data = data;
    this.version = version;
    this.speakers = byId(data.speakers);
    this.organizations = byId(data.organizations);
    this.topics = byId(data.topics);
    this.events = byId(data.events);
    this.posts = byId(data.posts);
    this.byKind = { speaker: this.speakers, organization: this.organizations, topic: this.topics, event: this.events, post: this.posts };
    const talkOrder = new Map<string, number>();
    for (let i = 0; i < data.talks.length; i++) talkOrder.set(data.talks[i]!.id, i);
    this.talkOrder = talkOrder;
    const savedNames = prebuilt.names;
    this.names = savedNames
      ? {
          speaker: mapOf(savedNames.speaker),
          organization: mapOf(savedNames.organization),
          topic: mapOf(savedNames.topic),
          event: mapOf(savedNames.event),
        }
      : {
          speaker: nameIndex(data.speakers),
          organization: nameIndex(data.organizations),
          topic: nameIndex(data.topics),
          event: nameIndex(data.events.map((e) => ({ ...e, aliases: uniqueAliases(data.events, e) }))),
        };
    for (const topic of data.topics)
      this.topicDescendants.set(
        topic.id,
        this.collectDescendants(topic.id, (id) => this.topics.get(id)?.childIds ?? []),
      );
    for (const event of data.events) {
      this.eventDescendants.set(
        event.id,
        this.collectDescendants(event.id, (id) => data.events.filter((e) => e.parentId === id).map((e) => e.id)),
      );
    }
    this.talkIndex = this.buildTalkIndex(prebuilt.talkIndex);
    const saved = prebuilt.postings;
    this.postings = Object.fromEntries(
      (Object.keys(TALK_ATTRIBUTES) as TalkAttribute[]).map((attribute) => [
        attribute,
        saved ? PostingLists.fromState(saved[attribute]) : PostingLists.of(data.talks, TALK_ATTRIBUTES[attribute]),
      ]),
    ) as Record<TalkAttribute, PostingLists>;
    this.everyPosition = new Int32Array(data.talks.length);
    for (let i = 0; i < data.talks.length; i++) this.everyPosition[i] = i;
    Object.freeze(this);
  }

  private collectDescendants(root: string, children: (id: string) => readonly string[]): ReadonlySet<string> {
    const seen = new Set<string>([root]);
    const queue = [root];
    while (queue.length > 0) for (const child of children(queue.shift()!)) if (!seen.has(child)) seen.add(child), queue.push(child);
    return seen;
  }

  /** Title, speakers, organizations and topics weigh more than the abstract. */
  private buildTalkIndex(state?: TextIndexState): TextIndex<Talk> {
    return new TextIndex(
      this.data.talks,
      {
        fields: { title: 3, speakers: 3, organizations: 2, topics: 2, abstract: 1 },
        extract: (talk, field) => {
          switch (field) {
            case 'title':
              return talk.title;
            case 'speakers':
              return talk.appearances.map((a) => `${a.nameAsWritten} ${this.speakers.get(a.speakerId)?.name ?? ''}`).join(' ');
            case 'organizations':
              return talk.appearances
                .map((a) => `${a.organizationAsWritten ?? ''} ${a.organizationId ? this.organizations.get(a.organizationId)?.name : ''}`)
                .join(' ');
            case 'topics':
              return talk.topicIds.map((id) => this.topics.get(id)?.name ?? '').join(' ');
            default:
              return talk.abstract;
          }
        },
      },
      state,
    );
  }

  /** The built indexes that are costly to rebuild (for a snapshot; see the constructor's `prebuilt`). */
  prebuiltIndexes(): PrebuiltIndexes {
    const postings = Object.fromEntries(
      (Object.keys(TALK_ATTRIBUTES) as TalkAttribute[]).map((attribute) => [attribute, this.postings[attribute].toState()]),
    ) as Record<TalkAttribute, PostingListsState>;
    const names = Object.fromEntries(Object.entries(this.names).map(([kind, map]) => [kind, [[...map.keys()], [...map.values()]]])) as PrebuiltIndexes['names'];
    return { talkIndex: this.talkIndex.toState(), postings, names };
  }

  /** The graph's instance of a derived index, built on first use. */
  derived<T>(index: DerivedIndex<T>): T {
    if (!this.derivedIndexes.has(index)) this.derivedIndexes.set(index, index.build(this));
    return this.derivedIndexes.get(index) as T;
  }

  // ---- lookups ----

  talk(id: string): Talk | undefined {
    const position = this.talkOrder.get(id);
    return position === undefined ? undefined : this.data.talks[position];
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
    return kind === 'talk' ? this.talk(id) : this.byKind[kind].get(id);
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

  // ---- indexes for talk-query.ts, which gives a filter its meaning ----

  /** The inverted list of one filterable talk attribute. */
  talkPostings(attribute: TalkAttribute): PostingLists {
    return this.postings[attribute];
  }

  /** Every position of the schedule order, ascending. */
  allTalkPositions(): Positions {
    return this.everyPosition;
  }

  /** Position of a talk in schedule order (an index into allTalks), or undefined. */
  positionOf(id: string): number | undefined {
    return this.talkOrder.get(id);
  }

  /** The talk at a position of the schedule order (an index into allTalks). */
  talkAt(position: number): Talk | undefined {
    return this.data.talks[position];
  }
}
