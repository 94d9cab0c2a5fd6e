import { describe, expect, it } from 'vitest';
import type { TalkEntry } from '../src/domain/types.ts';
import { createIngestContext } from '../src/ingest/create-ingest-context.ts';
import { ingestPosts } from '../src/ingest/ingest-pipeline.ts';
import { parsePost } from '../src/ingest/parse-post.ts';
import { bundledReference } from './helpers.ts';

const ctx = createIngestContext(bundledReference());
const FRONT = "title: 'Our Talks at KubeCon EU 2024'\ndate: '2024-02-02'";
const read = (body: string, front = FRONT) => parsePost('posts/t.md', `---\n${front}\n---\n\n${body}\n`, ctx);
const talksOf = (body: string, front?: string) => read(body, front).talks;
/** The fields the accuracy harness compares. */
const brief = (t: TalkEntry) => ({
  title: t.title,
  url: t.url,
  speakers: t.speakers.map((s) => (s.organization ? `${s.name} (${s.organization})` : s.name)),
  date: t.date,
  start: t.start,
  end: t.end,
});

describe('header recognizers: links', () => {
  it('reads a link paragraph with the date on the next line (the seed layout)', () => {
    const talks = talksOf(
      '[The Cilium Story - Why We Created Cilium - Thomas Graf, Isovalent](https://sched.co/1Jo6C)\n\nTuesday, March 19 • 09:25 - 09:45\n\nAbstract.',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: 'The Cilium Story - Why We Created Cilium',
        url: 'https://sched.co/1Jo6C',
        speakers: ['Thomas Graf (Isovalent)'],
        date: '2024-03-19',
        start: '09:25',
        end: '09:45',
      },
    ]);
    expect(talks[0]!.abstract).toBe('Abstract.');
  });

  it('reads `###` link headings under `##` event sections, with a 12h date line', () => {
    const talks = talksOf(
      '## Cilium + eBPF Day\n\n### [Keynote: eBPF in 5 Minutes - Thomas Graf, CTO, Isovalent](https://sched.co/a)\n\nTuesday, March 19 • 9:15am - 9:20am\n\n## KubeCon + CloudNativeCon main days\n\n### [Cilium Project Meeting](https://sched.co/b)\n\nWednesday, March 20 • 2:25 - 2:55pm',
    );
    expect(talks.map((t) => [t.title, t.eventSlug, t.start, t.end, t.speakers.map((s) => [s.name, s.organization, s.role])])).toEqual([
      ['Keynote: eBPF in 5 Minutes', 'cilium-ebpf-day-eu-2024', '09:15', '09:20', [['Thomas Graf', 'Isovalent', 'CTO']]],
      ['Cilium Project Meeting', 'kubecon-eu-2024', '14:25', '14:55', []],
    ]);
  });

  it('reads a link in an indented list item with the date on the same line, and strips decorative emoji', () => {
    const talks = talksOf(
      '- Attend this session\n\n  [⚡ Lightning Talk: Who Has the Right of Way?🚦 - Jane Doe, Acme](https://sched.co/c) Wednesday March 20, 2024 15:35 - 16:05 CET',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: 'Lightning Talk: Who Has the Right of Way?',
        url: 'https://sched.co/c',
        speakers: ['Jane Doe (Acme)'],
        date: '2024-03-20',
        start: '15:35',
        end: '16:05',
      },
    ]);
    expect(talks[0]!.zoneAbbreviation).toBe('CET');
  });

  it('reads the reversed `Name (Org) - [Title](url)` list, but not `Name, [patch](url)`', () => {
    expect(talksOf('- Bryce Kahle (Datadog) - [Measuring CPU Overhead](https://www.youtube.com/watch?v=b0)').map(brief)).toEqual([
      { title: 'Measuring CPU Overhead', url: 'https://www.youtube.com/watch?v=b0', speakers: ['Bryce Kahle (Datadog)'], date: null, start: null, end: null },
    ]);
    expect(talksOf('- Daniel Borkmann, [[PATCH net] bpf, tests: fix endianness](https://patchwork.ozlabs.org/patch/773390/)')).toEqual([]);
  });

  it('does not take links to tracks, events, documents or sign-up pages for talks', () => {
    const body = [
      '- [Widget Microconference](https://linuxplumbersconf.org/event/4/sessions/99/#20190911)',
      '- [Tracing Microconference](https://linuxplumbersconf.org/event/4/sessions/49/)',
      '',
      'Head to the [project meeting](https://docs.google.com/document/d/x) on Tuesday. [Sign up](https://docs.google.com/y) now!',
      '',
      '[Cilium 1.15](https://github.com/cilium/cilium/releases/tag/v1.15.0)',
    ].join('\n');
    expect(talksOf(body)).toEqual([]);
  });

  it('takes "See on YouTube" and "YouTube link:" lines under an entry as its recording', () => {
    const talks = talksOf(
      '## A Gardener’s Guide to eBPF Maps by Jane Doe (Acme)\n\n[See on Youtube.](https://www.youtube.com/watch?v=lr)\n\nThe keynote, titled "Gardeners Guide to eBPF," was presented by Jane Doe.',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: 'A Gardener’s Guide to eBPF Maps',
        url: 'https://www.youtube.com/watch?v=lr',
        speakers: ['Jane Doe (Acme)'],
        date: null,
        start: null,
        end: null,
      },
    ]);
  });

  it('splits titles that run straight into their speakers, in a listing of recording links of that shape', () => {
    const talks = talksOf(
      [
        '- [Keynote Widget Opening Keynote Priyanka Raman, Acme Venkat Subramanian, Acme](https://youtu.be/a1)',
        '- [Keynote Overview of Widgets Lin Zhou, Software Engineer, Acme](https://youtu.be/a2)',
        '- [How We Serve, Cache, and Ship Widgets Oskar Lindqvist, Globex](https://youtu.be/a3)',
        '- [Deep Diving Into Widget Security A Study on API Security Mary Lind Peter Quist](https://youtu.be/a4)',
        '- [Widgets from Scratch with Postman W Ian Crowe](https://youtu.be/a5)',
        '- [Introducing Widget Editions Matt Oyelaran Sara Quist, Initech](https://youtu.be/a6)',
      ].join('\n'),
    );
    expect(talks.map((t) => [t.title, brief(t).speakers])).toEqual([
      ['Keynote Widget Opening Keynote', ['Priyanka Raman (Acme)', 'Venkat Subramanian (Acme)']],
      ['Keynote Overview of Widgets', ['Lin Zhou (Acme)']],
      ['How We Serve, Cache, and Ship Widgets', ['Oskar Lindqvist (Globex)']],
      ['Deep Diving Into Widget Security A Study on API Security', ['Mary Lind', 'Peter Quist']],
      ['Widgets from Scratch with Postman', ['W Ian Crowe']],
      ['Introducing Widget Editions', ['Matt Oyelaran (Initech)', 'Sara Quist (Initech)']],
    ]);
  });

  it('takes the date field among "//"-separated fields after a link item, leaving the room aside', () => {
    const talks = talksOf(
      '* [Widgets at Scale - Jane Doe, Acme](https://sched.co/w1) // Tuesday March 19, 2024 @ 12:34 - 12:39 CET // Hall 7 | Level 3\n* [Widget Fleets - Joe Bloggs, Globex](https://sched.co/w2) // Room 2 // Wednesday March 20, 2024 @ 16:07 - 16:12 CET',
    );
    expect(talks.map((t) => [t.title, t.date, t.start, t.end])).toEqual([
      ['Widgets at Scale', '2024-03-19', '12:34', '12:39'],
      ['Widget Fleets', '2024-03-20', '16:07', '16:12'],
    ]);
  });

  it('reads "Event: Title" labels as the event the talk was given at, not part of its title', () => {
    const data = ingestPosts(
      [
        {
          file: 'posts/t.md',
          text: `---\n${FRONT}\n---\n\n${[
            '* [Lisbon Widget Meetup: Widgets at Scale by Jane Doe](https://youtu.be/c1)',
            '* [KubeCon Europe 2023: Managing Widget Fleets by Joe Bloggs](https://youtu.be/c2)',
            '* [Hands-on Workshop: Widgets the Not-So-Hard Way by Ann Lee](https://youtu.be/c3)',
            '* [Contribfest: Helping Widgets by Bo Tran](https://youtu.be/c4)',
          ].join('\n')}\n`,
        },
      ],
      bundledReference(),
    );
    expect(data.talks.map((t) => [t.title, t.eventId]).sort()).toEqual([
      ['Contribfest: Helping Widgets', 'kubecon-eu-2024'],
      ['Hands-on Workshop: Widgets the Not-So-Hard Way', 'kubecon-eu-2024'],
      ['Managing Widget Fleets', 'kubecon-eu-2023'],
      ['Widgets at Scale', 'kubecon-eu-2024'],
    ]);
  });

  it('splits a lone run-on link text when the sentence after the link names its speakers again', () => {
    const talks = talksOf(
      [
        '- [Widgets at Scale - Jane Doe, Acme](https://youtu.be/d1) by Jane Doe from Acme.',
        '- [Solving Widget Drift and How To Fix It Lukas Brandt & Christopher Olsen, widgetworks AG](https://youtu.be/d2) by Lukas Brant & Christopher Olsen from widgetworks AG. A talk on drift.',
        '- [Widget Control Plane Deep Dive](https://youtu.be/d3) by Mary Lind from Initech.',
      ].join('\n'),
    );
    expect(talks.map((t) => [t.title, brief(t).speakers])).toEqual([
      ['Widgets at Scale', ['Jane Doe (Acme)']],
      ['Solving Widget Drift and How To Fix It', ['Lukas Brandt (widgetworks AG)', 'Christopher Olsen (widgetworks AG)']],
      ['Widget Control Plane Deep Dive', ['Mary Lind (Initech)']], // "from Initech" gives the organization
    ]);
  });

  it('leaves alone a title ending in capitalised words when no sibling runs into speakers with an organization', () => {
    const talks = talksOf('- [Scaling the Widget Control Plane](https://youtu.be/b1)\n- [Inside the Widget Service Mesh](https://youtu.be/b2)');
    expect(talks.map((t) => [t.title, t.speakers.length])).toEqual([
      ['Scaling the Widget Control Plane', 0],
      ['Inside the Widget Service Mesh', 0],
    ]);
    // One item of that shape among others that do not share it is read as written.
    const alone = talksOf('- [Scaling the Widget Control Plane Jane Doe, Acme](https://youtu.be/b3)\n- [Widgets at Scale](https://youtu.be/b4)');
    expect(alone.map((t) => t.title)).toEqual(['Scaling the Widget Control Plane Jane Doe, Acme', 'Widgets at Scale']);
  });
});

