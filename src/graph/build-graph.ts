import { createHash } from 'node:crypto';
import type { GraphData } from '../domain/types.ts';
import { KnowledgeGraph } from './knowledge-graph.ts';

/**
 * Builds the immutable graph. Its version hashes everything a response can show (posts and
 * diagnostics included), so equal data gives equal versions and any visible change a new one.
 */
export function buildGraph(data: GraphData): KnowledgeGraph {
  return new KnowledgeGraph(data, versionOf(data));
}

/** Record by record: one JSON text of a large graph would be hundreds of megabytes at once. */
function versionOf(data: GraphData): string {
  const hash = createHash('sha1');
  for (const records of [data.talks, data.speakers, data.organizations, data.topics, data.events, data.posts, data.diagnostics]) {
    hash.update(`[${records.length}]`);
    for (const record of records) hash.update(JSON.stringify(record));
  }
  return hash.digest('hex').slice(0, 12);
}
