import type { Plugin } from 'graphql-yoga';
import { LIMIT_CODES, limitError } from './limit-error.ts';

/**
 * Deepest nesting of arrays and objects accepted in `variables` or `extensions`. A real filter
 * (`and`/`or`/`not` of TalkFilter) nests a few levels; 10,000 levels would overflow the stack of
 * every recursive walk after parsing (JSON.stringify of the cache key, variable coercion).
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests arrays/objects deeper than `limit` levels. Iterative: any depth is safe to ask about. */
export function exceedsJsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: Array<[object, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child as object, depth + 1]);
    }
  }
  return false;
}

/** Refuses `variables` or `extensions` nested deeper than `maxDepth` with a 400 JSON_DEPTH_EXCEEDED, before anything walks them. */
export function useJsonDepthLimit(maxDepth: number = MAX_JSON_DEPTH): Plugin {
  return {
    onParams({ params }) {
      for (const name of ['variables', 'extensions'] as const) {
        if (exceedsJsonDepth(params[name], maxDepth))
          throw limitError(LIMIT_CODES.jsonDepth, `The ${name} nest deeper than ${maxDepth} levels.`, maxDepth, { status: 400 });
      }
    },
  };
}
