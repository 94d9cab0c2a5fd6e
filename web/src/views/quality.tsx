import { useQuery } from '../api.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { DiagnosticsTable, diagnosticsHref } from '../components/diagnostics-table.tsx';
import { QualityQuery } from '../queries.ts';
import { Failure, Loading } from './status.tsx';

type Group = { value: string; count: number };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A chart of diagnostic groups with its numbers as a table; a code's row links to the list of that code. */
function GroupCard({ id, title, groups, note, linkCodes }: { id: string; title: string; groups: readonly Group[]; note: string; linkCodes?: boolean }) {
  return (
    <section class="card" aria-labelledby={`${id}-title`} data-groups={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {groups.length ? (
        <BarChart bars={groups.map((g) => ({ label: g.value, count: g.count }))} horizontal unit="diagnostics" label={title} />
      ) : (
        <p>No diagnostic.</p>
      )}
      <p class="note">{note}</p>
      <details>
        <summary>Numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{linkCodes ? 'Code' : 'File'}</th>
              <th scope="col">Diagnostics</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.value} data-value={g.value}>
                <th scope="row">{linkCodes ? <a href={diagnosticsHref(g.value)}>{g.value}</a> : g.value}</th>
                <td class="num">{g.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/**
 * `/quality`: the ingest report — counts, diagnostics by code and by file (counted by the API over
 * every diagnostic), near-duplicate names, and the diagnostics 50 a page (`?code=…` keeps one code).
 */
export function QualityView({ url }: { url: URL }) {
  const { data, error } = useQuery(QualityQuery, {});
  const report = data?.ingestReport;
  return (
    <>
      <h1 tabIndex={-1}>Data quality</h1>
      {error ? <Failure error={error} /> : null}
      {!report && !error ? <Loading /> : null}
      {report ? (
        <>
          <p class="meta">Graph version {report.graphVersion.slice(0, 12)}</p>
          <dl class="counts" data-testid="counts">
            {(['posts', 'talks', 'speakers', 'organizations', 'topics', 'events', 'diagnostics', 'errors', 'warnings'] as const).map((k) => (
              <div key={k} data-count={k}>
                <dt>{k}</dt>
                <dd>{report.counts[k]}</dd>
              </div>
            ))}
          </dl>
          <div class="grid two">
            <GroupCard
              id="codes"
              title="Diagnostics by code"
              groups={report.diagnosticsByCode}
              linkCodes
              note={`Every diagnostic counted: ${plural(report.counts.diagnostics, 'diagnostic')} of ${plural(report.diagnosticsByCode.length, 'code')}.`}
            />
            <GroupCard
              id="files"
              title="Diagnostics by file"
              groups={report.diagnosticsByFile}
              note="The 20 files with most diagnostics, every diagnostic counted."
            />
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
        </>
      ) : null}
      <DiagnosticsTable url={url} />
    </>
  );
}
