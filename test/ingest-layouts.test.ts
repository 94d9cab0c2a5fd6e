import { describe, expect, it } from 'vitest';
import type { TalkEntry } from '../src/domain/types.ts';
import { createIngestContext } from '../src/ingest/create-ingest-context.ts';
import { parsePost } from '../src/ingest/parse-post.ts';
import { bundledReference } from './helpers.ts';

// Listings found by their shape: tables, headings or bold lines followed by field lines, link-led list
// items. All Markdown here is invented for the test.

const ctx = createIngestContext(bundledReference());
const FRONT = "title: 'Our Project at a Conference'\ndate: '2031-05-02'";
const read = (body: string, front = FRONT) => parsePost('posts/t.md', `---\n${front}\n---\n\n${body}\n`, ctx);
const talksOf = (body: string) => read(body).talks;
const brief = (t: TalkEntry) => ({
  title: t.title,
  url: t.url,
  speakers: t.speakers.map((s) => (s.organization ? `${s.name} (${s.organization})` : s.name)),
  date: t.date,
  start: t.start,
  end: t.end,
});
const rejected = (body: string) =>
  read(body)
    .diagnostics.filter((d) => d.code === 'LISTING_ENTRY_REJECTED')
    .map((d) => d.message);

describe('tables read as a whole', () => {
  it('types columns by the header row; rows without speakers or a talk link are not talks', () => {
    const body = [
      '| From | To | Presenter | Session |',
      '|---|---|---|---|',
      '| 9:00 AM | 9:20 AM | - | Doors Open |',
      '| 9:20 AM | 9:50 AM | Ada Quill | Scaling Widgets Sideways |',
      '| 9:50 AM | 10:05 AM | - | Coffee Break |',
      '| 10:05 AM | 10:35 AM | Bo Tran & Cy Oduya | Gadgets in Production |',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Scaling Widgets Sideways', url: null, speakers: ['Ada Quill'], date: null, start: '09:20', end: '09:50' },
      { title: 'Gadgets in Production', url: null, speakers: ['Bo Tran', 'Cy Oduya'], date: null, start: '10:05', end: '10:35' },
    ]);
    expect(rejected(body)).toHaveLength(2);
  });

  it('reads `Title | Speakers | Date & Time` with linked bold titles and `;` groups', () => {
    const body =
      '| **Title** | **Speakers** | **Date & Time** |\n|---|---|---|\n| **[Bending Queues](https://sched.co/Zz1)** | Ann Lee & Raj Iyer, Acme; Tom Wu, Globex | Monday, May 5, 3:30pm |';
    expect(talksOf(body).map(brief)).toEqual([
      {
        title: 'Bending Queues',
        url: 'https://sched.co/Zz1',
        speakers: ['Ann Lee (Acme)', 'Raj Iyer (Acme)', 'Tom Wu (Globex)'],
        date: '2031-05-05',
        start: '15:30',
        end: null,
      },
    ]);
  });

  it('reads a schedule grid: one talk per room cell, `Title (Names @ Org)`, with the row time', () => {
    const body =
      '| Slot | Blue hall | Green hall |\n|---|---|---|\n| 13:00 - 13:30 | Opening (Ann Lee & Bo Tran @ Acme) | |\n| 13:40 -14:20 | Fast Logs (Cy Oduya, @ Initech) | Slow Logs (Di Park, Eve Moss @ Umbrella) |';
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Opening', url: null, speakers: ['Ann Lee (Acme)', 'Bo Tran (Acme)'], date: null, start: '13:00', end: '13:30' },
      { title: 'Fast Logs', url: null, speakers: ['Cy Oduya (Initech)'], date: null, start: '13:40', end: '14:20' },
      { title: 'Slow Logs', url: null, speakers: ['Di Park (Umbrella)', 'Eve Moss (Umbrella)'], date: null, start: '13:40', end: '14:20' },
    ]);
  });

  it('reads a two-column table of fields under a linked heading as that entry’s fields, never as talks', () => {
    const body =
      '### [Queues at Sea](https://sched.co/Qq9)\n\n| | |\n|---|---|\n| **Speakers** | Ann Lee (Acme), Bo Tran (Globex) |\n| **Date** | Tuesday, May 6 |\n| **Time** | 11:00 - 11:30 CET |\n\nAbstract text.';
    expect(talksOf(body).map(brief)).toEqual([
      {
        title: 'Queues at Sea',
        url: 'https://sched.co/Qq9',
        speakers: ['Ann Lee (Acme)', 'Bo Tran (Globex)'],
        date: '2031-05-06',
        start: '11:00',
        end: '11:30',
      },
    ]);
  });

  it('reads an HTML table of event details as no talk', () => {
    expect(talksOf('## Event Details\n\n<table><tr><th>Date</th><td>May 9th, 2031</td></tr><tr><th>Time</th><td>8:00 AM - 6:00 PM</td></tr></table>')).toEqual(
      [],
    );
  });
});

