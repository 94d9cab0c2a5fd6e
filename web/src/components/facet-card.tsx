import type { ComponentChildren } from 'preact';
import { filterQuery, withChip, type Chip, type FilterParam } from '../filter.ts';
import { BarChart, type Bar } from './bar-chart.tsx';

interface FacetCardProps {
  id: string;
  title: string;
  bars: ReadonlyArray<Bar & { value?: string }>;
  horizontal?: boolean;
  /** When set, each table row links to the overview narrowed to that value. */
  param?: FilterParam;
  chips: readonly Chip[];
  note?: ComponentChildren;
}

/** A chart of one facet with its numbers as a table (the table is what screen readers and tests read). */
export function FacetCard({ id, title, bars, horizontal, param, chips, note }: FacetCardProps) {
  return (
    <section class="card facet" aria-labelledby={`${id}-title`} data-facet={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {bars.length === 0 ? <p>No data for this filter.</p> : <BarChart bars={bars} label={`${title}: bar chart`} horizontal={horizontal} />}
      {note}
      <details>
        <summary>Numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{title.replace(/^Talks per /, '')}</th>
              <th scope="col">Talks</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.value ?? bar.label} data-value={bar.value ?? bar.label}>
                <th scope="row">
                  {param && bar.value ? <a href={`/${filterQuery(withChip(chips, { param, value: bar.value }))}`}>{bar.label}</a> : bar.label}
                </th>
                <td class="num">{bar.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
