import { describe, expect, it } from 'vitest';
import { parsePost } from '../src/ingest/parse-post.ts';
import { brief, ctx, talksOfWidgetConBody as talksOf } from './support/widgetcon-body.ts';

// Talks named in running text: presenters before a linked title, bold titles with a sentence of presenters,
// speakers said in a talk's description. All Markdown here is invented for the test.

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

  it("a later sentence opening with the presenter, a lone first name only when the talk page's address holds it", () => {
    const body = [
      '## [A Practical Guide to Widgets](https://widgetcon2031.sched.com/event/Ab1/a-practical-guide-to-widgets-thandeka-oduya-acme) (2:45pm - 3:20pm)',
      '',
      'This talk will first outline how Acme runs widgets.  Thandeka will go on to explain how to fold one.',
      '',
      '## [Widgets Keep Turning](https://widgetcon2031.sched.com/event/Cd2/widgets-keep-turning-bo-tran) (4:00pm - 4:30pm)',
      '',
      'This talk will first outline how Acme runs widgets.  Zdravko will go on to explain how to fold one.',
      '',
      '## [Gadgets Keep Turning](https://widgetcon2031.sched.com/event/Ef3/gadgets-keep-turning) (5:00pm - 5:30pm)',
      '',
      'This talk shows gadgets.  Cy Oduya will then explain how to turn them.',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.speakers.map((s) => s.name)])).toEqual([
      ['A Practical Guide to Widgets', ['Thandeka']],
      ['Widgets Keep Turning', []],
      ['Gadgets Keep Turning', ['Cy Oduya']],
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

describe('a labelled list item whose label is a word that elsewhere links material', () => {
  const talksOfSchedule = (body: string) =>
    parsePost('posts/t.md', `---\ntitle: 'Widget Contributor Summit 2031 Schedule'\ndate: '2031-05-02'\n---\n\n${body}\n`, ctx).talks;

  it('`**[Docs]**: …` linking a schedule page is the session "Docs"; "[here](sched)" or a docs page are not sessions', () => {
    const body = [
      '* **[Docs]**: As always, SIG-Widgets will run a three-hour documentation sprint.',
      '* **[Blog]**: The widget bloggers will show how to write a post.',
      '* **[here]**: The full schedule, with every session.',
      '* **[Slides]**: The slides of every talk, after the summit.',
      '',
      '[Docs]: https://sched.co/Dd4',
      '[Blog]: https://sched.co/Ee5',
      '[here]: https://sched.co/Ff6',
      '[Slides]: https://widgets.example.org/docs/slides',
    ].join('\n');
    expect(talksOfSchedule(body).map((t) => t.title)).toEqual(['Docs', 'Blog']);
  });

  it('"Staff from Acme will be collaborating with Ann Lee to share …": the person the group gives the session with is its speaker', () => {
    const body = [
      '* **[Gadgets]**: Staff from Acme will be collaborating with Ann Lee to share practical gadget tips.',
      '* **[Widgets]**: The widget team will be working with the community on widgets.',
      '',
      '[Gadgets]: https://sched.co/Aa1',
      '[Widgets]: https://sched.co/Bb2',
    ].join('\n');
    expect(talksOfSchedule(body).map((t) => [t.title, t.speakers.map((s) => s.name)])).toEqual([
      ['Gadgets', ['Ann Lee']],
      ['Widgets', []],
    ]);
  });
});

describe('a recording linked from what people "spoke about"', () => {
  it('is their talk, titled by the link text as written; not in a paragraph about keynotes', () => {
    const body = [
      '## Day 2',
      '',
      'This was our big day, with mentions in keynotes. First, **Ann Lee, Widget GM** spoke about [how Acme uses widgets](https://www.youtube.com/watch?v=k1).',
      '',
      '**[Bo Tran](https://twitter.com/botran)** and **[Cy Oduya](https://twitter.com/cyoduya)** of Globex spoke about how they [moved their widget fleet to gadgets](https://www.youtube.com/watch?v=k2).',
      'We wrapped up the day with the [Widget Maintainer talk](https://www.youtube.com/watch?v=k3).',
    ].join('\n');
    expect(talksOf(body).map((t) => [t.title, t.url, t.speakers.map((s) => `${s.name} (${s.organization})`)])).toEqual([
      ['moved their widget fleet to gadgets', 'https://www.youtube.com/watch?v=k2', ['Bo Tran (Globex)', 'Cy Oduya (Globex)']],
      ['Widget Maintainer talk', 'https://www.youtube.com/watch?v=k3', []],
    ]);
  });
});
