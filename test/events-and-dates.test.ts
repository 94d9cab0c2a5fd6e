import { describe, expect, it } from 'vitest';
import type { GraphData } from '../src/domain/types.ts';
import { createEventMatcher } from '../src/ingest/event-matcher.ts';
import { ingestPosts } from '../src/ingest/ingest-pipeline.ts';
import { parseWhen } from '../src/ingest/parse-when.ts';
import { bundledReference } from './helpers.ts';

// Issue 13, items 4 and 5: events matched by name and year, events learned from posts, dates from
// the strongest evidence. Every post here is written for the test.

function ingest(file: string, text: string): GraphData {
  return ingestPosts([{ file, text }], bundledReference());
}

const talk = (heading = '###') => `${heading} [Scaling Widgets - Jane Doe, Acme](https://sched.co/widgets)\n\n`;
const codes = (data: GraphData) => data.diagnostics.map((d) => d.code);

describe('events matched by name and year', () => {
  it('event: kubecon-eu-2026 and "Tuesday, March 24" at 11:00 give an instant in Amsterdam time on the 2026 event', () => {
    const data = ingest(
      'blog/2026/talks.md',
      `---\ntitle: Our talks\ndate: '2026-03-01'\nevent: kubecon-eu-2026\n---\n\n${talk()}Tuesday, March 24 • 11:00 - 11:30\n`,
    );
    expect(data.talks).toHaveLength(1);
    expect(data.talks[0]).toMatchObject({
      eventId: 'kubecon-eu-2026',
      date: '2026-03-24',
      startsAt: '2026-03-24T11:00:00+01:00',
      timezone: 'Europe/Amsterdam',
    });
    expect(data.events.find((e) => e.id === 'kubecon-eu-2026')).toMatchObject({ city: 'Amsterdam', startDate: '2026-03-23' });
  });

  it('a post that only names "KubeCon + CloudNativeCon Europe 2026 in Amsterdam" in its text gets the same', () => {
    const data = ingest(
      'talks.md',
      `---\ntitle: Our talks\ndate: '2026-03-01'\n---\n\nCome and see us at KubeCon + CloudNativeCon Europe 2026 in Amsterdam next month.\n\n${talk()}Tuesday, March 24 • 11:00 - 11:30\n`,
    );
    expect(data.talks[0]).toMatchObject({ eventId: 'kubecon-eu-2026', startsAt: '2026-03-24T11:00:00+01:00' });
  });

  it('"event: KubeCon EU 2026" (a name) is the 2026 conference, not another year of the same name', () => {
    const data = ingest('talks.md', `---\ntitle: Our talks\ndate: '2026-03-01'\nevent: KubeCon EU 2026\n---\n\n${talk()}Tuesday, March 24 • 11:00 - 11:30\n`);
    expect(data.talks[0]!.eventId).toBe('kubecon-eu-2026');
    expect(codes(data)).not.toContain('EVENT_CODE_UNKNOWN');
  });

  it('event: kubecon-eu-2031 is a diagnostic with did-you-mean, and the talks are not filed under another year', () => {
    const data = ingest('talks.md', `---\ntitle: Our talks\ndate: '2031-03-01'\nevent: kubecon-eu-2031\n---\n\n${talk()}Tuesday, March 25 • 11:00 - 11:30\n`);
    const unknown = data.diagnostics.find((d) => d.code === 'EVENT_CODE_UNKNOWN');
    expect(unknown?.message).toMatch(/"kubecon-eu-2031"; did you mean kubecon-eu-20\d\d/);
    expect(data.talks[0]!.eventId).toBeNull();
    expect(data.events).toEqual([]);
  });

  it("a name without a year matches only the event of the post's year; a year with no event matches nothing", () => {
    const matcher = createEventMatcher(bundledReference().events);
    expect(matcher.match('Cilium at KubeCon EU', 2025)?.slug).toBe('kubecon-eu-2025');
    expect(matcher.match('KubeCon EU 2026', 2023)?.slug).toBe('kubecon-eu-2026');
    expect(matcher.match('KubeCon EU', null)).toBeNull();
    expect(matcher.match('KubeCon EU 2031', null)).toBeNull();
    expect(matcher.match('CiliumCon', 2026)?.slug).toBe('ciliumcon-eu-2026');
  });

  it("a series name several events of a year share is told apart by the post's date, and a city names its edition", () => {
    const matcher = createEventMatcher(bundledReference().events);
    expect(matcher.match('Our talks at KubeCon 2023', null, null, '2023-11-02')?.slug).toBe('kubecon-na-2023');
    expect(matcher.match('Our talks at KubeCon 2023', null, null, '2023-03-20')?.slug).toBe('kubecon-eu-2023');
    expect(matcher.match('Our talks at KubeCon 2023', null)).toBeNull();
    expect(matcher.match('Recap: KubeCon Chicago 2023', null)?.slug).toBe('kubecon-na-2023');
    expect(matcher.match('CloudNativeCon Austin', 2017)?.slug).toBe('kubecon-na-2017');
  });

  it('a known name inside a longer unknown one is not that event: "KubeCon + CloudNativeCon India 2026" is not Europe 2026', () => {
    const matcher = createEventMatcher(bundledReference().events);
    expect(matcher.match('KubeCon + CloudNativeCon India 2026', null)).toBeNull();
    expect(matcher.mention('KubeCon + CloudNativeCon India 2026', null)).toMatchObject({ event: null, slug: 'kubecon-india-2026' });
  });

  it('an event named in passing deep in a post is not the event of its talks', () => {
    const intro = ['First paragraph.', 'Second paragraph.', 'Third paragraph.', 'I once saw a demo at DockerCon 2017 that changed my mind.'].join('\n\n');
    const data = ingest(
      'talks.md',
      `---\ntitle: Our talks\ndate: '2026-03-01'\nevent: kubecon-eu-2026\n---\n\n${intro}\n\n${talk()}Tuesday, March 24 • 11:00 - 11:30\n`,
    );
    expect(data.talks[0]!.eventId).toBe('kubecon-eu-2026');
    const undeclared = ingest('talks.md', `---\ntitle: Our talks\ndate: '2030-03-01'\n---\n\n${intro}\n\n${talk()}Tuesday, March 26 • 11:00 - 11:30\n`);
    expect(undeclared.events).toEqual([]);
  });
});

