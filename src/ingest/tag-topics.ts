import type { TopicDefinition, TopicTag } from '../domain/types.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Cluster Mesh", "ClusterMesh" and "cluster-mesh" share one key. */
function keyOf(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, '');
}

/** "Cluster Mesh" also matches "ClusterMesh" and "cluster-mesh"; matches are whole words, any case. */
function keywordPattern(keyword: string): string {
  return keyword
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]?');
}

export type TopicTagger = (title: string, abstract: string) => TopicTag[];

/**
 * Builds a tagger that reports, per topic, the first of its keywords (in taxonomy order) found in
 * the title, else in the abstract. All keywords are compiled into one regular expression that is
 * tried at every word start (a lookahead, so overlapping keywords are all seen): one pass per field.
 */
export function createTopicTagger(topics: readonly TopicDefinition[]): TopicTagger {
  const keywords = [...new Set(topics.flatMap((t) => t.keywords))].sort((a, b) => b.length - a.length);
  const anyKeyword = keywords.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?=(${keywords.map(keywordPattern).join('|')})(?![\\p{L}\\p{N}]))`, 'giu') : null;
  const topicKeys = topics.map((topic) => ({ topic, keywords: [...new Set(topic.keywords)].map((keyword) => ({ keyword, key: keyOf(keyword) })) }));
  /** For each keyword key, the positions (taxonomy order) of the topics that list it. */
  const topicsByKey = new Map<string, number[]>();
  topicKeys.forEach(({ keywords: own }, position) => {
    for (const { key } of own) {
      const list = topicsByKey.get(key) ?? [];
      if (!list.includes(position)) list.push(position);
      topicsByKey.set(key, list);
    }
  });

  /** Keys found in the text, each with the words as first written there. */
  const keysIn = (text: string): Map<string, string> => {
    const found = new Map<string, string>();
    if (!anyKeyword || !text) return found;
    for (const match of text.matchAll(anyKeyword)) {
      const key = keyOf(match[1]!);
      if (!found.has(key)) found.set(key, match[1]!.toLowerCase());
    }
    return found;
  };
  /** Of a topic's keywords, the first one found; among spellings of one key, the one written. */
  const firstHit = (own: ReadonlyArray<{ keyword: string; key: string }>, found: Map<string, string>) => {
    const first = own.find((k) => found.has(k.key));
    if (!first) return undefined;
    const written = found.get(first.key);
    return own.find((k) => k.key === first.key && k.keyword.toLowerCase() === written) ?? first;
  };

  return (title, abstract) => {
    const inTitle = keysIn(title);
    const inAbstract = keysIn(abstract);
    // Only topics that list a key found here can be tagged; they are visited in taxonomy order.
    const candidates = new Set<number>();
    for (const key of [...inTitle.keys(), ...inAbstract.keys()]) for (const position of topicsByKey.get(key) ?? []) candidates.add(position);
    const tags: TopicTag[] = [];
    for (const position of [...candidates].sort((a, b) => a - b)) {
      const { topic, keywords: own } = topicKeys[position]!;
      const titleHit = firstHit(own, inTitle);
      const abstractHit = titleHit ? undefined : firstHit(own, inAbstract);
      const hit = titleHit ?? abstractHit;
      if (hit) tags.push({ topicId: topic.slug, keyword: hit.keyword, field: titleHit ? 'title' : 'abstract' });
    }
    return tags;
  };
}
