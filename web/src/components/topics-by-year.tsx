import { cell, plot, text } from '@observablehq/plot';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useBoxWidth } from './use-box-width.ts';
import { request, useGeneration } from '../api.ts';
import { TopicCountsQuery } from '../queries.ts';
import { Loading } from '../views/status.tsx';

/** How many topics the chart keeps: the ones with most talks over all the years. */
const TOP = 8;

interface YearTopics {
  year: string;
  total: number;
  topics: ReadonlyArray<{ value: string; label: string; count: number }>;
}

/** One facet query per year (`talks(filter: { organization, date: that year }) { facets { topics } }`), in parallel. */
function useTopicsByYear(organization: string, years: readonly string[]): { data: YearTopics[] | null; error: Error | null } {
  const generation = useGeneration();
  const key = JSON.stringify([organization, years, generation]);
  const [state, setState] = useState<{ key: string; data: YearTopics[] | null; error: Error | null } | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(
      years.map((year) =>
        request(TopicCountsQuery, { filter: { organization: [organization], date: { from: `${year}-01-01`, to: `${year}-12-31` } } }).then(({ talks }) => ({
          year,
          total: talks.totalCount,
          topics: talks.facets.topics,
        })),
      ),
    ).then(
      (data) => live && setState({ key, data, error: null }),
      (error: Error) => live && setState({ key, data: null, error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state && state.key === key ? state : { data: null, error: null };
}

function HeatMap({
  cells,
  years,
  topics,
  label,
}: {
  cells: Array<{ year: string; topic: string; count: number }>;
  years: string[];
  topics: string[];
  label: string;
}) {
  const { box, width } = useBoxWidth<HTMLDivElement>();
  useEffect(() => {
    const element = box.current;
    if (!element || width === 0) return;
    const chart = plot({
      width,
      height: topics.length * 28 + 40,
      marginLeft: Math.min(180, Math.max(...topics.map((t) => t.length)) * 7 + 10),
      ariaLabel: label,
      x: { label: null, domain: years },
      y: { label: null, domain: topics },
      color: { type: 'linear', scheme: 'blues', zero: true },
      marks: [
        cell(cells, { x: 'year', y: 'topic', fill: 'count', inset: 1 }),
        text(cells, { x: 'year', y: 'topic', text: 'count', fill: 'var(--fg)', stroke: 'var(--bg)', strokeWidth: 3 }),
      ],
    });
    // One image to assistive technology; its numbers are in the table below.
    chart.setAttribute('role', 'img');
    for (const node of chart.querySelectorAll('[aria-label], [aria-description]')) {
      node.removeAttribute('aria-label');
      node.removeAttribute('aria-description');
    }
    element.replaceChildren(chart);
    return () => chart.remove();
  }, [cells, years, topics, width, label]);
  return <div class="chart" ref={box} />;
}

/**
 * An organization's topics over the years: talks per topic and year as a heat map, with the numbers
 * as a table (rows: the topics with most talks; columns: years with dated talks).
 */
export function TopicsByYear({ organization, name, years }: { organization: string; name: string; years: readonly string[] }) {
  const { data, error } = useTopicsByYear(organization, years);
  const table = useMemo(() => {
    if (!data) return null;
    const totals = new Map<string, { label: string; count: number }>();
    for (const y of data) for (const t of y.topics) totals.set(t.value, { label: t.label, count: (totals.get(t.value)?.count ?? 0) + t.count });
    const topics = [...totals].sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b)).slice(0, TOP);
    const counts = (year: YearTopics, topic: string) => year.topics.find((t) => t.value === topic)?.count ?? 0;
    const cells = topics.flatMap(([value, t]) => data.map((y) => ({ year: y.year, topic: t.label, count: counts(y, value) })));
    return { topics, cells, counts };
  }, [data]);
  if (error) return <p role="alert">Could not load the topics per year: {error.message}</p>;
  if (!data || !table) return <Loading />;
  if (table.topics.length === 0) return <p>No tagged talk with a date.</p>;
  return (
    <>
      <HeatMap
        cells={table.cells}
        years={data.map((y) => y.year)}
        topics={table.topics.map(([, t]) => t.label)}
        label={`Talks of ${name} per topic and year`}
      />
      <p class="note">From the dated talks; a talk counts for each of its topics.</p>
      <details>
        <summary>Numbers</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Talks per topic and year">
          <table data-testid="topics-by-year">
            <thead>
              <tr>
                <th scope="col">Topic</th>
                {data.map((y) => (
                  <th key={y.year} scope="col">
                    {y.year}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.topics.map(([value, t]) => (
                <tr key={value} data-topic={value}>
                  <th scope="row">
                    <a href={`/topics/${encodeURIComponent(value)}`}>{t.label}</a>
                  </th>
                  {data.map((y) => (
                    <td key={y.year} class="num" data-year={y.year}>
                      {table.counts(y, value)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
