import type { Plugin } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { FilterError } from '../graph/talk-filter.ts';
import { filterErrorToGraphQL } from '../schema/talk-connection.ts';
import { CalendarCache, type CalendarAnswer } from './calendar-cache.ts';
import { talkFilterFromQuery } from './calendar-query.ts';
import { encodingFor } from './graphiql-asset-plugin.ts';
import { renderTalksCalendarInChunks } from './talks-calendar.ts';
import { selectTalks } from '../graph/talk-query.ts';

export interface CalendarPluginOptions {
  graphs: GraphHolder;
  /** Default `/calendar.ics`. */
  path?: string;
  /** Rendered calendars (a cache to share or inspect); default a new one of DEFAULT_CALENDAR_CACHE_BYTES. */
  cache?: CalendarCache;
}

/** Response header: how many matching talks were left out of the calendar for lack of a start instant. */
export const SKIPPED_HEADER = 'X-Talks-Without-Start';

/** One turn of the event loop: requests waiting behind a large calendar are served between its chunks. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The cache key of a query string: its parameters in a fixed order, so `?a=1&b=2` and `?b=2&a=1` share an answer. */
function keyOf(params: URLSearchParams): string {
  return JSON.stringify([...params].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)));
}

/**
 * `GET /calendar.ics?organization=isovalent&day=FRIDAY`: the talks a TalkFilter built from the query
 * string selects (strict: unknown names are errors), as an iCalendar file. A bad parameter gives
 * 400 with `{ errors: [{ message, extensions: { code, field, accepted } }] }`, the same shape and
 * codes as the GraphQL `talks(filter:)` errors. HEAD is answered like GET (node:http drops the body).
 *
 * A calendar is rendered once per filter and graph version (CalendarCache), a chunk of talks per
 * turn of the event loop, and sent with its entity tag: useHttpCache answers `If-None-Match` with
 * a 304 from that tag, so a repeated or conditional request costs a look-up. Sent gzipped (compressed
 * once per calendar) to clients that accept gzip or brotli.
 */
export function useTalkCalendar(options: CalendarPluginOptions): Plugin {
  const path = options.path ?? '/calendar.ics';
  const cache = options.cache ?? new CalendarCache();
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== path) return;
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } }));

      if (request.method !== 'GET' && request.method !== 'HEAD') {
        json(
          405,
          { errors: [{ message: `${request.method} is not supported on ${path}; use GET.`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] },
          { allow: 'GET, HEAD' },
        );
        return;
      }
      if (!options.graphs.ready) {
        json(503, { errors: [{ message: 'The graph is not loaded yet.', extensions: { code: 'NOT_READY' } }] }, { 'retry-after': '5' });
        return;
      }
      const graph = options.graphs.current();
      const send = (answer: CalendarAnswer) => {
        const zipped = encodingFor(request.headers.get('accept-encoding')) !== 'identity';
        const { body, etag } = zipped ? answer.gzip : answer;
        endResponse(
          new fetchAPI.Response(body as unknown as BodyInit, {
            status: 200,
            headers: {
              'content-type': 'text/calendar; charset=utf-8',
              'content-disposition': 'inline; filename="talks.ics"',
              ...(zipped ? { 'content-encoding': 'gzip' } : {}),
              vary: 'Accept-Encoding',
              etag,
              [SKIPPED_HEADER]: String(answer.skipped),
            },
          }),
        );
      };
      let answer: CalendarAnswer | Promise<CalendarAnswer>;
      try {
        const filter = talkFilterFromQuery(url.searchParams);
        answer = cache.get(graph.version, keyOf(url.searchParams), () => {
          // Throws FilterError (strict: an unknown name) before anything is rendered; only calendars are kept.
          const talks = selectTalks(graph, filter, { strict: true });
          return renderTalksCalendarInChunks(graph, talks, nextTurn);
        });
      } catch (error) {
        if (!(error instanceof FilterError)) throw error;
        const { message, extensions } = filterErrorToGraphQL(error);
        json(400, { errors: [{ message, extensions }] });
        return;
      }
      if (!(answer instanceof Promise)) {
        send(answer);
        return;
      }
      return answer.then(send, (error: unknown) => {
        if (!(error instanceof FilterError)) throw error;
        const { message, extensions } = filterErrorToGraphQL(error);
        json(400, { errors: [{ message, extensions }] });
      });
    },
  };
}
