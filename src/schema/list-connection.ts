import type { ObjectRef } from '@pothos/core';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import { builder } from './builder.ts';
import { paginate, type PageArgs } from './paginate.ts';

/** Shape behind a plain (unfiltered) connection: the page plus the list's size. */
export function pageOf<T extends { id: string }>(items: readonly T[], args: PageArgs) {
  return { ...paginate(items, args, (item) => item.id), totalCount: items.length };
}

/** A named connection type with `totalCount`, for lists of speakers, organizations, topics, events and posts. */
// biome-ignore lint/suspicious/noExplicitAny: Pothos object refs of every shape are passed here
export function namedConnection(ref: ObjectRef<any, any>, name: string, noun: string) {
  return builder.connectionObject({
    type: ref,
    name,
    description: `A page of ${noun}, with the size of the whole list.`,
    fields: (t) => ({
      totalCount: t.int({
        description: `Number of ${noun} in the list, across all pages.`,
        resolve: (c) => (c as unknown as { totalCount: number }).totalCount,
      }),
    }),
  });
}

/**
 * Part of a whole-graph list (an organization's speakers, the speakers a search keeps) in the whole
 * list's order by name: each item's place in `whole` is worked out once per graph, so a request sorts
 * by numbers instead of comparing names with the collator (which cost a tenth of a deep query).
 */
export function byNameWithin<T extends { id: string; name: string }>(items: readonly T[], whole: readonly T[]): readonly T[] {
  let places = placesByName.get(whole);
  if (!places) placesByName.set(whole, (places = new Map(sortedOnce(whole, compareByName).map((item, i) => [item.id, i]))));
  const placeOf = places;
  return [...items].sort((a, b) => (placeOf.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (placeOf.get(b.id) ?? Number.MAX_SAFE_INTEGER) || compareByName(a, b));
}

const placesByName = new WeakMap<readonly unknown[], Map<string, number>>();

/** Orders by name, case- and accent-insensitively, then id, so pages are stable. */
export function compareByName(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}

const sortedLists = new WeakMap<readonly unknown[], Map<unknown, readonly unknown[]>>();

/**
 * A sorted copy of a list, made once per list and order. The graph's lists never change, so the
 * whole-graph lists (all speakers, all events …) are sorted on the first request only.
 */
export function sortedOnce<T>(items: readonly T[], compare: (a: T, b: T) => number): readonly T[] {
  let byOrder = sortedLists.get(items);
  if (!byOrder) sortedLists.set(items, (byOrder = new Map()));
  let sorted = byOrder.get(compare) as readonly T[] | undefined;
  if (!sorted) byOrder.set(compare, (sorted = [...items].sort(compare)));
  return sorted;
}

/**
 * Adds `Query.<name>`: a whole-graph list as a connection, in a fixed order (sorted once per graph).
 */
export function addListQuery<T extends { id: string }>(
  name: string,
  // biome-ignore lint/suspicious/noExplicitAny: Pothos object refs of every shape are passed here
  ref: ObjectRef<any, any>,
  // biome-ignore lint/suspicious/noExplicitAny: Pothos object refs of every shape are passed here
  connection: any,
  description: string,
  items: (graph: KnowledgeGraph) => readonly T[],
  compare: (a: T, b: T) => number,
): void {
  builder.queryField(name, (t) =>
    t.connection({ type: ref, description, resolve: (_root, args, ctx) => pageOf(sortedOnce(items(ctx.graph), compare), args) }, connection),
  );
}
