import { describe, expect, it } from 'vitest';
import { parsePost } from '../src/ingest/parse-post.ts';
import { splitEventLabel } from '../src/ingest/split-event-label.ts';
import { brief, ctx, FRONT, talksOfWidgetConBody as talksOf } from './support/widgetcon-body.ts';

// Recaps and previews that name talks in prose, with their videos embedded below them. All Markdown here
// is invented for the test.

describe('videos that restate the talk above them', () => {
  it('a video titled "Event – Kind: Title - Speakers", a word said differently, is the recording of the talk above, with its speakers', () => {
    const body = [
      'I opened with a lightning talk about [Folding Widgets Into Small Boxes](https://widgetcon2031.sched.com/event/1Ab/folding).',
      '',
      '{{< youtube id="abcdef123" title="WidgetCon 2031 EU – Lightning Talk: Fold Widgets Into Small Boxes - Ann Lee" >}}',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Folding Widgets Into Small Boxes', url: 'https://widgetcon2031.sched.com/event/1Ab/folding', speakers: ['Ann Lee'] },
    ]);
  });

  it('a video of another title is another talk, its event label not part of its title', () => {
    const body = [
      'I opened with a lightning talk about [Folding Widgets Into Small Boxes](https://widgetcon2031.sched.com/event/1Ab/folding).',
      '',
      '{{< youtube id="abcdef456" title="WidgetCon 2031 EU – Gadgets at Scale in the Real World - Bo Tran" >}}',
    ].join('\n');
    expect(talksOf(body).map((t) => t.title)).toEqual(['Folding Widgets Into Small Boxes', 'Gadgets at Scale in the Real World']);
  });

  it('an event label before a spaced dash counts only with a year', () => {
    expect(splitEventLabel('WidgetCon 2031 EU – Folding Widgets')).toMatchObject({ label: 'WidgetCon 2031 EU', title: 'Folding Widgets', year: 2031 });
    expect(splitEventLabel('Notes From the Widget Summit – Ann Lee')).toBeNull();
  });
});

describe('a talk of the post named only by its place among them', () => {
  it('"[The second talk](sched) …" is a talk; the video further down its description gives its title and speakers', () => {
    const body = [
      'I opened with a lightning talk about [Folding Widgets Into Small Boxes](https://widgetcon2031.sched.com/event/1Ab/folding).',
      '',
      '[The second talk](https://widgetcon2031.sched.com/event/1Cd/whats-new-in-widgets) together with Bo and me was about new widgets.',
      '',
      'In detail, I was talking about:',
      '',
      '1. How widgets fold.',
      '2. How widgets unfold.',
      '',
      '{{< youtube id="abcdef789" title="WidgetCon 2031 EU – What’s New in Widgets, and How Can You Help? - Bo Tran & Ann Lee" >}}',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Folding Widgets Into Small Boxes', url: 'https://widgetcon2031.sched.com/event/1Ab/folding', speakers: [] },
      {
        title: 'What’s New in Widgets, and How Can You Help?',
        url: 'https://widgetcon2031.sched.com/event/1Cd/whats-new-in-widgets',
        speakers: ['Bo Tran', 'Ann Lee'],
      },
    ]);
  });
});

describe('a heading talk whose schedule link sits in its prose', () => {
  it('"[This 90-minute tutorial](sched) is …" under a `Title - Speakers` heading is the talk\'s schedule page, not its video', () => {
    const body = [
      '### Widgets From Scratch: A Beginner Tutorial - Ann Lee, Acme & Bo Tran, Globex',
      '',
      '[This 90-minute tutorial](https://widgetcon2031.sched.com/event/1Cd/widgets) walks through the basics.',
      '',
      '{{< youtube id="ghijkl789" title="Widgets From Scratch: A Beginner Tutorial - Ann Lee, Acme & Bo Tran, Globex" >}}',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Widgets From Scratch: A Beginner Tutorial', url: 'https://widgetcon2031.sched.com/event/1Cd/widgets', speakers: ['Ann Lee', 'Bo Tran'] },
    ]);
  });
});