describe('entries with field lines', () => {
  it('makes a heading a talk when its field lines give speakers and a time, even after the abstract', () => {
    const body = [
      '## Tracks',
      '',
      '### Widget Improv',
      '',
      'An abstract that comes before the fields.',
      '',
      '**Speakers**: Ann Lee, Bo Tran\\',
      '**Time**: 17:25, Wed, 7 May 2031\\',
      '**Room**: Hall 3\\',
      '**URL**: https://sched.co/Ww1',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Widget Improv', url: 'https://sched.co/Ww1', speakers: ['Ann Lee', 'Bo Tran'], date: '2031-05-07', start: '17:25', end: null },
    ]);
  });

  it('reads CAPS labels, linked speaker names with a role in parentheses (no organization), and the link of `Label: [Title](url)`', () => {
    const body =
      '## Hackfest: [Build a Widget](https://sched.co/Hh2)\n\nDATE: Thursday May 8\n\nTIME: 14:15 - 15:30 BST\n\nSPEAKERS: [Ann Lee](https://s.io/ann) & [Bo Tran](https://s.io/bo) (Widget Maintainers)';
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Build a Widget', url: 'https://sched.co/Hh2', speakers: ['Ann Lee', 'Bo Tran'], date: '2031-05-08', start: '14:15', end: '15:30' },
    ]);
  });

  it('reads a bold title with its bold-label lines in one paragraph, and list-item fields under a heading', () => {
    const body = [
      '**Lightning Talk: Widgets at the Edge**  ',
      '**Speaker:** Ann Lee, Project Maintainer  ',
      '**When:** Friday, May 9, 2031, 12:07pm - 12:12pm IST',
      '',
      '## [Tracing Gizmos](https://talks.example.org/gizmos)',
      '',
      '- **Date:** May 10th  ',
      '- **Time:** 14:35 – 15:05 BST',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Lightning Talk: Widgets at the Edge', url: null, speakers: ['Ann Lee'], date: '2031-05-09', start: '12:07', end: '12:12' },
      { title: 'Tracing Gizmos', url: 'https://talks.example.org/gizmos', speakers: [], date: '2031-05-10', start: '14:35', end: '15:05' },
    ]);
  });

  it('reads `Title ([Recording](…)/[Slides](…))` headings with an emphasised speaker field', () => {
    const body =
      '##### Gizmo Upgrades ([Recording][rec]/[Slides][sl])\n\n_Speakers: Ann Lee & Bo Tran @ Acme_\n\nWhat they showed.\n\n[rec]: https://youtu.be/Aa1Bb2Cc3\n[sl]: https://files.example.org/gizmo.pdf';
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Gizmo Upgrades', url: 'https://youtu.be/Aa1Bb2Cc3', speakers: ['Ann Lee (Acme)', 'Bo Tran (Acme)'], date: null, start: null, end: null },
    ]);
  });

  it('takes a section’s schedule link from its prose', () => {
    const body =
      '## 2. Hackfest - Learn the Widget code\n\nJoin us at this [hands-on session](https://sched.co/Jj3).\n\n- **Facilitators:** Ann Lee & Bo Tran, Acme\n- **Date & Time:** Tuesday, May 6, 4:30pm';
    expect(talksOf(body).map(brief)).toEqual([
      {
        title: 'Hackfest - Learn the Widget code',
        url: 'https://sched.co/Jj3',
        speakers: ['Ann Lee (Acme)', 'Bo Tran (Acme)'],
        date: '2031-05-06',
        start: '16:30',
        end: null,
      },
    ]);
  });

  it('does not take booths, parties or plain sections for talks, and says why when they had fields', () => {
    const body = [
      '## Widget Booth in the Hall',
      '',
      'WED May 7 @ 15:30 – 19:45 BST',
      '',
      '## [Widget Release Party](/party/)',
      '',
      'TIME: 06:00 PM - 09:00 PM',
      '',
      '## [Project Pavilion](https://events.example.org/pavilion)',
      '',
      '- **Date:** May 7th',
      '- **Time:** 10:45 – 19:45',
      '',
      '## What we learned',
      '',
      'Plenty.',
    ].join('\n');
    expect(talksOf(body)).toEqual([]);
    expect(rejected(body)).toHaveLength(3);
  });
});

