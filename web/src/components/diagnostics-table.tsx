import { useQuery } from '../api.ts';
import { DiagnosticsPageQuery } from '../queries.ts';
import { Failure, Loading } from '../views/status.tsx';

/** `/quality?code=…&after=…` (or `before=…`): the link to another page of the list, the code kept. */
export function diagnosticsHref(code: string | null, page: { after?: string; before?: string } = {}): string {
  const params = new URLSearchParams();
  if (code) params.set('code', code);
  if (page.after) params.set('after', page.after);
  if (page.before) params.set('before', page.before);
  const query = params.toString();
  return `/quality${query ? `?${query}` : ''}#diagnostics-title`;
}

/**
 * The diagnostics, 50 a page, optionally of one code; where the page is lives in the URL (cursors
 * from the API), so a page can be shared and the back button returns to the one before.
 */
export function DiagnosticsTable({ url }: { url: URL }) {
  const code = url.searchParams.get('code');
  const after = url.searchParams.get('after');
  const before = url.searchParams.get('before');
  const forward = !before;
  const { data, error } = useQuery(DiagnosticsPageQuery, { code: code ? [code] : null, after, before, forward });
  const page = data ? (data.ingestReport.forward ?? data.ingestReport.backward) : null;
  return (
    <section class="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">
        Diagnostics
        {code ? (
          <>
            {' '}
            of code <code>{code}</code>
          </>
        ) : null}{' '}
        {page ? <span data-testid="diagnostics-total">({page.totalCount})</span> : null}
      </h2>
      {code ? (
        <p>
          <a href={diagnosticsHref(null)}>Show every code</a>
        </p>
      ) : null}
      {error ? <Failure error={error} /> : null}
      {!page && !error ? <Loading /> : null}
      {page ? (
        <>
          <div class="table-scroll" tabIndex={0} role="region" aria-label="Diagnostics table">
            <table data-testid="diagnostics">
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Code</th>
                  <th scope="col">Message</th>
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((d) => (
                  <tr key={`${d.file}:${d.line}:${d.code}:${d.message}`}>
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
          <nav class="paging" aria-label="Pages of diagnostics">
            <span>{page.nodes.length} shown, 50 a page. </span>
            {page.pageInfo.hasPreviousPage && page.pageInfo.startCursor ? (
              <a href={diagnosticsHref(code, { before: page.pageInfo.startCursor })} rel="prev">
                Previous page
              </a>
            ) : null}{' '}
            {page.pageInfo.hasNextPage && page.pageInfo.endCursor ? (
              <a href={diagnosticsHref(code, { after: page.pageInfo.endCursor })} rel="next">
                Next page
              </a>
            ) : null}
          </nav>
        </>
      ) : null}
    </section>
  );
}
