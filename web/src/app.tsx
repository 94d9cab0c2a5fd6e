import { useEffect, useRef } from 'preact/hooks';
import { useLiveGraph } from './live.ts';
import { segmentsOf, useLocation } from './router.ts';
import { EventView, EventsView } from './views/event.tsx';
import { OrganizationView } from './views/organization.tsx';
import { Overview } from './views/overview.tsx';
import { QualityView } from './views/quality.tsx';
import { ScheduleView } from './views/schedule.tsx';
import { Search } from './views/search.tsx';
import { SpeakerView } from './views/speaker.tsx';
import { NotFound } from './views/status.tsx';
import { TalkView } from './views/talk.tsx';
import { TopicView } from './views/topic.tsx';

const NAV = [
  { href: '/', label: 'Overview', match: (p: string) => p === '/' },
  { href: '/search', label: 'Search', match: (p: string) => p === '/search' },
  { href: '/events/', label: 'Events & schedules', match: (p: string) => p.startsWith('/events/') || p.startsWith('/schedule/') },
  { href: '/quality', label: 'Data quality', match: (p: string) => p === '/quality' },
];

function View({ url }: { url: URL }) {
  const [first, second] = segmentsOf(url);
  if (!first) return <Overview url={url} />;
  if (first === 'search') return <Search url={url} />;
  if (first === 'quality') return <QualityView url={url} />;
  if (first === 'events' && !second) return <EventsView />;
  if (first === 'schedule' && !second) return <EventsView />;
  if (second === undefined) return <NotFound what="page" />;
  switch (first) {
    case 'talks':
      return <TalkView slug={second} />;
    case 'speakers':
      return <SpeakerView slug={second} />;
    case 'organizations':
      return <OrganizationView slug={second} />;
    case 'topics':
      return <TopicView slug={second} />;
    case 'events':
      return <EventView slug={second} />;
    case 'schedule':
      return <ScheduleView event={second} url={url} />;
    default:
      return <NotFound what="page" />;
  }
}

/** The shell: skip link, header with navigation and the search box, and the view of the URL. */
export function App() {
  const url = useLocation();
  const live = useLiveGraph();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // After a client-side navigation, move focus to the new view (screen readers announce it) and scroll up.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A link to a part of a view (`#id`, e.g. the next page of a list) scrolls to that part, else to the top.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target) target.scrollIntoView();
    else scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [url.pathname, url.search]);
  const q = url.pathname === '/search' ? (url.searchParams.get('q') ?? '') : '';
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="brand" href="/">
          Talk Graph
        </a>
        <nav aria-label="Views">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.match(url.pathname) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
            <li>
              <a href="/graphql">GraphiQL</a>
            </li>
          </ul>
        </nav>
        <form class="quick-search" role="search" action="/search" method="get" key={q}>
          <label class="visually-hidden" for="quick-q">
            Search talks or ask a question
          </label>
          <input id="quick-q" name="q" type="search" defaultValue={q} placeholder="Search or ask…" />
          <button type="submit">Go</button>
        </form>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <View url={url} />
      </main>
      <footer>
        <p>
          Fed only by the public <a href="/graphql">GraphQL API</a>.{' '}
          <span data-testid="graph-version">{live.version ? `Graph version ${live.version.slice(0, 12)}, live.` : ''}</span>
        </p>
        <p role="status" data-testid="live-status">
          {live.updates ? `The graph changed on the server; this view was refreshed (${live.updates} update${live.updates > 1 ? 's' : ''}).` : ''}
        </p>
      </footer>
    </>
  );
}
