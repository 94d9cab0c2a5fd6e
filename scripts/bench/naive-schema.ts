import {
  GraphQLError,
  type GraphQLObjectType,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { EntityKind, KnowledgeGraph } from '../../src/graph/knowledge-graph.ts';
import { builder } from '../../src/schema/builder.ts';
import '../../src/schema/index.ts';
import type { GraphContext, RelationLoaders, RelationName } from '../../src/schema/context.ts';

const LOADABLE: Record<string, EntityKind> = { Talk: 'talk', Speaker: 'speaker', Organization: 'organization', Topic: 'topic', Event: 'event', Post: 'post' };

const RELATION_KIND: Record<RelationName, EntityKind> = {
  talksOfSpeaker: 'speaker',
  talksOfOrganization: 'organization',
  talksOfTopic: 'topic',
  talksOfEvent: 'event',
  talksOfPost: 'post',
};

function listDepthOf(type: GraphQLOutputType): number {
  let depth = 0;
  for (let t = getNullableType(type); isListType(t); t = getNullableType(t.ofType)) depth++;
  return depth;
}

/** Looks one id up on its own — the N+1 pattern a DataLoader would batch. */
function lookUp(graph: KnowledgeGraph, kind: EntityKind, value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return value;
  if (depth > 0) return (value as unknown[]).map((item) => lookUp(graph, kind, item, depth - 1));
  if (typeof value !== 'string') return value;
  return graph.entity(kind, value) ?? new GraphQLError(`No ${kind} with id "${value}".`, { extensions: { code: 'NOT_FOUND' } });
}

/** Relation "loaders" that answer each owner on its own, with neither batching nor caching. */
function naiveRelations(graph: KnowledgeGraph): RelationLoaders {
  const loaders = {} as Record<RelationName, unknown>;
  for (const [relation, kind] of Object.entries(RELATION_KIND) as Array<[RelationName, EntityKind]>) {
    const one = (id: string): readonly string[] => {
      const entity = graph.entity(kind, id);
      return entity && 'talkIds' in entity ? entity.talkIds : [];
    };
    loaders[relation] = { prime: () => {}, loadMany: (ids: readonly string[]) => ids.map(one) };
  }
  return loaders as RelationLoaders;
}

/**
 * The real schema rebuilt (a fresh copy from the same Pothos builder; the served schema is not
 * touched) with every DataLoader bypassed: fields that return Talk, Speaker, Organization, Topic,
 * Event or Post look each id up on their own, the per-request relation loaders are replaced by
 * per-owner lookups, and the level batching is off (`ctx.levels` null: every field resolves parent by
 * parent). For the benchmark's "naive resolvers" variant only.
 */
export function buildNaiveSchema(): GraphQLSchema {
  const schema = builder.toSchema();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const kind = LOADABLE[getNamedType(field.type).name];
      const original = field.extensions?.pothosOriginalResolve as GraphQLFieldResolver<unknown, GraphContext> | undefined;
      if (kind && original && field.extensions?.pothosResolveWrapped && ((field.extensions.pothosArgMappers as unknown[] | undefined)?.length ?? 0) === 0) {
        const depth = listDepthOf(field.type);
        field.resolve = (parent, args, ctx: GraphContext, info) => {
          const raw = original(parent, args, ctx, info);
          return raw instanceof Promise ? raw.then((value) => lookUp(ctx.graph, kind, value, depth)) : lookUp(ctx.graph, kind, raw, depth);
        };
      }
    }
  }
  const query = schema.getQueryType() as GraphQLObjectType;
  for (const field of Object.values(query.getFields())) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = (parent, args, ctx: GraphContext & { naive?: true }, info) => {
      if (!ctx.naive) {
        ctx.relations = naiveRelations(ctx.graph);
        ctx.levels = null;
        ctx.naive = true;
      }
      return resolve(parent, args, ctx, info);
    };
  }
  return schema;
}
