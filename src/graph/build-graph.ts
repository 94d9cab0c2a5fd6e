import { createHash } from 'node:crypto';
import type { GraphData } from '../domain/types.ts';
import { KnowledgeGraph } from './knowledge-graph.ts';

/**
 * Builds the immutable graph. Its version hashes everything a response can show (posts and
 * diagnostics included), so equal data gives equal versions and any visible change a new one.
 */
export function buildGraph(data: GraphData): KnowledgeGraph {
  const version = createHash('sha1')
    .update(JSON.stringify([data.talks, data.speakers, data.organizations, data.topics, data.events, data.posts, data.diagnostics]))
    .digest('hex')
    .slice(0, 12);
  return new KnowledgeGraph(data, version);
}
