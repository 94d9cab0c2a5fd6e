import type { TopicDefinition, TopicTag } from '../domain/types.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Cluster Mesh" also matches "ClusterMesh" and "cluster-mesh"; matches are whole words, any case. */
function keywordPattern(keyword: string): RegExp {
  const body = keyword
    .trim()
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]?');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');
}

export type TopicTagger = (title: string, abstract: string) => TopicTag[];

/** Builds a tagger that reports, per topic, the first keyword found and where (title before abstract). */
export function createTopicTagger(topics: readonly TopicDefinition[]): TopicTagger {
  const compiled = topics.map((topic) => ({
    topic,
    patterns: [...new Set(topic.keywords)].map((keyword) => ({ keyword, re: keywordPattern(keyword) })),
  }));
  return (title, abstract) => {
    const tags: TopicTag[] = [];
    for (const { topic, patterns } of compiled) {
      for (const field of ['title', 'abstract'] as const) {
        const text = field === 'title' ? title : abstract;
        const hit = patterns.find((p) => p.re.test(text));
        if (hit) {
          tags.push({ topicId: topic.slug, keyword: hit.keyword, field });
          break;
        }
      }
    }
    return tags;
  };
}