describe('a speaker credited below the talks', () => {
  it('"[Ann Lee](sched)" with her role under it names a speaker of a talk above: not a talk of its own', () => {
    const body = [
      '**Lightning Talk: Folding Widgets Into Small Boxes**  ',
      '**Speaker:** Ann Lee, Widget Maintainer  ',
      '**When:** Thursday, May 8, 2031, 12:07pm - 12:12pm  ',
      '**Session details:** [https://sched.co/Zz9](https://sched.co/Zz9)',
      '',
      'See you there!',
      '',
      '[Ann Lee](https://sched.co/Zz9)  ',
      'Widget Maintainer',
    ].join('\n');
    const read = parsePost('posts/t.md', `---\n${FRONT}\n---\n\n${body}\n`, ctx);
    expect(read.talks.map(brief)).toEqual([{ title: 'Lightning Talk: Folding Widgets Into Small Boxes', url: 'https://sched.co/Zz9', speakers: ['Ann Lee'] }]);
    expect(read.diagnostics.filter((d) => d.code === 'LISTING_ENTRY_REJECTED').map((d) => d.message.replace(/^.*? (?="Ann Lee")/, ''))).toEqual([
      '"Ann Lee" looks like an entry of a listing, but it is the name of a speaker of "Lightning Talk: Folding Widgets Into Small Boxes".',
    ]);
  });
});

describe('When / Who / What lines under an event heading', () => {
  it('"What: [Title](slides) by Ann" is the talk, given by the person of "Who:" that first name names', () => {
    const body = [
      '# Widget Days',
      'When: May 2-3  ',
      'Who: [Ann Lee](https://example.org/ann), [Bo Tran](https://example.org/bo), [Cy Oduya](https://example.org/cy)  ',
      'What: [Folding Widgets With Care](../files/folding.pdf) by Bo',
      '',
      '# Highlights',
      '- Lots of questions about widgets.',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([{ title: 'Folding Widgets With Care', url: '../files/folding.pdf', speakers: ['Bo Tran'] }]);
  });
});

describe('the day a gathering was held', () => {
  it('"It was held … on 9th May 2031" in the first section of a post about no known event dates the talks of the sections after it', () => {
    const body = [
      '## Prelude',
      '',
      'Our widget party was a one-day celebration. It was held at the Acme office in Lyon on 9th May 2031. There were talks and cake, as this post tells in more detail below, one by one, with pictures of everyone who came along for it.',
      '',
      '# The Event',
      '',
      '## Talks',
      '',
      '**Folding Widgets Together**',
      '',
      '**Speaker:** Ann Lee',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.date])).toEqual([['Folding Widgets Together', '2031-05-09']]);
  });

  it('the city it was held in gives its talks their zone, also a city the data set spells in its own language ("Nuremberg": Nürnberg)', () => {
    const post = (front: string, city: string) =>
      parsePost(
        'posts/t.md',
        `---\n${front}\n---\n\nOur widget party was a one-day celebration. It was held at the Acme office in ${city} on 9th May 2031.\n\n**Folding Widgets Together**\n\n**Speaker:** Ann Lee\n`,
        ctx,
      ).post;
    expect(post(FRONT, 'Lyon').timezone).toBe('Europe/Paris');
    expect(post(FRONT, 'Nuremberg').timezone).toBe('Europe/Berlin');
    expect(post(`${FRONT}\ntimezone: Europe/London`, 'Nuremberg').timezone).toBe('Europe/London'); // the front matter's zone wins
    expect(post(FRONT, 'Widgetville').timezone).toBeNull();
  });
});

describe('an event whose edition is a season', () => {
  const post = (title: string, intro: string) =>
    parsePost(
      'posts/t.md',
      `---\ntitle: "${title}"\ndate: 2031-12-01\n---\n\n${intro}\n\n- [**Folding Widgets**](https://www.youtube.com/watch?v=abcdef12): Ann Lee (Acme) showed how.\n`,
      ctx,
    ).talks;
  it('"Widget Community Day: Fall 2031" in a title, or "our Fall 2031 Widget Community Day" in the text, is the event "Widget Community Day Fall 2031"', () => {
    expect(post('[Recap] Widget Community Day: Fall 2031', 'It went well.').map((t) => t.eventSlug)).toEqual(['widget-community-day-fall-2031']);
    expect(post('Our recap', 'Last month we hosted our Fall 2031 Widget Community Day with many users.').map((t) => t.eventSlug)).toEqual([
      'widget-community-day-fall-2031',
    ]);
  });
});

describe('an event named after the title', () => {
  it('"[**Title – Widget Native Fringe Conference**](cfp)" is the title; the event is not a speaker, the Speakers field is', () => {
    const body = [
      '[**Folding Widgets in Your Tooling – Widget Native Fringe Conference**](https://cfp.fringe.example.org/2031/talk/QQ1/)',
      '',
      '**Date:** Sunday, May 4th  ',
      '**Time:** 2:35 PM  ',
      '**Speakers:** Ann Lee & Bo Tran',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Folding Widgets in Your Tooling', url: 'https://cfp.fringe.example.org/2031/talk/QQ1/', speakers: ['Ann Lee', 'Bo Tran'] },
    ]);
    expect(splitEventLabel('Folding Widgets - Ann Lee')).toBeNull();
  });
});

