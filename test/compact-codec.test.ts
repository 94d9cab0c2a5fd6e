import { describe, expect, it } from 'vitest';
import { decodeCompact, encodeCompact } from '../src/snapshot/compact-codec.ts';

const SAMPLE = {
  id: 'a-talk',
  title: 'Kapuścińska on eBPF — 観測 🐝',
  numbers: [0, 1, -1, 127, 128, -129, 2 ** 31, -(2 ** 40), 2 ** 52 + 1, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY],
  flags: [true, false, null, undefined],
  nested: {
    list: [
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
      { b: 'z', a: 3 },
    ],
    empty: {},
    none: [],
  },
  typed: { i32: Int32Array.from([1, -2, 2 ** 31 - 1]), u8: Uint8Array.from([0, 255]), u16: Uint16Array.from([65535]), f64: Float64Array.from([0.1]) },
  '1': 'an integer-like key comes first',
};

describe('the compact codec', () => {
  it('gives back the same value: key order, -0, NaN, typed arrays, strings outside Latin-1', () => {
    const back = decodeCompact(encodeCompact(SAMPLE)) as typeof SAMPLE;
    expect(back).toStrictEqual(SAMPLE);
    expect(Object.keys(back)).toEqual(Object.keys(SAMPLE));
    expect(Object.keys(back.nested.list[2]!)).toEqual(['b', 'a']);
    expect(Object.is(back.numbers[10], -0)).toBe(true);
    expect(back.typed.i32).toBeInstanceOf(Int32Array);
  });

  it('stores each distinct string once, and decodes repeats as one string', () => {
    const id = 'automating-cilium-across-clusters-a-brave-story-from-helix-s-d42565';
    const once = encodeCompact([id]).length;
    const many = encodeCompact(Array.from({ length: 1000 }, () => id)).length;
    expect(many - once).toBeLessThan(3 * 1000); // a tag and a one-byte string number per repeat
    expect(many).toBeLessThan(id.length * 2 + 3000);
  });

  it('gives the same bytes for equal values', () => {
    expect(encodeCompact(structuredClone(SAMPLE)).equals(encodeCompact(SAMPLE))).toBe(true);
  });

  it('keeps __proto__ an own key and never the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const back = decodeCompact(encodeCompact(value)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses cut or extended bytes and values it cannot encode', () => {
    const bytes = encodeCompact(SAMPLE);
    for (const cut of [1, 10, bytes.length >> 1, bytes.length - 1]) expect(() => decodeCompact(bytes.subarray(0, cut))).toThrow(RangeError);
    expect(() => decodeCompact(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(/after the value/);
    expect(() => encodeCompact({ when: new Date(0) })).toThrow(TypeError);
    expect(() => encodeCompact(new Map())).toThrow(TypeError);
  });
});
