import type { GraphData, ParsedPost, ReferenceData } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';
import { createEventMatcher } from './event-matcher.ts';
import { parsePost, type IngestContext } from './parse-post.ts';
import { resolveGraphData } from './resolve-graph-data.ts';
import { createTopicTagger } from './tag-topics.ts';

export interface PostSource {
  /** Path shown in diagnostics (relative to the data folder). */
  file: string;
  text: string;
}

export function createIngestContext(reference: ReferenceData): IngestContext {
  const organizationKeys = new Set(reference.organizations.flatMap((o) => [o.name, ...o.aliases]).map(foldKey));
  return {
    events: createEventMatcher(reference.events),
    grammar: { isKnownOrganization: (text) => organizationKeys.has(foldKey(text)) },
    tagTopics: createTopicTagger(reference.topics),
  };
}

/** Text in, graph data out: parses every post, then resolves them together. */
export function ingestPosts(sources: readonly PostSource[], reference: ReferenceData): GraphData {
  const context = createIngestContext(reference);
  const parsed: ParsedPost[] = [...sources].sort((a, b) => a.file.localeCompare(b.file)).map((source) => parsePost(source.file, source.text, context));
  return resolveGraphData(parsed, reference);
}
