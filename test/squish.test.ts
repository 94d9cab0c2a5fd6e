import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squish } from '../src/domain/text.ts';

describe('squish', () => {
  it('collapses every run of whitespace to one space and trims, as /\\s+/g → " " would', () => {
    const unit = fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', 'a', 'é', '-');
    fc.assert(
      fc.property(fc.string({ unit }), (text) => squish(text) === text.replace(/\s+/g, ' ').trim()),
      { numRuns: 5000, seed: 7 },
    );
    expect(squish(' Cilium \n\n and\tHubble  ')).toBe('Cilium and Hubble');
  });
});
