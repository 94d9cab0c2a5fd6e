import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, ReferenceData } from '../src/domain/types.ts';
import { buildGraph } from '../src/graph/build-graph.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import type { KnowledgeGraph } from '../src/graph/knowledge-graph.ts';
import { ingestPosts } from '../src/ingest/ingest-pipeline.ts';
import type { PostSource } from '../src/ingest/read-post-file.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { parseReferenceData, type ReferenceKind } from '../src/ingest/reference-data.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED_FILE = 'posts/2023-04-03-cilium-kubecon-eu-2023-talks.md';

export function bundledReference(): ReferenceData {
  const read = <K extends ReferenceKind>(kind: K, file: string) => {
    const parsed = parseReferenceData(kind, file, readFileSync(path.join(BUNDLED_DATA_DIR, file), 'utf8'));
    if (!parsed.items) throw new Error(`bundled ${file} is invalid`);
    return parsed.items;
  };
  return {
    topics: read('topics', 'topics.yaml'),
    events: read('events', 'events.yaml'),
    organizations: read('organizations', 'organizations.yaml'),
    speakers: read('speakers', 'speakers.yaml'),
  };
}

export function seedSource(): PostSource {
  return { file: SEED_FILE, text: readFileSync(path.join(ROOT, 'data', SEED_FILE), 'utf8') };
}

export function postSourcesIn(dir: string): PostSource[] {
  return readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .sort()
    .map((f) => ({ file: path.join(path.basename(dir), f), text: readFileSync(path.join(dir, f), 'utf8') }));
}

export function graphOf(sources: PostSource[]): KnowledgeGraph {
  return buildGraph(ingestPosts(sources, bundledReference()));
}

export function yogaOf(graph: KnowledgeGraph): TalkGraphYoga {
  return createTalkGraphYoga({ schema, graphs: new GraphHolder(graph) });
}

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** POSTs a query through yoga.fetch (no port). */
export async function execute<T = any>(yoga: TalkGraphYoga, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

export function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}
