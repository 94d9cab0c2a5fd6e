import { GraphQLError } from 'graphql';
import { Repeater } from 'graphql-yoga';
import { builder } from './builder.ts';

builder.subscriptionType({
  description: 'Live updates, over server-sent events: POST /graphql with `Accept: text/event-stream`.',
});

/**
 * `subscription { graphVersion }`: the version of the graph being served, once when subscribed and
 * again each time a reload swaps in a new graph (`npm start -- --watch`). The dashboard refreshes
 * what it shows when the version changes.
 */
builder.subscriptionField('graphVersion', (t) =>
  t.string({
    description:
      'The version of the graph being served (as `ingestReport.graphVersion`): sent once when subscribed, then each time a reload swaps in a new graph (`npm start -- --watch`).',
    subscribe: (_root, _args, ctx) => {
      const graphs = ctx.graphs;
      if (!graphs) throw new GraphQLError('Live updates need the server.', { extensions: { code: 'NOT_AVAILABLE' } });
      return new Repeater<string>(async (push, stop) => {
        await push(ctx.graph.version);
        const unsubscribe = graphs.onSwap((graph) => void push(graph.version));
        await stop;
        unsubscribe();
      });
    },
    resolve: (version) => version,
  }),
);
