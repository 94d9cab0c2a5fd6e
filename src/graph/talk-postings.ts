import type { Talk } from '../domain/types.ts';

/** Ascending positions of talks in schedule order (indexes into the graph's talk list). */
export type Positions = Int32Array;

const EMPTY: Positions = new Int32Array(0);

/** Positions in both lists (both ascending). */
export function intersectPositions(a: Positions, b: Positions): Positions {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const value = a[i]!;
    // Gallop through the longer list: a short list against a long one costs O(short · log long).
    if (b[j]! < value) {
      let step = 1;
      let hi = j + 1;
      while (hi < b.length && b[hi]! < value) {
        j = hi;
        step *= 2;
        hi = j + step;
      }
      let lo = j;
      hi = Math.min(hi, b.length);
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (b[mid]! < value) lo = mid + 1;
        else hi = mid;
      }
      j = lo;
    }
    if (j < b.length && b[j] === value) out[n++] = value;
  }
  return out.subarray(0, n);
}

/** Positions in any of the lists (each ascending), ascending and without repeats. */
export function unionPositions(lists: readonly Positions[]): Positions {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  let total = 0;
  for (const list of nonEmpty) total += list.length;
  const merged = new Int32Array(total);
  let offset = 0;
  for (const list of nonEmpty) {
    merged.set(list, offset);
    offset += list.length;
  }
  merged.sort();
  let n = 0;
  for (let i = 0; i < merged.length; i++) if (i === 0 || merged[i] !== merged[i - 1]) merged[n++] = merged[i]!;
  return merged.subarray(0, n);
}

/** Index of a position in ascending positions, or -1 (binary search). */
export function indexOfPosition(positions: Positions, position: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < position) lo = mid + 1;
    else hi = mid;
  }
  return lo < positions.length && positions[lo] === position ? lo : -1;
}

/** Positions in `a` that are not in `b` (both ascending). */
export function differencePositions(a: Positions, b: Positions): Positions {
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    const value = a[i]!;
    while (j < b.length && b[j]! < value) j++;
    if (j >= b.length || b[j] !== value) out[n++] = value;
  }
  return out.subarray(0, n);
}

/** PostingLists as typed arrays (for a snapshot): value i has positions `positions[start[i] .. start[i + 1])`. */
export interface PostingListsState {
  values: string[];
  start: Int32Array;
  positions: Int32Array;
}

/** Inverted lists of one talk attribute: value → ascending positions of the talks that have it. */
export class PostingLists {
  private readonly lists: Map<string, Positions>;
  private readonly unions = new Map<string, Positions>();

  private constructor(lists: Map<string, Positions>) {
    this.lists = lists;
  }

  /** The lists of the values `valuesOf` gives each talk (null: none). */
  static of(talks: readonly Talk[], valuesOf: (talk: Talk) => ReadonlyArray<string | null>): PostingLists {
    const building = new Map<string, number[]>();
    talks.forEach((talk, position) => {
      for (const value of valuesOf(talk)) {
        if (value === null) continue;
        let list = building.get(value);
        if (!list) building.set(value, (list = []));
        if (list[list.length - 1] !== position) list.push(position);
      }
    });
    const lists = new Map<string, Positions>();
    for (const [value, list] of building) lists.set(value, Int32Array.from(list));
    return new PostingLists(lists);
  }

  /** The lists saved by toState() (no talk is looked at). */
  static fromState(state: PostingListsState): PostingLists {
    const lists = new Map<string, Positions>();
    for (let i = 0; i < state.values.length; i++) lists.set(state.values[i]!, state.positions.subarray(state.start[i]!, state.start[i + 1]!));
    return new PostingLists(lists);
  }

  /** The lists as typed arrays, values in the order they were first seen. */
  toState(): PostingListsState {
    const values = [...this.lists.keys()];
    const start = new Int32Array(values.length + 1);
    for (let i = 0; i < values.length; i++) start[i + 1] = start[i]! + this.lists.get(values[i]!)!.length;
    const positions = new Int32Array(start[values.length]!);
    for (let i = 0; i < values.length; i++) positions.set(this.lists.get(values[i]!)!, start[i]!);
    return { values, start, positions };
  }

  get(value: string): Positions {
    return this.lists.get(value) ?? EMPTY;
  }

  /** Talks with any of the values. Unions of several values (a topic and its subtopics) are memoized. */
  any(values: Iterable<string>): Positions {
    const list = [...values];
    if (list.length <= 1) return list.length === 1 ? this.get(list[0]!) : EMPTY;
    const key = list.sort().join('\u0000');
    let union = this.unions.get(key);
    if (!union) {
      union = unionPositions(list.map((v) => this.get(v)));
      if (this.unions.size >= 256) this.unions.clear();
      this.unions.set(key, union);
    }
    return union;
  }
}
