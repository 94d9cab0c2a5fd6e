/**
 * A memo bounded by the total size of what it holds, not by its number of entries: one answer can
 * be large (every talk for a one-letter search). When a new value would pass the budget, the memo
 * starts over; a value larger than the whole budget is returned but not kept.
 */
export class BoundedMemo<K, V> {
  private readonly entries = new Map<K, V>();
  private held = 0;

  private readonly budget: number;
  private readonly sizeOf: (value: V) => number;

  constructor(budget: number, sizeOf: (value: V) => number) {
    this.budget = budget;
    this.sizeOf = sizeOf;
  }

  get(key: K, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      const size = this.sizeOf(value) + 1;
      if (this.held + size > this.budget) {
        this.entries.clear();
        this.held = 0;
      }
      if (size <= this.budget) {
        this.entries.set(key, value);
        this.held += size;
      }
    }
    return value;
  }
}
