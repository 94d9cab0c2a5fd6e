import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import './level-batch-plugin.ts';
import RelayPlugin from '@pothos/plugin-relay';
import type { GraphContext } from './context.ts';
import { fieldComplexity } from './field-complexity.ts';

/** The Pothos builder. It defines no types: each type lives in its own file. */
export const builder = new SchemaBuilder<{
  Context: GraphContext;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    LocalDate: { Input: string; Output: string };
    LocalTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  // levelBatch first: it wraps every other plugin's resolvers (see level-batch-plugin.ts).
  plugins: ['levelBatch', RelayPlugin, DataloaderPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  // Field costs for the query cost limit; the limit itself is checked in src/server/cost-limit-plugin.ts.
  complexity: { fieldComplexity },
  relay: {
    cursorType: 'String',
    nodesOnConnection: { description: 'The nodes of this page, in order (shortcut for edges { node }).' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay cursor connections).' },
    nodeTypeOptions: { description: 'An object with a global id that `node(id:)` can fetch again.' },
    idFieldOptions: { description: 'Global id (opaque); pass it to `node(id:)` to fetch this object again.' },
    nodeQueryOptions: {
      description: 'Fetches any object by its global id (as handed out in `id` fields); null when there is none.',
      nullable: true,
      args: { id: { description: 'A global id from an `id` field.' } },
    } as never,
    nodesQueryOptions: {
      description: 'Fetches several objects by global id; unknown ids give null.',
      args: { ids: { description: 'Global ids from `id` fields.' } },
    } as never,
    cursorFieldOptions: { description: 'Opaque cursor of this edge, for `after`/`before`.' },
    nodeFieldOptions: { description: 'The object at this edge.' },
    edgesFieldOptions: { description: 'The edges of this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'True when items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first edge of this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last edge of this page; pass it as `after` for the next page.' },
    firstArgOptions: { description: 'Page size from the start (or after `after`): default 50, at most 500.' },
    lastArgOptions: { description: 'Page size from the end (or before `before`), at most 500.' },
    afterArgOptions: { description: 'Return items after this cursor.' },
    beforeArgOptions: { description: 'Return items before this cursor.' },
    defaultEdgeTypeOptions: { description: 'An item of a list, with its cursor.' },
    defaultConnectionTypeOptions: { description: 'A page of a list.' },
  },
});

builder.queryType({ description: 'Entry points into the talk graph.' });