describe('header recognizers: headings `Title by Speaker (Org)`', () => {
  it('splits at the last " by " that leaves a speaker list', () => {
    expect(talksOf('## Our eBPF Journey by Bike by Jane Doe and John Roe (Globex)').map(brief)[0]).toMatchObject({
      title: 'Our eBPF Journey by Bike',
      speakers: ['Jane Doe (Globex)', 'John Roe (Globex)'],
    });
    expect(talksOf('## Made by hand')).toEqual([]);
  });
});

describe('header recognizers: bold titles', () => {
  it('reads `**Title** ([details](url)), Name (Org), Name (Org)`, questions included', () => {
    const talks = talksOf(
      '- **A pure Go BPF library** ([details](https://lpc.org/event/4/contributions/449/)), Joe Stringer (Cilium), Lorenz Bauer (Cloudflare)\n- **Do we need CAP_BPF_ADMIN?**([more details](https://lpc.org/event/4/contributions/452/)), Song Liu (Facebook)',
    );
    expect(talks.map((t) => [t.title, t.url, t.speakers.map((s) => s.name)])).toEqual([
      ['A pure Go BPF library', 'https://lpc.org/event/4/contributions/449/', ['Joe Stringer', 'Lorenz Bauer']],
      ['Do we need CAP_BPF_ADMIN?', 'https://lpc.org/event/4/contributions/452/', ['Song Liu']],
    ]);
  });

  it('reads recap items `**Title**, by **Name (Org)** and **Name**, …` with the recording linked below', () => {
    const talks = talksOf(
      '- **La famille k0s — simplifier le multi-cluster**, by **Luc Juggery (Exoscale)**, presented the k0s ecosystem.\n\nYouTube Link: [La famille k0s : une boîte à outils](https://www.youtube.com/watch?v=Ed)\n\n- **Questions pour un conteneur**, by **Aurélie Vache** and **Shérine Khoury**, used an interactive format.',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: 'La famille k0s — simplifier le multi-cluster',
        url: 'https://www.youtube.com/watch?v=Ed',
        speakers: ['Luc Juggery (Exoscale)'],
        date: null,
        start: null,
        end: null,
      },
      { title: 'Questions pour un conteneur', url: null, speakers: ['Aurélie Vache', 'Shérine Khoury'], date: null, start: null, end: null },
    ]);
  });

  it('does not take bold labels, interview questions or quotations for titles', () => {
    const body = [
      '**Cilium Project Booth:** Finally, visit Cilium’s kiosk at 15B in the Project Pavilion to see live demos.',
      '',
      '**What was the first program you wrote?**',
      '',
      'A calculator for my bicycle gears.',
      '',
      '**_“eBPF tracing is very powerful. I love it.”_** - Marcos Hernandez, Platform Engineering Lead at Google Cloud',
      '',
      '**_Author: Jane Doe, Acme_**',
    ].join('\n');
    expect(talksOf(body)).toEqual([]);
  });

  it('reads a bold title link with the speakers on their own italic line below (separate paragraph)', () => {
    const talks = talksOf(
      '**[Scaling Cilium to 65k Nodes](https://example.com/program/scaling)**\n\n_Jane Doe, Acme & John Roe, Globex_\n\nTuesday, March 19 • 11:00 - 11:30\n\nAbstract.',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: 'Scaling Cilium to 65k Nodes',
        url: 'https://example.com/program/scaling',
        speakers: ['Jane Doe (Acme)', 'John Roe (Globex)'],
        date: '2024-03-19',
        start: '11:00',
        end: '11:30',
      },
    ]);
  });

  it('reads title, italic speaker line and date as lines of one paragraph', () => {
    const talks = talksOf(
      '**[Scaling Cilium](https://example.com/p/1)**  \n*Jane Doe (Acme)*\nThursday, March 21 · 2:00 - 2:30 PM\n\n**Plain Bold Title**\n_Ann Poe, Initech_',
    );
    expect(talks.map(brief)).toEqual([
      { title: 'Scaling Cilium', url: 'https://example.com/p/1', speakers: ['Jane Doe (Acme)'], date: '2024-03-21', start: '14:00', end: '14:30' },
      { title: 'Plain Bold Title', url: null, speakers: ['Ann Poe (Initech)'], date: null, start: null, end: null },
    ]);
  });

  it('reads a bold title introduced by the sentence before it, which names the speaker', () => {
    const talks = talksOf(
      'Then came **Ricardo Rocha**, Chair of the TAB and Head of Infrastructure at CERN, with a mind-blowing talk:\n\n**10 PB/s without exploding the budget.**\n\nWith the next upgrade of the LHC…\n\nYouTube link: [Keynote d’ouverture](https://www.youtube.com/watch?v=lJ)',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: '10 PB/s without exploding the budget',
        url: 'https://www.youtube.com/watch?v=lJ',
        speakers: ['Ricardo Rocha (CERN)'],
        date: null,
        start: null,
        end: null,
      },
    ]);
  });
});

