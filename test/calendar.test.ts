import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { KnowledgeGraph } from '../src/graph/knowledge-graph.ts';
import { CALENDAR_CHUNK, foldLines, renderTalksCalendarInChunks, renderTalksCalendarWithLibrary } from '../src/server/talks-calendar.ts';
import { CalendarCache } from '../src/server/calendar-cache.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { entityTag } from '../src/server/http-cache-plugin.ts';
import { schema } from '../src/schema/index.ts';
import { selectTalks } from '../src/graph/talk-query.ts';
import { CORPUS, hasCorpus } from './support/corpus.ts';
import { graphOf, postSourcesIn, ROOT, seedSource, yogaOf } from './helpers.ts';
import { inventedSource } from './support/invented-post.ts';

const seedGraph = graphOf([seedSource()]);
const yoga = yogaOf(seedGraph);

async function get(pathAndQuery: string): Promise<Response> {
  return yoga.fetch(`http://localhost${pathAndQuery}`);
}

/** Parses an .ics body with ical.js and registers its VTIMEZONEs, so TZID times convert through them. */
function parseCalendar(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  return { calendar, zones, events };
}

describe('GET /calendar.ics', () => {
  it("exports Isovalent's Friday talks as 4 VEVENTs in Europe/Amsterdam time, with a VTIMEZONE", async () => {
    const response = await get('/calendar.ics?organization=isovalent&day=FRIDAY');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('x-talks-without-start')).toBe('0');
    const { zones, events } = parseCalendar(await response.text());

    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Amsterdam']);
    expect(events).toHaveLength(4);
    const starts = events.map((e) => e.startDate).sort((a, b) => a.compare(b));
    expect(starts.map((t) => t.zone?.tzid)).toEqual(Array(4).fill('Europe/Amsterdam'));
    expect(events.map((e) => e.component.getFirstProperty('dtstart')?.getParameter('tzid'))).toEqual(Array(4).fill('Europe/Amsterdam'));
    expect(starts.map((t) => `${t.toString().slice(0, 10)} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`)).toEqual([
      '2023-04-21 11:55',
      '2023-04-21 11:55',
      '2023-04-21 14:55',
      '2023-04-21 16:55',
    ]);
    // Converted through the file's own VTIMEZONE, the instants are the graph's (CEST = UTC+2).
    expect(starts.map((t) => t.toJSDate().toISOString())).toEqual([
      '2023-04-21T09:55:00.000Z',
      '2023-04-21T09:55:00.000Z',
      '2023-04-21T12:55:00.000Z',
      '2023-04-21T14:55:00.000Z',
    ]);
  });

  it('writes UID, SUMMARY, DESCRIPTION (speakers + abstract), URL, LOCATION and DTEND from the graph', async () => {
    const talks = selectTalks(seedGraph, { organization: ['isovalent'], day: ['FRIDAY'] }, { strict: true });
    const { events } = parseCalendar(await (await get('/calendar.ics?organization=isovalent&day=FRIDAY')).text());
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect([...byUid.keys()].sort()).toEqual(talks.map((t) => `${t.id}@talk-graph`).sort());

    const log4j = events.find((e) => e.summary === 'The Next Log4jshell?! Preparing for CVEs with eBPF!')!;
    expect(log4j.description).toMatch(/^Speakers: Natalia Reka Ivanko \(Isovalent\), John Fastabend \(Isovalent\)\n\nLog4jshell/);
    expect(log4j.location).toMatch(/^Amsterdam/);
    expect(log4j.component.getFirstPropertyValue('url')).toBe('https://sched.co/1Hybi');
    expect(log4j.endDate.toJSDate().toISOString()).toBe('2023-04-21T10:30:00.000Z');
  });

  it('gives the same UIDs and the same bytes on a second request', async () => {
    const first = await (await get('/calendar.ics?organization=isovalent&day=FRIDAY')).text();
    const second = await (await get('/calendar.ics?organization=isovalent&day=FRIDAY')).text();
    expect(parseCalendar(second).events.map((e) => e.uid)).toEqual(parseCalendar(first).events.map((e) => e.uid));
    expect(second).toBe(first);
  });

  it('takes repeatable and comma-separated values like the GraphQL filter does', async () => {
    const count = async (query: string) => parseCalendar(await (await get(`/calendar.ics?${query}`)).text()).events.length;
    // Issue 3: Isovalent has 2 talks on Tuesday, 3 on Wednesday, 4 on Friday.
    expect(await count('organization=Isovalent&day=TUESDAY,wednesday')).toBe(5);
    expect(await count('organization=isovalent&day=TUESDAY&day=WEDNESDAY')).toBe(5);
    expect(await count('organization=isovalent&date=2023-04-21')).toBe(4);
    expect(await count('organization=isovalent&from=2023-04-18&to=2023-04-19')).toBe(5);
    expect(await count('')).toBe(seedGraph.allTalks().length);
  });

  it('answers an unknown weekday with 400, a code and the accepted values', async () => {
    const response = await get('/calendar.ics?organization=isovalent&day=FUNDAY');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string; accepted: string[] } }> };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toContain('FUNDAY');
    expect(body.errors[0]!.extensions.code).toBe('UNKNOWN_FILTER_VALUE');
    expect(body.errors[0]!.extensions.accepted).toEqual(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']);
  });

  it('answers unknown names (strict), malformed dates and unknown parameters with 400, never 500', async () => {
    const cases: Array<[string, string, string]> = [
      ['organization=nobody-inc', 'UNKNOWN_FILTER_VALUE', 'isovalent'],
      ['kind=SERMON', 'UNKNOWN_FILTER_VALUE', 'KEYNOTE'],
      ['date=2023-4-21', 'BAD_USER_INPUT', 'YYYY-MM-DD'],
      ['organisation=isovalent', 'UNKNOWN_FILTER_VALUE', 'organization'],
      ['includeSubtopics=maybe', 'UNKNOWN_FILTER_VALUE', 'false'],
    ];
    for (const [query, code, accepted] of cases) {
      const response = await get(`/calendar.ics?${query}`);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string; accepted: string[] } }> };
      expect(body.errors[0]!.extensions.code, query).toBe(code);
      expect(body.errors[0]!.extensions.accepted, query).toContain(accepted);
    }
  });

  it('leaves out talks without a start instant and says how many', async () => {
    const untimed = `---\ntitle: 'Cilium Talks at KubeCon EU 2023'\ndate: '2023-04-03'\n---\n\n[Untimed Talk About Cilium - Jane Doe, Isovalent](https://sched.co/zzzz)\n\nAn abstract.\n`;
    const graph = graphOf([seedSource(), { file: 'posts/untimed.md', text: untimed }]);
    const response = await yogaOf(graph).fetch('http://localhost/calendar.ics?organization=isovalent');
    expect(response.headers.get('x-talks-without-start')).toBe('1');
    const { calendar, events } = parseCalendar(await response.text());
    expect(events).toHaveLength(9);
    expect(events.map((e) => e.summary)).not.toContain('Untimed Talk About Cilium');
    expect(calendar.getFirstPropertyValue('x-talk-graph-skipped-without-start')).toBe('1');
  });

  it("round-trips every timed talk of the seed and an invented post, in both zones they use, to the graph's instants", async () => {
    await expectCalendarRoundTrip(graphOf([seedSource(), inventedSource()]));
  });
});

