import type { Event, EventDefinition, GraphData, Organization, Post, ReferenceData, Speaker, Talk, Topic } from '../domain/types.ts';

/** The records of resolution, before they are linked to each other. */
export interface UnlinkedRecords {
  reference: ReferenceData;
  /** Every event definition by slug: the reference data's and those learned from posts. */
  eventDefs: ReadonlyMap<string, EventDefinition>;
  /** Events learned from posts, in the order first seen. */
  learnedEvents: Iterable<EventDefinition>;
  /** Talks in the order they were first listed. */
  talks: Iterable<Talk>;
  posts: Post[];
  speakers: Array<{ id: string; name: string; aliases: string[] }>;
  organizations: Array<{ id: string; name: string; aliases: string[] }>;
}

export type LinkedRecords = Pick<GraphData, 'posts' | 'events' | 'talks' | 'speakers' | 'organizations' | 'topics'>;

/**
 * Linking: talks in schedule order; speakers, organizations, topics and the events in use (with
 * their parents) as records; each record's talks, speakers and organizations filled in. The posts'
 * talk lists are filled in place.
 */
export function linkRecords(records: UnlinkedRecords): LinkedRecords {
  const { reference, eventDefs, posts } = records;
  const talkList = sortBySchedule([...records.talks]);
  const organizationUrls = new Map(reference.organizations.map((d) => [d.slug, d.url]));
  const postById = new Map(posts.map((p) => [p.id, p]));

  const speakerRecords: Speaker[] = records.speakers.map((s) => ({ ...s, talkIds: [], organizationIds: [] }));
  const speakerById = new Map(speakerRecords.map((s) => [s.id, s]));
  const orgRecords: Organization[] = records.organizations.map((o) => ({
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
  const eventRecords: Event[] = [...reference.events, ...records.learnedEvents]
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

  return { posts, events: eventRecords, talks: talkList, speakers: speakerRecords, organizations: orgRecords, topics: topicRecords };
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
