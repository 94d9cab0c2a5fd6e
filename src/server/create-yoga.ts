import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphQLSchema } from 'graphql';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { createContext, type GraphContext } from '../schema/context.ts';
import { EXAMPLE_QUERIES } from './example-queries.ts';

export interface YogaOptions {
  schema: GraphQLSchema;
  graphs: GraphHolder;
  /** Serve GraphiQL on GET /graphql from a browser. Default true. */
  graphiql?: boolean;
}

export type TalkGraphYoga = YogaServerInstance<Record<string, unknown>, GraphContext>;

/**
 * The Yoga instance: schema, per-request context (one graph per request), GraphiQL served from
 * the package (no CDN), `/health` (alive) and `/ready` (graph loaded). No listener here.
 */
export function createTalkGraphYoga(options: YogaOptions): TalkGraphYoga {
  return createYoga<Record<string, unknown>, GraphContext>({
    schema: options.schema,
    context: () => createContext(options.graphs.current()),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    maskedErrors: true,
    graphiql:
      options.graphiql === false
        ? false
        : {
            title: 'Talk Graph',
            defaultQuery: EXAMPLE_QUERIES[0]!.query,
            defaultTabs: EXAMPLE_QUERIES.map((q) => ({ query: q.query })),
          },
    renderGraphiQL,
    plugins: [useReadinessCheck({ endpoint: '/ready', check: () => options.graphs.ready })],
  });
}
