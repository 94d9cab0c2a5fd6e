import { describe, expect, it } from 'vitest';
import { FrequencySketch } from '../src/server/frequency-sketch.ts';
import { stringHash } from '../src/server/string-hash.ts';

describe('FrequencySketch', () => {
  const hashes = Array.from({ length: 2000 }, (_, i) => stringHash(`{ talks(first: ${i}) { totalCount } }`));

  it('never counts a key less often than it was recorded (up to 15), and seldom more', () => {
    const sketch = new FrequencySketch(100); // 2,048 counters; 1,000 records before halving: stay below that
    for (let i = 0; i < 300; i++) sketch.record(hashes[i]!);
    for (let times = 0; times < 20; times++) sketch.record(hashes[300]!);
    for (let i = 0; i < 300; i++) expect(sketch.frequency(hashes[i]!)).toBeGreaterThanOrEqual(1);
    expect(sketch.frequency(hashes[300]!)).toBe(15);
    const overCounted = hashes.slice(0, 300).filter((hash) => sketch.frequency(hash) > 1).length;
    // 1,280 counts in 2,048 counters: a counter is taken with odds 1 − e^−0.625 ≈ 0.46, all four of a
    // key's with odds ≈ 0.046, so about 14 of 300 keys (and 78 of 1,699 never recorded) look counted more.
    expect(overCounted).toBeLessThan(25);
    expect(hashes.slice(301).filter((hash) => sketch.frequency(hash) > 0).length).toBeLessThan(120);
  });

  it('halves every count once ten records per entry have been made, so old popularity fades', () => {
    const sketch = new FrequencySketch(100);
    for (let times = 0; times < 8; times++) sketch.record(hashes[0]!);
    expect(sketch.frequency(hashes[0]!)).toBe(8);
    for (let i = 1; i <= 992; i++) sketch.record(hashes[i]!); // the 1,000th record halves
    expect(sketch.frequency(hashes[0]!)).toBe(4);
  });
});