describe('links as entries, and evidence against', () => {
  it('reads a list item led by a recording link whose text holds title and speakers, with a description after it', () => {
    const talks = talksOf('- <a href="https://www.youtube.com/watch?v=Zx9Yw8Vu7Ts">▶️ Widgets Unbound - Ann Lee & Bo Tran, Acme</a> A lively demo of widgets.');
    expect(talks.map(brief)).toEqual([
      {
        title: 'Widgets Unbound',
        url: 'https://www.youtube.com/watch?v=Zx9Yw8Vu7Ts',
        speakers: ['Ann Lee (Acme)', 'Bo Tran (Acme)'],
        date: null,
        start: null,
        end: null,
      },
    ]);
  });

  it('reads the speakers a link-led item’s description opens with, however long the description', () => {
    const body = `- [**Widget Attestation:**](https://youtu.be/Tt5Rr4Ee3) Ann Lee (Acme) and Bo Tran showed ${'how widgets attest, '.repeat(30)}end.\n- <a href="https://youtu.be/Uu6Ii7Oo8">Gizmos Everywhere</a> by Cy Oduya from Initech. A short talk.`;
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Widget Attestation', url: 'https://youtu.be/Tt5Rr4Ee3', speakers: ['Ann Lee (Acme)', 'Bo Tran'], date: null, start: null, end: null },
      { title: 'Gizmos Everywhere', url: 'https://youtu.be/Uu6Ii7Oo8', speakers: ['Cy Oduya (Initech)'], date: null, start: null, end: null },
    ]);
  });

  it('reads talks named in prose by their schedule links, but not a phrase that names the section’s own session', () => {
    const body =
      'We have two sessions: an [_Intro to Widgets_](https://sched.co/Pp1) and a [Widgets Deep Dive](https://sched.co/Pp2). See [the last Summit](https://sched.co/Pp0).\n\n## Hackfest\n\nJoin this [hands on session](https://sched.co/Pp3).\n\n**Facilitators:** Ann Lee & Bo Tran';
    expect(talksOf(body).map((t) => [t.title, t.url, t.speakers.length])).toEqual([
      ['Intro to Widgets', 'https://sched.co/Pp1', 0],
      ['Widgets Deep Dive', 'https://sched.co/Pp2', 0],
      ['Hackfest', 'https://sched.co/Pp3', 2],
    ]);
  });

  it('reads a link whose text runs over lines (title and speakers, date, room) and `Title by Name` link texts', () => {
    const body = [
      '- **Maintainer Track**: all about widgets.',
      '[Widget Project - The Maintainers Session - Ann Lee, Acme & Bo Tran, Globex',
      'Thursday, May 8, 2031, 17:30 - 18:00 BST',
      'Level 3 | Room 7](https://sched.co/Mm1)',
      '',
      '[Widget Project Update by Cy Oduya](https://youtu.be/Zz8Yy7Xx6)',
    ].join('\n');
    expect(talksOf(body).map(brief)).toEqual([
      {
        title: 'Widget Project - The Maintainers Session',
        url: 'https://sched.co/Mm1',
        speakers: ['Ann Lee (Acme)', 'Bo Tran (Globex)'],
        date: '2031-05-08',
        start: '17:30',
        end: '18:00',
      },
      { title: 'Widget Project Update', url: 'https://youtu.be/Zz8Yy7Xx6', speakers: ['Cy Oduya'], date: null, start: null, end: null },
    ]);
  });

  it('reads a run of bold entries with field lines, the second right after the first one’s fields', () => {
    const body =
      '**[Gizmos on the Edge](https://sched.co/Gg1)**\n\n**Date:** Tuesday, May 6th  \n**Speakers:** Ann Lee\n\n**Widgets and Gizmos, Together**\n\n**Date:** Wednesday, May 7th  \n**Time:** 11:45 AM  \n**Speakers:** Bo Tran & Cy Oduya';
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Gizmos on the Edge', url: 'https://sched.co/Gg1', speakers: ['Ann Lee'], date: '2031-05-06', start: null, end: null },
      { title: 'Widgets and Gizmos, Together', url: null, speakers: ['Bo Tran', 'Cy Oduya'], date: '2031-05-07', start: '11:45', end: null },
    ]);
  });

  it('reads a list of quoted titles `“Title” by Name, Role, Org -* link`, one entry per item', () => {
    const body =
      '* “Widgets for Everyone” by Ann Lee, Developer Advocate, Acme -* [http://sched.co/Kk1](http://sched.co/Kk1)\n* “Gizmos: what is new” by Bo Tran, Writer and Team Lead at Globex -* [http://sched.co/Kk2](http://sched.co/Kk2)';
    expect(talksOf(body).map(brief)).toEqual([
      { title: 'Widgets for Everyone', url: 'http://sched.co/Kk1', speakers: ['Ann Lee (Acme)'], date: null, start: null, end: null },
      { title: 'Gizmos: what is new', url: 'http://sched.co/Kk2', speakers: ['Bo Tran (Globex)'], date: null, start: null, end: null },
    ]);
  });

  it('reads no talk from a schedule link in the prose of a post that is not about an event (a newsletter)', () => {
    const body = 'Thanks to Ann Lee for her talk ["Widgets Made Easy With Gizmos"](https://conf.sched.com/event/Ab1/widgets).';
    expect(read(body, "title: 'Widget Newsletter - March'\ndate: '2031-03-02'").talks).toEqual([]);
    expect(talksOf(body).map((t) => t.title)).toEqual(['Widgets Made Easy With Gizmos']);
  });

  it('does not take a dated meeting link or an interview video for a talk', () => {
    const body =
      '* [May 21 @ 10am ET / 4pm CET – Widget Community Meeting](https://community.example.org/events/widget-meeting)\n\n[Interview with the Widget Team](https://youtu.be/Ii9Oo8Pp7)';
    expect(talksOf(body)).toEqual([]);
  });

  it('does not take an interview turn `**QP**: …` for a bold title with speakers', () => {
    expect(
      talksOf('## Looking ahead\n\n**QP**: Lately, we’re planning the Oslo 2031 summit, how is it going? Any changes in format\ncompared with before?'),
    ).toEqual([]);
  });

  it('reads reference-style links defined far below the list', () => {
    const talks = talksOf(
      '- [Widgets at Scale][w1] - Ann Lee, Acme\n- [Gizmos Explained][w2] - Bo Tran, Globex\n\nMore text.\n\n[w1]: https://sched.co/Rr1\n[w2]: https://sched.co/Rr2',
    );
    expect(talks.map((t) => [t.title, t.url])).toEqual([
      ['Widgets at Scale', 'https://sched.co/Rr1'],
      ['Gizmos Explained', 'https://sched.co/Rr2'],
    ]);
  });

  it('does not take table-of-contents anchors, images, playlists, docs pages or profile sign-offs for talks', () => {
    const body = [
      '- **[Introduction](#introduction)**',
      '  - [Widget Security - Ann Lee, Acme](#widget-security)',
      '',
      '[Flame graph of the gizmo - Bo Tran, Globex](https://example.org/flame.svg)',
      '',
      '[All the Widget Talks - Cy Oduya, Acme](https://www.youtube.com/playlist?list=PLabc)',
      '',
      '[Configuring Widgets - Di Park, Umbrella](https://widgets.example.org/docs/configure)',
      '',
      '[Ann Lee](https://www.linkedin.com/in/ann-lee/)  ',
      'Widget Team',
    ].join('\n');
    expect(talksOf(body)).toEqual([]);
  });

  it('reads a `Title - Speakers` heading, and a Hugo video shortcode under it that restates the title as its recording', () => {
    const talks = talksOf('### Gizmos Explained - Ann Lee, Acme\n\n{{< youtube id="Qw3Er4Ty5Ui" title="Gizmos Explained" >}}');
    expect(talks.map(brief)).toEqual([
      { title: 'Gizmos Explained', url: 'https://www.youtube.com/watch?v=Qw3Er4Ty5Ui', speakers: ['Ann Lee (Acme)'], date: null, start: null, end: null },
    ]);
  });
});
