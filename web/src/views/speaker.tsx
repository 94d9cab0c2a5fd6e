import { useQuery } from '../api.ts';
import { TalkList } from '../components/talk-list.tsx';
import { SpeakerQuery } from '../queries.ts';
import { Failure, Loading, NotFound } from './status.tsx';

/** `/speakers/:slug`: a speaker's organizations, co-speakers, talks and double bookings. */
export function SpeakerView({ slug }: { slug: string }) {
  const { data, error } = useQuery(SpeakerQuery, { slug });
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  const speaker = data.speaker;
  if (!speaker) return <NotFound what="speaker" />;
  return (
    <>
      <p class="kicker">Speaker</p>
      <h1 tabIndex={-1}>{speaker.name}</h1>
      <p class="meta">
        <span data-testid="talk-count">{speaker.talkCount}</span> talks
        {speaker.organizations.length ? ' · ' : ''}
        {speaker.organizations.map((o, i) => (
          <span key={o.slug}>
            {i ? ', ' : ''}
            <a href={`/organizations/${encodeURIComponent(o.slug)}`}>{o.name}</a>
          </span>
        ))}
        {speaker.aliases.length ? ` · also written ${speaker.aliases.join(', ')}` : ''}
      </p>
      <div class="grid two">
        <section class="card" aria-labelledby="co-title">
          <h2 id="co-title">Co-speakers</h2>
          {speaker.coSpeakers.length === 0 ? <p>None.</p> : null}
          <ul>
            {speaker.coSpeakers.map((c) => (
              <li key={c.speaker.slug}>
                <a href={`/speakers/${encodeURIComponent(c.speaker.slug)}`}>{c.speaker.name}</a> <span class="meta">({c.talkCount} together)</span>
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="clash-title">
          <h2 id="clash-title">Double bookings</h2>
          {speaker.doubleBookings.length === 0 ? <p>No two of these talks run at the same time.</p> : null}
          <ul>
            {speaker.doubleBookings.map((c) => (
              <li key={c.talks.map((t) => t.slug).join('+')}>
                {c.talks.map((t, i) => (
                  <span key={t.slug}>
                    {i ? ' and ' : ''}
                    <a href={`/talks/${encodeURIComponent(t.slug)}`}>{t.title}</a>
                  </span>
                ))}{' '}
                <span class="meta">
                  overlap {c.overlapMinutes} min ·{' '}
                  {c.talks[0]?.event && c.talks[0].date ? (
                    <a href={`/schedule/${encodeURIComponent(c.talks[0].event.slug)}?date=${c.talks[0].date}&speaker=${encodeURIComponent(speaker.slug)}`}>
                      see in the schedule
                    </a>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <TalkList filter={{ speaker: [speaker.slug] }} />
    </>
  );
}