describe('events learned from posts', () => {
  it('an edition the data does not know becomes an Event named like its series, with the city, zone and dates the post gives', () => {
    const data = ingest(
      'talks.md',
      `---\ntitle: Harbor at KubeCon + CloudNativeCon India 2026 in Mumbai\ndate: '2026-06-01'\n---\n\n${talk()}Thursday, June 18, 2026, 12:07pm - 12:12pm IST\n`,
    );
    expect(data.events).toEqual([
      expect.objectContaining({
        id: 'kubecon-india-2026',
        name: 'KubeCon + CloudNativeCon India 2026',
        city: 'Mumbai',
        timezone: 'Asia/Kolkata',
        startDate: '2026-06-18',
        endDate: '2026-06-18',
      }),
    ]);
    expect(data.talks[0]).toMatchObject({ eventId: 'kubecon-india-2026', startsAt: '2026-06-18T12:07:00+05:30' });
    expect(codes(data)).toContain('EVENT_LEARNED');
    expect(codes(data)).not.toContain('ZONE_ABBREVIATION_MISMATCH');
  });

  it('an event of a series the data has never heard of, with no city, takes its zone from the abbreviation the post writes', () => {
    const data = ingest('talks.md', `---\ntitle: Our talks at WidgetConf 2030\ndate: '2030-01-05'\n---\n\n${talk()}Thursday, January 10 • 18:00 - 18:30 JST\n`);
    expect(data.events[0]).toMatchObject({ id: 'widgetconf-2030', name: 'WidgetConf 2030', city: null, timezone: 'Asia/Tokyo', startDate: '2030-01-10' });
    expect(data.talks[0]).toMatchObject({ eventId: 'widgetconf-2030', startsAt: '2030-01-10T18:00:00+09:00' });
  });

  it('two posts about the same unknown event give one Event', () => {
    const post = (day: string, time: string) => `---\ntitle: WidgetConf 2030 in Lisbon\ndate: '2030-01-05'\n---\n\n${talk()}${day} • ${time}\n`;
    const data = ingestPosts(
      [
        { file: 'a.md', text: post('Thursday, January 10', '18:00 - 18:30') },
        {
          file: 'b.md',
          text: post('Friday, January 11', '10:00 - 10:30').replace('Scaling Widgets', 'Other Widgets').replace('sched.co/widgets', 'sched.co/other'),
        },
      ],
      bundledReference(),
    );
    expect(data.events).toHaveLength(1);
    expect(data.events[0]).toMatchObject({ city: 'Lisbon', timezone: 'Europe/Lisbon', talkIds: expect.any(Array) });
    expect(data.talks.map((t) => t.startsAt)).toEqual(['2030-01-10T18:00:00+00:00', '2030-01-11T10:00:00+00:00']);
  });
});

