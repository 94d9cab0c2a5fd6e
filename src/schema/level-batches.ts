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
 * The answers given at one place of the query (response path without list indices), kept as given:
 * the objects in them are only listed, by type, when a field below asks for its batch.
 */
class Place {
  private readonly answers: unknown[] = [];
  private readonly depth: number;
  private readonly typeOf: (value: object) => string | null;
  private readonly byType = new Map<string, { objects: Set<object>; upTo: number }>();

  constructor(depth: number, typeOf: (value: object) => string | null) {
    this.depth = depth;
    this.typeOf = typeOf;
  }

  /** Keeps an answer; a promise (a root field's DataLoader) is replaced by its value before graphql-js sees that value. */
  add(answer: unknown): void {
    const index = this.answers.push(answer) - 1;
    if (answer !== null && typeof answer === 'object' && 'then' in answer && typeof answer.then === 'function') {
      (answer as PromiseLike<unknown>).then(
        (value) => {
          this.answers[index] = value;
        },
        () => {},
      );
    }
  }

  /** Every object of this type produced here so far, in order, each once. */
  objectsOf(type: string): Set<object> {
    let entry = this.byType.get(type);
    if (!entry) this.byType.set(type, (entry = { objects: new Set(), upTo: 0 }));
    const { objects } = entry;
    const collect = (value: unknown, depth: number): void => {
      if (value === null || typeof value !== 'object' || value instanceof Failure || value instanceof Error || 'then' in value) return;
      if (depth > 0) {
        if (Array.isArray(value)) for (const item of value) collect(item, depth - 1);
      } else if (this.typeOf(value) === type) objects.add(value);
    };
    for (; entry.upTo < this.answers.length; entry.upTo++) collect(this.answers[entry.upTo], this.depth);
    return objects;
  }
}

/**
 * Per-request, level-by-level batching of the fields that return objects, without a promise per item.
 *
 * A field at one place of the query (one `info.fieldNodes`: the same for every parent at that place)
 * is resolved, on its first call, for every parent produced so far at the place above it (the same
 * response path, list indices aside, and the same type): the objects the level above produced
 * together. Ids the resolvers answer with are turned into objects by one `graph.getMany` for the
 * whole batch, and the answers are kept under the field's own place for the level below. Every later
 * call at that place reads its answer synchronously. So the store sees one call per field and level,
 * as with DataLoader, but graphql-js (or graphql-jit) never waits on a promise; and a batch holds
 * only parents that this very field is asked for.
 */
export class LevelBatches {
  /** Per place in the query (info.fieldNodes): each parent's answer, or the Failure it threw. */
  private readonly sites = new Map<unknown, Map<object, unknown>>();
  /** The answers given per place ("talks.nodes"). */
  private readonly places = new Map<string, Place>();
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
    const siblings = this.places.get(placeOf(info.path.prev))?.objectsOf(info.parentType.name);
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
    const key = placeOf(info.path);
    let place = this.places.get(key);
    if (!place) this.places.set(key, (place = new Place(site.listDepth, typeResolver(info, ctx))));
    for (let i = 0; i < values.length; i++) {
      answers.set(parents[i] as object, values[i]);
      place.add(values[i]);
    }
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
}

/** A response path without its list indices: "talks.nodes.speakers". */
function placeOf(path: GraphQLResolveInfo['path'] | undefined): string {
  let place = '';
  for (let p = path; p; p = p.prev) if (typeof p.key === 'string') place = place ? `${p.key}.${place}` : p.key;
  return place;
}

/** The GraphQL type of a field's objects: its own type, or for a union or interface the type each resolves to. */
function typeResolver(info: GraphQLResolveInfo, ctx: never): (value: object) => string | null {
  const named = getNamedType(info.returnType);
  if (!isAbstractType(named)) return () => named.name;
  return (value) => {
    const type = named.resolveType?.(value, ctx, info, named);
    return typeof type === 'string' ? type : null;
  };
}
