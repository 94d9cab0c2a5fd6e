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

const ACCEPT = 'application/graphql-response+json, application/json';

/** A generated document as sent: its text, and its metadata (`hash`: the persisted id). */
interface SentDocument {
  readonly __meta__?: Record<string, unknown> | undefined;
  toString(): string;
}

/**
 * The id the server knows a document by: GraphQL Code Generator puts it on each document
 * (`persistedDocuments` in web/codegen.ts), and `npm run persisted` lists it in the server's manifest.
 */
function documentIdOf(document: SentDocument): string | null {
  const hash: unknown = document.__meta__?.hash;
  return typeof hash === 'string' ? hash : null;
}

/** What names a document in a request: its persisted id, or its text when it has none (or `asText`). */
export function documentParams(document: SentDocument, asText = false): { documentId: string } | { query: string } {
  const documentId = asText ? null : documentIdOf(document);
  return documentId ? { documentId } : { query: document.toString() };
}

async function answerOf<R>(response: Response): Promise<R> {
  const json = (await response.json().catch(() => ({}))) as GraphQLResponse<R>;
  const first = json.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? null);
  if (!response.ok || !json.data) throw new ApiError(`The API answered ${response.status}.`, null);
  return json.data;
}

/**
 * A GET of the document's persisted id (`/graphql?documentId=…&variables=…`), revalidated by its
 * ETag on every call (`cache: 'no-cache'`: unchanged answers come back as 304, without a body).
 * A server that does not know the id (a manifest older than this build) gets the text by POST,
 * which it runs unless it runs persisted documents only.
 */
function send<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const params = documentParams(document);
  const post = () =>
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: ACCEPT },
      body: JSON.stringify({ ...documentParams(document, true), variables }),
    }).then((response) => answerOf<R>(response));
  if (!('documentId' in params)) return post();
  const search = new URLSearchParams({ documentId: params.documentId, variables: JSON.stringify(variables ?? {}) });
  return fetch(`/graphql?${search}`, { headers: { accept: ACCEPT, 'x-graphql-yoga-csrf': '1' }, cache: 'no-cache' })
    .then((response) => answerOf<R>(response))
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'PERSISTED_QUERY_NOT_FOUND') return post();
      throw error;
    });
}

/** Runs a typed query by its persisted id; answers are cached per document and variables until refreshAll(). */
export function request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const key = JSON.stringify([documentIdOf(document) ?? document.toString(), variables]);
  const cached = cache.get(key);
  if (cached) return cached as Promise<R>;
  const pending = send(document, variables);
  pending.catch(() => cache.delete(key));
  cache.set(key, pending);
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
