/** A response as it went over the wire once: enough to send it again byte for byte. */
export interface CachedResponse {
  body: Buffer;
  status: number;
  contentType: string;
  operationName: string | null;
}

export interface ResponseCacheLimits {
  /** Most responses kept. Default 1000. */
  maxEntries?: number;
  /** Most body bytes kept, all entries together. Default 64 MiB. */
  maxBytes?: number;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  version: string | null;
}

export const DEFAULT_RESPONSE_CACHE_LIMITS: Required<ResponseCacheLimits> = { maxEntries: 1000, maxBytes: 64 * 1024 * 1024 };

/**
 * Least-recently-used store of serialized responses for one graph version at a time. The graph
 * is immutable, so an entry never goes stale while its version is served; the first lookup under
 * another version empties the store (a reload invalidates exactly, no TTL needed). Bounded by
 * entry count and total body bytes; a body larger than an eighth of the byte budget is not kept.
 * A Map keeps insertion order, which is all an LRU needs: a hit moves its key to the end, eviction
 * takes from the front.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;
  private version: string | null = null;
  private hitCount = 0;
  private missCount = 0;

  constructor(limits: ResponseCacheLimits = {}) {
    this.maxEntries = limits.maxEntries ?? DEFAULT_RESPONSE_CACHE_LIMITS.maxEntries;
    this.maxBytes = limits.maxBytes ?? DEFAULT_RESPONSE_CACHE_LIMITS.maxBytes;
  }

  get(version: string, key: string): CachedResponse | undefined {
    this.useVersion(version);
    const entry = this.entries.get(key);
    if (!entry) {
      this.missCount++;
      return undefined;
    }
    this.hitCount++;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(version: string, key: string, entry: CachedResponse): void {
    this.useVersion(version);
    if (entry.body.length > this.maxBytes / 8 || this.maxEntries < 1) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.bytes -= previous.body.length;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.body.length;
    }
  }

  stats(): ResponseCacheStats {
    return { hits: this.hitCount, misses: this.missCount, entries: this.entries.size, bytes: this.bytes, version: this.version };
  }

  private useVersion(version: string): void {
    if (version === this.version) return;
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }
}
