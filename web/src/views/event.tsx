import { useQuery } from '../api.ts';
import { TalkList } from '../components/talk-list.tsx';
import { EventQuery, EventsQuery } from '../queries.ts';
import { Failure, Loading, NotFound } from './status.tsx';

/** `/events/:slug`: where and when, co-located events, the schedule link and the talks. */
export function EventView({ slug }: { slug: string }) {
  const { data, error } = useQuery(EventQuery, { slug });
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  const event = data.event;
  if (!event) return <NotFound what="event" />;
  return (
    <>
      <p class="kicker">Event</p>
      <h1 tabIndex={-1}>{event.name}</h1>
      <p class="meta">
        {[event.city, event.country].filter(Boolean).join(', ')}
        {event.startDate ? ` · ${event.startDate}${event.endDate && event.endDate !== event.startDate ? ` to ${event.endDate}` : ''}` : ''}
        {event.timezone ? ` · ${event.timezone}` : ''} · <a href={`/schedule/${encodeURIComponent(event.slug)}`}>schedule</a> ·{' '}
        <a href={`/?event=${encodeURIComponent(event.slug)}`}>overview</a>
        {event.url ? (
          <>
            {' · '}
            <a href={event.url} rel="noreferrer">
              website
            </a>
          </>
        ) : null}
      </p>
      {event.parent ? (
        <p>
          Co-located with <a href={`/events/${encodeURIComponent(event.parent.slug)}`}>{event.parent.name}</a>.
        </p>
      ) : null}
      {event.coLocatedEvents.length ? (
        <p>
          Co-located events:{' '}
          {event.coLocatedEvents.map((e, i) => (
            <span key={e.slug}>
              {i ? ', ' : ''}
              <a href={`/events/${encodeURIComponent(e.slug)}`}>{e.name}</a>
            </span>
          ))}
        </p>
      ) : null}
      <TalkList filter={{ event: [event.slug] }} />
    </>
  );
}

/** `/events/`: every event with talks. */
export function EventsView() {
  const { data, error } = useQuery(EventsQuery, {});
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  return (
    <>
      <h1 tabIndex={-1}>Events</h1>
      <p>{data.events.totalCount} events.</p>
      <ul class="cards">
        {data.events.nodes.map((e) => (
          <li key={e.slug}>
            <a href={`/events/${encodeURIComponent(e.slug)}`}>{e.name}</a>
            <span class="meta">
              {' '}
              {e.city ?? ''} {e.startDate ?? ''}
            </span>{' '}
            · <a href={`/schedule/${encodeURIComponent(e.slug)}`}>schedule</a>
          </li>
        ))}
      </ul>
    </>
  );
}
