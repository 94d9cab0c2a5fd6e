import { createHash } from 'node:crypto';

/** Six hex digits of a SHA-1: tells apart ids that would otherwise collide. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 6);
}
