import { useMemo } from 'preact/hooks';
import { useQuery } from '../api.ts';
import { CalendarLink } from '../components/chips.tsx';
import { TalkList } from '../components/talk-list.tsx';
import { EditableChip } from '../components/editable-chip.tsx';
import { chipsOfAnswer, filterQuery, talkFilterOf } from '../filter.ts';
import type { TalkFilter } from '../gql/graphql.ts';
import { SearchQuery } from '../queries.ts';
import { chipId, readChipsOf, searchStateOf, type ReadChip } from '../search-state.ts';
import { Failure, Loading } from './status.tsx';

const PATHS = { Talk: 'talks', Speaker: 'speakers', Organization: 'organizations', Topic: 'topics' } as const;

/**
 * `/search?q=…`: one box for words and questions. The question is read by `ask`; its reading is shown
 * as chips (each can be edited or removed: the list follows) with the words it could not place; text-search hits below.
 */
export function Search({ url }: { url: URL }) {
  const state = useMemo(() => searchStateOf(url.searchParams), [url.search]);
  const q = state.q;
  const { data, error, loading } = useQuery(SearchQuery, { q }, q === '');

  const reading = useMemo(() => {
    if (!data) return null;
    const { chips: read, rest } = chipsOfAnswer(data.ask.filter);
    const chips = readChipsOf(read, state);
    const kept = chips.filter((c) => !c.off).map((c) => c.current);
    const filter: TalkFilter = { ...(talkFilterOf(kept) ?? {}), ...rest };
    return { chips, kept, rest, filter };
  }, [data, state]);
  /** The filter of the reading without one chip: what its suggestions are counted over. */
  const othersOf = (chip: ReadChip): TalkFilter | null => {
    if (!reading) return null;
    const kept = reading.chips.filter((c) => c !== chip && !c.off).map((c) => c.current);
    const filter: TalkFilter = { ...(talkFilterOf(kept) ?? {}), ...reading.rest };
    return Object.keys(filter).length ? filter : null;
  };

  return (
    <>
      <h1 tabIndex={-1}>Search</h1>
      <form class="search-form" role="search" action="/search" method="get">
        <label for="search-page-q">Words or a question</label>
        <input id="search-page-q" name="q" type="search" value={q} placeholder='e.g. tetragon, or "talks by Isovalent speakers on Friday"' />
        <button type="submit">Search</button>
      </form>
      {q === '' ? <p>Type words to find talks, speakers, organizations and topics, or ask a question in plain words.</p> : null}
      {error ? <Failure error={error} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && reading ? (
        <>
          <section class="card" aria-labelledby="reading-title">
            <h2 id="reading-title">Understood as</h2>
            <p data-testid="interpretation">{data.ask.interpretation}</p>
            {reading.chips.length ? (
              <ul class="chips" aria-label="Filter read from the question (each value can be edited or removed)">
                {reading.chips.map((chip) => (
                  <EditableChip key={chipId(chip.original)} chip={chip} state={state} others={othersOf(chip)} />
                ))}
              </ul>
            ) : null}
            {Object.keys(reading.rest).length ? <p class="note">Also: {JSON.stringify(reading.rest)}</p> : null}
            {data.ask.unrecognized.length ? (
              <p data-testid="unrecognized">
                Not understood:{' '}
                {data.ask.unrecognized.map((w) => (
                  <mark key={w}>{w}</mark>
                ))}
              </p>
            ) : null}
            {data.ask.corrections.length ? <p>Read {data.ask.corrections.map((c) => `“${c.from}” as “${c.to}”`).join(', ')}.</p> : null}
            {data.ask.alternatives.length ? <p>Other readings: {data.ask.alternatives.map((a) => `${a.interpretation} (${a.talkCount})`).join('; ')}</p> : null}
            {Object.keys(reading.rest).length === 0 && reading.kept.length ? (
              <p>
                <a href={`/${filterQuery(reading.kept)}`}>Open in the overview</a> · <CalendarLink chips={reading.kept} />
              </p>
            ) : null}
          </section>
          <TalkList filter={reading.filter} title="Matching talks" orderBy={reading.filter.text ? 'RELEVANCE' : 'START_TIME'} />
          <section class="card" aria-labelledby="hits-title">
            <h2 id="hits-title">Text search</h2>
            {data.search.length === 0 ? <p>No hit.</p> : null}
            <ol class="hits">
              {data.search.map((hit) => {
                const node = hit.node;
                const name = node.__typename === 'Talk' ? node.title : node.name;
                return (
                  <li key={`${node.__typename}:${node.slug}`} data-hit={node.__typename}>
                    <span class="badge">{node.__typename}</span> <a href={`/${PATHS[node.__typename]}/${encodeURIComponent(node.slug)}`}>{name}</a>
                    {node.__typename === 'Talk' && node.event ? <span class="meta"> · {node.event.name}</span> : null}
                    {'talkCount' in node ? <span class="meta"> · {node.talkCount} talks</span> : null}
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      ) : null}
    </>
  );
}
