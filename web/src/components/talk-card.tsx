import type { TalkItemFragment } from '../gql/graphql.ts';
import { formatKind, formatWhen } from '../format.ts';

/** One talk in a list: title link, when, event, speakers with their organizations. */
export function TalkCard({ talk, highlight = false }: { talk: TalkItemFragment; highlight?: boolean }) {
  return (
    <article class={highlight ? 'talk-card clash' : 'talk-card'} data-talk={talk.slug}>
      <h3>
        <a href={`/talks/${encodeURIComponent(talk.slug)}`}>{talk.title}</a>
      </h3>
      <p class="meta">
        {formatKind(talk.kind)} · {formatWhen(talk)}
        {talk.event ? (
          <>
            {' · '}
            <a href={`/events/${encodeURIComponent(talk.event.slug)}`}>{talk.event.name}</a>
          </>
        ) : null}
      </p>
      {talk.appearances.length ? (
        <p class="people">
          {talk.appearances.map((a, i) => (
            <span key={a.speaker.slug}>
              {i > 0 ? ', ' : ''}
              <a href={`/speakers/${encodeURIComponent(a.speaker.slug)}`}>{a.speaker.name}</a>
              {a.organization ? (
                <>
                  {' ('}
                  <a href={`/organizations/${encodeURIComponent(a.organization.slug)}`}>{a.organization.name}</a>
                  {')'}
                </>
              ) : null}
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
