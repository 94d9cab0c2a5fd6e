const pathnames = new WeakMap<Request, string>();

/** The path of a request's URL, parsed once per Request object however many response hooks ask. */
export function pathnameOf(request: Request): string {
  let pathname = pathnames.get(request);
  if (pathname === undefined) {
    pathname = new URL(request.url, 'http://localhost').pathname;
    pathnames.set(request, pathname);
  }
  return pathname;
}
