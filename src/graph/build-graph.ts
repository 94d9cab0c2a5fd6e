import { createHash } from 'node:crypto';
import type { GraphData } from '../domain/types.ts';
import { KnowledgeGraph } from './knowledge-graph.ts';

/** Builds the immutable graph; its version is a hash of the content, so equal data gives equal versions. */
export function buildGraph(data: GraphData): KnowledgeGraph {
  const version = createHash('sha1')
    .update(JSON.stringify([data.talks, data.speakers, data.organizations, data.topics, data.events, data.posts.map((p) => p.id)]))
    .digest('hex')
    .slice(0, 12);
  return new KnowledgeGraph(data, version);
}
