import type { ReferenceData } from '../domain/types.ts';
import { foldKey } from '../domain/text.ts';
import { createEventMatcher } from './event-matcher.ts';
import type { IngestContext } from './parse-post.ts';
import { createTopicTagger } from './tag-topics.ts';

/** What parsing a post needs of the reference data: the event matcher, the speaker grammar's organizations, the topic tagger. */
export function createIngestContext(reference: ReferenceData): IngestContext {
  const organizationKeys = new Set(reference.organizations.flatMap((o) => [o.name, ...o.aliases]).map(foldKey));
  return {
    events: createEventMatcher(reference.events),
    grammar: { isKnownOrganization: (text) => organizationKeys.has(foldKey(text)) },
    tagTopics: createTopicTagger(reference.topics),
  };
}
