import { stringHash } from './string-hash.ts';

/** Sightings remembered by default: slots of a table of 32-bit hashes (256 KiB). */
export const DEFAULT_SIGHTING_SLOTS = 1 << 16;

/**
 * Admission on a second sighting (the doorkeeper of TinyLFU): a cache asks `admit(key)` before it
 * stores, and stores only keys sighted before. A flood of one-off query texts then leaves nothing
 * behind: a sighting is a hash in a fixed table (no object per key for the collector to trace), and
 * a key whose slot another key took since is simply sighted anew. Two keys with the same hash make
 * the second admitted at its first sighting — a one-off stored, never a wrong answer.
 */
export class SecondSighting {
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(slots = DEFAULT_SIGHTING_SLOTS) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(2, slots)));
    this.hashes = new Int32Array(size);
    this.mask = size - 1;
  }

  /** True when `key` was sighted since it last passed (and forgets it); otherwise notes it and says no. */
  admit(key: string): boolean {
    const hash = stringHash(key);
    const slot = hash & this.mask;
    const tag = hash | 1; // never 0, which marks an empty slot
    if (this.hashes[slot] === tag) {
      this.hashes[slot] = 0;
      return true;
    }
    this.hashes[slot] = tag;
    return false;
  }
}
