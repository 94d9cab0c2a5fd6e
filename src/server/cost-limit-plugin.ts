import { createComplexityRule } from '@pothos/plugin-complexity';
import { validate, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LIMIT_CODES, limitError } from './limit-error.ts';

/** Answered like a validation error: 400 for application/graphql-response+json, 200 for legacy JSON. */
const VALIDATION_HTTP = { status: 400, spec: true };

/**
 * Refuses operations whose estimated cost exceeds `maxCost`, before any resolver runs. The estimate
 * is the Pothos complexity plugin's, with the field costs of src/schema/field-complexity.ts
 * (connections weigh their page size, also when it comes from a variable). It runs at the start of
 * execution rather than in validation: validation results are cached per document, but the cost
 * depends on the variables of each request. The document has passed validation by then.
 */
export function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let rejection: GraphQLError | null = null;
      const rule = createComplexityRule({
        context: args.contextValue as object,
        variableValues: (args.variableValues as Record<string, unknown> | null | undefined) ?? {},
        operationName: args.operationName ?? null,
        validate: ({ complexity }) => {
          if (complexity > maxCost)
            rejection ??= limitError(LIMIT_CODES.cost, `Query cost limit of ${maxCost} exceeded, found ${complexity}.`, maxCost, VALIDATION_HTTP);
        },
      });
      try {
        // Errors other than ours (bad variables, unknown operation name) are left to execution,
        // which reports them with the status codes the GraphQL-over-HTTP spec asks for.
        validate(args.schema, args.document, [rule]);
      } catch {
        rejection = limitError(LIMIT_CODES.cost, `Query cost could not be estimated (limit ${maxCost}).`, maxCost, VALIDATION_HTTP);
      }
      if (rejection) setResultAndStopExecution({ errors: [rejection] });
    },
  };
}
