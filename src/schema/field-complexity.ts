import { getNullableType, isListType, type GraphQLField } from 'graphql';
import { DEFAULT_PAGE_LIMITS } from './paginate.ts';

/** How much a plain list field (a talk's speakers, topics, …) is assumed to hold, for cost estimates. */
export const LIST_COST_MULTIPLIER = 5;

type Complexity = { field: number; multiplier: number };

/**
 * The value of an argument that comes from a variable, when the cost is bounded once per document
 * for every value the variables could take (src/server/cost-bound.ts): each rule below then
 * answers its largest multiplier.
 */
export const ANY_VALUE: unique symbol = Symbol('any value');

function pageSize(value: unknown): number | null {
  if (value === ANY_VALUE) return DEFAULT_PAGE_LIMITS.maxSize;
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : null;
}

/**
 * Cost of one field for the query cost limit (Pothos complexity plugin): every field costs 1, and
 * its sub-selection counts once per item it can return —
 * - a connection (`first`/`last` arguments): its page size, the default page when neither is
 *   given, and never more than the largest page (a larger one is refused with PAGE_SIZE_EXCEEDED);
 * - `nodes(ids:)`: the number of ids (unbounded while they are ANY_VALUE);
 * - `edges` / `nodes` of a connection: 1 (the connection already counted its page);
 * - any other list: LIST_COST_MULTIPLIER.
 */
export function fieldComplexity<Context>(
  args: Record<string, unknown>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): Complexity {
  const argNames = new Set(field.args.map((arg) => arg.name));
  if (argNames.has('first') || argNames.has('last')) {
    const first = pageSize(args.first);
    const last = pageSize(args.last);
    const requested = first === null && last === null ? DEFAULT_PAGE_LIMITS.defaultSize : Math.max(first ?? 0, last ?? 0);
    return { field: 1, multiplier: Math.min(requested, DEFAULT_PAGE_LIMITS.maxSize) };
  }
  if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
  if (args.ids === ANY_VALUE) return { field: 1, multiplier: Number.POSITIVE_INFINITY };
  if (!isListType(getNullableType(field.type))) return { field: 1, multiplier: 1 };
  if (argNames.size === 0 && (field.name === 'edges' || field.name === 'nodes')) return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: LIST_COST_MULTIPLIER };
}
