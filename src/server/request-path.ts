const pathnames = new WeakMap<Request, string>();

/**
 * The path of a request's URL, parsed once per Request object however many hooks ask: the URL the
 * Node adapter's Request parsed and keeps (`parsedUrl`) when it has one, else parsed here and kept.
 */
export function pathnameOf(request: Request): string {
  const parsed = (request as { parsedUrl?: URL }).parsedUrl;
  if (parsed) return parsed.pathname;
  let pathname = pathnames.get(request);
  if (pathname === undefined) {
    pathname = new URL(request.url, 'http://localhost').pathname;
    pathnames.set(request, pathname);
  }
  return pathname;
}
