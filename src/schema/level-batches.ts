import { GraphQLError, type GraphQLResolveInfo, getNamedType, isAbstractType } from 'graphql';
import type { EntityKind, KnowledgeGraph } from '../graph/knowledge-graph.ts';

/** What a batched field is: which entity its ids name (if any), how deep its lists go, what it runs first. */
export interface FieldSite {
  /** The entity kind the field's resolver may answer with ids of (Talk → 'talk'); null when it returns objects only. */
  kind: EntityKind | null;
  /** List depth of the field's type: 0 for `event`, 1 for `speakers`. */
  listDepth: number;
  /** Runs once per batch, before the resolver, with every parent of the batch (one store call for them all). */
  prefetch?: (parents: readonly object[], ctx: never) => void;
}

type Resolver = (parent: object, args: object, ctx: never, info: GraphQLResolveInfo) => unknown;

/** A resolver's throw, kept for the one parent it belongs to. */
class Failure {
  readonly error: unknown;
  constructor(error: unknown) {
    this.error = error;
  }
}

/**
 * Per-request, level-by-level batching of the fields that return objects, without a promise per item.
 *
 * A field at one place of the query (one `info.fieldNodes`: the same for every parent at that place)
 * is resolved, on its first call, for every parent produced so far at the place above it (the same
 * response path, list indices aside, and the same type): the objects the level above produced
 * together. Ids the resolvers answer with are turned into objects by one `graph.getMany` for the
 * whole batch, and the objects produced are recorded under the field's own place for the level
 * below. Every later call at that place reads its answer synchronously. So the store sees one call
 * per field and level, as with DataLoader, but graphql-js (or graphql-jit) never waits on a promise;
 * and a batch holds only parents that this very field is asked for.
 */
export class LevelBatches {
  /** Per place in the query (info.fieldNodes): each parent's answer, or the Failure it threw. */
  private readonly sites = new Map<unknown, Map<object, unknown>>();
  /** Objects produced per place: response path without list indices, and GraphQL type ("talks.nodes:Talk"). */
  private readonly produced = new Map<string, Set<object>>();
  private readonly graph: KnowledgeGraph;

  constructor(graph: KnowledgeGraph) {
    this.graph = graph;
  }

  /** The answer of one field for one parent: read from its batch, which runs on the first call at that place. */
  resolve(site: FieldSite, resolver: Resolver, parent: object, args: object, ctx: never, info: GraphQLResolveInfo): unknown {
    let answers = this.sites.get(info.fieldNodes);
    if (answers === undefined) this.sites.set(info.fieldNodes, (answers = new Map()));
    let answer = answers.get(parent);
    if (answer === undefined && !answers.has(parent)) {
      this.runBatch(answers, site, resolver, parent, args, ctx, info);
      answer = answers.get(parent);
    }
    if (answer instanceof Failure) throw answer.error;
    return answer;
  }

  private runBatch(
    answers: Map<object, unknown>,
    site: FieldSite,
    resolver: Resolver,
    parent: object,
    args: object,
    ctx: never,
    info: GraphQLResolveInfo,
  ): void {
    const siblings = this.produced.get(`${placeOf(info.path.prev)}:${info.parentType.name}`);
    const parents = siblings?.has(parent) ? [...siblings].filter((p) => !answers.has(p)) : [parent];
    site.prefetch?.(parents, ctx);
    const values = parents.map((p) => {
      try {
        return resolver(p, args, ctx, info);
      } catch (error) {
        return new Failure(error);
      }
    });
    if (site.kind) this.loadIds(site.kind, site.listDepth, values);
    const setOf = this.producedAt(placeOf(info.path), info, ctx);
    parents.forEach((p, i) => {
      answers.set(p, values[i]);
      this.record(values[i], site.listDepth, setOf);
    });
  }
  /** Replaces the ids in `values` (at `depth` lists deep) with their objects, all looked up in one call. */
  private loadIds(kind: EntityKind, depth: number, values: unknown[]): void {
    const ids = new Set<string>();
    const collect = (value: unknown, d: number): void => {
      if (typeof value === 'string') ids.add(value);
      else if (d > 0 && Array.isArray(value)) for (const item of value) collect(item, d - 1);
    };
    for (const value of values) collect(value, depth);
    if (ids.size === 0) return;
    const list = [...ids];
    const byId = new Map<string, unknown>();
    const entities = this.graph.getMany(kind, list);
    list.forEach((id, i) => {
      byId.set(id, entities[i] ?? new GraphQLError(`No ${kind} with id "${id}".`, { extensions: { code: 'NOT_FOUND' } }));
    });
    const replace = (value: unknown, d: number): unknown => {
      if (typeof value === 'string') return byId.get(value);
      if (d > 0 && Array.isArray(value)) return value.map((item) => replace(item, d - 1));
      return value;
    };
    for (let i = 0; i < values.length; i++) values[i] = replace(values[i], depth);
  }

  /** Where the objects a field produces at `place` are recorded: one set per GraphQL type (a union's or interface's objects by the type they resolve to). */
  private producedAt(place: string, info: GraphQLResolveInfo, ctx: never): (value: object) => Set<object> | null {
    const setFor = (type: string) => {
      let objects = this.produced.get(`${place}:${type}`);
      if (!objects) this.produced.set(`${place}:${type}`, (objects = new Set()));
      return objects;
    };
    const named = getNamedType(info.returnType);
    if (!isAbstractType(named)) {
      const objects = setFor(named.name);
      return () => objects;
    }
    return (value) => {
      const type = named.resolveType?.(value, ctx, info, named);
      return typeof type === 'string' ? setFor(type) : null;
    };
  }

  /** Records the objects of one answer as produced at their place, for the level below to batch over. */
  private record(value: unknown, depth: number, setOf: (value: object) => Set<object> | null): void {
    if (value === null || typeof value !== 'object' || value instanceof Failure || value instanceof Error || 'then' in value) return;
    if (depth > 0) {
      if (Array.isArray(value)) for (const item of value) this.record(item, depth - 1, setOf);
      return;
    }
    setOf(value)?.add(value);
  }
}

/** A response path without its list indices: "talks.nodes.speakers". */
function placeOf(path: GraphQLResolveInfo['path'] | undefined): string {
  let place = '';
  for (let p = path; p; p = p.prev) if (typeof p.key === 'string') place = place ? `${p.key}.${place}` : p.key;
  return place;
}
