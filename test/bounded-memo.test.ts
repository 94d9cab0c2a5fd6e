import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../src/graph/bounded-memo.ts';

describe('BoundedMemo', () => {
  it('keeps answers until their total size passes the budget, then starts over; never keeps one larger than the budget', () => {
    const computed: string[] = [];
    const memo = new BoundedMemo<string, number[]>(10, (value) => value.length);
    const get = (key: string, size: number) => memo.get(key, () => (computed.push(key), Array.from({ length: size }, (_, i) => i)));
    get('a', 3); // holds 4 (size + 1)
    get('a', 3);
    get('b', 4); // holds 9
    get('b', 4);
    expect(computed).toEqual(['a', 'b']);
    get('c', 2); // 9 + 3 > 10: starts over with c alone
    get('a', 3);
    expect(computed).toEqual(['a', 'b', 'c', 'a']);
    expect(get('huge', 50)).toHaveLength(50);
    get('huge', 50);
    expect(computed.filter((k) => k === 'huge')).toHaveLength(2);
  });
});
