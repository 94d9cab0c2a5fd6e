import type { Plugin } from 'graphql-yoga';
import type { JsonLogger } from './json-logger.ts';
import type { RequestRecord, RequestTracker } from './request-tracking.ts';
import { pathnameOf } from './request-path.ts';

/** Polled all day by probes and scrapers: logged at debug level only. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * The line of one answered request: id, method, path, status, duration, operation, error codes;
 * at error level for a 5xx, debug for probes, info otherwise.
 */
export function logRequest(logger: JsonLogger, record: RequestRecord | undefined, method: string, path: string, status: number, now: number): void {
  // Built field by field (no spreads): the same keys, in the same order, as JSON.stringify writes them.
  const fields: Record<string, unknown> = {
    requestId: record?.id,
    method,
    path,
    status,
    durationMs: record?.startedAt != null ? Math.round((now - record.startedAt) * 100) / 100 : undefined,
  };
  if (record?.operationName) fields.operationName = record.operationName;
  if (record?.errorCodes.length) fields.errorCodes = record.errorCodes;
  if (status >= 500) logger.error('request', fields);
  else if (QUIET_PATHS.has(path)) logger.debug('request', fields);
  else logger.info('request', fields);
}

/** One JSON line per request Yoga answers (logRequest). */
export function useRequestLogging(logger: JsonLogger, tracker: RequestTracker, now: () => number = () => performance.now()): Plugin {
  return {
    onResponse({ request, response, serverContext }) {
      logRequest(logger, tracker.get(serverContext), request.method, pathnameOf(request), response.status, now());
    },
  };
}
