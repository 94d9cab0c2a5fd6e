import type { IncomingMessage, RequestListener } from 'node:http';

const BAD_HOST_BODY = JSON.stringify({ errors: [{ message: 'The Host header does not name a host.', extensions: { code: 'BAD_REQUEST' } }] });

/**
 * Answers 400 BAD_REQUEST to a request whose Host header and path make no URL (`Host: bad host`):
 * Yoga's Node adapter builds the request URL from them before any plugin runs, and its failure
 * was answered as a 500 with the error's stack in the body. `answered` is told of each such answer
 * (for the request log and metrics).
 */
export function guardHost(next: RequestListener, answered: (req: IncomingMessage, status: number, code: string) => void): RequestListener {
  return (req, res) => {
    const host = req.headers.host;
    if (host === undefined || URL.canParse(`http://${host}${req.url ?? '/'}`)) {
      next(req, res);
      return;
    }
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(BAD_HOST_BODY), connection: 'close' });
    res.end(BAD_HOST_BODY);
    answered(req, 400, 'BAD_REQUEST');
  };
}