describe.skipIf(!hasCorpus('the calendar of the corpus posts'))('GET /calendar.ics on the corpus (reads ../shared/corpus)', () => {
  it("round-trips every timed talk of the seed and the corpus talk posts, in every zone they use, to the graph's instants", async () => {
    const graph = graphOf([seedSource(), ...postSourcesIn(CORPUS.talkPosts)]);
    expect(graph.allPosts().length).toBe(10);
    await expectCalendarRoundTrip(graph);
  });
});

/** Every timed talk of the graph is one VEVENT at the graph's instants, in the talk's own zone. */
async function expectCalendarRoundTrip(graph: KnowledgeGraph): Promise<void> {
  const { zones, events } = parseCalendar(await (await yogaOf(graph).fetch('http://localhost/calendar.ics')).text());
  const timed = graph.allTalks().filter((t) => t.startsAt);
  expect(events).toHaveLength(timed.length);
  const zoneIds = zones.map((z) => z.getFirstPropertyValue('tzid')).sort();
  expect(zoneIds).toEqual([...new Set(timed.map((t) => t.timezone))].sort());
  expect(zoneIds.length).toBeGreaterThan(1);
  const byUid = new Map(events.map((e) => [e.uid, e]));
  for (const talk of timed) {
    const event = byUid.get(`${talk.id}@talk-graph`)!;
    expect(event.startDate.zone?.tzid, talk.id).toBe(talk.timezone);
    expect(event.startDate.toJSDate().getTime(), talk.id).toBe(Date.parse(talk.startsAt!));
    if (talk.endsAt) expect(event.endDate.toJSDate().getTime(), talk.id).toBe(Date.parse(talk.endsAt));
  }
}

