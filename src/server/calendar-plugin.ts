import type { Plugin } from 'graphql-yoga';
import type { GraphHolder } from '../graph/graph-holder.ts';
import { FilterError } from '../graph/talk-filter.ts';
import { filterErrorToGraphQL } from '../schema/talk-connection.ts';
import { talkFilterFromQuery } from './calendar-query.ts';
import { renderTalksCalendar } from './talks-calendar.ts';
import { selectTalks } from '../graph/talk-query.ts';

export interface CalendarPluginOptions {
  graphs: GraphHolder;
  /** Default `/calendar.ics`. */
  path?: string;
}

/** Response header: how many matching talks were left out of the calendar for lack of a start instant. */
export const SKIPPED_HEADER = 'X-Talks-Without-Start';

/**
 * `GET /calendar.ics?organization=isovalent&day=FRIDAY`: the talks a TalkFilter built from the query
 * string selects (strict: unknown names are errors), as an iCalendar file. A bad parameter gives
 * 400 with `{ errors: [{ message, extensions: { code, field, accepted } }] }`, the same shape and
 * codes as the GraphQL `talks(filter:)` errors. HEAD is answered like GET (node:http drops the body).
 */
export function useTalkCalendar(options: CalendarPluginOptions): Plugin {
  const path = options.path ?? '/calendar.ics';
  return {
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (url.pathname !== path) return;
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        endResponse(new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } }));

      if (request.method !== 'GET' && request.method !== 'HEAD') {
        json(405, { errors: [{ message: `${request.method} is not supported on ${path}; use GET.`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] }, { allow: 'GET, HEAD' });
        return;
      }
      if (!options.graphs.ready) {
        json(503, { errors: [{ message: 'The graph is not loaded yet.', extensions: { code: 'NOT_READY' } }] }, { 'retry-after': '5' });
        return;
      }
      const graph = options.graphs.current();
      let ics: string;
      let skipped: number;
      try {
        const talks = selectTalks(graph, talkFilterFromQuery(url.searchParams), { strict: true });
        ({ ics, skipped } = renderTalksCalendar(graph, talks));
      } catch (error) {
        if (!(error instanceof FilterError)) throw error;
        const { message, extensions } = filterErrorToGraphQL(error);
        json(400, { errors: [{ message, extensions }] });
        return;
      }
      endResponse(
        new fetchAPI.Response(ics, {
          status: 200,
          headers: {
            'content-type': 'text/calendar; charset=utf-8',
            'content-disposition': 'inline; filename="talks.ics"',
            [SKIPPED_HEADER]: String(skipped),
          },
        }),
      );
    },
  };
}
