import { editDistance as distance } from '../domain/edit-distance.ts';
import { foldKey } from '../domain/text.ts';

export interface NearDuplicate {
  kind: 'speaker' | 'organization' | 'talk';
  ids: [string, string];
  names: [string, string];
  /** Edit distance between the folded names. */
  distance: number;
}

export const MAX_DISTANCE = 2;

function comparePairs(x: NearDuplicate, y: NearDuplicate): number {
  return (
    x.distance - y.distance ||
    x.names[0].localeCompare(y.names[0]) ||
    x.names[1].localeCompare(y.names[1]) ||
    x.ids[0].localeCompare(y.ids[0]) ||
    x.ids[1].localeCompare(y.ids[1])
  );
}
const PARTS = MAX_DISTANCE + 1;

/** Start and length of each of the PARTS segments a string of `length` characters is cut into. */
function segmentsOf(length: number): Array<[number, number]> {
  const base = Math.floor(length / PARTS);
  const longer = length - base * PARTS;
  const segments: Array<[number, number]> = [];
  for (let i = 0, start = 0; i < PARTS; i++) {
    const size = base + (i >= PARTS - longer ? 1 : 0);
    segments.push([start, size]);
    start += size;
  }
  return segments;
}

/**
 * Pairs of names that were not merged but differ by at most two edits ("Jakub Sitnicki" /
 * "Jakub Sinicki"): for a person to confirm and, if they are one, add to speakers.yaml or
 * organizations.yaml.
 *
 * Sub-quadratic by the pigeonhole principle (PassJoin, Li et al. 2011): cut a name into three
 * segments; a name within two edits of it contains one of them unchanged, shifted by at most two
 * characters. Names are visited shortest first; each looks up, in an index of the segments of the
 * names visited before it (of its length or up to two shorter), the substrings at those positions,
 * and only the candidates found are compared with a real edit distance. The answer is exactly the
 * all-pairs comparison's (test/near-duplicates.test.ts compares them).
 */
export function findNearDuplicates(kind: NearDuplicate['kind'], items: ReadonlyArray<{ id: string; name: string }>): NearDuplicate[] {
  const folded = items.map((item) => ({ id: item.id, name: item.name, key: foldKey(item.name) })).filter((i) => i.key.length >= 4);
  folded.sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key));
  const index = new Map<string, number[]>();
  const pairs: NearDuplicate[] = [];
  for (let j = 0; j < folded.length; j++) {
    const b = folded[j]!;
    const candidates = new Set<number>();
    for (let length = Math.max(4, b.key.length - MAX_DISTANCE); length <= b.key.length; length++) {
      segmentsOf(length).forEach(([start, size], part) => {
        for (let shift = -MAX_DISTANCE; shift <= MAX_DISTANCE; shift++) {
          const at = start + shift;
          if (at < 0 || at + size > b.key.length) continue;
          for (const i of index.get(`${length}\u0000${part}\u0000${b.key.substr(at, size)}`) ?? []) candidates.add(i);
        }
      });
    }
    for (const i of [...candidates].sort((x, y) => x - y)) {
      const a = folded[i]!;
      if (a.key === b.key) continue;
      const d = distance(a.key, b.key);
      if (d <= MAX_DISTANCE && d < Math.min(a.key.length, b.key.length) / 3) pairs.push({ kind, ids: [a.id, b.id], names: [a.name, b.name], distance: d });
    }
    segmentsOf(b.key.length).forEach(([start, size], part) => {
      const key = `${b.key.length}\u0000${part}\u0000${b.key.substr(start, size)}`;
      const list = index.get(key);
      if (list) list.push(j);
      else index.set(key, [j]);
    });
  }
  return pairs.sort(comparePairs);
}

/** The all-pairs comparison findNearDuplicates must agree with (tests only: quadratic). */
export function findNearDuplicatesByAllPairs(kind: NearDuplicate['kind'], items: ReadonlyArray<{ id: string; name: string }>): NearDuplicate[] {
  const folded = items.map((item) => ({ id: item.id, name: item.name, key: foldKey(item.name) })).filter((i) => i.key.length >= 4);
  folded.sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key));
  const pairs: NearDuplicate[] = [];
  for (let j = 0; j < folded.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = folded[i]!;
      const b = folded[j]!;
      if (a.key === b.key || b.key.length - a.key.length > MAX_DISTANCE) continue;
      const d = distance(a.key, b.key);
      if (d <= MAX_DISTANCE && d < Math.min(a.key.length, b.key.length) / 3) pairs.push({ kind, ids: [a.id, b.id], names: [a.name, b.name], distance: d });
    }
  }
  return pairs.sort(comparePairs);
}
