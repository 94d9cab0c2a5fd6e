import { GraphQLError } from 'graphql';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { defaultSize: 50, maxSize: 500 };

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const PREFIX = 'cursor:';

export function encodeCursor(key: string): string {
  return Buffer.from(`${PREFIX}${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, argName: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) throw new GraphQLError(`"${argName}" is not a cursor handed out by this API.`, { extensions: { code: 'INVALID_CURSOR' } });
  return text.slice(PREFIX.length);
}

function checkSize(value: number | null | undefined, argName: string, limits: PageLimits): number | null {
  if (value === null || value === undefined) return null;
  if (value < 0) throw new GraphQLError(`"${argName}" must not be negative.`, { extensions: { code: 'BAD_USER_INPUT' } });
  if (value > limits.maxSize)
    throw new GraphQLError(`"${argName}" is ${value}, but a page holds at most ${limits.maxSize} items.`, {
      extensions: { code: 'PAGE_SIZE_EXCEEDED', maxPageSize: limits.maxSize },
    });
  return value;
}

class LazyEdge<T> {
  private encoded: string | null = null;

  readonly node: T;
  private readonly keyOf: (item: T) => string;

  constructor(node: T, keyOf: (item: T) => string) {
    this.node = node;
    this.keyOf = keyOf;
  }

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.keyOf(this.node)));
  }
}

/** An ordered list seen through accessors, so a page can be cut without materializing the whole list. */
export interface OrderedList<T> {
  length: number;
  /** Index of the item with this key, or -1. */
  indexOfKey(key: string): number;
  slice(start: number, end: number): T[];
}

/**
 * Relay pagination over an ordered list. Cursors name the item (not its offset), so they stay
 * valid while the graph is unchanged and fail clearly (INVALID_CURSOR) when the item is gone.
 */
export function paginate<T>(items: readonly T[], args: PageArgs, keyOf: (item: T) => string, limits: PageLimits = DEFAULT_PAGE_LIMITS): Page<T> {
  const list: OrderedList<T> = {
    length: items.length,
    indexOfKey: (key) => items.findIndex((item) => keyOf(item) === key),
    slice: (start, end) => items.slice(start, end),
  };
  return paginateList(list, args, keyOf, limits);
}

/** `paginate` over an OrderedList. */
export function paginateList<T>(items: OrderedList<T>, args: PageArgs, keyOf: (item: T) => string, limits: PageLimits = DEFAULT_PAGE_LIMITS): Page<T> {
  const first = checkSize(args.first, 'first', limits);
  const last = checkSize(args.last, 'last', limits);
  const indexOfCursor = (cursor: string, argName: string) => {
    const index = items.indexOfKey(decodeCursor(cursor, argName));
    if (index < 0) throw new GraphQLError(`"${argName}" points at an item that is not in this list (any more).`, { extensions: { code: 'INVALID_CURSOR' } });
    return index;
  };
  let start = args.after ? indexOfCursor(args.after, 'after') + 1 : 0;
  let end = args.before ? indexOfCursor(args.before, 'before') : items.length;
  if (end < start) end = start;
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  if (first === null && last === null) end = Math.min(end, start + limits.defaultSize);
  const slice = items.slice(start, end);
  // Cursors are encoded only when asked for: most queries select `nodes`, not `edges { cursor }`.
  const edges = slice.map((node) => new LazyEdge(node, keyOf));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