describe('calendar rendering and cache', () => {
  const bundled = graphOf(postSourcesIn(path.join(ROOT, 'data', 'posts')));
  const corpus = hasCorpus('the calendar rendering of the corpus posts') ? graphOf(postSourcesIn(CORPUS.talkPosts)) : null;

  it('writes, a chunk at a time, the same bytes as ical-generator (bundled data and corpus, accents and long lines folded alike)', async () => {
    for (const graph of corpus ? [bundled, corpus] : [bundled]) {
      const talks = graph.allTalks();
      let pauses = 0;
      const { body, ...counts } = await renderTalksCalendarInChunks(graph, talks, async () => void pauses++);
      const { ics, ...libraryCounts } = renderTalksCalendarWithLibrary(graph, talks);
      expect(body.toString('utf8')).toBe(ics);
      expect(counts).toEqual(libraryCounts);
      expect(pauses).toBe(Math.ceil(talks.length / CALENDAR_CHUNK) - 1);
    }
    expect(foldLines(`${'a'.repeat(70)}ééé${'😀'.repeat(3)}`)).toBe(`${'a'.repeat(70)}éé\r\n é${'😀'.repeat(3)}`);
  });

  it('renders a calendar once per filter and graph version; a repeat or a matching If-None-Match costs a look-up', async () => {
    const cache = new CalendarCache();
    const graphs = new GraphHolder(bundled);
    const served = createTalkGraphYoga({ schema, graphs, calendarCache: cache });
    const first = await served.fetch('http://localhost/calendar.ics?organization=isovalent&day=FRIDAY');
    const body = await first.text();
    const etag = first.headers.get('etag')!;
    expect(etag).toBe(entityTag(bundled.version, body));
    const again = await served.fetch('http://localhost/calendar.ics?day=FRIDAY&organization=isovalent');
    expect(await again.text()).toBe(body);
    expect(again.headers.get('etag')).toBe(etag);
    const conditional = await served.fetch('http://localhost/calendar.ics?organization=isovalent&day=FRIDAY', { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(await conditional.text()).toBe('');
    const zipped = await served.fetch('http://localhost/calendar.ics?organization=isovalent&day=FRIDAY', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('etag')).not.toBe(etag);
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(body);
    expect(cache.stats).toEqual({ renders: 1, hits: 3 });
    // Requests that arrive while it renders wait for that rendering.
    await Promise.all([1, 2, 3].map(() => (async () => (await served.fetch('http://localhost/calendar.ics?day=MONDAY')).text())()));
    expect(cache.stats.renders).toBe(2);
    // A new graph version renders anew.
    const next = graphOf([seedSource(), inventedSource()]);
    expect(next.version).not.toBe(bundled.version);
    graphs.swap(next);
    await served.fetch('http://localhost/calendar.ics?organization=isovalent&day=FRIDAY');
    expect(cache.stats.renders).toBe(3);
  });

  it('keeps rendered calendars within its byte budget, keys included', async () => {
    const cache = new CalendarCache({ maxBytes: 200_000 });
    const served = createTalkGraphYoga({ schema, graphs: new GraphHolder(bundled), calendarCache: cache });
    for (const day of ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY']) await (await served.fetch(`http://localhost/calendar.ics?day=${day}`)).text();
    expect(cache.bytes()).toBeGreaterThan(0);
    expect(cache.bytes()).toBeLessThanOrEqual(200_000);
  });
});
