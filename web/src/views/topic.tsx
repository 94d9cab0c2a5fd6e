import { useQuery } from '../api.ts';
import { TalkList } from '../components/talk-list.tsx';
import { TopicQuery } from '../queries.ts';
import { Failure, Loading, NotFound } from './status.tsx';

/** `/topics/:slug`: the taxonomy around a topic, topics that go with it, and its talks (subtopics included). */
export function TopicView({ slug }: { slug: string }) {
  const { data, error } = useQuery(TopicQuery, { slug });
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  const topic = data.topic;
  if (!topic) return <NotFound what="topic" />;
  return (
    <>
      <p class="kicker">Topic</p>
      <h1 tabIndex={-1}>{topic.name}</h1>
      {topic.description ? <p>{topic.description}</p> : null}
      <p class="meta">
        <span data-testid="talk-count">{topic.talkCount}</span> talks tagged with it · keywords: {topic.keywords.join(', ')} ·{' '}
        <a href={`/?topic=${encodeURIComponent(topic.slug)}`}>overview of its talks</a>
      </p>
      <div class="grid two">
        <section class="card" aria-labelledby="tax-title">
          <h2 id="tax-title">Broader and narrower</h2>
          <p>Part of: {topic.parent ? <a href={`/topics/${encodeURIComponent(topic.parent.slug)}`}>{topic.parent.name}</a> : 'nothing (a root topic)'}</p>
          {topic.children.length ? (
            <ul>
              {topic.children.map((c) => (
                <li key={c.slug}>
                  <a href={`/topics/${encodeURIComponent(c.slug)}`}>{c.name}</a> <span class="meta">({c.talkCount})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section class="card" aria-labelledby="related-title">
          <h2 id="related-title">Related topics</h2>
          {topic.relatedTopics.length === 0 ? <p>None.</p> : null}
          <ul>
            {topic.relatedTopics.map((r) => (
              <li key={r.topic.slug}>
                <a href={`/topics/${encodeURIComponent(r.topic.slug)}`}>{r.topic.name}</a>{' '}
                <span class="meta">
                  {r.count} talks together, lift {r.lift.toFixed(1)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <TalkList filter={{ topic: [topic.slug] }} />
    </>
  );
}
