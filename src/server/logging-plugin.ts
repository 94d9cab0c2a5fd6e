import type { Plugin } from 'graphql-yoga';
import type { JsonLogger } from './json-logger.ts';
import type { RequestTracker } from './request-tracking.ts';
import { pathnameOf } from './request-path.ts';

/** Polled all day by probes and scrapers: logged at debug level only. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/** One JSON line per answered request: id, method, path, status, duration, operation, error codes. */
export function useRequestLogging(logger: JsonLogger, tracker: RequestTracker, now: () => number = () => performance.now()): Plugin {
  return {
    onResponse({ request, response, serverContext }) {
      const record = tracker.get(serverContext);
      const path = pathnameOf(request);
      const fields = {
        requestId: record?.id,
        method: request.method,
        path,
        status: response.status,
        durationMs: record?.startedAt != null ? Math.round((now() - record.startedAt) * 100) / 100 : undefined,
        ...(record?.operationName ? { operationName: record.operationName } : {}),
        ...(record?.errorCodes.length ? { errorCodes: record.errorCodes } : {}),
      };
      if (response.status >= 500) logger.error('request', fields);
      else if (QUIET_PATHS.has(path)) logger.debug('request', fields);
      else logger.info('request', fields);
    },
  };
}
