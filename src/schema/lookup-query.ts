import type { ObjectRef } from '@pothos/core';
import { builder } from './builder.ts';

type NamedKind = 'speaker' | 'organization' | 'topic' | 'event';

/**
 * Adds `Query.<kind>(slug:)`: one object found by slug, name or alias (case and accents ignored),
 * null when nothing matches. It returns the object itself (one lookup, no loader promise to wait for).
 */
// biome-ignore lint/suspicious/noExplicitAny: Pothos object refs of every shape are passed here
export function addLookupQuery(kind: NamedKind, ref: ObjectRef<any, any>, description: string, argDescription: string): void {
  builder.queryField(kind, (t) =>
    t.field({
      type: ref,
      nullable: true,
      description,
      args: { slug: t.arg.string({ required: true, description: argDescription }) },
      resolve: (_root, args, ctx) => {
        const id = ctx.graph.resolveName(kind, args.slug);
        return id === null ? null : ((ctx.graph.entity(kind, id) ?? null) as never);
      },
    }),
  );
}
