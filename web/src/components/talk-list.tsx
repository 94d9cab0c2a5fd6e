import { useEffect, useState } from 'preact/hooks';
import { request, useGeneration } from '../api.ts';
import type { TalkFilter, TalkItemFragment, TalkOrder } from '../gql/graphql.ts';
import { TalkPageQuery } from '../queries.ts';
import { TalkCard } from './talk-card.tsx';

interface TalkListProps {
  filter: TalkFilter | null;
  orderBy?: TalkOrder;
  /** Heading of the list (an h2). */
  title?: string;
}

/** A filtered list of talks, one page of 20 at a time ("More talks" asks for the next page). */
export function TalkList({ filter, orderBy = 'START_TIME', title = 'Talks' }: TalkListProps) {
  const generation = useGeneration();
  const key = JSON.stringify([filter, orderBy, generation]);
  const [pages, setPages] = useState<{ key: string; talks: TalkItemFragment[]; total: number; cursor: string | null; more: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = (after: string | null, previous: TalkItemFragment[]) => {
    setBusy(true);
    request(TalkPageQuery, { filter, after, orderBy }).then(
      ({ talks }) => {
        setPages({
          key,
          talks: [...previous, ...talks.nodes],
          total: talks.totalCount,
          cursor: talks.pageInfo.endCursor ?? null,
          more: talks.pageInfo.hasNextPage,
        });
        setBusy(false);
      },
      (e: Error) => {
        setError(e.message);
        setBusy(false);
      },
    );
  };
  useEffect(() => {
    setError(null);
    setPages(null);
    load(null, []);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return (
    <section class="talk-list" aria-labelledby="talk-list-title" aria-busy={busy}>
      <h2 id="talk-list-title">
        {title}{' '}
        {pages && pages.key === key ? (
          <span class="count" data-testid="talk-list-total">
            ({pages.total})
          </span>
        ) : null}
      </h2>
      {error ? <p role="alert">Could not load the talks: {error}</p> : null}
      {pages && pages.key === key ? (
        <>
          {pages.talks.length === 0 ? <p>No talk matches.</p> : null}
          <ol class="cards">
            {pages.talks.map((talk) => (
              <li key={talk.slug}>
                <TalkCard talk={talk} />
              </li>
            ))}
          </ol>
          <p class="paging">
            Showing {pages.talks.length} of {pages.total}.{' '}
            {pages.more ? (
              <button type="button" disabled={busy} onClick={() => load(pages.cursor, pages.talks)}>
                More talks
              </button>
            ) : null}
          </p>
        </>
      ) : (
        <p>Loading…</p>
      )}
    </section>
  );
}
