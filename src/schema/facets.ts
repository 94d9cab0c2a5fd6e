import type { Talk } from '../domain/types.ts';
import { type FacetBucket, type FacetName, facetOf } from '../graph/facets.ts';
import { builder } from './builder.ts';

const FacetBucketRef = builder.objectRef<FacetBucket>('FacetBucket').implement({
  description: 'One value of a facet and how many talks of the filtered set have it.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'Machine value: a slug, enum value (FRIDAY), date (2023-04-21) or hour (09).' }),
    label: t.exposeString('label', { description: 'Human label: a name, "Friday", "09:00".' }),
    count: t.exposeInt('count', { description: 'Number of talks in the filtered set with this value.' }),
  }),
});

const FacetOrderEnum = builder.enumType('FacetOrder', {
  description: 'Order of facet buckets.',
  values: {
    COUNT: { value: 'COUNT', description: 'Most talks first; ties in natural order.' },
    VALUE: { value: 'VALUE', description: 'Natural order: weekdays Monday→Sunday, dates and hours ascending, events by start date, names A→Z.' },
  } as const,
});

const FACET_DESCRIPTIONS: Record<FacetName, string> = {
  days: 'Talks per local weekday.',
  dates: 'Talks per local date.',
  hours: 'Talks per local start hour.',
  topics: 'Talks per topic (tags as assigned; a talk counts for each of its topics).',
  organizations: 'Talks per organization of their speakers.',
  speakers: 'Talks per speaker.',
  events: 'Talks per event.',
  kinds: 'Talks per kind of session.',
};

/** Facets over the whole filtered set of a talk connection (not just the page). */
export const TalkFacetsRef = builder.objectRef<readonly Talk[]>('TalkFacets').implement({
  description: 'Counts over the whole filtered set of talks, for dashboards: talks per day, top organizations, topics by count …',
  fields: (t) =>
    Object.fromEntries(
      (Object.keys(FACET_DESCRIPTIONS) as FacetName[]).map((facet) => [
        facet,
        t.field({
          type: [FacetBucketRef],
          description: FACET_DESCRIPTIONS[facet],
          args: {
            orderBy: t.arg({ type: FacetOrderEnum, required: false, defaultValue: 'COUNT', description: 'Bucket order. Default: by count.' }),
            first: t.arg.int({ required: false, description: 'Keep only the first N buckets (e.g. top 5).' }),
          },
          resolve: (talks, args, ctx) => {
            const buckets = facetOf(ctx.graph, talks, facet, args.orderBy ?? 'COUNT');
            return args.first !== null && args.first !== undefined ? buckets.slice(0, Math.max(0, args.first)) : buckets;
          },
        }),
      ]),
    ),
});
