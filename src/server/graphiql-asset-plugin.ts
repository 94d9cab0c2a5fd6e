import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { ifNoneMatchHits } from './http-cache-plugin.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The GraphiQL page in every encoding it is sent in (the compressed ones once made), with its entity tag. */
interface GraphiQLAsset {
  identity: Buffer;
  gzip: Buffer | null;
  br: Buffer | null;
  etag: string;
}

export interface GraphiQLAssetOptions {
  /** The GraphQL endpoint the page is served on, e.g. /graphql. */
  endpoint: string;
  /** Renders the page (once): e.g. @graphql-yoga/render-graphiql's renderGraphiQL with the server's options. */
  render: () => string | Promise<string>;
}

type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the client accepts: brotli, then gzip, else none (a `;q=0` refuses one). */
export function encodingFor(acceptEncoding: string | null): Encoding {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .toLowerCase()
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, ...params]) => !params.some((p) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(p)))
      .map(([name]) => name!.trim()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/**
 * Serves GraphiQL (GET of the endpoint from a browser: Accept includes text/html) from an asset
 * made once per server: the page rendered once, compressed once with brotli and gzip (node:zlib,
 * off the event loop; sent uncompressed until those are ready), sent in the encoding Accept-Encoding asks for, with a strong ETag
 * (`If-None-Match` gives a 304) and `Vary: Accept, Accept-Encoding`. The bundled page is about
 * 9 MB: rendering it per view cost that much memory and time for each view (issue 12 finding 8).
 */
export function useGraphiQLAsset(options: GraphiQLAssetOptions): Plugin & { stats: { renders: number }; compressed(): Promise<void> } {
  const stats = { renders: 0 };
  let asset: Promise<GraphiQLAsset> | null = null;
  let compressing: Promise<void> | null = null;
  const build = async (): Promise<GraphiQLAsset> => {
    stats.renders++;
    const identity = Buffer.from(await options.render());
    const page: GraphiQLAsset = {
      identity,
      br: null,
      gzip: null,
      etag: `"graphiql-${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
    };
    // Views before the compressed copies are ready get the page uncompressed.
    compressing = Promise.all([
      brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }).then(
        (br) => void (page.br = br),
      ),
      gzipped(identity, { level: 6 }).then((gz) => void (page.gzip = gz)),
    ]).then(
      () => undefined,
      () => undefined,
    );
    return page;
  };
  return {
    stats,
    /** Settles once the compressed copies are made (or failed); at once when no page was asked for yet. */
    compressed: async () => {
      await asset;
      await compressing;
    },
    onRequest({ request, url, fetchAPI, endResponse }) {
      if (request.method !== 'GET' || !request.headers.get('accept')?.includes('text/html')) return;
      if (url.pathname !== options.endpoint && url.pathname !== `${options.endpoint}/`) return;
      asset ??= build().catch((error: unknown) => {
        asset = null;
        throw error;
      });
      return asset.then((page) => {
        const wanted = encodingFor(request.headers.get('accept-encoding'));
        const encoding = page[wanted] ? wanted : 'identity';
        const headers: Record<string, string> = { etag: page.etag, vary: 'Accept, Accept-Encoding', 'cache-control': 'no-cache' };
        if (ifNoneMatchHits(request.headers.get('if-none-match'), page.etag)) {
          endResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
        const body = page[encoding]!;
        if (encoding !== 'identity') headers['content-encoding'] = encoding;
        endResponse(
          new fetchAPI.Response(body as unknown as BodyInit, {
            status: 200,
            headers: { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) },
          }),
        );
      });
    },
  };
}
