import { useEffect, useState } from 'preact/hooks';

const NAVIGATE = 'talkgraph:navigate';

/** Goes to another view of the dashboard without reloading (pushState); the back button returns. */
export function navigate(href: string, replace = false): void {
  const url = new URL(href, location.href);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  dispatchEvent(new Event(NAVIGATE));
}

/** The current URL; re-renders on navigation and on back/forward. */
export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(location.href));
    addEventListener('popstate', update);
    addEventListener(NAVIGATE, update);
    return () => {
      removeEventListener('popstate', update);
      removeEventListener(NAVIGATE, update);
    };
  }, []);
  return url;
}

/** Paths the server answers with the dashboard (keep in step with src/server/dashboard-plugin.ts). */
export const VIEW_PREFIXES = ['/talks/', '/speakers/', '/organizations/', '/topics/', '/events/', '/schedule/'] as const;

function isDashboardPath(pathname: string): boolean {
  return pathname === '/' || pathname === '/search' || pathname === '/quality' || VIEW_PREFIXES.some((p) => pathname.startsWith(p));
}

/** Plain links to dashboard views become client-side navigations (left click, no modifier keys). */
export function interceptLinks(root: HTMLElement): void {
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || !isDashboardPath(url.pathname)) return;
    event.preventDefault();
    if (url.href !== location.href) navigate(url.href);
  });
  // GET forms (search box, schedule highlight) navigate the same way, their fields as the query.
  root.addEventListener('submit', (event) => {
    const form = event.target as HTMLFormElement;
    if (event.defaultPrevented || form.method.toLowerCase() !== 'get') return;
    const url = new URL(form.action, location.href);
    if (url.origin !== location.origin || !isDashboardPath(url.pathname)) return;
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') params.append(name, value);
    url.search = params.toString();
    navigate(url.href);
  });
}

/** `/talks/some-slug` → ['talks', 'some-slug']; decoded. */
export function segmentsOf(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => decodeURIComponent(s));
}
