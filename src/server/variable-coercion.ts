import { getVariableValues, type GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

export type Coercion = { coerced: Record<string, unknown>; errors?: undefined } | { coerced?: undefined; errors: readonly GraphQLError[] };

/** Per variables object (one per request): per operation, the schema it was coerced against and the outcome. */
const coercions = new WeakMap<object, Map<OperationDefinitionNode, { schema: GraphQLSchema; result: Coercion }>>();

/**
 * graphql-js' getVariableValues for one request's variables, computed once for the plugins that
 * ask (the cost limit and the compiled execution path; Pothos' estimate and graphql-js' own
 * execution still coerce on their own). Keyed by the identity
 * of the variables object Yoga hands to execution, the operation node and the schema; the entry
 * goes when the request's variables object does.
 */
export function coerceVariables(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown>): Coercion {
  let byOperation = coercions.get(inputs);
  const known = byOperation?.get(operation);
  if (known && known.schema === schema) return known.result;
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], inputs) as Coercion;
  if (!byOperation) coercions.set(inputs, (byOperation = new Map()));
  byOperation.set(operation, { schema, result });
  return result;
}
