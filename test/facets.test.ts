import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Talk } from '../src/domain/types.ts';
import { computeFacet, type FacetName } from '../src/graph/facets.ts';
import { graphOf, postSourcesIn, ROOT, seedSource } from './helpers.ts';

/** The plain reading of a facet: each talk counts once for each distinct value it has. */
const VALUES: Record<FacetName, (t: Talk) => ReadonlyArray<string | null>> = {
  days: (t) => [t.day],
  dates: (t) => [t.date],
  hours: (t) => [t.start ? t.start.slice(0, 2) : null],
  topics: (t) => t.topicIds,
  organizations: (t) => t.organizationIds,
  speakers: (t) => t.speakerIds,
  events: (t) => [t.eventId],
  kinds: (t) => [t.kind],
};

describe('computeFacet', () => {
  it('counts each talk once per distinct value (a value listed twice counts once), for every facet, in both orders', () => {
    const graph = graphOf([seedSource(), ...postSourcesIn(path.join(ROOT, '..', 'shared', 'corpus', 'talk-posts'))]);
    const withSpeakers = graph.allTalks().find((t) => t.organizationIds.length > 0 && t.topicIds.length > 0)!;
    // A talk whose lists name a value twice (as two speakers of one organization would) still counts once.
    const repeated: Talk = {
      ...withSpeakers,
      organizationIds: [...withSpeakers.organizationIds, ...withSpeakers.organizationIds],
      topicIds: [...withSpeakers.topicIds, withSpeakers.topicIds[0]!],
      speakerIds: [...withSpeakers.speakerIds, ...withSpeakers.speakerIds],
    };
    const talks = [...graph.allTalks(), repeated];
    for (const facet of Object.keys(VALUES) as FacetName[]) {
      const expected = new Map<string, number>();
      for (const talk of talks) for (const v of new Set(VALUES[facet](talk))) if (v !== null) expected.set(v, (expected.get(v) ?? 0) + 1);
      for (const order of ['COUNT', 'VALUE'] as const) {
        const buckets = computeFacet(graph, talks, facet, order);
        expect(new Map(buckets.map((b) => [b.value, b.count])), `${facet} ${order}`).toEqual(expected);
        if (order === 'COUNT') for (let i = 1; i < buckets.length; i++) expect(buckets[i - 1]!.count).toBeGreaterThanOrEqual(buckets[i]!.count);
      }
    }
  });
});
