import { useEffect, useMemo, useState } from 'preact/hooks';
import { request, useGeneration, useQuery } from '../api.ts';
import type { ScheduleDayQuery as ScheduleDayQueryType } from '../gql/graphql.ts';
import { formatDay, formatKind } from '../format.ts';
import { ClashesQuery, ScheduleDayQuery, ScheduleDaysQuery } from '../queries.ts';
import { layOutDay } from '../schedule-grid.ts';
import { Failure, Loading, NotFound } from './status.tsx';

/**
 * `/schedule/:event?date=…&organization=…&speaker=…`: one day of an event as a time grid, parallel
 * talks side by side; the talks of the chosen organization or speaker that clash are highlighted.
 */
export function ScheduleView({ event, url }: { event: string; url: URL }) {
  const date = url.searchParams.get('date');
  const organization = url.searchParams.get('organization') ?? '';
  const speaker = url.searchParams.get('speaker') ?? '';
  const { data, error } = useQuery(ScheduleDaysQuery, { event });
  const dates = data?.event?.talks.facets.dates ?? [];
  const chosen = date ?? dates[0]?.value ?? '';
  const shown = useDayTalks(event, chosen);
  const clashes = useQuery(
    ClashesQuery,
    { organization, speaker, withOrganization: organization !== '', withSpeaker: speaker !== '' },
    !organization && !speaker,
  );

  const schedule = data?.event;
  const day = chosen && shown.talks ? { date: chosen, day: weekdayOf(chosen) } : null;
  const talks = useMemo(() => shown.talks ?? [], [shown.talks]);
  const grid = useMemo(() => layOutDay(talks), [talks]);
  const clashing = useMemo(() => {
    const slugs = new Set<string>();
    const pairs = [...(clashes.data?.organization?.parallelTalks ?? []), ...(clashes.data?.speaker?.doubleBookings ?? [])];
    for (const pair of pairs) if (pair.talks.every((t) => t.date === day?.date)) for (const t of pair.talks) slugs.add(t.slug);
    return slugs;
  }, [clashes.data, day?.date]);
  const organizations = useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of talks) for (const a of t.appearances) if (a.organization) seen.set(a.organization.slug, a.organization.name);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [talks]);
  const speakers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const t of talks) for (const a of t.appearances) seen.set(a.speaker.slug, a.speaker.name);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
  }, [talks]);

  if (error ?? shown.error) return <Failure error={(error ?? shown.error)!} />;
  if (!data) return <Loading />;
  if (!schedule) return <NotFound what="event" />;
  const whose = clashes.data?.organization?.name ?? clashes.data?.speaker?.name;
  const keep = (extra: Record<string, string>) => {
    const params = new URLSearchParams();
    if (day) params.set('date', day.date);
    if (organization) params.set('organization', organization);
    if (speaker) params.set('speaker', speaker);
    for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
    return `/schedule/${encodeURIComponent(event)}?${params}`;
  };

  return (
    <>
      <p class="kicker">Schedule</p>
      <h1 tabIndex={-1}>
        <a href={`/events/${encodeURIComponent(schedule.slug)}`}>{schedule.name}</a>
      </h1>
      <nav aria-label="Days of the event">
        <ul class="tabs">
          {dates.map((d) => (
            <li key={d.value}>
              <a href={keep({ date: d.value })} aria-current={d.value === chosen ? 'page' : undefined}>
                {formatDay(weekdayOf(d.value))} {d.value} <span class="meta">({d.count})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form class="clash-form" action={`/schedule/${encodeURIComponent(event)}`} method="get">
        {day ? <input type="hidden" name="date" value={day.date} /> : null}
        <label for="clash-org">Highlight clashes of an organization</label>
        <select id="clash-org" name="organization" value={organization}>
          <option value="">(none)</option>
          {organizations.map(([slug, name]) => (
            <option key={slug} value={slug}>
              {name}
            </option>
          ))}
        </select>
        <label for="clash-speaker">or of a speaker</label>
        <select id="clash-speaker" name="speaker" value={speaker}>
          <option value="">(none)</option>
          {speakers.map(([slug, name]) => (
            <option key={slug} value={slug}>
              {name}
            </option>
          ))}
        </select>
        <button type="submit">Show</button>
      </form>
      {whose ? (
        <p role="status" data-testid="clash-summary">
          {clashing.size
            ? `${clashing.size} talks of ${whose} run at the same time as another of theirs this day (marked “clash”).`
            : `No clash for ${whose} this day.`}
        </p>
      ) : null}
      {dates.length === 0 ? <p>No dated talk in this event.</p> : null}
      {!day && dates.length > 0 ? <Loading /> : null}
      {day ? (
        <div class="schedule-scroll" tabIndex={0} role="region" aria-label={`Time grid of ${formatDay(day.day)} ${day.date}`}>
          <div class="schedule" style={{ gridTemplateColumns: `4.5rem repeat(${grid.lanes}, minmax(11rem, 1fr))` }} data-testid="schedule-grid">
            {grid.times.slice(0, -1).map((time, i) => (
              <div key={time} class="time" style={{ gridRow: `${i + 1}`, gridColumn: '1' }}>
                {time}
              </div>
            ))}
            {grid.items.map(({ item, rowStart, rowEnd, lane }) => {
              const clash = clashing.has(item.slug);
              return (
                <article
                  key={item.slug}
                  class={clash ? 'slot-talk clash' : 'slot-talk'}
                  data-talk={item.slug}
                  data-clash={clash ? 'true' : undefined}
                  style={{ gridRow: `${rowStart} / ${rowEnd}`, gridColumn: `${lane + 2}` }}
                >
                  <p class="meta">
                    {item.start}–{item.end ?? '?'} · {formatKind(item.kind)}
                    {clash ? <strong class="clash-label"> · clash</strong> : null}
                  </p>
                  <h2 class="slot-title">
                    <a href={`/talks/${encodeURIComponent(item.slug)}`}>{item.title}</a>
                  </h2>
                  <p class="people">{item.appearances.map((a) => a.speaker.name + (a.organization ? ` (${a.organization.name})` : '')).join(', ')}</p>
                </article>
              );
            })}
          </div>
        </div>
      ) : null}
      {day && shown.total !== null ? (
        <p class="paging">
          Showing {talks.length} of {shown.total} talks of the day.{' '}
          {shown.more ? (
            <button type="button" disabled={shown.busy} onClick={shown.loadMore}>
              Later talks
            </button>
          ) : null}
        </p>
      ) : null}
    </>
  );
}

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** The weekday of a local date (YYYY-MM-DD), as the API spells it. */
function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? '';
}

type DayTalk = NonNullable<ScheduleDayQueryType['event']>['talks']['nodes'][number];

/** The talks of one day, 100 at a time in start order (a large day is never fetched whole). */
function useDayTalks(event: string, date: string) {
  const generation = useGeneration();
  const [state, setState] = useState<{ key: string; talks: DayTalk[]; total: number; cursor: string | null; more: boolean } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify([event, date, generation]);
  const load = (after: string | null, previous: DayTalk[]) => {
    setBusy(true);
    request(ScheduleDayQuery, { event, date, after }).then(
      (answer) => {
        const page = answer.event?.talks;
        setState({
          key,
          talks: [...previous, ...(page?.nodes ?? [])],
          total: page?.totalCount ?? 0,
          cursor: page?.pageInfo.endCursor ?? null,
          more: page?.pageInfo.hasNextPage ?? false,
        });
        setBusy(false);
      },
      (e: Error) => {
        setError(e);
        setBusy(false);
      },
    );
  };
  useEffect(() => {
    setError(null);
    setState(null);
    if (date) load(null, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const current = state && state.key === key ? state : null;
  return {
    talks: current?.talks ?? null,
    total: current?.total ?? null,
    more: current?.more ?? false,
    busy,
    error,
    loadMore: () => current && load(current.cursor, current.talks),
  };
}
