import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { LIMIT_CODES } from './limit-error.ts';
import { shortcutSafe } from './shortcut-safety.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What the server learns about one request while handling it, for logs and metrics. */
export interface RequestRecord {
  id: string;
  /** performance.now() when our first hook saw it; null when Yoga answered before our hooks ran. */
  startedAt: number | null;
  operationName: string | null;
  /** `extensions.code` of every error in the response ('UNCODED' when it has none). */
  errorCodes: string[];
}

/** Request records keyed by the per-request server context (the Request object may be replaced on the way). */
export class RequestTracker {
  private readonly records = new WeakMap<object, RequestRecord>();

  get(serverContext: object): RequestRecord | undefined {
    return this.records.get(serverContext);
  }

  set(serverContext: object, record: RequestRecord): void {
    this.records.set(serverContext, record);
  }
}

const CLIENT_ID = /^[\w.:-]{1,128}$/;

/** The client's request id when it is a sane token (it ends up in logs), else a fresh UUID. */
export function requestIdOf(header: string | null): string {
  return header && CLIENT_ID.test(header) ? header : randomUUID();
}

function codesOf(result: unknown): string[] {
  const results = Array.isArray(result) ? result : [result];
  const codes: string[] = [];
  for (const single of results) {
    const errors = (single as { errors?: ReadonlyArray<{ extensions?: { code?: unknown } }> } | null)?.errors ?? [];
    for (const error of errors) codes.push(typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNCODED');
  }
  return codes;
}

/**
 * Must come first among the plugins: gives every request an id (the `x-request-id` header when the
 * client sent a sane one), notes its operation name and error codes, and echoes the id in the response.
 */
export function useRequestTracking(tracker: RequestTracker, now: () => number = () => performance.now()): Plugin {
  return shortcutSafe(plugin(tracker, now), 'the response cache notes the operation name of its answers, which have no errors to count');
}

function plugin(tracker: RequestTracker, now: () => number): Plugin {
  return {
    onRequest({ request, serverContext }) {
      tracker.set(serverContext, { id: requestIdOf(request.headers.get(REQUEST_ID_HEADER)), startedAt: now(), operationName: null, errorCodes: [] });
    },
    onParams({ params, context }) {
      const record = tracker.get(context as object);
      if (record) record.operationName = typeof params.operationName === 'string' ? params.operationName.slice(0, 200) : null;
    },
    onResultProcess({ result, serverContext }) {
      const record = tracker.get(serverContext);
      if (record) record.errorCodes.push(...codesOf(result));
    },
    onResponse({ request, response, serverContext }) {
      let record = tracker.get(serverContext);
      if (!record) {
        // Yoga's own handlers (/health, CORS preflight, GraphiQL) answer before our onRequest runs.
        record = { id: requestIdOf(request.headers.get(REQUEST_ID_HEADER)), startedAt: null, operationName: null, errorCodes: [] };
        tracker.set(serverContext, record);
      }
      // Answers given before GraphQL handling (the body limit's 413) have no result to read codes from.
      if (record.errorCodes.length === 0 && response.status === 413) record.errorCodes.push(LIMIT_CODES.bodyBytes);
      response.headers.set(REQUEST_ID_HEADER, record.id);
    },
  };
}
