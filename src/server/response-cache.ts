import { FrequencySketch } from './frequency-sketch.ts';
import { stringHash } from './string-hash.ts';

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
  /** Most bytes kept, all entries together: bodies and keys. Default 64 MiB. */
  maxBytes?: number;
}

export interface ResponseCacheStats {
  hits: number;
  misses: number;
  entries: number;
  bytes: number;
  /** Entries asked for again since they were stored (the protected segment). */
  protectedEntries: number;
  /** Answers not stored because the cache was full and they were asked for no more often than the entry they would evict. */
  refused: number;
  version: string | null;
}

export const DEFAULT_RESPONSE_CACHE_LIMITS: Required<ResponseCacheLimits> = { maxEntries: 1000, maxBytes: 64 * 1024 * 1024 };

/** Share of the budgets that answers asked for more than once may hold. */
const PROTECTED_SHARE = 0.8;

/** Bytes an entry costs: its body, its key (counted at two bytes a character, as a V8 string may hold it) and a little bookkeeping. */
export function entryBytes(key: string, entry: CachedResponse): number {
  return entry.body.length + key.length * 2 + 64;
}

/**
 * Segmented least-recently-used store of serialized responses for one graph version at a time,
 * with frequency-based admission (TinyLFU). The graph is immutable, so an entry never goes stale
 * while its version is served; the first lookup under another version empties the store (a reload
 * invalidates exactly, no TTL needed).
 *
 * Bounded by entry count and by bytes, keys included; an entry larger than an eighth of the byte
 * budget is not kept. A new answer enters the probation segment; a hit moves it to the protected
 * segment (at most 80 % of either budget; its least recent entry falls back to probation). When
 * the store is full, a new answer is kept only if its key was asked for more often lately than the
 * key of the entry it would evict (the least recent of probation; every `get` is counted in a
 * FrequencySketch). So a flood of one-off answers (every request a new query text) neither evicts
 * the answers asked for again nor churns the store, and a cycle of more distinct requests than the
 * store holds (a dashboard stepping through thousands of variable sets) keeps a stable part of them
 * instead of evicting each before its turn comes again. Refused answers cost no memory: storing
 * every miss, only to evict it unread, costs more server CPU than the lookup (see docs/performance.md).
 * A Map keeps insertion order, which is all an LRU needs.
 */
export class ResponseCache {
  private readonly probation = new Map<string, CachedResponse>();
  private readonly protected = new Map<string, CachedResponse>();
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private bytes = 0;
  private protectedBytes = 0;
  private version: string | null = null;
  private hitCount = 0;
  private missCount = 0;
  private refusedCount = 0;
  private readonly sketch: FrequencySketch;
  /** The key hashed last and its hash: a miss hashes its key once for the count and the admission. */
  private hashedKey: string | null = null;
  private hashedValue = 0;
  /** The same for the entry eviction would take next: it stays the same across a run of refused answers. */
  private hashedVictim: string | null = null;
  private hashedVictimValue = 0;

  constructor(limits: ResponseCacheLimits = {}) {
    this.maxEntries = limits.maxEntries ?? DEFAULT_RESPONSE_CACHE_LIMITS.maxEntries;
    this.maxBytes = limits.maxBytes ?? DEFAULT_RESPONSE_CACHE_LIMITS.maxBytes;
    this.sketch = new FrequencySketch(this.maxEntries);
  }

  /**
   * The entry under `key`, counted as a hit; a miss is counted unless the caller will look again under
   * another key (`countMiss` false). Either way the key's request is counted for admission.
   */
  get(version: string, key: string, countMiss = true): CachedResponse | undefined {
    this.useVersion(version);
    this.sketch.record(this.hashOf(key));
    const hot = this.protected.get(key);
    if (hot) {
      this.hitCount++;
      this.protected.delete(key);
      this.protected.set(key, hot);
      return hot;
    }
    const entry = this.probation.get(key);
    if (!entry) {
      if (countMiss) this.missCount++;
      return undefined;
    }
    this.hitCount++;
    this.probation.delete(key);
    this.protected.set(key, entry);
    this.protectedBytes += entryBytes(key, entry);
    this.demote();
    return entry;
  }

  set(version: string, key: string, entry: CachedResponse): void {
    this.useVersion(version);
    const size = entryBytes(key, entry);
    if (size > this.maxBytes / 8 || this.maxEntries < 1) return;
    if (!this.admits(key, size)) {
      this.refusedCount++;
      return;
    }
    this.remove(key);
    this.probation.set(key, entry);
    this.bytes += size;
    this.evict();
  }

  stats(): ResponseCacheStats {
    return {
      hits: this.hitCount,
      misses: this.missCount,
      entries: this.probation.size + this.protected.size,
      bytes: this.bytes,
      protectedEntries: this.protected.size,
      refused: this.refusedCount,
      version: this.version,
    };
  }

  /** Whether a new entry may go in: there is room, or its key was asked for more often than the first one eviction would take. */
  private admits(key: string, size: number): boolean {
    if (this.probation.size + this.protected.size < this.maxEntries && this.bytes + size <= this.maxBytes) return true;
    if (this.probation.has(key) || this.protected.has(key)) return true;
    const victim = firstKey(this.probation) ?? firstKey(this.protected);
    if (victim === undefined) return true;
    if (victim !== this.hashedVictim) {
      this.hashedVictim = victim;
      this.hashedVictimValue = stringHash(victim);
    }
    return this.sketch.frequency(this.hashOf(key)) > this.sketch.frequency(this.hashedVictimValue);
  }

  private hashOf(key: string): number {
    if (key !== this.hashedKey) {
      this.hashedKey = key;
      this.hashedValue = stringHash(key);
    }
    return this.hashedValue;
  }

  private remove(key: string): void {
    for (const segment of [this.probation, this.protected]) {
      const previous = segment.get(key);
      if (!previous) continue;
      const size = entryBytes(key, previous);
      this.bytes -= size;
      if (segment === this.protected) this.protectedBytes -= size;
      segment.delete(key);
    }
  }

  /** Moves the least recent protected entries back to probation (as its most recent) while protected is over its share. */
  private demote(): void {
    for (const [key, value] of this.protected) {
      if (this.protected.size <= this.maxEntries * PROTECTED_SHARE && this.protectedBytes <= this.maxBytes * PROTECTED_SHARE) break;
      this.protected.delete(key);
      this.protectedBytes -= entryBytes(key, value);
      this.probation.set(key, value);
    }
    this.evict();
  }

  /** Drops the least recent entries, probation first, until both budgets hold. */
  private evict(): void {
    const over = () => this.probation.size + this.protected.size > this.maxEntries || this.bytes > this.maxBytes;
    for (const segment of [this.probation, this.protected]) {
      for (const [key, value] of segment) {
        if (!over()) return;
        const size = entryBytes(key, value);
        segment.delete(key);
        this.bytes -= size;
        if (segment === this.protected) this.protectedBytes -= size;
      }
    }
  }

  /** A new graph version empties the store but keeps the counts: the same requests stay popular after a reload. */
  private useVersion(version: string): void {
    if (version === this.version) return;
    this.probation.clear();
    this.protected.clear();
    this.bytes = 0;
    this.protectedBytes = 0;
    this.version = version;
  }
}

function firstKey(map: Map<string, unknown>): string | undefined {
  for (const key of map.keys()) return key;
  return undefined;
}