describe('header recognizers: fields separated by |', () => {
  it('reads `[Title](url) | Speakers | Date | Time`', () => {
    const talks = talksOf('[Cilium at Scale](https://example.com/p/9) | Jane Doe, Acme & John Roe, Globex | Tuesday, March 19 | 9:15 - 9:45am');
    expect(talks.map(brief)).toEqual([
      {
        title: 'Cilium at Scale',
        url: 'https://example.com/p/9',
        speakers: ['Jane Doe (Acme)', 'John Roe (Globex)'],
        date: '2024-03-19',
        start: '09:15',
        end: '09:45',
      },
    ]);
  });

  it('reads bold and plain titles, and a details link as the url', () => {
    const talks = talksOf(
      '- **Hubble Deep Dive** | by Ann Poe (Initech) | 19 March, 14:00–14:30\n- Tetragon 101 | Bob Loe, Acme | Wednesday 20 March 10:00 - 10:30 | [details](https://example.com/t101)',
    );
    expect(talks.map(brief)).toEqual([
      { title: 'Hubble Deep Dive', url: null, speakers: ['Ann Poe (Initech)'], date: '2024-03-19', start: '14:00', end: '14:30' },
      { title: 'Tetragon 101', url: 'https://example.com/t101', speakers: ['Bob Loe (Acme)'], date: '2024-03-20', start: '10:00', end: '10:30' },
    ]);
  });

  it('leaves `|` inside a link title alone and rejects rows with unreadable fields', () => {
    const talks = talksOf(
      '[CiliumCon | Welcome + Opening Remarks - Hemanth Malla, Program & Bill Mulligan, Co-Chairs](https://sched.co/w)\n\nTuesday, March 19, 2024, 09:00 - 09:05 CET',
    );
    expect(talks.map(brief)).toEqual([
      {
        title: 'CiliumCon | Welcome + Opening Remarks',
        url: 'https://sched.co/w',
        speakers: ['Hemanth Malla', 'Bill Mulligan'],
        date: '2024-03-19',
        start: '09:00',
        end: '09:05',
      },
    ]);
    expect(talksOf('Day 1 | Tuesday\n\nVenue | Hall B | Paris')).toEqual([]);
  });
});

