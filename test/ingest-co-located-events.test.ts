import { describe, expect, it } from 'vitest';
import { regionOfEvent } from '../src/ingest/co-located-events.ts';
import { parsePost } from '../src/ingest/parse-post.ts';
import { ctx } from './support/widgetcon-body.ts';

// Events held with a conference and named without a year: the conference of the post gives the year, the
// region, the city and the zone. Every post here is invented; KubeCon editions are those of the bundled
// data/events.yaml, the co-located events are made up.

function read(title: string, date: string, body: string) {
  const parsed = parsePost('posts/t.md', `---\ntitle: '${title}'\ndate: ${date}\n---\n\n${body}\n`, ctx);
  const events = new Map((parsed.events ?? []).map((e) => [e.slug, e]));
  return {
    talks: parsed.talks.map((t) => ({ title: t.title, event: t.eventSlug })),
    learned: (slug: string) => events.get(slug),
    events: parsed.events ?? [],
  };
}

describe('the region of a conference edition', () => {
  it('is the capitalised words between the series and the year', () => {
    expect(regionOfEvent('KubeCon + CloudNativeCon Europe 2025')).toBe('Europe');
    expect(regionOfEvent('CloudNativeCon + KubeCon North America 2016')).toBe('North America');
    expect(regionOfEvent('KubeCon EU 2016')).toBe('EU');
    expect(regionOfEvent('WidgetConf 2031')).toBeNull();
  });
});

describe('a co-located event named without its year', () => {
  it('a sentence calling an event co-located makes it the event of the talks below, held where and when its conference is', () => {
    const { talks, learned } = read(
      'Our Project at KubeCon EU 2025',
      '2025-04-10',
      [
        'For the first time our co-located event, The Widget Summit, took place the day before KubeCon EU 2025 itself. A few of its talks:',
        '',
        '- [Folding Widgets at Scale - Ann Lee](https://www.youtube.com/watch?v=abc123def45)',
        '- [Widgets in Production - Bo Tran](https://www.youtube.com/watch?v=abc123def46)',
      ].join('\n'),
    );
    expect(talks.map((t) => t.event)).toEqual(['widget-summit-europe-2025', 'widget-summit-europe-2025']);
    expect(learned('widget-summit-europe-2025')).toMatchObject({
      name: 'Widget Summit Europe 2025',
      parent: 'kubecon-eu-2025',
      city: 'London',
      timezone: 'Europe/London',
      startDate: '2025-04-01', // no talk is dated: the conference's first day
    });
  });

  it('a sentence that calls two events co-located gives the talks below neither', () => {
    const { talks, events } = read(
      'Our Project at KubeCon EU 2025',
      '2025-04-10',
      [
        'Our co-located events, the Widget Summit and the Gadget Day, were busy. Our talks:',
        '',
        '- [Folding Widgets at Scale - Ann Lee](https://www.youtube.com/watch?v=abc123def45)',
      ].join('\n'),
    );
    expect(talks.map((t) => t.event)).toEqual(['kubecon-eu-2025']);
    expect(events).toEqual([]);
  });

  it("a heading that is only an event name is that event of the post conference's year", () => {
    const { talks, learned } = read(
      'Our Project at KubeCon NA 2024',
      '2024-11-01',
      [
        '## Widget Days',
        '',
        '[Folding Widgets at Scale - Ann Lee](https://colocatedeventsna2024.sched.com/event/1Ab/folding)',
        '',
        '## Talks',
        '',
        '[Widgets in Production - Bo Tran](https://kccncna2024.sched.com/event/1Cd/widgets)',
      ].join('\n'),
    );
    expect(talks).toEqual([
      { title: 'Folding Widgets at Scale', event: 'widget-days-north-america-2024' },
      { title: 'Widgets in Production', event: 'kubecon-na-2024' },
    ]);
    expect(learned('widget-days-north-america-2024')).toMatchObject({ city: 'Salt Lake City', timezone: 'America/Denver', parent: 'kubecon-na-2024' });
  });

  it('never by name alone: the same heading in a post about no conference names no event', () => {
    const { talks, events } = read(
      'Widget notes',
      '2024-11-01',
      ['## Widget Days', '', '[Folding Widgets at Scale - Ann Lee](https://colocatedeventsna2024.sched.com/event/1Ab/folding)'].join('\n'),
    );
    expect(talks.map((t) => t.event)).toEqual([null]);
    expect(events).toEqual([]);
  });
});

describe("the event of a talk page's address", () => {
  it('"…/widget-rejekts-na-2024/talk/…" names the event the post writes as "Widget Rejekts", of that year', () => {
    const { talks, learned } = read(
      'Our Project at Widget Rejekts and KubeCon NA 2024',
      '2024-11-01',
      [
        'We will be at Widget Rejekts and KubeCon NA 2024 in Salt Lake City.',
        '',
        '## [Folding Widgets at Scale](https://cfp.widget-rejekts.io/widget-rejekts-na-salt-lake-city-2024/talk/ABC123/)',
        '',
        '- **Location:** The Old Hall',
        '',
        '## [Widgets in Production](https://kccncna2024.sched.com/event/1Cd/widgets)',
      ].join('\n'),
    );
    expect(talks).toEqual([
      { title: 'Folding Widgets at Scale', event: 'widget-rejekts-north-america-2024' },
      { title: 'Widgets in Production', event: 'kubecon-na-2024' },
    ]);
    expect(learned('widget-rejekts-north-america-2024')).toMatchObject({ name: 'Widget Rejekts North America 2024', timezone: 'America/Denver' });
  });

  it('an address whose event the post does not name gives none', () => {
    const { talks } = read(
      'Our Project at KubeCon NA 2024',
      '2024-11-01',
      ['## [Folding Widgets at Scale](https://cfp.example.io/gadget-fest-2024/talk/ABC123/)', '', '- **Location:** The Old Hall'].join('\n'),
    );
    expect(talks).toEqual([{ title: 'Folding Widgets at Scale', event: 'kubecon-na-2024' }]);
  });
});