describe('dates from the strongest evidence', () => {
  it('a 2026 post (path /blog/2026/…) dated 2025 in its front matter with "Monday, 23 March" gets 2026 and a warning', () => {
    const data = ingest(
      'blog/2026/03/cilium-at-kubecon.md',
      `---\ntitle: Cilium at KubeCon EU\ndate: '2025-03-01'\n---\n\n## CiliumCon\n\n${talk()}Monday, 23 March • 11:00 - 11:30\n`,
    );
    expect(data.talks[0]).toMatchObject({ date: '2026-03-23', eventId: 'ciliumcon-eu-2026', startsAt: '2026-03-23T11:00:00+01:00' });
    const warning = data.diagnostics.find((d) => d.code === 'POST_YEAR_CONTRADICTED');
    expect(warning).toMatchObject({ severity: 'warning', line: 1 });
    expect(warning!.message).toContain('Front matter says 2025; the path and the weekdays of its dates say 2026');
  });

  it('the path outranks the front matter even without weekdays, with a warning; with neither, the front matter is the year', () => {
    const pathOnly = ingest('blog/2026/03/talks.md', `---\ntitle: Our talks\ndate: '2025-03-01'\n---\n\n${talk()}March 23 • 11:00 - 11:30\n`);
    expect(pathOnly.talks[0]!.date).toBe('2026-03-23');
    expect(pathOnly.diagnostics.find((d) => d.code === 'POST_YEAR_CONTRADICTED')!.message).toContain('the path says 2026');
    const agreeing = ingest('blog/2025/03/talks.md', `---\ntitle: Our talks\ndate: '2025-03-01'\n---\n\n${talk()}March 23 • 11:00 - 11:30\n`);
    expect(agreeing.talks[0]!.date).toBe('2025-03-23');
    expect(codes(agreeing)).not.toContain('POST_YEAR_CONTRADICTED');
  });

  it("a created_at date stands for the post's date, and tells apart the events of a year that share a name", () => {
    const data = ingest(
      'talks.md',
      `---\ntitle: Prometheus at CloudNativeCon 2017\ncreated_at: 2017-11-29\n---\n\n${talk()}Wednesday, December 6 • 11:00 - 11:30\n`,
    );
    expect(data.talks[0]).toMatchObject({ eventId: 'kubecon-na-2017', date: '2017-12-06', startsAt: '2017-12-06T11:00:00-06:00' });
  });

  it("the event's dates outrank the post's year: a talk of KubeCon EU 2026 listed in a post of December 2025", () => {
    const data = ingest('talks.md', `---\ntitle: Our talks\ndate: '2025-12-15'\nevent: kubecon-eu-2026\n---\n\n${talk()}March 24 • 11:00 - 11:30\n`);
    expect(data.talks[0]!.date).toBe('2026-03-24');
  });

  it('a year written in the section heading outranks the event and the post', () => {
    const data = ingest('talks.md', `---\ntitle: Our talks\ndate: '2025-12-15'\n---\n\n## Friday, 22 March 2024\n\n${talk()}16:00 - 16:30 CET\n`);
    expect(data.talks[0]).toMatchObject({ date: '2024-03-22', eventId: 'kubecon-eu-2024', startsAt: '2024-03-22T16:00:00+01:00' });
  });

  it('a weekday alone is placed within the dates of the event', () => {
    const data = ingest('talks.md', `---\ntitle: Our talks\ndate: '2025-10-01'\nevent: kubecon-na-2025\n---\n\n${talk()}Wednesday • 2:00pm - 2:30pm ET\n`);
    expect(data.talks[0]).toMatchObject({ date: '2025-11-12', startsAt: '2025-11-12T14:00:00-05:00' });
    expect(codes(data)).not.toContain('ZONE_ABBREVIATION_MISMATCH');
  });

  it('a zone abbreviation that does not fit the event is a diagnostic; an ambiguous one is read as the event means it', () => {
    const cet = ingest(
      'talks.md',
      `---\ntitle: Our talks\ndate: '2025-03-01'\nevent: kubecon-eu-2025\n---\n\n${talk()}Wednesday, April 2 • 16:15 - 17:30 CEST\n`,
    );
    expect(cet.diagnostics.find((d) => d.code === 'ZONE_ABBREVIATION_MISMATCH')?.message).toContain('CEST is UTC+2, but Europe/London is +01:00');
    const ist = ingest(
      'talks.md',
      `---\ntitle: Our talks\ndate: '2024-12-01'\nevent: kubecon-india-2024\n---\n\n${talk()}Wednesday, December 11 • 11:00 - 11:30 IST\n`,
    );
    expect(codes(ist)).not.toContain('ZONE_ABBREVIATION_MISMATCH');
    expect(ist.talks[0]!.startsAt).toBe('2024-12-11T11:00:00+05:30');
    const cst = ingest('talks.md', `---\ntitle: Our talks\ndate: '2023-11-01'\nevent: kubecon-na-2023\n---\n\n${talk()}Tuesday, November 7, 4:30pm CST\n`);
    expect(codes(cst)).not.toContain('ZONE_ABBREVIATION_MISMATCH');
    expect(cst.talks[0]!.startsAt).toBe('2023-11-07T16:30:00-06:00');
  });
});