describe('header recognizers: prose recaps', () => {
  it('reads numbered items "1) Title:" each followed by prose that opens with its speakers, and a quoted full title', () => {
    const talks = talksOf(
      [
        '## Talks and presentations',
        '1) A widget story:',
        '[Jane Doe](https://github.com/janedoe), the founder of the widget project, opened the day with stories.',
        '2) The State of Widget Support',
        '[Joe Bloggs](https://github.com/joebloggs) spoke about "The State of Widget Support in Gadgets".',
        '3) A meeting with the product managers:',
        'For the first time, we had the product managers present to the audience.',
        '## Setup',
        '1) Install the widget:',
        'Run the installer and wait.',
      ].join('\n\n'),
    );
    expect(talks.map((t) => [t.title, brief(t).speakers])).toEqual([
      ['A widget story', ['Jane Doe']],
      ['The State of Widget Support in Gadgets', ['Joe Bloggs']],
    ]);
  });

  it('reads who took the floor in turn ("After Jane, [Bo Tran](profile) demonstrated …, [I](profile) spoke …") and presenters a host "had … present"', () => {
    const text = [
      '---',
      'title: Our widget party',
      'date: 2031-05-20',
      'author:',
      '  name: Cy Oduya',
      '  uri: cyoduya',
      '---',
      '',
      '## Talks and presentations',
      '',
      '1) A widget story:',
      '',
      '[Jane Doe](https://github.com/janedoe), the founder of the widget project, opened the day with stories.',
      '',
      'After Jane, [Bo Tran](https://github.com/botran) demonstrated the growth of the community. [Di Park](https://github.com/dipark) followed Bo and spoke about the survey, as [Ed Ruiz](https://github.com/edruiz) had asked. Lastly, [I](https://github.com/cyoduya) spoke about the future.',
      '',
      '2) A meeting with the product managers:',
      '',
      'For the first time, we had the Acme Widgets product managers, Fay Lin and Gus Holt present to the audience.',
    ].join('\n');
    const talks = parsePost('posts/t.md', `${text}\n`, ctx).talks;
    expect(talks.map((t) => [t.title, t.speakers.map((s) => [s.name, s.organization])])).toEqual([
      [
        'A widget story',
        [
          ['Jane Doe', null],
          ['Bo Tran', null],
          ['Di Park', null],
          ['Cy Oduya', null],
        ],
      ],
      [
        'A meeting with the product managers',
        [
          ['Fay Lin', null],
          ['Gus Holt', null],
        ],
      ],
    ]);
  });

  it("takes a session phrase linked to its recording or schedule page in prose as the post's own session (not a keynote it was featured in, nor a playlist)", () => {
    const talks = talksOf(
      'We gave an update through a [lightning\ntalk](https://www.youtube.com/watch?v=w1) on Tuesday, wrapped up with the [Widget Maintainer talk](https://www.youtube.com/watch?v=w2), and were featured in the [Project Updates Keynote](https://www.youtube.com/watch?v=w3) and [our playlist talk](https://www.youtube.com/playlist?list=w5).',
    );
    expect(talks.map((t) => [t.title, t.url])).toEqual([
      ['lightning talk', 'https://www.youtube.com/watch?v=w1'],
      ['Widget Maintainer talk', 'https://www.youtube.com/watch?v=w2'],
    ]);
  });

  it('reads quoted titles attributed "by" people, or to a named person\'s session', () => {
    const body = [
      '### Multi-cluster networking',
      '',
      'The talk _"Le réseau multi-cluster, enfin simplifié"_ by **Arthur Outhenin-Chalandre** and **Quentin Swiech** was great.',
      '',
      'YouTube Link: [REX Ledger - Le réseau multi-cluster](https://www.youtube.com/watch?v=Zm)',
      '',
      '### Training',
      '',
      'There was also a great session from my colleague Raphaël Pinson, "Training at scale: 100,000 lab sessions," where he shared how.',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      {
        title: 'Le réseau multi-cluster, enfin simplifié',
        url: 'https://www.youtube.com/watch?v=Zm',
        speakers: ['Arthur Outhenin-Chalandre', 'Quentin Swiech'],
        date: null,
        start: null,
        end: null,
      },
      { title: 'Training at scale: 100,000 lab sessions', url: null, speakers: ['Raphaël Pinson'], date: null, start: null, end: null },
    ]);
  });

  it('does not take quotations or titles restated inside an entry for new talks', () => {
    expect(talksOf('Jane Doe opened the day with a short motto, "Ship small, ship often." She went on.')).toEqual([]);
    const talks = talksOf(
      '## BPF as a Better Dataplane by Daniel Borkmann (Isovalent)\n\nNext up, Daniel presented a talk titled "BPF as a Better Dataplane" by Daniel Borkmann.',
    );
    expect(talks.map((t) => t.title)).toEqual(['BPF as a Better Dataplane']);
  });
});

