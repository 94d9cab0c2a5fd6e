import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphServer, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { ROOT, execute, graphOf, postSourcesIn } from './helpers.ts';

/**
 * The dashboard (web/, built by web/build-if-stale.mjs) served by the real server on 127.0.0.1 with
 * the bundled data/, in Debian's headless Chromium with every other host unreachable. Every number
 * the test expects comes from the API itself, so it holds for whatever data/ contains.
 * DASHBOARD_SCREENSHOTS=docs/dashboard keeps a PNG of each view (light, dark and phone width).
 */

const CHROMIUM = '/usr/bin/chromium';
const WAIT_MS = 20_000;
const IN_CI = /^(1|true)$/i.test(process.env.CI ?? '');
const MISSING = !existsSync(CHROMIUM);
const SHOTS = process.env.DASHBOARD_SCREENSHOTS ? path.resolve(ROOT, process.env.DASHBOARD_SCREENSHOTS) : null;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
/** Views also kept as a dark screenshot (the rest are checked in dark but kept in light only). */
const DARK_SHOTS = new Set(['overview', 'schedule']);
const AXE = readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let server: Server;
let yoga: TalkGraphYoga;
let holder: GraphHolder;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const blocked: string[] = [];

async function api<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await execute<T>(yoga, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** Opens a view and waits until its loading placeholders are gone. */
async function open(pathname: string): Promise<void> {
  const response = await page.goto(`${origin}${pathname}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await settle();
}

async function settle(): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await expect.poll(() => page.locator('main .loading, main [aria-busy="true"], main .talk-list p:text-is("Loading…")').count(), { timeout: WAIT_MS }).toBe(0);
}

async function axeViolations(): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const results = await page.evaluate(() => (window as unknown as { axe: { run: (c: Document) => Promise<any> } }).axe.run(document));
  return (results.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** axe in light and dark; a screenshot of each when asked. */
async function checkAccessible(name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(), `${name} (${colorScheme})`).toEqual([]);
    if (SHOTS && (colorScheme === 'light' || DARK_SHOTS.has(name)))
      await page.screenshot({ path: path.join(SHOTS, `${name}${colorScheme === 'dark' ? '-dark' : ''}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const rowsOf = (facet: string) =>
  page
    .locator(`[data-facet="${facet}"] tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value'), Number(r.querySelector('td')?.textContent)]));
/** The overview's total as shown; polled after a navigation, since the old view's number stays until the new answer arrives. */
const totalTalksShown = async () => Number(await page.getByTestId('total-talks').textContent());
const talkListTotalShown = async () => Number((await page.getByTestId('talk-list-total').textContent())!.replace(/\D/g, ''));
const texts = (selector: string) => page.locator(selector).allTextContents();

describe.skipIf(MISSING && !IN_CI)('dashboard in headless Chromium, offline, on the bundled data', () => {
  beforeAll(async () => {
    if (MISSING) throw new Error(`CI=true but ${CHROMIUM} is missing`);
    const build = spawnSync(process.execPath, [path.join(ROOT, 'web', 'build-if-stale.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    const loaded = await loadGraph([BUNDLED_DATA_DIR]);
    holder = new GraphHolder(loaded.graph);
    // The page's server runs persisted documents only (PERSISTED_ONLY), so every request the dashboard
    // sends must name a document of the manifest; the test's own questions go to a server that takes texts.
    const talkGraph = createTalkGraphServer({ schema, graphs: holder, config: { ...serverConfigFromEnv(), persistedOnly: true } });
    yoga = createTalkGraphServer({ schema, graphs: holder }).yoga;
    server = createServer(talkGraph.listener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: WAIT_MS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      blocked.push(url.href);
      return route.abort('internetdisconnected');
    });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
  }, 600_000);

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
    expect(blocked).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('overview: totals and every facet table match the API, for no filter and for a filter', async () => {
    const facetsQuery = `query($filter: TalkFilter) { talks(filter: $filter, first: 1) { totalCount facets {
      dates(orderBy: VALUE) { value count } days(orderBy: VALUE) { value count } events(orderBy: VALUE) { value count }
      organizations(first: 12) { value count } topics(first: 15) { value count } } } }`;
    await open('/');
    const all = (await api(facetsQuery)).talks;
    expect(Number(await page.getByTestId('total-talks').textContent())).toBe(all.totalCount);
    for (const facet of ['days', 'dates', 'events', 'organizations', 'topics'] as const) {
      expect(await rowsOf(facet), facet).toEqual(all.facets[facet].map((b: { value: string; count: number }) => [b.value, b.count]));
    }
    const years = new Map<string, number>();
    for (const b of all.facets.dates) years.set(b.value.slice(0, 4), (years.get(b.value.slice(0, 4)) ?? 0) + b.count);
    expect(await rowsOf('years')).toEqual([...years].sort());
    expect(await page.locator('[data-facet] svg[role="img"]').count()).toBe(6);
    await checkAccessible('overview');

    // Narrow by clicking the top organization's row, then by a weekday: the URL carries the filter.
    const org = all.facets.organizations[0].value;
    await page.locator('[data-facet="organizations"] summary').click();
    await page.locator(`[data-facet="organizations"] tr[data-value="${org}"] a`).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?organization=${org}`);
    await settle();
    const byOrg = (await api(facetsQuery, { filter: { organization: [org] } })).talks;
    await expect.poll(totalTalksShown, { timeout: WAIT_MS }).toBe(byOrg.totalCount);
    await expect.poll(talkListTotalShown, { timeout: WAIT_MS }).toBe(byOrg.totalCount);
    await expect
      .poll(() => rowsOf('topics'), { timeout: WAIT_MS })
      .toEqual(byOrg.facets.topics.map((b: { value: string; count: number }) => [b.value, b.count]));
    const day = byOrg.facets.days[0].value;
    await page.locator('[data-facet="days"] summary').focus();
    await page.keyboard.press('Enter');
    await page.locator(`[data-facet="days"] tr[data-value="${day}"] a`).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?organization=${org}&day=${day}`);
    await settle();
    const both = (await api(facetsQuery, { filter: { organization: [org], day: [day] } })).talks;
    await expect.poll(totalTalksShown, { timeout: WAIT_MS }).toBe(both.totalCount);

    // The calendar link carries the same filter and the file holds the same talks.
    const href = await page.getByTestId('calendar-link').getAttribute('href');
    expect(href).toBe(`/calendar.ics?organization=${org}&day=${day}`);
    const ics = await page.request.get(`${origin}${href}`);
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect((await ics.text()).match(/BEGIN:VEVENT/g)?.length).toBe(both.totalCount - Number(ics.headers()['x-talks-without-start']));

    // Removing a chip and the back button both return to the organization alone.
    await page.getByRole('link', { name: `Remove day: ${day}` }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?organization=${org}`);
    await settle();
    await expect.poll(totalTalksShown, { timeout: WAIT_MS }).toBe(byOrg.totalCount);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe(`?organization=${org}&day=${day}`);
    await settle();
    await expect.poll(totalTalksShown, { timeout: WAIT_MS }).toBe(both.totalCount);
  }, 120_000);

  it('search: "tetragon" typed in the header box lists the Tetragon talks', async () => {
    await open('/quality');
    await page.getByLabel('Search talks or ask a question').fill('tetragon');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(`${origin}/search?q=tetragon`);
    await settle();
    const data = await api(`{ search(query: "tetragon", first: 30) { node { __typename ... on Talk { title } } }
      ask(question: "tetragon") { interpretation talks(first: 20) { totalCount nodes { title } } } }`);
    const hitTitles = data.search.filter((h: any) => h.node.__typename === 'Talk').map((h: any) => h.node.title);
    expect(hitTitles.length).toBeGreaterThan(0);
    expect(await texts('[data-hit="Talk"] a')).toEqual(hitTitles);
    expect(await page.getByTestId('interpretation').textContent()).toBe(data.ask.interpretation);
    expect(Number((await page.getByTestId('talk-list-total').textContent())!.replace(/\D/g, ''))).toBe(data.ask.talks.totalCount);
    expect(await texts('.talk-list .talk-card h3')).toEqual(data.ask.talks.nodes.map((t: { title: string }) => t.title));
    expect((await texts('.talk-list .talk-card h3')).some((t) => /tetragon/i.test(t))).toBe(true);
    await checkAccessible('search');
  }, 120_000);

  it('question: "talks by Isovalent speakers on Friday" shows its chips and the matching talks; a chip can be removed', async () => {
    const question = 'talks by Isovalent speakers on Friday';
    await open(`/search?q=${encodeURIComponent(question)}`);
    const { ask } = await api(`query($q: String!) { ask(question: $q) { filter unrecognized talks(first: 20) { totalCount nodes { title } } } }`, {
      q: question,
    });
    const chips = Object.entries(ask.filter as Record<string, string[]>).flatMap(([k, vs]) => vs.map((v) => `${k}:${v}`));
    expect(chips).toEqual(['organization:isovalent', 'day:FRIDAY']);
    expect(await page.locator('[data-chip]').evaluateAll((els) => els.map((e) => e.getAttribute('data-chip')))).toEqual(chips);
    expect(await texts('.talk-list .talk-card h3')).toEqual(ask.talks.nodes.map((t: { title: string }) => t.title));
    expect(await page.getByTestId('unrecognized').count()).toBe(ask.unrecognized.length ? 1 : 0);
    await checkAccessible('question');

    await page.getByRole('link', { name: 'Remove day: FRIDAY' }).focus();
    await page.keyboard.press('Enter');
    await settle();
    const rest = await api(`{ talks(filter: { organization: ["isovalent"] }, first: 1) { totalCount } }`);
    await expect.poll(talkListTotalShown, { timeout: WAIT_MS }).toBe(rest.talks.totalCount);
    await page.goBack();
    await settle();
    await expect.poll(talkListTotalShown, { timeout: WAIT_MS }).toBe(ask.talks.totalCount);

    const unknown = await api(`{ ask(question: "talks about zorblax on Friday") { unrecognized } }`);
    await open(`/search?q=${encodeURIComponent('talks about zorblax on Friday')}`);
    for (const word of unknown.ask.unrecognized) expect(await page.getByTestId('unrecognized').textContent()).toContain(word);
  }, 120_000);

  it('question: a chip is edited in place (day, then organization); the talks follow, the URL keeps each edit, back undoes them', async () => {
    const question = 'talks by Isovalent speakers on Friday';
    const listQuery = `query($filter: TalkFilter) { talks(filter: $filter, first: 20, orderBy: START_TIME) { totalCount nodes { title } } }`;
    const listed = async () => ({
      total: await talkListTotalShown(),
      titles: await texts('.talk-list .talk-card h3'),
    });
    const expected = async (filter: Record<string, unknown>) => {
      const { talks } = await api(listQuery, { filter });
      return { total: talks.totalCount, titles: talks.nodes.map((t: { title: string }) => t.title) };
    };
    const chipValues = () => page.locator('[data-chip]').evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
    const { ask } = await api(`query($q: String!) { ask(question: $q) { filter talks(first: 1) { totalCount } } }`, { q: question });
    expect(ask.filter).toEqual({ organization: ['isovalent'], day: ['FRIDAY'] });
    // Another day with Isovalent talks, and another organization with talks on that day (both from the API).
    const { talks: isovalent } = await api(`{ talks(filter: { organization: ["isovalent"] }, first: 1) { facets { days(orderBy: VALUE) { value } } } }`);
    const day: string = isovalent.facets.days.map((d: { value: string }) => d.value).find((d: string) => d !== 'FRIDAY') ?? 'MONDAY';
    const { talks: onDay } = await api(`query($d: [Weekday!]) { talks(filter: { day: $d }, first: 1) { facets { organizations { value label } } } }`, {
      d: [day],
    });
    const other = onDay.facets.organizations.find((o: { value: string }) => o.value !== 'isovalent');
    expect(other, `another organization with talks on ${day}`).toBeDefined();

    await open(`/search?q=${encodeURIComponent(question)}`);
    expect(await chipValues()).toEqual(['isovalent', 'FRIDAY']);
    // Keyboard only: the edit button opens a labelled form with the focus in it; Escape closes it and gives the focus back.
    const editDay = page.getByRole('button', { name: 'Edit day: FRIDAY' });
    await editDay.focus();
    await page.keyboard.press('Enter');
    expect(await editDay.getAttribute('aria-expanded')).toBe('true');
    const newDayId = await page.getByLabel('New day').getAttribute('id');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 2000 }).toBe(newDayId);
    await page.keyboard.press('Escape');
    expect(await editDay.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit day: FRIDAY');
    await page.keyboard.press('Enter');
    await page.getByLabel('New day').selectOption(day);
    await checkAccessible('question-edit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Apply
    await expect.poll(() => new URL(page.url()).searchParams.get('edit:day:FRIDAY')).toBe(day);
    await settle();
    expect(await chipValues()).toEqual(['isovalent', day]);
    const dayEdited = await expected({ organization: ['isovalent'], day: [day] });
    expect(await listed()).toEqual(dayEdited);

    // The organization: a name typed in the box (the API matches names as well as slugs).
    await page.getByRole('button', { name: 'Edit organization: isovalent' }).click();
    // Suggested names: the organizations of the talks the other chip (the edited day) keeps, most talks first.
    const { talks: suggested } = await api(
      `query($d: [Weekday!]) { talks(filter: { day: $d }, first: 1) { facets { organizations(first: 30) { label count } } } }`,
      {
        d: [day],
      },
    );
    await expect
      .poll(() => page.locator('[data-testid="chip-suggestions"] option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent])))
      .toEqual(suggested.facets.organizations.map((o: { label: string; count: number }) => [o.label, `${o.count} talks`]));
    expect(await page.getByLabel('New organization').getAttribute('list')).toBe(await page.getByTestId('chip-suggestions').getAttribute('id'));
    await page.getByLabel('New organization').fill(other.label);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('edit:organization:isovalent')).toBe(other.label);
    await settle();
    expect(await chipValues()).toEqual([other.label, day]);
    expect(await listed()).toEqual(await expected({ organization: [other.label], day: [day] }));
    expect(await page.locator('main a', { hasText: 'Open in the overview' }).getAttribute('href')).toBe(
      `/?${new URLSearchParams([
        ['organization', other.label],
        ['day', day],
      ])}`,
    );

    // The shared URL opens the same reading; back undoes one edit at a time.
    const shared = page.url();
    await page.goBack();
    await settle();
    await expect.poll(listed, { timeout: WAIT_MS }).toEqual(dayEdited);
    await page.goBack();
    await settle();
    await expect.poll(chipValues, { timeout: WAIT_MS }).toEqual(['isovalent', 'FRIDAY']);
    await expect.poll(async () => (await listed()).total, { timeout: WAIT_MS }).toBe(ask.talks.totalCount);
    await open(new URL(shared).pathname + new URL(shared).search);
    expect(await chipValues()).toEqual([other.label, day]);
  }, 120_000);

  it('schedule: the KubeCon EU 2023 Friday as a time grid, an organization clash highlighted', async () => {
    const { schedule } = await api(`{ schedule(event: "kubecon-eu-2023", day: FRIDAY) { days { date slots { talks { slug } } } } }`);
    const day = schedule.days[0];
    expect(day, 'the bundled data has the KubeCon EU 2023 Friday').toBeDefined();
    const slugs = day.slots.flatMap((s: any) => s.talks.map((t: any) => t.slug));
    const { talks } = await api(
      `query($d: LocalDate!) { talks(filter: { event: ["kubecon-eu-2023"], date: { from: $d, to: $d } }, first: 1) { facets { organizations { value } } } }`,
      { d: day.date },
    );
    let org: string | null = null;
    let clashing: string[] = [];
    for (const { value } of talks.facets.organizations) {
      const { organization } = await api(`query($o: String!) { organization(slug: $o) { parallelTalks { talks { slug date } } } }`, { o: value });
      const pairs = organization.parallelTalks.filter((c: any) => c.talks.every((t: any) => t.date === day.date));
      if (pairs.length) {
        org = value;
        clashing = [...new Set<string>(pairs.flatMap((c: any) => c.talks.map((t: any) => t.slug)))].sort();
        break;
      }
    }
    await open(`/schedule/kubecon-eu-2023?date=${day.date}`);
    expect((await page.locator('[data-testid="schedule-grid"] [data-talk]').evaluateAll((els) => els.map((e) => e.getAttribute('data-talk')))).sort()).toEqual(
      [...slugs].sort(),
    );
    expect(org, 'an organization with two talks at once on that Friday').not.toBeNull();
    await page.getByLabel('Highlight clashes of an organization').selectOption(org!);
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => page.locator('[data-clash="true"]').count()).toBe(clashing.length);
    expect((await page.locator('[data-clash="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-talk')))).sort()).toEqual(clashing);
    // Parallel talks sit side by side: two clashing talks share a grid row but not a column.
    const boxes = await page
      .locator('[data-clash="true"]')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left })));
    expect(boxes[0]!.top).toBe(boxes[1]!.top);
    expect(boxes[0]!.left).not.toBe(boxes[1]!.left);
    await checkAccessible('schedule');
  }, 120_000);

  it('talk, speaker, organization, topic and event pages show the API numbers and link both ways', async () => {
    const { talks } = await api(`{ talks(filter: { hasSpeakers: true }, first: 1) { nodes { slug title speakers { slug name talkCount }
      organizations { slug name talkCount speakerCount } topics { slug name talkCount } event { slug name talks(first: 1) { totalCount } } } } }`);
    const talk = talks.nodes[0];
    await open(`/talks/${talk.slug}`);
    expect(await page.locator('main h1').textContent()).toBe(talk.title);
    for (const s of talk.speakers) expect(await page.locator(`main a[href="/speakers/${s.slug}"]`).first().textContent()).toBe(s.name);
    await checkAccessible('talk');

    await page.locator(`main a[href="/speakers/${talk.speakers[0].slug}"]`).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/speakers/${talk.speakers[0].slug}`);
    await settle();
    await expect.poll(() => page.locator('main h1').textContent(), { timeout: WAIT_MS }).toBe(talk.speakers[0].name);
    expect(Number(await page.getByTestId('talk-count').textContent())).toBe(talk.speakers[0].talkCount);
    expect(await page.locator(`main .talk-card a[href="/talks/${talk.slug}"]`).count()).toBe(1);
    await checkAccessible('speaker');

    const org = talk.organizations[0];
    if (org) {
      await open(`/organizations/${org.slug}`);
      expect(Number(await page.getByTestId('talk-count').textContent())).toBe(org.talkCount);
      expect(Number(await page.getByTestId('speaker-count').textContent())).toBe(org.speakerCount);
      // Topics over the years: talks per topic and year, from a facet query per year with dated talks.
      const { talks: ofOrg } = await api(`query($o: [String!]) { talks(filter: { organization: $o }, first: 1) { facets { dates { value } } } }`, {
        o: [org.slug],
      });
      const years = [...new Set<string>(ofOrg.facets.dates.map((d: { value: string }) => d.value.slice(0, 4)))].sort();
      expect(years.length).toBeGreaterThan(0);
      const perYear = new Map<string, Map<string, number>>();
      const totals = new Map<string, number>();
      for (const year of years) {
        const { talks: inYear } = await api(`query($f: TalkFilter) { talks(filter: $f, first: 1) { facets { topics { value count } } } }`, {
          f: { organization: [org.slug], date: { from: `${year}-01-01`, to: `${year}-12-31` } },
        });
        perYear.set(year, new Map(inYear.facets.topics.map((t: { value: string; count: number }) => [t.value, t.count])));
        for (const t of inYear.facets.topics) totals.set(t.value, (totals.get(t.value) ?? 0) + t.count);
      }
      const top = [...totals].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, 8);
      expect(top.length, 'the organization has tagged talks').toBeGreaterThan(0);
      await expect.poll(() => page.locator('[data-testid="topics-by-year"] thead th').allTextContents()).toEqual(['Topic', ...years]);
      expect(
        await page
          .locator('[data-testid="topics-by-year"] tbody tr')
          .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-topic'), ...[...r.querySelectorAll('td')].map((td) => Number(td.textContent))])),
      ).toEqual(top.map(([topic]) => [topic, ...years.map((y) => perYear.get(y)!.get(topic) ?? 0)]));
      expect(await page.locator('[data-testid="topic-years"] svg[role="img"]').count()).toBe(1);
      await checkAccessible('organization');
    }
    const topic = talk.topics[0];
    if (topic) {
      await open(`/topics/${topic.slug}`);
      expect(Number(await page.getByTestId('talk-count').textContent())).toBe(topic.talkCount);
      await checkAccessible('topic');
    }
    await open(`/events/${talk.event.slug}`);
    expect(await page.locator('main h1').textContent()).toBe(talk.event.name);
    expect(Number((await page.getByTestId('talk-list-total').textContent())!.replace(/\D/g, ''))).toBe(talk.event.talks.totalCount);
    expect(await page.locator(`main .talk-card a[href="/talks/${talk.slug}"]`).count()).toBe(1);
    await checkAccessible('event');
  }, 120_000);

  it('data quality: counts, diagnostics by code and by file over every diagnostic, the list 50 a page', async () => {
    const countsQuery = `{ ingestReport { counts { posts talks speakers organizations topics events diagnostics errors warnings } } }`;
    /** Every diagnostic, paged through the API (independent of its aggregate fields), grouped by code and by file. */
    const groupsFromList = async () => {
      const all: Array<{ code: string; file: string; line: number }> = [];
      let after: string | null = null;
      do {
        const { ingestReport }: { ingestReport: any } = await api(
          `query($after: String) { ingestReport { diagnostics(first: 500, after: $after) { pageInfo { hasNextPage endCursor } nodes { code file line } } } }`,
          { after },
        );
        all.push(...ingestReport.diagnostics.nodes);
        after = ingestReport.diagnostics.pageInfo.hasNextPage ? ingestReport.diagnostics.pageInfo.endCursor : null;
      } while (after);
      const groups = (key: 'code' | 'file') => {
        const counts = new Map<string, number>();
        for (const d of all) counts.set(d[key], (counts.get(d[key]) ?? 0) + 1);
        return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
      };
      return { all, codes: groups('code'), files: groups('file') };
    };
    const groupRows = (id: string) =>
      page
        .locator(`[data-groups="${id}"] tbody tr`)
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value'), Number(r.querySelector('td')?.textContent)]));
    const listed = () => page.locator('[data-testid="diagnostics"] tbody tr td:first-child').allTextContents();

    await open('/quality');
    const { ingestReport } = await api(countsQuery);
    for (const [key, value] of Object.entries(ingestReport.counts)) {
      expect(Number(await page.locator(`[data-count="${key}"] dd`).textContent()), key).toBe(value);
    }
    const bundled = await groupsFromList();
    expect(await groupRows('codes')).toEqual(bundled.codes);
    expect(await groupRows('files')).toEqual(bundled.files.slice(0, 20));
    await checkAccessible('quality');

    // The posts of the corpus (read in place) have more diagnostics than one page holds.
    const before = holder.current();
    try {
      holder.swap(graphOf(postSourcesIn(path.join(ROOT, '..', 'shared', 'corpus', 'talk-posts'))));
      await open('/quality');
      const corpus = await groupsFromList();
      expect(corpus.all.length).toBeGreaterThan(50);
      expect(await groupRows('codes')).toEqual(corpus.codes);
      expect(await groupRows('files')).toEqual(corpus.files.slice(0, 20));
      expect(corpus.codes.reduce((sum, [, n]) => sum + n, 0)).toBe(corpus.all.length);
      const where = (ds: typeof corpus.all) => ds.map((d) => `${d.file}:${d.line}`);
      expect(Number((await page.getByTestId('diagnostics-total').textContent())!.replace(/\D/g, ''))).toBe(corpus.all.length);
      expect(await listed()).toEqual(where(corpus.all.slice(0, 50)));
      await page.getByRole('link', { name: 'Next page' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.has('after')).toBe(true);
      await settle();
      await expect.poll(listed).toEqual(where(corpus.all.slice(50, 100)));
      await page.getByRole('link', { name: 'Previous page' }).click();
      await settle();
      await expect.poll(listed).toEqual(where(corpus.all.slice(0, 50)));
      // A code's row lists the diagnostics of that code only.
      const [code, count] = corpus.codes[corpus.codes.length - 1]!;
      await page.locator('[data-groups="codes"] summary').click();
      await page.locator(`[data-groups="codes"] tr[data-value="${code}"] a`).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('code')).toBe(code);
      await settle();
      await expect.poll(listed).toEqual(where(corpus.all.filter((d) => d.code === code).slice(0, 50)));
      expect(Number((await page.getByTestId('diagnostics-total').textContent())!.replace(/\D/g, ''))).toBe(count);
      expect(await axeViolations()).toEqual([]);
    } finally {
      holder.swap(before);
    }
  }, 120_000);

  it('keyboard and phone width: skip link first, views readable at 360 px without sideways scrolling', async () => {
    await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.setViewportSize({ width: 360, height: 780 });
    for (const [name, pathname] of [
      ['phone-overview', '/'],
      ['phone-search', '/search?q=talks+by+Isovalent+speakers+on+Friday'],
    ] as const) {
      await open(pathname);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), name).toBe(true);
      if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    }
    expect(await axeViolations()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 60_000);

  it('serves hashed assets as immutable and the views as HTML', async () => {
    const html = await (await page.request.get(`${origin}/speakers/anyone`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const response = await page.request.get(`${origin}${asset}`);
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('live: when the server swaps in a new graph, the open page hears it over SSE (subscription graphVersion) and refreshes', async () => {
    await open('/');
    const before = holder.current();
    expect(await page.getByTestId('graph-version').textContent()).toContain(before.version.slice(0, 12));
    const next = graphOf([]);
    expect(next.version).not.toBe(before.version);
    const count = async () => (await api(`{ talks(first: 1) { totalCount } }`)).talks.totalCount;
    try {
      holder.swap(next);
      const total = await count();
      await expect.poll(() => page.getByTestId('total-talks').textContent(), { timeout: WAIT_MS }).toBe(String(total));
      expect(await page.getByTestId('live-status').textContent()).toContain('refreshed (1 update)');
      expect(await page.getByTestId('graph-version').textContent()).toContain(next.version.slice(0, 12));
    } finally {
      holder.swap(before);
    }
    await expect.poll(() => page.getByTestId('total-talks').textContent(), { timeout: WAIT_MS }).toBe(String(await count()));
  }, 60_000);
});
