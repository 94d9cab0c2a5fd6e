import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import type { GraphContext } from './context.ts';

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
  plugins: [RelayPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  relay: {
    cursorType: 'String',
    nodesOnConnection: { description: 'The nodes of this page, in order (shortcut for edges { node }).' },
    nodeQueryOptions: { description: 'Fetches any object by its global id (as handed out in `id` fields).', nullable: true },
    nodesQueryOptions: { description: 'Fetches several objects by global id; unknown ids give null.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay cursor connections).' },
    nodeTypeOptions: { description: 'An object with a global id that `node(id:)` can fetch again.' },
  },
});

builder.queryType({ description: 'Entry points into the talk graph.' });
