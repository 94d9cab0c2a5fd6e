import { LRUCache } from 'lru-cache';

/** Bytes of recently sighted keys remembered by default. */
export const DEFAULT_SIGHTING_BYTES = 4 * 1024 * 1024;

/**
 * Admission on a second sighting (the doorkeeper of TinyLFU): a cache asks `admit(key)` before it
 * stores, and stores only keys that were sighted before. A flood of one-off query texts then leaves
 * behind a bounded list of recent keys (plain strings) instead of a parsed document each — objects
 * that live long enough to reach the old generation and make every major collection longer.
 */
export class SecondSighting {
  private readonly sighted: LRUCache<string, true>;

  constructor(maxBytes = DEFAULT_SIGHTING_BYTES) {
    this.sighted = new LRUCache({ maxSize: maxBytes, sizeCalculation: (_value, key) => key.length * 2 + 64 });
  }

  /** True when `key` was sighted since it last passed (and forgets it); otherwise notes it and says no. */
  admit(key: string): boolean {
    if (this.sighted.delete(key)) return true;
    this.sighted.set(key, true);
    return false;
  }
}
