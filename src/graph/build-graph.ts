import { createHash } from 'node:crypto';
import type { GraphData } from '../domain/types.ts';
import { KnowledgeGraph, type PrebuiltIndexes } from './knowledge-graph.ts';

/**
 * Builds the immutable graph. Its version hashes what the graph was made of (post files, reference
 * data and, when the loader gives it, the ingest code; or else every record) and its diagnostics: equal inputs give equal versions, and
 * any change to them a new one.
 */
export function buildGraph(data: GraphData, prebuilt: Partial<PrebuiltIndexes> = {}): KnowledgeGraph {
  return new KnowledgeGraph(data, versionOf(data), prebuilt);
}

/**
 * From the input digest when the data has one (same posts and reference data, same code: same
 * records) plus the diagnostics, which the loader may add to (files it could not read, kept versions).
 * Otherwise record by record: one JSON text of a large graph would be hundreds of megabytes at once.
 */
function versionOf(data: GraphData): string {
  const hash = createHash('sha1');
  if (data.inputDigest) return hash.update(data.inputDigest).update(JSON.stringify(data.diagnostics)).digest('hex').slice(0, 12);
  for (const records of [data.talks, data.speakers, data.organizations, data.topics, data.events, data.posts, data.diagnostics]) {
    hash.update(`[${records.length}]`);
    for (const record of records) hash.update(JSON.stringify(record));
  }
  return hash.digest('hex').slice(0, 12);
}
