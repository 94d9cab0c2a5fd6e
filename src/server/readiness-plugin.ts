import type { Plugin } from 'graphql-yoga';

/**
 * Yoga's useReadinessCheck for a synchronous check, answering exactly when it does: 200 when
 * `check()` is true, 503 when false (an Error thrown by the check: 503 with its message as text).
 * Yoga's version also tests every request against a URLPattern of `{ pathname: endpoint }`, which
 * matches precisely when `url.pathname === endpoint` — a test it has already made — at a cost of
 * a measurable cost per request with the URLPattern polyfill; this one leaves that out.
 */
export function useReadiness({ endpoint = '/ready', check }: { endpoint?: string; check: () => boolean }): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return; // not request.url.endsWith: `/graphql?x=/ready` is no readiness probe
      let ready: boolean;
      try {
        ready = check();
      } catch (error) {
        const isError = error instanceof Error;
        endResponse(
          new fetchAPI.Response(isError ? error.message : null, { status: 503, headers: isError ? { 'content-type': 'text/plain; charset=utf-8' } : {} }),
        );
        return;
      }
      endResponse(new fetchAPI.Response(null, { status: ready === false ? 503 : 200 }));
    },
  };
}
