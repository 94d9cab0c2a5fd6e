import { useMemo } from 'preact/hooks';
import { useQuery } from '../api.ts';
import { CalendarLink, Chips } from '../components/chips.tsx';
import { FacetCard } from '../components/facet-card.tsx';
import { TalkList } from '../components/talk-list.tsx';
import { chipsOf, talkFilterOf } from '../filter.ts';
import { formatDay } from '../format.ts';
import { OverviewQuery } from '../queries.ts';
import { Failure, Loading } from './status.tsx';

/** `/?event=…&day=…`: how the (filtered) talks spread over years, events, days, organizations and topics. */
export function Overview({ url }: { url: URL }) {
  const chips = useMemo(() => chipsOf(url.searchParams), [url.search]);
  const filter = useMemo(() => talkFilterOf(chips), [chips]);
  const { data, error, loading } = useQuery(OverviewQuery, { filter });
  const years = useMemo(() => {
    const byYear = new Map<string, number>();
    for (const bucket of data?.talks.facets.dates ?? []) byYear.set(bucket.value.slice(0, 4), (byYear.get(bucket.value.slice(0, 4)) ?? 0) + bucket.count);
    return [...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([label, count]) => ({ label, count, value: label }));
  }, [data]);

  return (
    <>
      <h1 tabIndex={-1}>Overview</h1>
      <div class="toolbar">
        <Chips chips={chips} base="/" />
        <CalendarLink chips={chips} />
      </div>
      {error ? <Failure error={error} /> : null}
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p class="lead" aria-busy={loading}>
            <strong data-testid="total-talks">{data.talks.totalCount}</strong> talks{chips.length ? ' match this filter' : ' in the graph'}.
          </p>
          <div class="grid" aria-busy={loading}>
            <FacetCard id="years" title="Talks per year" bars={years} chips={chips} note={<p class="note">From the dated talks.</p>} />
            <FacetCard
              id="days"
              title="Talks per weekday"
              bars={data.talks.facets.days.map((b) => ({ label: formatDay(b.value), value: b.value, count: b.count }))}
              param="day"
              chips={chips}
            />
            <FacetCard
              id="dates"
              title="Talks per date"
              bars={data.talks.facets.dates.map((b) => ({ label: b.value, value: b.value, count: b.count }))}
              param="date"
              chips={chips}
            />
            <FacetCard
              id="events"
              title="Talks per event"
              horizontal
              bars={data.talks.facets.events.map((b) => ({ label: b.label, value: b.value, count: b.count }))}
              param="event"
              chips={chips}
            />
            <FacetCard
              id="organizations"
              title="Top organizations"
              horizontal
              bars={data.talks.facets.organizations.map((b) => ({ label: b.label, value: b.value, count: b.count }))}
              param="organization"
              chips={chips}
            />
            <FacetCard
              id="topics"
              title="Topics"
              horizontal
              bars={data.talks.facets.topics.map((b) => ({ label: b.label, value: b.value, count: b.count }))}
              param="topic"
              chips={chips}
            />
          </div>
        </>
      ) : null}
      <TalkList filter={filter} />
    </>
  );
}
