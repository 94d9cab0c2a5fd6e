import { GraphQLError } from 'graphql';
import type { Event, Organization, Post, Speaker, Talk, Topic } from '../domain/types.ts';
import type { EntityKind } from '../graph/knowledge-graph.ts';
import { builder } from './builder.ts';
import type { GraphContext } from './context.ts';

/**
 * The object refs, declared once so the type files can point at each other without import cycles.
 * Each ref batches its loads through a per-request DataLoader; a missing id loads as an error
 * (surfaced as null by `node(id:)`).
 */
function loadBatch<T>(kind: EntityKind) {
  return async (ids: string[], ctx: GraphContext): Promise<Array<T | Error>> =>
    ctx.graph
      .getMany(kind, ids)
      .map((entity, i) => (entity as T | undefined) ?? new GraphQLError(`No ${kind} with id "${ids[i]}".`, { extensions: { code: 'NOT_FOUND' } }));
}

const nodeId = { id: { resolve: (entity: { id: string }) => entity.id } };

export const TalkRef = builder.loadableNodeRef<Talk, string>('Talk', { ...nodeId, load: loadBatch<Talk>('talk') });
export const SpeakerRef = builder.loadableNodeRef<Speaker, string>('Speaker', { ...nodeId, load: loadBatch<Speaker>('speaker') });
export const OrganizationRef = builder.loadableNodeRef<Organization, string>('Organization', { ...nodeId, load: loadBatch<Organization>('organization') });
export const TopicRef = builder.loadableNodeRef<Topic, string>('Topic', { ...nodeId, load: loadBatch<Topic>('topic') });
export const EventRef = builder.loadableNodeRef<Event, string>('Event', { ...nodeId, load: loadBatch<Event>('event') });
export const PostRef = builder.loadableNodeRef<Post, string>('Post', { ...nodeId, load: loadBatch<Post>('post') });
