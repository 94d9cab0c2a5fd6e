import { PothosValidationError } from '@pothos/core';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { Kind, type DocumentNode, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { costUpperBound } from './cost-bound.ts';
import { LIMIT_CODES, limitError } from './limit-error.ts';
import { coerceVariables } from './variable-coercion.ts';

/** Answered like a validation error: 400 for application/graphql-response+json, 200 for legacy JSON. */
const VALIDATION_HTTP = { status: 400, spec: true };

/** Thrown when an estimate cannot be made (answered as "could not be estimated"). */
class CostUnknown extends Error {}

/** One operation with the document's fragments: what Pothos' complexityFromQuery estimates. Built once per parsed operation. */
const operationDocuments = new WeakMap<OperationDefinitionNode, DocumentNode>();

function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  let single = operationDocuments.get(operation);
  if (!single) {
    single = { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
    operationDocuments.set(operation, single);
  }
  return single;
}

/**
 * The estimated cost of each operation of `document` that would run (the one named `operationName`,
 * or every operation when no name is given), in document order; null for an operation that cannot
 * be estimated for a reason execution reports itself (variables that do not coerce, a selection
 * the estimator does not know). An empty list when no operation has that name. Throws CostUnknown
 * on any other failure.
 *
 * This is what the Pothos complexity validation rule (createComplexityRule) computes, without a
 * pass of graphql-js' validate(): the rule only looks at operation definitions, so walking the
 * whole document with a TypeInfo (most of its cost) bought nothing.
 */
export function estimateCosts(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableValues: Record<string, unknown>,
  operationName: string | null,
  context: object,
): Array<number | null> {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName != null && !operations.some((op) => op.name?.value === operationName)) return [];
  const costs: Array<number | null> = [];
  for (const operation of operations) {
    if (operationName != null && operation.name?.value !== operationName) continue;
    if (!schema.getRootType(operation.operation)) throw new CostUnknown(`no root type for ${operation.operation}`);
    // complexityFromQuery throws the first coercion error; coerce first to tell those apart from other GraphQL errors.
    if (coerceVariables(schema, operation, variableValues).errors) {
      costs.push(null);
      continue;
    }
    try {
      costs.push(complexityFromQuery(operationDocument(document, operation), { schema, variables: variableValues, ctx: context }).complexity);
    } catch (error) {
      if (!(error instanceof PothosValidationError)) throw error;
      costs.push(null);
    }
  }
  return costs;
}

/** Per operation node and schema: the most its variables can make it cost (costUpperBound). */
const bounds = new WeakMap<OperationDefinitionNode, { schema: GraphQLSchema; bound: number }>();

function boundOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const known = bounds.get(operation);
  if (known && known.schema === schema) return known.bound;
  const bound = costUpperBound(schema, document, operation);
  bounds.set(operation, { schema, bound });
  return bound;
}

/**
 * The refusal of an operation whose estimated cost exceeds `maxCost`, or null when it may run.
 * Errors other than ours (bad variables, unknown operation name) are left to execution, which
 * reports them with the status codes the GraphQL-over-HTTP spec asks for. The per-request estimate
 * is skipped when the document's bound over all variables (computed once per parsed operation)
 * is within the limit: the usual case, since connections never count more than their largest page.
 */
export function costRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  variableValues: Record<string, unknown>,
  operationName: string | null,
  context: object,
  maxCost: number,
  useBound = true,
): GraphQLError | null {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName == null || d.name?.value === operationName),
  );
  if (useBound && operations.length > 0 && operations.every((operation) => boundOf(schema, document, operation) <= maxCost)) return null;
  try {
    const over = estimateCosts(schema, document, variableValues, operationName, context).find((cost) => cost !== null && cost > maxCost);
    return over == null ? null : limitError(LIMIT_CODES.cost, `Query cost limit of ${maxCost} exceeded, found ${over}.`, maxCost, VALIDATION_HTTP);
  } catch {
    return limitError(LIMIT_CODES.cost, `Query cost could not be estimated (limit ${maxCost}).`, maxCost, VALIDATION_HTTP);
  }
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost`, before any resolver runs. The estimate
 * is the Pothos complexity plugin's, with the field costs of src/schema/field-complexity.ts
 * (connections weigh their page size, also when it comes from a variable). It runs at the start of
 * execution rather than in validation: validation results are cached per document, but the cost
 * depends on the variables of each request. The document has passed validation by then.
 * `useBound: false` (OPTIMIZATIONS=off) estimates every request, without the per-document bound.
 */
export function useCostLimit(maxCost: number, useBound = true): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const variables = (args.variableValues as Record<string, unknown> | null | undefined) ?? {};
      const rejection = costRefusal(args.schema, args.document, variables, args.operationName ?? null, args.contextValue as object, maxCost, useBound);
      if (rejection) setResultAndStopExecution({ errors: [rejection] });
    },
  };
}
