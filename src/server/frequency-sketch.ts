/** Counters per entry the cache holds (Caffeine's ratio): with four probes a key, few keys share all four. */
const COUNTERS_PER_ENTRY = 16;
/** Counts recorded, per entry the cache holds, before every counter is halved. */
const SAMPLES_PER_ENTRY = 10;
/** A counter stops here: frequencies above it are all "often". */
const MAX_COUNT = 15;
const PROBES = 4;

/**
 * How often each key was asked for lately, approximately, in a fixed table: the count-min sketch of
 * TinyLFU (Einziger, Friedman and Manes, "TinyLFU: A Highly Efficient Cache Admission Policy", 2017),
 * as Caffeine uses it to decide whether a new entry is worth the one it would evict. A key is counted
 * in four counters picked by its 32-bit hash; its estimate is the smallest of them, so another key
 * can only make it look more frequent, never less. Counters stop at 15, and once
 * SAMPLES_PER_ENTRY × the cache's size counts have been recorded every counter is halved, so what
 * was popular an hour ago does not keep out what is popular now. A table of a few KiB: no object per
 * key, whatever the traffic.
 */
export class FrequencySketch {
  private readonly counters: Uint8Array;
  private readonly mask: number;
  private readonly sampleSize: number;
  private recorded = 0;

  constructor(entries: number) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(64, entries * COUNTERS_PER_ENTRY)));
    this.counters = new Uint8Array(size);
    this.mask = size - 1;
    this.sampleSize = Math.max(64, entries * SAMPLES_PER_ENTRY);
  }

  /** Counts one more request for the key of this hash. */
  record(hash: number): void {
    for (let i = 0; i < PROBES; i++) {
      const slot = probe(hash, i) & this.mask;
      if (this.counters[slot]! < MAX_COUNT) this.counters[slot]!++;
    }
    if (++this.recorded >= this.sampleSize) this.halve();
  }

  /** The estimated count of the key of this hash (0–15). */
  frequency(hash: number): number {
    let estimate = MAX_COUNT;
    for (let i = 0; i < PROBES; i++) estimate = Math.min(estimate, this.counters[probe(hash, i) & this.mask]!);
    return estimate;
  }

  private halve(): void {
    for (let i = 0; i < this.counters.length; i++) this.counters[i]! >>= 1;
    this.recorded >>>= 1;
  }
}

/** The i-th counter of a hash: the hash with a different seed per probe, mixed (murmur3's finalizer) so that similar keys spread. */
function probe(hash: number, i: number): number {
  let h = (hash + Math.imul(i + 1, 0x9e3779b9)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
