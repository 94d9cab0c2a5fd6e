import type { Plugin } from 'graphql-yoga';
import { LIMIT_CODES } from './limit-error.ts';

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
 * limit. A body within the limit is buffered (at most `maxBytes`) and handed on unchanged.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return;
      const declared = request.headers.get('content-length');
      if (declared !== null && Number(declared) > maxBytes) {
        endResponse(tooLarge(fetchAPI.Response, maxBytes));
        return;
      }
      const reader = request.body.getReader();
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
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks), signal: request.signal }));
    },
  };
}