describe('a field label with a typo', () => {
  it('"**Facillitators:**" (one letter off) still gives the speakers', () => {
    const body = [
      '## 2. Contribfest - Learn widgets from the maintainers',
      '',
      'Join us at this [hands on session](https://widgetcon2031.sched.com/event/1Qq/contribfest).',
      '',
      '- **Facillitators:** Ann Lee & Bo Tran, Acme; Cy Oduya, Globex',
      '- **Date & Time:** Tuesday, May 6, 4:30pm',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.speakers.map((s) => `${s.name} (${s.organization})`), t.start])).toEqual([
      ['Contribfest - Learn widgets from the maintainers', ['Ann Lee (Acme)', 'Bo Tran (Acme)', 'Cy Oduya (Globex)'], '16:30'],
    ]);
  });
});

describe('a name closed by an initial', () => {
  it('"_Speaker: Ann A @ Acme_" is Ann A of Acme, not the article "a"', () => {
    const body = [
      '##### Stretching Widgets Across Clusters ([Recording][rec])',
      '',
      '_Speaker: Ann A @ Acme_',
      '',
      '[rec]: https://www.youtube.com/watch?v=abcdefgh56',
    ].join('\n');
    expect(talksOf(body).map((t) => t.speakers.map((s) => `${s.name} (${s.organization})`))).toEqual([['Ann A (Acme)']]);
  });
});

describe('a slip of the meridiem', () => {
  it('a table row "10:15 AM | 10:35 PM" ends at 10:35: a session does not run twelve hours', () => {
    const body = [
      '| Start | End | Speaker | Title |',
      '|---|---|---|---|',
      '| 10:15 AM | 10:35 PM | Ann Lee & Bo Tran | Widget Security Team Update |',
      '| 10:35 AM | 10:55 AM | Cy Oduya | WG Update: Gadgets |',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.start, t.end])).toEqual([
      ['Widget Security Team Update', '10:15', '10:35'],
      ['WG Update: Gadgets', '10:35', '10:55'],
    ]);
  });
});

describe('the city of a learned event, from a journey to it', () => {
  it('"We traveled to Lyon, France to speak at WidgetCon" places WidgetCon 2031 of the title in Lyon', () => {
    const text = `---\ntitle: 'Our Team at WidgetCon 2031'\ndate: 2031-02-13\n---\nSome of us traveled to Lyon, France to attend and speak at WidgetCon.\n\n# WidgetCon\nWhen: Feb 4-5  \nWho: [Ann Lee](https://example.org/ann)  \nWhat: [Folding Widgets](https://widgetfest.example.org/2031/talk/fold/) by Ann\n`;
    const read = parsePost('posts/t.md', text, ctx);
    expect(read.talks.map((t) => t.eventSlug)).toEqual(['widgetcon-2031']);
    expect(read.events?.map((e) => [e.name, e.city, e.timezone])).toEqual([['WidgetCon 2031', 'Lyon', 'Europe/Paris']]);
  });

  it('"The event itself was … at our offices in Lyon": the event spoken of without its name gives its city', () => {
    const text = `---\ntitle: '[Recap] Widget Community Day: Fall 2031'\ndate: 2031-12-01\n---\nLast month we hosted our Fall 2031 Widget Community Day for users.\n\nThe event itself was our largest ever, between our offices in Lyon and online.\n\n- [**Folding Widgets**](https://www.youtube.com/watch?v=abcdef12): Ann Lee (Acme) showed how.\n`;
    expect(parsePost('posts/t.md', text, ctx).events?.map((e) => [e.name, e.city, e.timezone])).toEqual([
      ['Widget Community Day Fall 2031', 'Lyon', 'Europe/Paris'],
    ]);
  });
});

describe("an entry's note naming its co-located event", () => {
  it('"**Note:** eBPF + Cilium Day Co-Located Event" puts the talk at Cilium + eBPF Day, the words of its name in either order', () => {
    const text = [
      '---',
      "title: 'Our Project at KubeCon NA 2024'",
      'date: 2024-11-01',
      '---',
      '',
      '[**Folding Widgets for Fun**](https://colocatedeventsna2024.sched.com/event/1Zz/folding)',
      '',
      '**Date:** Tuesday, November 12th  ',
      '**Time:** 11:15 AM  ',
      '**Speakers:** Ann Lee & Bo Tran  ',
      '**Note:** eBPF + Cilium Day Co-Located Event',
    ].join('\n');
    expect(parsePost('posts/t.md', `${text}\n`, ctx).talks.map((t) => t.eventSlug)).toEqual(['cilium-ebpf-day-na-2024']);
  });
});
