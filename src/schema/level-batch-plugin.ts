import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import type { EntityKind } from '../graph/knowledge-graph.ts';
import type { LevelBatches, FieldSite } from './level-batches.ts';

/** GraphQL types whose fields may answer with ids, and the entity kind of those ids. */
const ENTITY_KINDS: Record<string, EntityKind> = {
  Talk: 'talk',
  Speaker: 'speaker',
  Organization: 'organization',
  Topic: 'topic',
  Event: 'event',
  Post: 'post',
};

/** Field extension: runs once per batch with all its parents, before the resolver (see FieldSite.prefetch). */
export const LEVEL_PREFETCH = 'levelPrefetch';

/**
 * Pothos plugin: every field of an object type or of Query whose type is an object, union or
 * interface is resolved through the request's LevelBatches (`ctx.levels`): one batch per level, no
 * promise per item. It is the outermost plugin. Fields of object types call their own resolver (the
 * dataloader plugin's wrapper has nothing left to load: ids become objects in the batch; the
 * complexity plugin wraps root fields only); root fields keep every inner wrapper. With no
 * `ctx.levels` the field runs as without this plugin: ids go through the loadable refs' DataLoaders.
 */
export class LevelBatchPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types['Context'], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    if (fieldConfig.kind !== 'Object' && fieldConfig.kind !== 'Query') return resolver;
    let listDepth = 0;
    let type = fieldConfig.type;
    while (type.kind === 'List') {
      listDepth++;
      type = type.type;
    }
    if (type.kind !== 'Object' && type.kind !== 'Union' && type.kind !== 'Interface') return resolver;
    const name = this.buildCache.getTypeConfig(type.ref).name;
    const site: FieldSite = {
      kind: ENTITY_KINDS[name] ?? null,
      listDepth,
      prefetch: fieldConfig.extensions?.[LEVEL_PREFETCH] as FieldSite['prefetch'],
    };
    const run = (fieldConfig.kind === 'Object' ? (fieldConfig.resolve ?? defaultFieldResolver) : resolver) as Parameters<LevelBatches['resolve']>[1];
    return (parent: unknown, args: object, ctx: Types['Context'], info: GraphQLResolveInfo) => {
      const levels = (ctx as { levels?: LevelBatches | null }).levels;
      return levels ? levels.resolve(site, run, parent as object, args, ctx as never, info) : resolver(parent, args, ctx, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      levelBatch: LevelBatchPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('levelBatch', LevelBatchPlugin);
