import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

/** Where `npm run web:build` writes the dashboard (web/vite.config.ts). */
export const DASHBOARD_DIST_DIR = path.resolve(import.meta.dirname, '../../web/dist');

/** Client-side views of the dashboard: each answers with its index.html (keep in step with web/src/router.ts). */
const VIEW_PATHS = new Set(['/', '/search', '/quality']);
const VIEW_PREFIXES = ['/talks/', '/speakers/', '/organizations/', '/topics/', '/events/', '/schedule/'];
/** Vite's hashed file names, nothing else: no slashes, no dot-dot. */
const ASSET = /^\/assets\/([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(js|css|svg|png|woff2))$/;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  woff2: 'font/woff2',
};

export interface DashboardOptions {
  /** The built dashboard. Default: web/dist of this checkout. */
  dir?: string;
}

interface Asset {
  body: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer> | null;
}

export function isDashboardView(pathname: string): boolean {
  return VIEW_PATHS.has(pathname) || VIEW_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/**
 * Serves the dashboard: `GET /` and the client-side views (`/talks/…`, `/speakers/…`, `/search` …)
 * answer with index.html (`Cache-Control: no-cache`); `/assets/<hashed name>` with the file,
 * gzipped when the client accepts it, `Cache-Control: public, max-age=31536000, immutable`.
 * Assets are read once and kept; index.html is read on every request so a rebuild shows at once.
 * When the dashboard is not built, its views answer 503 with how to build it. Other paths pass.
 */
export function useDashboard(options: DashboardOptions = {}): Plugin {
  const dir = options.dir ?? DASHBOARD_DIST_DIR;
  const assets = new Map<string, Promise<Asset | null>>();
  const loadAsset = (name: string, type: string) => {
    let pending = assets.get(name);
    if (!pending) {
      pending = readFile(path.join(dir, 'assets', name)).then(
        (body) => ({ body: new Uint8Array(body), gzip: type === 'png' || type === 'woff2' ? null : new Uint8Array(gzipSync(body)) }),
        () => null,
      );
      assets.set(name, pending);
    }
    return pending;
  };

  const serve = async ({ request, url, fetchAPI, endResponse }: Parameters<NonNullable<Plugin['onRequest']>>[0]) => {
    const asset = ASSET.exec(url.pathname);
    if (asset) {
      const [, name, type] = asset as unknown as [string, string, string];
      const file = await loadAsset(name, type);
      if (!file) {
        assets.delete(name);
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } }));
        return;
      }
      const gzip = file.gzip && /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
      const body = gzip ? file.gzip! : file.body;
      const headers: Record<string, string> = {
        'content-type': TYPES[type]!,
        'cache-control': 'public, max-age=31536000, immutable',
        'content-length': String(body.byteLength),
        vary: 'accept-encoding',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
      return;
    }
    if (!isDashboardView(url.pathname)) return;
    let html: string;
    try {
      html = await readFile(path.join(dir, 'index.html'), 'utf8');
    } catch {
      endResponse(
        new fetchAPI.Response('The dashboard is not built: run `npm run web:build` (npm start builds it when it is missing). The API is at /graphql.\n', {
          status: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
        }),
      );
      return;
    }
    endResponse(
      new fetchAPI.Response(request.method === 'HEAD' ? null : html, {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
      }),
    );
  };

  return {
    // Not `async`: a request for anything else passes without a promise (Yoga would wait a turn for one).
    onRequest(payload) {
      if (payload.request.method !== 'GET' && payload.request.method !== 'HEAD') return;
      const { pathname } = payload.url;
      if (!ASSET.test(pathname) && !isDashboardView(pathname)) return;
      return serve(payload);
    },
  };
}
