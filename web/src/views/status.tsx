export function Loading() {
  return (
    <p class="loading" role="status">
      Loading…
    </p>
  );
}

export function Failure({ error }: { error: Error }) {
  return <p role="alert">Could not load this view: {error.message}</p>;
}

export function NotFound({ what }: { what: string }) {
  return (
    <>
      <h1 tabIndex={-1}>Not found</h1>
      <p>
        No {what} has this name. Try the <a href="/search">search</a>.
      </p>
    </>
  );
}
