import { useQuery } from '../api.ts';
import { formatKind, formatWhen } from '../format.ts';
import { TalkQuery } from '../queries.ts';
import { Failure, Loading, NotFound } from './status.tsx';

/** `/talks/:slug`: one talk with its speakers, topics (and why), related and overlapping talks. */
export function TalkView({ slug }: { slug: string }) {
  const { data, error } = useQuery(TalkQuery, { slug });
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  const talk = data.talk;
  if (!talk) return <NotFound what="talk" />;
  return (
    <>
      <p class="kicker">{formatKind(talk.kind)}</p>
      <h1 tabIndex={-1}>{talk.title}</h1>
      <p class="meta">
        {formatWhen(talk)}
        {talk.timezone ? ` (${talk.timezone})` : ''}
        {talk.event ? (
          <>
            {' · '}
            <a href={`/events/${encodeURIComponent(talk.event.slug)}`}>{talk.event.name}</a>
            {talk.date ? (
              <>
                {' · '}
                <a href={`/schedule/${encodeURIComponent(talk.event.slug)}?date=${talk.date}`}>schedule of the day</a>
              </>
            ) : null}
          </>
        ) : null}
        {talk.url ? (
          <>
            {' · '}
            <a href={talk.url} rel="noreferrer">
              schedule page
            </a>
          </>
        ) : null}
      </p>
      <div class="grid two">
        <section class="card" aria-labelledby="speakers-title">
          <h2 id="speakers-title">Speakers</h2>
          {talk.appearances.length === 0 ? <p>No speaker listed.</p> : null}
          <ul>
            {talk.appearances.map((a) => (
              <li key={a.speaker.slug}>
                <a href={`/speakers/${encodeURIComponent(a.speaker.slug)}`}>{a.speaker.name}</a>
                {a.role ? `, ${a.role}` : ''}
                {a.organization ? (
                  <>
                    {' — '}
                    <a href={`/organizations/${encodeURIComponent(a.organization.slug)}`}>{a.organization.name}</a>
                  </>
                ) : null}
                {a.organizationAsWritten && a.organizationAsWritten !== a.organization?.name ? (
                  <span class="meta"> (written “{a.organizationAsWritten}”)</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        <section class="card" aria-labelledby="topics-title">
          <h2 id="topics-title">Topics</h2>
          {talk.topicTags.length === 0 ? <p>No topic tagged.</p> : null}
          <ul>
            {talk.topicTags.map((tag) => (
              <li key={tag.topic.slug}>
                <a href={`/topics/${encodeURIComponent(tag.topic.slug)}`}>{tag.topic.name}</a>
                <span class="meta">
                  {' '}
                  — “{tag.keyword}” in the {tag.field.toLowerCase()}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {talk.abstract ? (
        <section class="card" aria-labelledby="abstract-title">
          <h2 id="abstract-title">Abstract</h2>
          <p class="abstract">{talk.abstract}</p>
        </section>
      ) : null}
      <div class="grid two">
        <section class="card" aria-labelledby="related-title">
          <h2 id="related-title">Related talks</h2>
          {talk.related.length === 0 ? <p>None.</p> : null}
          <ol>
            {talk.related.map((r) => (
              <li key={r.talk.slug}>
                <a href={`/talks/${encodeURIComponent(r.talk.slug)}`}>{r.talk.title}</a>
                <span class="meta"> — {r.reasons.join('; ')}</span>
              </li>
            ))}
          </ol>
        </section>
        <section class="card" aria-labelledby="overlap-title">
          <h2 id="overlap-title">At the same time</h2>
          {talk.overlapping.length === 0 ? <p>Nothing else runs at the same time.</p> : null}
          <ul>
            {talk.overlapping.map((o) => (
              <li key={o.slug}>
                <a href={`/talks/${encodeURIComponent(o.slug)}`}>{o.title}</a>
                <span class="meta">
                  {' '}
                  {o.start}–{o.end}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <p class="meta">Source: {talk.sources.map((s) => `${s.file}:${s.line}`).join(', ')}</p>
    </>
  );
}
