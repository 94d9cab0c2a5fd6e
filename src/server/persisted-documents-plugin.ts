import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';

/** The committed manifest: id (`sha256:` + hex SHA-256 of the text) → document text. `npm run persisted` writes it. */
export const PERSISTED_MANIFEST_URL = new URL('./persisted-documents.json', import.meta.url);

/** Stable `extensions.code` values of persisted documents (part of the API contract: never rename). */
export const PERSISTED_CODES = {
  notFound: 'PERSISTED_QUERY_NOT_FOUND',
  only: 'PERSISTED_QUERY_ONLY',
  idRequired: 'PERSISTED_QUERY_ID_REQUIRED',
  both: 'PERSISTED_QUERY_AND_TEXT',
} as const;

/** The parameter that names a persisted document, in the query string of a GET or the JSON body of a POST. */
export const DOCUMENT_ID_PARAM = 'documentId';

/** Reads a manifest file (a JSON object of id → text); throws a clear error when it is not one. */
export function loadPersistedDocuments(file: URL | string = PERSISTED_MANIFEST_URL): ReadonlyMap<string, string> {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${String(file)}: a persisted-documents manifest is a JSON object of id → text.`);
  const entries = Object.entries(parsed);
  for (const [id, text] of entries) if (typeof text !== 'string') throw new Error(`${String(file)}: the document of ${id} is not a string.`);
  return new Map(entries as Array<[string, string]>);
}

export interface PersistedDocumentsOptions {
  /** Refuse documents sent as text: only ids from the manifest run (PERSISTED_ONLY). */
  only: boolean;
  /** Id → text. Default: the committed manifest (loadPersistedDocuments()). */
  documents?: ReadonlyMap<string, string>;
}

/** A client error that no cache keeps: the same id may be known after the next deploy. */
function refusal(message: string, code: string, status: number) {
  return createGraphQLError(message, { extensions: { code, http: { status, headers: { 'cache-control': 'no-store' } } } });
}

/** The id a request names: `documentId` in a POST body (Yoga hands the body over as params) or in a GET's query string. */
function documentIdOf(params: GraphQLParams, request: Request): unknown {
  const fromBody = (params as Record<string, unknown>)[DOCUMENT_ID_PARAM];
  if (fromBody !== undefined) return fromBody;
  return request.method === 'GET' ? new URL(request.url, 'http://localhost').searchParams.get(DOCUMENT_ID_PARAM) : undefined;
}

/**
 * Persisted (trusted) documents, with `@graphql-yoga/plugin-persisted-operations`: a request may
 * name a document of the manifest by id instead of sending its text —
 * `GET /graphql?documentId=sha256:…&variables=…` or a POST of `{ "documentId": …, "variables": … }`.
 * The text then goes through the rest of the pipeline as if it had been sent (parse cache,
 * validation, limits, response cache, ETag on GET). An unknown id is a 404 with
 * PERSISTED_QUERY_NOT_FOUND; a request with both an id and a text is a 400. With `only`, a text is
 * refused (400, PERSISTED_QUERY_ONLY) and a request with neither is PERSISTED_QUERY_ID_REQUIRED;
 * without it, a request without an id meets Yoga's own checks exactly as before.
 */
export function usePersistedDocuments(options: PersistedDocumentsOptions): Plugin {
  const documents = options.documents ?? loadPersistedDocuments();
  const ids = new WeakMap<Request, string>();
  const persisted = usePersistedOperations({
    allowArbitraryOperations: !options.only,
    extractPersistedOperationId: (_params, request) => ids.get(request) ?? null,
    getPersistedOperation: (id) => documents.get(id) ?? null,
    customErrors: {
      notFound: ({ request }) =>
        refusal(
          `No persisted document has the id "${ids.get(request)?.slice(0, 100)}". Ids are listed in src/server/persisted-documents.json (npm run persisted).`,
          PERSISTED_CODES.notFound,
          404,
        ),
      persistedQueryOnly: () =>
        refusal(
          `This server runs only persisted documents (PERSISTED_ONLY): send "${DOCUMENT_ID_PARAM}" with the id of a document of its manifest instead of "query".`,
          PERSISTED_CODES.only,
          400,
        ),
      keyNotFound: () => refusal(`Send "${DOCUMENT_ID_PARAM}": this server runs only persisted documents (PERSISTED_ONLY).`, PERSISTED_CODES.idRequired, 400),
    },
  });
  return {
    ...persisted,
    // Reads the id (the plugin's own reader sees no GET parameter but `query`), refuses what it cannot
    // mean, and leaves a request without an id to Yoga's own parameter checks unless only ids are run.
    onParams(payload) {
      const { params, request } = payload;
      const id = documentIdOf(params, request);
      if (id === undefined || id === null || id === '') return options.only ? persisted.onParams?.(payload) : undefined;
      if (typeof id !== 'string') throw refusal(`"${DOCUMENT_ID_PARAM}" must be a string.`, 'BAD_REQUEST', 400);
      if (params.query !== undefined && params.query !== null)
        throw refusal(`Send either "query" or "${DOCUMENT_ID_PARAM}", not both.`, PERSISTED_CODES.both, 400);
      ids.set(request, id);
      return persisted.onParams?.(payload);
    },
  };
}
