import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipped = promisify(gzip);

/** A rendered calendar as it is sent: the bytes, their entity tag, and how many talks had no start. */
export interface CalendarAnswer {
  body: Buffer;
  etag: string;
  /** The body gzipped (made once, off the event loop), with its own entity tag. */
  gzip: { body: Buffer; etag: string };
  skipped: number;
}

export interface CalendarCacheLimits {
  /** Most bytes kept, bodies and keys together; an answer over half of it is sent but not kept. Default 64 MiB. */
  maxBytes?: number;
}

export const DEFAULT_CALENDAR_CACHE_BYTES = 64 * 1024 * 1024;

/** One turn of the event loop. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** entityTag (http-cache-plugin.ts) of a large body, hashed a megabyte per event-loop turn. */
async function entityTagInSlices(version: string, body: Buffer): Promise<string> {
  const hash = createHash('sha256').update(version).update('\0');
  for (let at = 0; at < body.length; at += 1 << 20) {
    if (at > 0) await nextTurn();
    hash.update(body.subarray(at, at + (1 << 20)));
  }
  return `"${version}-${hash.digest('base64url').slice(0, 27)}"`;
}

const answerBytes = (answer: CalendarAnswer, key: string) => answer.body.length + answer.gzip.body.length + key.length * 2 + answer.etag.length * 4 + 256;

/**
 * Rendered calendars per filter, for the graph version being served. The graph is immutable, so
 * an answer stays right for as long as its version is served; the first request under another
 * version empties the cache. Bounded in bytes (least recently used first). Requests for a
 * calendar that is being rendered wait for that rendering instead of starting another.
 */
export class CalendarCache {
  private readonly answers: LRUCache<string, CalendarAnswer>;
  private readonly rendering = new Map<string, Promise<CalendarAnswer>>();
  private version: string | null = null;
  /** Renderings started, and answers served from memory (tests and the hostile-input script read them). */
  readonly stats = { renders: 0, hits: 0 };

  constructor(limits: CalendarCacheLimits = {}) {
    const maxSize = limits.maxBytes ?? DEFAULT_CALENDAR_CACHE_BYTES;
    this.answers = new LRUCache({ maxSize, maxEntrySize: maxSize / 2, sizeCalculation: answerBytes });
  }

  /** The answer for `key` under `version`: from memory, from a rendering in progress, or from `render` (then kept). */
  get(version: string, key: string, render: () => Promise<{ body: Buffer; skipped: number }>): CalendarAnswer | Promise<CalendarAnswer> {
    if (version !== this.version) {
      this.answers.clear();
      this.rendering.clear();
      this.version = version;
    }
    const kept = this.answers.get(key);
    if (kept) {
      this.stats.hits++;
      return kept;
    }
    const pending = this.rendering.get(key);
    if (pending) return pending;
    this.stats.renders++;
    const promise = render().then(
      async ({ body, skipped }) => {
        const etag = await entityTagInSlices(version, body);
        const answer: CalendarAnswer = { body, etag, gzip: { body: await gzipped(body, { level: 6 }), etag: `${etag.slice(0, -1)}-gzip"` }, skipped };
        if (this.rendering.get(key) === promise) this.rendering.delete(key);
        if (this.version === version) this.answers.set(key, answer);
        return answer;
      },
      (error: unknown) => {
        if (this.rendering.get(key) === promise) this.rendering.delete(key);
        throw error;
      },
    );
    this.rendering.set(key, promise);
    return promise;
  }

  /** Bytes held (bodies and keys). */
  bytes(): number {
    return this.answers.calculatedSize;
  }
}
