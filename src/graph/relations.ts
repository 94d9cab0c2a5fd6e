import type { Talk, Topic } from '../domain/types.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';

export interface Weighted<T> {
  item: T;
  count: number;
}

export interface RelatedTopic {
  topic: Topic;
  /** Talks tagged with both topics. */
  count: number;
  /** How much more often the two appear together than if they were independent (1 = independent). */
  lift: number;
}

export interface RelatedTalk {
  talk: Talk;
  score: number;
  reasons: string[];
}

function talksOf(graph: KnowledgeGraph, ids: readonly string[]): Talk[] {
  return ids.map((id) => graph.talk(id)).filter((t): t is Talk => t !== undefined);
}

function rankCounts<T>(counts: Map<string, number>, resolve: (id: string) => T | undefined, name: (item: T) => string): Array<Weighted<T>> {
  return [...counts.entries()]
    .map(([id, count]) => ({ item: resolve(id), count }))
    .filter((w): w is Weighted<T> => w.item !== undefined)
    .sort((a, b) => b.count - a.count || name(a.item).localeCompare(name(b.item)));
}

/** People who gave a talk together with this speaker, with how many talks they shared. */
export function coSpeakers(graph: KnowledgeGraph, speakerId: string) {
  const counts = new Map<string, number>();
  for (const talk of talksOf(graph, graph.speaker(speakerId)?.talkIds ?? [])) {
    for (const other of talk.speakerIds) if (other !== speakerId) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  return rankCounts(
    counts,
    (id) => graph.speaker(id),
    (s) => s.name,
  );
}

/** Topics of an organization's talks, with counts; `weight` is the share of its talks. */
export function organizationTopics(graph: KnowledgeGraph, organizationId: string) {
  const talks = talksOf(graph, graph.organization(organizationId)?.talkIds ?? []);
  const counts = new Map<string, number>();
  for (const talk of talks) for (const topic of talk.topicIds) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return rankCounts(
    counts,
    (id) => graph.topic(id),
    (t) => t.name,
  ).map((w) => ({ ...w, weight: talks.length ? w.count / talks.length : 0 }));
}

/** Topics that co-occur with this one on talks, by count then lift. */
export function relatedTopics(graph: KnowledgeGraph, topicId: string): RelatedTopic[] {
  const total = graph.allTalks().length;
  const own = talksOf(graph, graph.topic(topicId)?.talkIds ?? []);
  const counts = new Map<string, number>();
  for (const talk of own) for (const other of talk.topicIds) if (other !== topicId) counts.set(other, (counts.get(other) ?? 0) + 1);
  return [...counts.entries()]
    .map(([id, count]) => {
      const topic = graph.topic(id)!;
      const lift = total && own.length && topic.talkIds.length ? (count * total) / (own.length * topic.talkIds.length) : 0;
      return { topic, count, lift: Math.round(lift * 1000) / 1000 };
    })
    .sort((a, b) => b.count - a.count || b.lift - a.lift || a.topic.name.localeCompare(b.topic.name));
}

const SPEAKER_WEIGHT = 3;
const ORGANIZATION_WEIGHT = 1;
const EVENT_WEIGHT = 0.5;

/**
 * Talks most like this one: shared speakers (3 each), shared topics (weighted by rarity: a topic on
 * few talks says more), shared organizations (1 each), same event (0.5). Reasons say which.
 */
export function relatedTalks(graph: KnowledgeGraph, talk: Talk, limit: number): RelatedTalk[] {
  const total = Math.max(graph.allTalks().length, 1);
  const results: RelatedTalk[] = [];
  // Only talks that share a speaker, topic or organization can score: start from those lists.
  const candidateIds = new Set<string>([
    ...talk.speakerIds.flatMap((id) => graph.speaker(id)?.talkIds ?? []),
    ...talk.topicIds.flatMap((id) => graph.topic(id)?.talkIds ?? []),
    ...talk.organizationIds.flatMap((id) => graph.organization(id)?.talkIds ?? []),
  ]);
  for (const other of talksOf(graph, [...candidateIds])) {
    if (other.id === talk.id) continue;
    const reasons: string[] = [];
    let score = 0;
    for (const id of other.speakerIds.filter((s) => talk.speakerIds.includes(s))) {
      score += SPEAKER_WEIGHT;
      reasons.push(`same speaker: ${graph.speaker(id)?.name ?? id}`);
    }
    for (const id of other.topicIds.filter((t) => talk.topicIds.includes(t))) {
      const topic = graph.topic(id);
      score += Math.log(1 + total / Math.max(topic?.talkIds.length ?? total, 1));
      reasons.push(`shared topic: ${topic?.name ?? id}`);
    }
    for (const id of other.organizationIds.filter((o) => talk.organizationIds.includes(o))) {
      score += ORGANIZATION_WEIGHT;
      reasons.push(`same organization: ${graph.organization(id)?.name ?? id}`);
    }
    if (score > 0 && other.eventId && other.eventId === talk.eventId) {
      score += EVENT_WEIGHT;
      reasons.push('same event');
    }
    if (score > 0) results.push({ talk: other, score: Math.round(score * 1000) / 1000, reasons });
  }
  return results.sort((a, b) => b.score - a.score || graph.scheduleRank(a.talk.id) - graph.scheduleRank(b.talk.id)).slice(0, limit);
}
