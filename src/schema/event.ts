import { addLookupQuery } from './lookup-query.ts';
import type { Event } from '../domain/types.ts';
import { addListQuery, namedConnection } from './list-connection.ts';
import { EventRef } from './refs.ts';
import { LocalDateScalar } from './scalars.ts';
import { talkConnectionField } from './talk-connection.ts';

EventRef.implement({
  description: 'A conference or a co-located event, with where and in which time zone it happens.',
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'Stable id from data/events.yaml.' }),
    name: t.exposeString('name', { description: 'Full name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names posts use for it (some, like "KubeCon EU", name every edition).' }),
    city: t.exposeString('city', { nullable: true, description: 'City, when in person.' }),
    country: t.exposeString('country', { nullable: true, description: 'Country, when in person.' }),
    timezone: t.exposeString('timezone', { nullable: true, description: 'IANA time zone of the local times.' }),
    startDate: t.field({ type: LocalDateScalar, nullable: true, description: 'First day.', resolve: (e) => e.startDate }),
    endDate: t.field({ type: LocalDateScalar, nullable: true, description: 'Last day.', resolve: (e) => e.endDate }),
    url: t.exposeString('url', { nullable: true, description: 'Website, when known.' }),
    parent: t.field({ type: EventRef, nullable: true, description: 'The conference this event is co-located with.', resolve: (e) => e.parentId }),
    coLocatedEvents: t.field({
      type: [EventRef],
      description: 'Events co-located with this one.',
      resolve: (e, _args, ctx) =>
        ctx.graph
          .allEvents()
          .filter((other) => other.parentId === e.id)
          .map((other) => other.id),
    }),
    talks: talkConnectionField(t, 'Talks of this event and its co-located events.', {
      name: 'talksOfEvent',
      owners: (event: { id: string }, ctx) => [...ctx.graph.eventScope(event.id)],
    }),
  }),
});

function byStartDate(a: Event, b: Event): number {
  return (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.name.localeCompare(b.name);
}

const EventConnectionRef = namedConnection(EventRef, 'EventConnection', 'events');

addListQuery('events', EventRef, EventConnectionRef, 'All events with talks, by start date.', (graph) => graph.allEvents(), byStartDate);

addLookupQuery('event', EventRef, 'One event by slug, name or unique alias; null when there is none.', 'Slug, name or alias.');
