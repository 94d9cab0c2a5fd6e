import { useEffect, useState } from 'preact/hooks';
import type { TypedDocumentString } from './gql/graphql.ts';

/** A GraphQL error as the API sends it (message plus `extensions.code`). */
export class ApiError extends Error {
  readonly code: string | null;
  constructor(message: string, code: string | null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

interface GraphQLResponse<R> {
  data?: R | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const cache = new Map<string, Promise<unknown>>();
let generation = 0;
const listeners = new Set<() => void>();

/** Forgets every cached answer and re-runs the queries on screen (the graph changed). */
export function refreshAll(): void {
  cache.clear();
  generation += 1;
  for (const listener of listeners) listener();
}

/** POSTs a typed document to /graphql; answers are cached per document and variables until refreshAll(). */
export function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const body = JSON.stringify({ query: document.toString(), variables });
  const cached = cache.get(body);
  if (cached) return cached as Promise<R>;
  const pending = fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body,
  }).then(async (response) => {
    const json = (await response.json().catch(() => ({}))) as GraphQLResponse<R>;
    const first = json.errors?.[0];
    if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
    if (!response.ok || !json.data) throw new ApiError(`The API answered ${response.status}.`, null);
    return json.data;
  });
  pending.catch(() => cache.delete(body));
  cache.set(body, pending);
  return pending;
}

/** A number that changes each time refreshAll() runs: a dependency for components that fetch by themselves. */
export function useGeneration(): number {
  const [tick, setTick] = useState(generation);
  useEffect(() => {
    const listener = () => setTick(generation);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return tick;
}

export interface QueryState<R> {
  data: R | null;
  error: ApiError | Error | null;
  loading: boolean;
}

/** Runs a query for a component; re-runs when the variables change or the graph is refreshed. */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, skip = false): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<QueryState<R>>({ data: null, error: null, loading: !skip });
  const tick = useGeneration();
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ data: s.data, error: null, loading: true }));
    request(document, variables).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: Error) => live && setState({ data: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, tick, skip]);
  return state;
}
