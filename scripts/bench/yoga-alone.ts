import { createYoga } from 'graphql-yoga';
import type { GraphHolder } from '../../src/graph/graph-holder.ts';
import { createContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';

/** Yoga's options that cost work on every request but are not part of answering (its default body limit streams every body a second time). */
export const CHEAPEST_YOGA = { logging: false, landingPage: false, graphiql: false, cors: false, maxRequestBodySize: false } as const;

/** The project's schema and context served by Yoga alone, configured its cheapest way, with none of the project's plugins (bench (k), (l)). */
export function createYogaAlone(graphs: GraphHolder) {
  return createYoga({ ...CHEAPEST_YOGA, schema, context: () => createContext(graphs.current(), graphs) });
}