describe('section context: dates and speakers given once', () => {
  it('applies a date from a heading or an intro sentence to the talks below', () => {
    const talks = talksOf(
      '## Tuesday, March 19\n\n[Talk One - Jane Doe, Acme](https://sched.co/1) 10:00 - 10:30\n\n## Main conference\n\nAll talks below are on Wednesday, March 20.\n\n[Talk Two - John Roe, Globex](https://sched.co/2)\n\n11:00 - 11:30',
    );
    expect(talks.map((t) => [t.title, t.date, t.start])).toEqual([
      ['Talk One', '2024-03-19', '10:00'],
      ['Talk Two', '2024-03-20', '11:00'],
    ]);
  });

  it('reads a long intro paragraph sentence by sentence: its dated sentence dates the schedule grid below', () => {
    const intro =
      'We are very pleased to announce the sessions of the first WidgetCon, and the program committee found it really tough to choose among the many proposals. ' +
      'The conference will take place on <b>Wednesday, March 20th</b> (afternoon CET), with two parallel tracks in virtual rooms. ' +
      'It will open with a keynote from the maintainers about where widgets are going, followed by three hours of breakout sessions.';
    expect(intro.length).toBeGreaterThan(300);
    const talks = talksOf(`${intro}\n\n| Time (CET) | Room A |\n|---|---|\n| 14:30 - 14:50 | Widgets at Scale (Jane Doe @ Acme) |`);
    expect(talks.map((t) => [t.title, t.date, t.start])).toEqual([['Widgets at Scale', '2024-03-20', '14:30']]);
  });

  it('takes a list item that is only a day ("Wednesday, March 20:") as the date of the items nested under it', () => {
    const talks = talksOf(
      'Sessions:\n\n* Wednesday, March 20:\n    * [Widget Intro - Jane Doe, Acme](https://sched.co/a1)\n* Thursday, March 21:\n    * [Widget Deep Dive - Joe Bloggs, Acme](https://sched.co/a2)\n    * [Widget Outro - Joe Bloggs, Acme](https://sched.co/a3)',
    );
    expect(talks.map((t) => [t.title, t.date])).toEqual([
      ['Widget Intro', '2024-03-20'],
      ['Widget Deep Dive', '2024-03-21'],
      ['Widget Outro', '2024-03-21'],
    ]);
  });

  it('does not take a range of days or a byline date for the date of talks', () => {
    const talks = talksOf('_October 17th, 2022_\n\nThe conference is coming up September 9-11 in Lisbon.\n\n[Talk - Jane Doe, Acme](https://sched.co/3)');
    expect(talks.map((t) => t.date)).toEqual([null]);
  });

  it('gives talks introduced as "his talks" to the person the post is about', () => {
    const talks = talksOf(
      'Catch his two talks about packets at KubeCon EU 2022\n\n[Logs Told Us It Was DNS](https://sched.co/ytrw) Friday May 20, 2022 11:55 - 12:30 CEST',
      "title: 'Meet the Maintainer - John Roe'\ndate: '2022-05-05'",
    );
    expect(talks.map(brief)).toEqual([
      { title: 'Logs Told Us It Was DNS', url: 'https://sched.co/ytrw', speakers: ['John Roe'], date: '2022-05-20', start: '11:55', end: '12:30' },
    ]);
    const guessed = read('Catch her talk\n\n[Logs](https://sched.co/ytrw)', "title: 'Meet the Maintainer: Jane Doe-Smith'\ndate: '2022-05-05'");
    expect(guessed.talks[0]!.speakers.map((s) => s.name)).toEqual(['Jane Doe-Smith']);
    expect(guessed.diagnostics.filter((d) => d.code === 'SPEAKERS_INFERRED').map((d) => [d.line, d.severity])).toEqual([[8, 'info']]); // the entry's line
    // Without a person in the title there is nobody to give them to.
    expect(talksOf('Catch his two talks\n\n[Logs Told Us It Was DNS](https://sched.co/ytrw)')[0]!.speakers).toEqual([]);
  });
});

describe('hostile input', () => {
  it('stays fast on huge blocks full of quotes, dashes, commas and bars (recognizers are bounded)', () => {
    const n = 20_000;
    const bodies = [
      'A talk "Title one" and '.repeat(n),
      `[${'Title - Jane Doe, Acme '.repeat(n)}](https://sched.co/x)`,
      `**Title**, ${'Jane Doe, Acme, '.repeat(n)}`,
      `[T](https://sched.co/x) ${'| Jane Doe '.repeat(n)}`,
      `The talk "X" by ${'Jane Doe and '.repeat(n)}`,
      `session from ${'Aaaa '.repeat(n)}, "Title"`,
    ];
    for (const body of bodies) {
      const started = performance.now();
      expect(() => read(body)).not.toThrow();
      expect(performance.now() - started).toBeLessThan(3000);
    }
  });
});
