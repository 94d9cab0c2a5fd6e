import { describe, expect, it } from 'vitest';
import { SecondSighting } from '../src/server/second-sighting.ts';

describe('SecondSighting', () => {
  it('admits a key from its second sighting, then counts it anew', () => {
    const sighting = new SecondSighting();
    expect(sighting.admit('{ talks { totalCount } }')).toBe(false);
    expect(sighting.admit('{ speakers { totalCount } }')).toBe(false);
    expect(sighting.admit('{ talks { totalCount } }')).toBe(true);
    expect(sighting.admit('{ talks { totalCount } }')).toBe(false);
    expect(sighting.admit('{ speakers { totalCount } }')).toBe(true);
  });

  it('forgets older sightings when the table is full, and admits almost no one-off of a flood', () => {
    const sighting = new SecondSighting(1024);
    let admitted = 0;
    for (let i = 0; i < 20_000; i++) if (sighting.admit(`{ r${i}: talks { totalCount } }`)) admitted++;
    // Only 32-bit hash collisions within a slot admit a one-off: expected about 20,000 / 2^31.
    expect(admitted).toBeLessThan(3);
    expect(sighting.admit('{ r0: talks { totalCount } }')).toBe(false); // its slot was taken since
  });
});
