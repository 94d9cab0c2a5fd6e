import {
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ANY_VALUE } from '../schema/field-complexity.ts';

/** The complexity plugin's defaults for a field without a cost rule (@pothos/plugin-complexity). */
const DEFAULT_FIELD_COST = 1;
const DEFAULT_LIST_MULTIPLIER = 10;

type CostRule =
  | number
  | { field?: number; multiplier?: number }
  | ((args: Record<string, unknown>, ctx: object, field: GraphQLField<unknown, object>) => { field?: number; multiplier?: number } | number);

/** A field's arguments as written, with every value that depends on a variable as ANY_VALUE. */
function writtenArguments(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const definition of field.args) {
    const written = node.arguments?.find((argument) => argument.name.value === definition.name);
    if (!written) {
      if (definition.defaultValue !== undefined) args[definition.name] = definition.defaultValue;
      continue;
    }
    // valueFromAST answers undefined for a literal that holds a variable (no variables are given).
    const literal = written.value.kind === Kind.VARIABLE ? undefined : valueFromAST(written.value, definition.type, {});
    args[definition.name] = literal === undefined ? ANY_VALUE : literal;
  }
  return args;
}

function isList(type: unknown): boolean {
  return isListType(type) || (isNonNullType(type) && isList(type.ofType));
}

/**
 * The largest cost Pothos' complexityFromQuery can give `operation` whatever its variables hold: the
 * same walk (each field its rule's cost plus its sub-selection times its multiplier; fragments at
 * their type condition; @skip/@include not looked at), with the arguments that come from variables
 * as ANY_VALUE, for which the rules of field-complexity.ts answer their largest multiplier. Every
 * multiplier only grows with its arguments, so no set of variables costs more. Infinity when no
 * bound holds (a variable list of ids) or the operation has no root type.
 */
export function costUpperBound(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return Number.POSITIVE_INFINITY;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const active = new Set<SelectionSetNode>();
  // Per selection set and type, as Pothos keeps them: a fragment spread many times over is walked once.
  const known = new Map<SelectionSetNode, Map<GraphQLNamedType, number>>();

  function selectionSetCost(selectionSet: SelectionSetNode, type: GraphQLNamedType): number {
    const seen = known.get(selectionSet)?.get(type);
    if (seen !== undefined) return seen;
    // A fragment that spreads itself is refused by validation; never loop on one that was not validated.
    if (active.has(selectionSet)) return Number.POSITIVE_INFINITY;
    active.add(selectionSet);
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, type);
      else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments.get(selection.name.value) : selection;
        if (!fragment) return Number.POSITIVE_INFINITY;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (!condition) return Number.POSITIVE_INFINITY;
        cost += selectionSetCost(fragment.selectionSet, condition);
      }
    }
    active.delete(selectionSet);
    let byType = known.get(selectionSet);
    if (!byType) known.set(selectionSet, (byType = new Map()));
    byType.set(type, cost);
    return cost;
  }

  function fieldCost(node: FieldNode, type: GraphQLNamedType): number {
    const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[node.name.value] : undefined;
    if (!field) return node.name.value.startsWith('__') ? DEFAULT_FIELD_COST : Number.POSITIVE_INFINITY;
    let rule = field.extensions?.complexity as CostRule | undefined;
    if (typeof rule === 'function') rule = rule(writtenArguments(field, node), {}, field as GraphQLField<unknown, object>);
    const multiplier = typeof rule === 'object' && rule.multiplier !== undefined ? rule.multiplier : isList(field.type) ? DEFAULT_LIST_MULTIPLIER : 1;
    const own = typeof rule === 'number' ? rule : (rule?.field ?? DEFAULT_FIELD_COST);
    const below = node.selectionSet ? selectionSetCost(node.selectionSet, getNamedType(field.type)) * Math.max(multiplier, 0) : 0;
    return own + below;
  }

  return selectionSetCost(operation.selectionSet, root);
}
