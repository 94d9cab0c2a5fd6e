import { useMemo } from 'preact/hooks';
import { useQuery } from '../api.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { TalkList } from '../components/talk-list.tsx';
import { TopicsByYear } from '../components/topics-by-year.tsx';
import { OrganizationQuery, OverviewQuery } from '../queries.ts';
import { Failure, Loading, NotFound } from './status.tsx';

/** `/organizations/:slug`: people, topics, talks per year, topics over the years, parallel talks and the talk list. */
export function OrganizationView({ slug }: { slug: string }) {
  const { data, error } = useQuery(OrganizationQuery, { slug });
  const facets = useQuery(OverviewQuery, { filter: { organization: [slug] } });
  const years = useMemo(() => {
    const byYear = new Map<string, number>();
    for (const b of facets.data?.talks.facets.dates ?? []) byYear.set(b.value.slice(0, 4), (byYear.get(b.value.slice(0, 4)) ?? 0) + b.count);
    return [...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([label, count]) => ({ label, count }));
  }, [facets.data]);
  const yearLabels = useMemo(() => years.map((y) => y.label), [years]);
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  const org = data.organization;
  if (!org) return <NotFound what="organization" />;
  return (
    <>
      <p class="kicker">Organization</p>
      <h1 tabIndex={-1}>{org.name}</h1>
      <p class="meta">
        <span data-testid="talk-count">{org.talkCount}</span> talks · <span data-testid="speaker-count">{org.speakerCount}</span> speakers
        {org.aliases.length ? ` · also written ${org.aliases.join(', ')}` : ''} ·{' '}
        <a href={`/?organization=${encodeURIComponent(org.slug)}`}>overview of its talks</a>
      </p>
      <div class="grid two">
        <section class="card" aria-labelledby="years-title">
          <h2 id="years-title">Talks per year</h2>
          {years.length ? <BarChart bars={years} label={`Talks per year of ${org.name}`} /> : <p>No dated talk.</p>}
        </section>
        <section class="card" aria-labelledby="topics-title">
          <h2 id="topics-title">Topics</h2>
          <ul>
            {org.topics.slice(0, 15).map((t) => (
              <li key={t.topic.slug}>
                <a href={`/?organization=${encodeURIComponent(org.slug)}&topic=${encodeURIComponent(t.topic.slug)}`}>{t.topic.name}</a>{' '}
                <span class="meta">
                  {t.talkCount} talks ({Math.round(t.weight * 100)}%)
                </span>
              </li>
            ))}
          </ul>
        </section>
        <section class="card wide" aria-labelledby="topic-years-title" data-testid="topic-years">
          <h2 id="topic-years-title">Topics over the years</h2>
          {facets.data ? yearLabels.length ? <TopicsByYear organization={org.slug} name={org.name} years={yearLabels} /> : <p>No dated talk.</p> : <Loading />}
        </section>
        <section class="card" aria-labelledby="people-title">
          <h2 id="people-title">Speakers</h2>
          <ul class="columns">
            {org.speakers.nodes.map((s) => (
              <li key={s.slug}>
                <a href={`/speakers/${encodeURIComponent(s.slug)}`}>{s.name}</a> <span class="meta">({s.talkCount})</span>
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="parallel-title">
          <h2 id="parallel-title">Talks at the same time</h2>
          {org.parallelTalks.length === 0 ? <p>None.</p> : null}
          <ul>
            {org.parallelTalks.slice(0, 20).map((c) => (
              <li key={c.talks.map((t) => t.slug).join('+')}>
                {c.talks.map((t, i) => (
                  <span key={t.slug}>
                    {i ? ' and ' : ''}
                    <a href={`/talks/${encodeURIComponent(t.slug)}`}>{t.title}</a>
                  </span>
                ))}{' '}
                {c.talks[0]?.event && c.talks[0].date ? (
                  <a
                    class="meta"
                    href={`/schedule/${encodeURIComponent(c.talks[0].event.slug)}?date=${c.talks[0].date}&organization=${encodeURIComponent(org.slug)}`}
                  >
                    in the schedule
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <TalkList filter={{ organization: [org.slug] }} />
    </>
  );
}
