import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LIMIT_CODES } from './limit-error.ts';
import { shortcutSafe } from './shortcut-safety.ts';

function tooLarge(ResponseClass: typeof Response, maxBytes: number): Response {
  const body = {
    errors: [{ message: `Request body limit of ${maxBytes} bytes exceeded.`, extensions: { code: LIMIT_CODES.bodyBytes, limit: maxBytes } }],
  };
  // `connection: close`: the rest of an oversized upload is not worth reading.
  return new ResponseClass(JSON.stringify(body), {
    status: 413,
    headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' },
  });
}

/**
 * Answers 413 to a request whose body is larger than `maxBytes`, before anything parses it: at once
 * when `content-length` says so, otherwise (chunked bodies) as soon as the streamed bytes pass the
 * limit. A chunked body within the limit is buffered (at most `maxBytes`) and handed on unchanged;
 * a body with a valid `content-length` within the limit is left to stream: Node's HTTP parser never
 * reads more than the declared length into one request, so the count would only cost a copy.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    // Not `async`: requests without a body pass without a promise.
    onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const declared = request.headers.get('content-length');
      // Checked before `request.body`, which builds a stream wrapper (a Proxy in the Node adapter) each time it is read.
      if (declared !== null && CONTENT_LENGTH.test(declared) && Number(declared) <= maxBytes) return;
      const body = request.body;
      if (!body) return;
      if (declared !== null && Number(declared) > maxBytes) {
        endResponse(tooLarge(fetchAPI.Response, maxBytes));
        return;
      }
      if (declared !== null && CONTENT_LENGTH.test(declared)) return;
      return (async () => {
        const reader = body.getReader();
        const chunks: Uint8Array[] = [];
        let total = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          total += value.byteLength;
          if (total > maxBytes) {
            await reader.cancel().catch(() => undefined);
            endResponse(tooLarge(fetchAPI.Response, maxBytes));
            return;
          }
          chunks.push(value);
        }
        setRequest(
          new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks), signal: request.signal }),
        );
      })();
    },
  };
}

/** Only a single non-negative integer is a valid Content-Length (Yoga's rule: no sign, list or blank). */
export const CONTENT_LENGTH = /^\d+$/;

/**
 * The header check of Yoga's own body limit (`maxRequestBodySize`), which create-talk-graph-server.ts turns off
 * because useBodyLimit already enforces the byte limit: Yoga's version streamed every body a second
 * time through a TransformStream (and a stream pipeline that builds an AbortSignal and an
 * AbortError per request). Same answers, same place (after every plugin's request-parse hook, so
 * list it last): a malformed Content-Length is a 400 BAD_REQUEST, a declared size over the limit a
 * 413 REQUEST_ENTITY_TOO_LARGE, with Yoga's messages.
 */
export function useContentLengthCheck(maxBytes: number): Plugin {
  return shortcutSafe(contentLengthCheck(maxBytes), 'its request-parse hook runs before the response cache looks up');
}

function contentLengthCheck(maxBytes: number): Plugin {
  return {
    onRequestParse({ request }) {
      const declared = request.headers.get('content-length');
      if (declared === null) return;
      if (!CONTENT_LENGTH.test(declared))
        throw createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
      if (Number(declared) > maxBytes)
        throw createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
    },
  };
}
