import { useMemo } from 'preact/hooks';
import { useQuery } from '../api.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { QualityQuery } from '../queries.ts';
import { Failure, Loading } from './status.tsx';

function countBy<T>(items: readonly T[], key: (item: T) => string): Array<{ label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** `/quality`: the ingest report — counts, diagnostics by code and by file, near-duplicate names. */
export function QualityView() {
  const { data, error } = useQuery(QualityQuery, {});
  const byCode = useMemo(() => countBy(data?.ingestReport.diagnostics.nodes ?? [], (d) => d.code), [data]);
  const byFile = useMemo(() => countBy(data?.ingestReport.diagnostics.nodes ?? [], (d) => d.file), [data]);
  if (error) return <Failure error={error} />;
  if (!data) return <Loading />;
  const report = data.ingestReport;
  const counts = report.counts;
  return (
    <>
      <h1 tabIndex={-1}>Data quality</h1>
      <p class="meta">Graph version {report.graphVersion.slice(0, 12)}</p>
      <dl class="counts" data-testid="counts">
        {(['posts', 'talks', 'speakers', 'organizations', 'topics', 'events', 'diagnostics', 'errors', 'warnings'] as const).map((k) => (
          <div key={k} data-count={k}>
            <dt>{k}</dt>
            <dd>{counts[k]}</dd>
          </div>
        ))}
      </dl>
      <div class="grid two">
        <section class="card" aria-labelledby="codes-title">
          <h2 id="codes-title">Diagnostics by code</h2>
          {byCode.length ? <BarChart bars={byCode} horizontal unit="diagnostics" label="Diagnostics by code" /> : <p>No diagnostic.</p>}
        </section>
        <section class="card" aria-labelledby="files-title">
          <h2 id="files-title">Diagnostics by file</h2>
          {byFile.length ? <BarChart bars={byFile.slice(0, 15)} horizontal unit="diagnostics" label="Diagnostics by file" /> : <p>No diagnostic.</p>}
        </section>
      </div>
      <section class="card" aria-labelledby="dups-title">
        <h2 id="dups-title">Near-duplicate names ({report.nearDuplicates.length})</h2>
        {report.nearDuplicates.length === 0 ? <p>None.</p> : null}
        <ul>
          {report.nearDuplicates.map((d) => (
            <li key={d.ids.join('+')}>
              {d.kind.toLowerCase()}: {d.names.join(' / ')} <span class="meta">({d.distance} edits)</span>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="list-title">
        <h2 id="list-title">Diagnostics ({report.diagnostics.totalCount})</h2>
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Diagnostics table">
          <table>
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Severity</th>
                <th scope="col">Code</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {report.diagnostics.nodes.slice(0, 200).map((d, i) => (
                <tr key={i}>
                  <td>
                    {d.file}:{d.line}
                  </td>
                  <td>{d.severity.toLowerCase()}</td>
                  <td>
                    <code>{d.code}</code>
                  </td>
                  <td>{d.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {report.diagnostics.totalCount > 200 ? <p>First 200 of {report.diagnostics.totalCount} shown; the charts count the first 500.</p> : null}
      </section>
    </>
  );
}
