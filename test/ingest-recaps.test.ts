import { describe, expect, it } from 'vitest';
import type { TalkEntry } from '../src/domain/types.ts';
import { createIngestContext } from '../src/ingest/create-ingest-context.ts';
import { parsePost } from '../src/ingest/parse-post.ts';
import { splitEventLabel } from '../src/ingest/split-event-label.ts';
import { bundledReference } from './helpers.ts';

// Recaps and previews that name talks in prose, with their videos embedded below them. All Markdown here
// is invented for the test.

const ctx = createIngestContext(bundledReference());
const FRONT = "title: 'Our Project at WidgetCon'\ndate: '2031-05-02'";
const talksOf = (body: string) => parsePost('posts/t.md', `---\n${FRONT}\n---\n\n${body}\n`, ctx).talks;
const brief = (t: TalkEntry) => ({ title: t.title, url: t.url, speakers: t.speakers.map((s) => s.name) });

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

describe('presenters named in a sentence before a linked title', () => {
  it('reads each paragraph of a run as a talk: presenters with their organization, and the day and time said after the title', () => {
    const body = [
      'Acme\'s Ann Lee and Bo Tran are giving the talk "[Folding Widgets Cheaply](https://widgetcon2031.sched.com/event/1Ef/folding)". They will share what they measured. This session is Wednesday, May 7 from 5:25pm - 6:00pm in Room 9.',
      '',
      'Cy Oduya and Di Park from Globex Labs will be presenting "[Where Did It Go? A Guide to Lost Widgets](https://widgetcon2031.sched.com/event/1Gh/lost)". Join us Thursday, May 8 from 2:55pm - 3:30pm.',
    ].join('\n');
    expect(talksOf(body).map((t) => ({ ...brief(t), orgs: t.speakers.map((s) => s.organization), date: t.date, start: t.start, end: t.end }))).toEqual([
      {
        title: 'Folding Widgets Cheaply',
        url: 'https://widgetcon2031.sched.com/event/1Ef/folding',
        speakers: ['Ann Lee', 'Bo Tran'],
        orgs: ['Acme', 'Acme'],
        date: '2031-05-07',
        start: '17:25',
        end: '18:00',
      },
      {
        title: 'Where Did It Go? A Guide to Lost Widgets',
        url: 'https://widgetcon2031.sched.com/event/1Gh/lost',
        speakers: ['Cy Oduya', 'Di Park'],
        orgs: ['Globex Labs', 'Globex Labs'],
        date: '2031-05-08',
        start: '14:55',
        end: '15:30',
      },
    ]);
  });

  it('reads a linked title in emphasis after a lead-in, and past a role set off by commas', () => {
    const body = [
      'Several sessions are about widgets. For example, Ann Lee from Acme will be presenting [_Folding Widgets at Acme_](https://sched.co/Qq1). See the [full schedule](https://example.org/schedule).',
      '',
      'Around early? [Widget Fringe](https://fringe.example.org/) runs that weekend and Bo Tran, one of the project maintainers, will be presenting [_Gadgets (As Taught by Widgets)_](https://cfp.fringe.example.org/2031/talk/ABC123/).',
    ].join('\n');
    expect(talksOf(body).map((t) => ({ ...brief(t), orgs: t.speakers.map((s) => s.organization) }))).toEqual([
      { title: 'Folding Widgets at Acme', url: 'https://sched.co/Qq1', speakers: ['Ann Lee'], orgs: ['Acme'] },
      { title: 'Gadgets (As Taught by Widgets)', url: 'https://cfp.fringe.example.org/2031/talk/ABC123/', speakers: ['Bo Tran'], orgs: [null] },
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

describe('a quoted, linked title followed by its speakers', () => {
  it('reads `“[Title](sched)” Name, Role, Org -* link` in a list whose other items say "by"', () => {
    const body = [
      '* “[Folding Widgets](https://widgetcon2031.sched.org/event/1Aa/folding)” by Ann Lee, Engineer, Acme -* http://sched.co/1Aa',
      '* “[Widgets in the Newsroom](https://widgetcon2031.sched.org/event/1Bb/newsroom)” Bo Tran, Web Developer, Daily Widget -* [http://sched.co/1Bb](http://sched.co/1Bb)',
    ].join('\n');
    expect(talksOf(body).map((t) => ({ title: t.title, speakers: t.speakers.map((s) => `${s.name} (${s.organization})`) }))).toEqual([
      { title: 'Folding Widgets', speakers: ['Ann Lee (Acme)'] },
      { title: 'Widgets in the Newsroom', speakers: ['Bo Tran (Daily Widget)'] },
    ]);
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

describe('speakers named in the description of a talk that names none', () => {
  it('"Ann from Acme will cover …" opening the description; "this session with [Bo](profile) and [Cy](profile)", "Join … [Di Park](profile) and …"', () => {
    const body = [
      '## [Folding Widgets the Red Way](https://widgetcon2031.sched.com/event/Ab1/folding) (2:45pm - 3:20pm)',
      '',
      'Ann from Acme will cover patterns of widget folding, and when they apply.',
      '',
      '## Contribfest: [Gadgets for Everyone](https://sched.co/Cd2)',
      '',
      'DATE: Wednesday May 7',
      '',
      "Don't miss this session with [Bo](https://bsky.app/profile/bo.example), and [Cy](https://bsky.app/profile/cy.example) for your chance to contribute.",
      '',
      '## Maintainer Track: [Widgets 4 You](https://sched.co/Gh4)',
      '',
      'DATE: Thursday May 8',
      '',
      'Join widget maintainers [Di Park](https://bsky.app/profile/di.example) and [Ed Ruiz](https://bsky.app/profile/ed.example) as they share the roadmap.',
      '',
      '## [Widgets Keep Turning](https://sched.co/Ef3) (4:00pm - 4:30pm)',
      '',
      'Kubernetes will cover nothing here: a product is not a speaker.',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.speakers.map((s) => (s.organization ? `${s.name} (${s.organization})` : s.name))])).toEqual([
      ['Folding Widgets the Red Way', ['Ann (Acme)']],
      ['Gadgets for Everyone', ['Bo', 'Cy']],
      ['Widgets 4 You', ['Di Park', 'Ed Ruiz']],
      ['Widgets Keep Turning', []],
    ]);
  });
});

describe('a bold title, a dash, then its presenters with their roles', () => {
  it('reads `**Title** - Ann Lee, founder of Widgets, and Bo Tran, lead maintainer, will be presenting …`; a booth item is not a talk', () => {
    const body = [
      '* **Meet the Maintainers Booth** - Come by the booth on Tuesday from 2:00-3:30pm.',
      '* **Widgets 101** - Ann Lee, founder of Widgets, and Bo Tran, lead',
      'maintainer, will be presenting a 101-level talk on why widgets matter.',
      '* **Widgets Deep Dive** - Cy Oduya and Di Park, both senior architects of the project, will be discussing how widgets tick.',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Widgets 101', url: null, speakers: ['Ann Lee', 'Bo Tran'] },
      { title: 'Widgets Deep Dive', url: null, speakers: ['Cy Oduya', 'Di Park'] },
    ]);
  });
});

describe('a bold title, a dash, then who presented it', () => {
  it('reads `**Title** — Name (Org) presented …` (a first name that is also a word, "Will", included)', () => {
    const body = '-   **Authenticating Widgets with Gadgets** — Will Brook (Acme) presented how to authenticate widgets. (Recording not available)';
    expect(talksOf(body).map((t) => [t.title, t.speakers.map((s) => `${s.name} (${s.organization})`)])).toEqual([
      ['Authenticating Widgets with Gadgets', ['Will Brook (Acme)']],
    ]);
  });
});

describe('a session "titled" in prose', () => {
  it('"the **Project Lightning Talk** titled “Title,” which …" is a talk without speakers, its video below it its recording', () => {
    const body = [
      'A highlight was the **Project Lightning Talk** titled "Widgets: Widgets and the World of Gadgets," which showed how they fit.',
      '<br>',
      '[Widgets and the world of Gadgets](https://www.youtube.com/watch?v=abcdefgh12)',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Widgets: Widgets and the World of Gadgets', url: 'https://www.youtube.com/watch?v=abcdefgh12', speakers: [] },
    ]);
    expect(talksOf('We liked the talk called "Gadgets at Scale" a lot, and the booth "Widget Corner".').map((t) => t.title)).toEqual(['Gadgets at Scale']);
  });
});

describe('talks named in prose, one after another', () => {
  it('a paragraph naming another session by its own link ends the talk the paragraph before named', () => {
    const body = [
      'We gave an update through a [lightning talk](https://www.youtube.com/watch?v=abcdefgh34) on Tuesday!',
      '',
      'On Wednesday we continued with a [contribfest session](https://widgetcon2031.sched.com/event/1Zz)',
      'where we introduced the project to new contributors.',
    ].join('\n');
    const read = parsePost('posts/t.md', `---\ntitle: 'Our Project at WidgetCon 2031'\ndate: '2031-05-02'\n---\n\n${body}\n`, ctx);
    expect(read.talks.map((t) => [t.title, t.url])).toEqual([
      ['lightning talk', 'https://www.youtube.com/watch?v=abcdefgh34'],
      ['contribfest session', 'https://widgetcon2031.sched.com/event/1Zz'],
    ]);
  });
});

describe('a presenter taking part in a session named with an article', () => {
  it('"Ann Lee of Acme, a member of the board and maintainer will take part in [the Widget Keynote Panel][ref]"', () => {
    const body = [
      'In addition to these sessions, Ann Lee of Acme, a member of the Widget Board and maintainer will take part in [the Widget Keynote',
      'Panel][panel], discussing what graduation means.',
      '',
      '[panel]: https://sched.co/Kp1',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.url, t.speakers.map((s) => `${s.name} (${s.organization})`)])).toEqual([
      ['Widget Keynote Panel', 'https://sched.co/Kp1', ['Ann Lee (Acme)']],
    ]);
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

describe('"by Name from Org" after a linked title', () => {
  it('gives the organization written after "from"', () => {
    const body =
      '- <a href="https://www.youtube.com/watch?v=abcdefgh78">▶️ Lightning Talk: Widget Multi-Folder: New Uses</a> by Ann Lee from WidgetCycle. A talk about folding.';
    expect(talksOf(body).map((t) => t.speakers.map((s) => `${s.name} (${s.organization})`))).toEqual([['Ann Lee (WidgetCycle)']]);
  });
});

describe('presenters said clause by clause in a labelled list item', () => {
  it('one-line `**[Label]**: …` items are linked titles, not field lines; "…? Ann Lee will help you …", "Bo Tran will share …, and Cy Oduya will conduct …"', () => {
    const body = [
      '* **[Gadgets]**: Interested in gadgets, but not sure where to start?  Ann Lee will help you get a gadget running.',
      '* **[Reviewing]**: Bo Tran will share the secrets of great reviews, and Cy Oduya will conduct a live review.',
      '* **[Docs Sprint]**: As always, SIG-Widgets will run a three-hour sprint.',
      '',
      '[Gadgets]: https://sched.co/Aa1',
      '[Reviewing]: https://sched.co/Bb2',
      '[Docs Sprint]: https://sched.co/Cc3',
    ].join('\n');
    const talks = parsePost('posts/t.md', `---\ntitle: 'Widget Contributor Summit 2031 Schedule'\ndate: '2031-05-02'\n---\n\n${body}\n`, ctx).talks;
    expect(talks.map((t) => [t.title, t.speakers.map((s) => s.name)])).toEqual([
      ['Gadgets', ['Ann Lee']],
      ['Reviewing', ['Bo Tran', 'Cy Oduya']],
      ['Docs Sprint', []],
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