describe('date and time grammar', () => {
  const read = (text: string) => {
    const { weekday, month, day, year, start, end, zone } = parseWhen(text);
    return { weekday, month, day, year, start, end, zone };
  };

  it('reads day-first, ordinal and abbreviated dates', () => {
    expect(read('16:00 CET, Fri, 22 Mar 2024')).toEqual({ weekday: 'FRIDAY', month: 3, day: 22, year: 2024, start: '16:00', end: null, zone: 'CET' });
    expect(read('25th July 2019')).toMatchObject({ month: 7, day: 25, year: 2019 });
    expect(read('Sunday, November 10th')).toMatchObject({ weekday: 'SUNDAY', month: 11, day: 10 });
    expect(read('2024-03-22 16:00 CET')).toMatchObject({ month: 3, day: 22, year: 2024, start: '16:00', zone: 'CET' });
    expect(read('see /blog/2024-03-22-recap')).toMatchObject({ month: null, day: null });
    expect(read('THUR April 3 @ 14:00 – 17:00 BST')).toMatchObject({ weekday: 'THURSDAY', month: 4, day: 3, start: '14:00', end: '17:00', zone: 'BST' });
  });

  it('reads a range split across a line, and 12 h and 24 h clocks', () => {
    expect(read('Tuesday, March 24, 10:30 -\n11:15')).toMatchObject({ start: '10:30', end: '11:15' });
    expect(read('from 10:30AM-\n11:30AM')).toMatchObject({ start: '10:30', end: '11:30' });
    expect(read('TUES Nov 11 @ 03:30 PM - 07:45 PM ET')).toMatchObject({ start: '15:30', end: '19:45', zone: 'ET' });
  });

  it('reads zone abbreviations of every continent, the short generic ones only after a time', () => {
    const zoneOf = (text: string) => parseWhen(text).zone;
    expect(
      ['10:00 BST', '10:00 CEST', '10:00 IST', '10:00 JST', '10:00 AEST', '10:00 NZDT', '10:00 SAST', '10:00 BRT', '10:00 PT', '10am (ET)'].map(zoneOf),
    ).toEqual(['BST', 'CEST', 'IST', 'JST', 'AEST', 'NZDT', 'SAST', 'BRT', 'PT', 'ET']);
    expect(zoneOf('PT Barnum, Tuesday')).toBeNull();
  });

  it('reads explicit offsets ("UTC+2", "GMT+5:30") and turns them into instants, checked against the event', () => {
    expect(parseWhen('Tuesday 14:00 - 15:00 (GMT+5:30)')).toMatchObject({ start: '14:00', end: '15:00', zone: 'GMT+5:30', rest: '' });
    const data = ingest(
      'talks.md',
      `---\ntitle: Our talks\ndate: '2026-03-01'\nevent: kubecon-eu-2026\n---\n\n${talk()}Tuesday, March 24 • 11:00 - 11:30 UTC+2\n`,
    );
    expect(data.talks[0]!.startsAt).toBe('2026-03-24T11:00:00+01:00');
    expect(data.diagnostics.find((d) => d.code === 'ZONE_ABBREVIATION_MISMATCH')?.message).toContain('UTC+2 is UTC+2, but Europe/Amsterdam is +01:00');
    const noEvent = ingest('talks.md', `---\ntitle: Meetup\ndate: '2030-01-05'\n---\n\n${talk()}Thursday, January 10 • 18:00 - 18:30 UTC-5\n`);
    expect(noEvent.talks[0]!.startsAt).toBe('2030-01-10T18:00:00-05:00');
  });
});
