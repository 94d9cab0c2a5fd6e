// `node scripts/generate-scale.ts [--scale 10,100,1000] [--seed 1] [--out DIR]`
//
// Writes synthetic posts in the layout of the real seed post (front matter; a `[Title - Speakers,
// Org](url)` paragraph; a date line `Tuesday, April 18 • 09:25 - 09:45`; an abstract) with N × the
// bundled number of talks, into DIR/x{N}/posts (default: the system temp folder; never committed).
// Deterministic: the same seed and scale give the same bytes. Speakers, organizations and topics
// recur Zipf-like (a few very often, a long tail rarely), speakers mostly keep their organization,
// and talks fall on the real days of the real events of data/events.yaml.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EventDefinition, TopicDefinition } from '../src/domain/types.ts';
import { readReferenceData } from '../src/ingest/read-data-dir.ts';
import { createRandom, createZipf } from '../test/support/prng.ts';

/** 1×: the talks of the seed post and the corpus talk posts (what `npm run bench` serves by default). */
export const BUNDLED_TALKS = 119;

export const DEFAULT_SCALE_DIR = path.join(os.tmpdir(), 'talk-graph-scale');

const FIRST = [
  'Ada',
  'Amir',
  'Anna',
  'Ben',
  'Carla',
  'Chen',
  'Dana',
  'Diego',
  'Elif',
  'Emma',
  'Farah',
  'Felix',
  'Grace',
  'Hana',
  'Hugo',
  'Ines',
  'Ivan',
  'Jana',
  'Jonas',
  'Kai',
  'Kenji',
  'Lara',
  'Leo',
  'Lina',
  'Luca',
  'Maya',
  'Mei',
  'Milan',
  'Nadia',
  'Noah',
  'Nora',
  'Omar',
  'Paula',
  'Priya',
  'Quinn',
  'Rafael',
  'Rosa',
  'Sami',
  'Sara',
  'Sofia',
  'Tariq',
  'Tess',
  'Theo',
  'Uma',
  'Vera',
  'Viktor',
  'Wen',
  'Yara',
  'Yusuf',
  'Zoe',
];
const SYLLABLES = [
  'ba',
  'ber',
  'ca',
  'dor',
  'en',
  'fal',
  'gan',
  'hol',
  'is',
  'jar',
  'ka',
  'lin',
  'mar',
  'nes',
  'o',
  'per',
  'qui',
  'ros',
  'sen',
  'tal',
  'un',
  'vik',
  'wal',
  'yo',
  'zen',
  'ri',
  'lo',
  'ma',
  'di',
  'sto',
];
const ORG_WORDS = [
  'Acme',
  'Aurora',
  'Basalt',
  'Beacon',
  'Cobalt',
  'Corvid',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Helix',
  'Indigo',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Riverbed',
  'Saffron',
  'Summit',
  'Tundra',
  'Umbra',
  'Vertex',
  'Willow',
  'Zephyr',
  'Atlas',
];
const ORG_SUFFIX = ['Labs', 'Systems', 'Cloud', 'Networks', 'Technologies', 'Data', 'Bank', 'Telecom', 'Retail', 'Software'];
/** Real organizations head the Zipf ranking, as the big vendors head real schedules. */
const HEAD_ORGS = ['Isovalent', 'Google', 'Microsoft', 'Datadog', 'Bloomberg', 'Meta', 'Red Hat', 'AWS', 'Grafana Labs', 'IKEA Retail'];
const KINDS = [
  { prefix: '', weight: 80 },
  { prefix: 'Keynote: ', weight: 5 },
  { prefix: 'Tutorial: ', weight: 5 },
  { prefix: 'Lightning Talk: ', weight: 6 },
  { prefix: 'Panel: ', weight: 4 },
];
const OPENERS = [
  'Scaling',
  'Debugging',
  'Securing',
  'Observing',
  'Operating',
  'Migrating to',
  'Lessons from',
  'Building',
  'Tuning',
  'Understanding',
  'Demystifying',
  'Automating',
];
const CONTEXTS = [
  'in Production',
  'at Scale',
  'Across Clusters',
  'for Multi-Tenant Platforms',
  'on Bare Metal',
  'in the Cloud',
  'Without Sidecars',
  'for Telcos',
  'the Hard Way',
  'in Five Minutes',
];
const FILLER = (
  'we share how our platform team runs workloads for thousands of services and what broke along the way. ' +
  'you will learn the design choices behind the rollout, the metrics we watch, and the tooling we built. ' +
  'this session walks through real incidents, the fixes that worked, and the ones that did not. ' +
  'attendees leave with a checklist for their own clusters and a clear picture of the trade-offs. ' +
  'we compare several approaches, measure their overhead, and explain when each one pays off. ' +
  'the talk ends with a live demo and a look at what the community is building next.'
).split('. ');
const ADJECTIVES = [
  'Quiet',
  'Hidden',
  'Practical',
  'Brave',
  'Boring',
  'Fast',
  'Tiny',
  'Long',
  'Honest',
  'Unexpected',
  'Gentle',
  'Wild',
  'Careful',
  'Modern',
  'Lazy',
  'Curious',
  'Open',
  'Shared',
  'Hard',
  'Simple',
];
const NOUNS = [
  'Journey',
  'Story',
  'Guide',
  'Field Report',
  'Retrospective',
  'Playbook',
  'Deep Dive',
  'Primer',
  'Checklist',
  'Experiment',
  'Postmortem',
  'Roadmap',
  'Case Study',
  'Benchmark',
  'Tour',
  'Recipe',
  'Migration',
  'Rewrite',
  'Audit',
  'Tale',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Person {
  name: string;
  org: number;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const capitalize = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function weighted<T extends { weight: number }>(items: readonly T[], random: () => number): T {
  let r = random() * items.reduce((n, i) => n + i.weight, 0);
  for (const item of items) if ((r -= item.weight) < 0) return item;
  return items[items.length - 1]!;
}

function makeOrganizations(count: number, random: () => number): string[] {
  const names = new Set<string>(HEAD_ORGS);
  while (names.size < count) {
    const base = `${pick(ORG_WORDS, random)} ${pick(ORG_SUFFIX, random)}`;
    names.add(names.has(base) ? `${base} ${capitalize(pick(SYLLABLES, random))}${pick(SYLLABLES, random)}` : base);
  }
  return [...names].slice(0, count);
}

function makePeople(count: number, orgCount: number, random: () => number): Person[] {
  const orgRank = createZipf(orgCount, 1.1, random);
  const names = new Set<string>();
  while (names.size < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let last = '';
    for (let i = 0; i < syllables; i++) last += pick(SYLLABLES, random);
    names.add(`${pick(FIRST, random)} ${capitalize(last)}`);
  }
  return [...names].map((name) => ({ name, org: orgRank() }));
}

function eventDays(event: EventDefinition): Date[] {
  const days: Date[] = [];
  const start = new Date(`${event.startDate}T12:00:00Z`);
  const end = new Date(`${event.endDate ?? event.startDate}T12:00:00Z`);
  for (let d = start; d <= end; d = new Date(d.getTime() + 86_400_000)) days.push(d);
  return days;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The posts of one scale: ~N × 119 talks, 8–16 per post. */
export function generatePosts(
  scale: number,
  seed: number,
  topics: readonly TopicDefinition[],
  events: readonly EventDefinition[],
): Array<{ file: string; text: string }> {
  const random = createRandom(seed * 1_000_003 + scale);
  const talkCount = Math.round(BUNDLED_TALKS * scale);
  // Distinct people and organizations grow more slowly than talks: the same people speak again.
  const orgs = makeOrganizations(Math.max(HEAD_ORGS.length + 5, Math.round(45 * scale ** 0.6)), random);
  const people = makePeople(Math.max(20, Math.round(90 * scale ** 0.8)), orgs.length, random);
  const personRank = createZipf(people.length, 0.9, random);
  const keywords = topics.flatMap((t) => t.keywords.slice(0, 2));
  const topicRank = createZipf(keywords.length, 1.0, random);
  const conferences = events.filter((e) => !e.parent && e.startDate && e.timezone);
  const eventRank = createZipf(conferences.length, 0.7, random);

  const posts: Array<{ file: string; text: string }> = [];
  let talkNumber = 0;
  for (let postIndex = 0; talkNumber < talkCount; postIndex++) {
    const event = conferences[eventRank()]!;
    const days = eventDays(event);
    const year = event.startDate!.slice(0, 4);
    const published = new Date(new Date(`${event.startDate}T17:00:00Z`).getTime() - (10 + Math.floor(random() * 30)) * 86_400_000);
    const title = `Talks at ${event.name} (${postIndex + 1})`;
    const slug = `${published.toISOString().slice(0, 10)}-talks-at-${event.slug}-${postIndex + 1}`;
    const lines = [
      '---',
      `path: '/blog/${published.toISOString().slice(0, 10).replace(/-/g, '/')}/${slug}'`,
      `date: '${published.toISOString()}'`,
      `author: '${pick(people, random).name}'`,
      `title: '${title}'`,
      'isPopular: false',
      'isFeatured: false',
      'categories:',
      '  - Community',
      'tags:',
      `  - ${year}`,
      '---',
      '',
      `${event.name} is around the corner. Here are the talks we are looking forward to, with the times in the local time of ${event.city ?? 'the venue'}.`,
      '',
    ];
    const inPost = Math.min(talkCount - talkNumber, 8 + Math.floor(random() * 9));
    for (let i = 0; i < inPost; i++, talkNumber++) {
      const kind = weighted(KINDS, random);
      const topicWords = [keywords[topicRank()]!, ...(random() < 0.4 ? [keywords[topicRank()]!] : [])];
      const subtitle = `A ${pick(ADJECTIVES, random)} ${pick(NOUNS, random)}${random() < 0.4 ? ` from ${orgs[Math.floor(random() * orgs.length)]}` : ''}`;
      const talkTitle = `${kind.prefix}${pick(OPENERS, random)} ${topicWords[0]} ${pick(CONTEXTS, random)}: ${subtitle}`;
      const speakerCount = random() < 0.6 ? 1 : random() < 0.75 ? 2 : 3;
      const speakers: Person[] = [];
      while (speakers.length < speakerCount) {
        const person = people[personRank()]!;
        if (!speakers.includes(person)) speakers.push(person);
      }
      // Most people keep their organization; a few speak for another one this time.
      const orgOf = (p: Person) => orgs[random() < 0.9 ? p.org : Math.floor(random() * orgs.length)]!;
      const affiliations = speakers.map((p) => ({ name: p.name, org: orgOf(p) }));
      const sameOrg = affiliations.every((a) => a.org === affiliations[0]!.org);
      const speakerText =
        sameOrg && affiliations.length <= 2
          ? `${affiliations.map((a) => a.name).join(' & ')}, ${affiliations[0]!.org}`
          : affiliations.map((a) => `${a.name}, ${a.org}`).join('; ');
      const day = pick(days, random);
      const start = 9 * 60 + 5 * Math.floor(random() * 100);
      const length = pick([5, 25, 30, 35, 40, 85], random);
      const dateLine = `${WEEKDAY_NAMES[day.getUTCDay()]}, ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()} • ${hhmm(start)} - ${hhmm(start + length)}`;
      const sentences = 3 + Math.floor(random() * 6);
      const abstract: string[] = [];
      for (let s = 0; s < sentences; s++) abstract.push(capitalize(pick(FILLER, random)).replace(/\.?$/, '.'));
      abstract.splice(1, 0, `This talk is about ${topicWords.join(' and ')} and how teams use it every day.`);
      const paragraphs = sentences > 5 ? [abstract.slice(0, 3).join(' '), abstract.slice(3).join(' ')] : [abstract.join(' ')];
      const id = (seed * 7_919 + scale * 104_729 + talkNumber).toString(36);
      lines.push(`[${talkTitle} - ${speakerText}](https://sched.co/${id})`, '', dateLine, '', ...paragraphs.flatMap((p) => [p, '']));
    }
    posts.push({ file: `${slug}.md`, text: lines.join('\n') });
  }
  return posts;
}

/** Writes one scale's posts into DIR/x{scale}/posts (replacing what was there) and returns the folder. */
export async function writeScale(
  scale: number,
  seed: number,
  outDir = DEFAULT_SCALE_DIR,
): Promise<{ dir: string; posts: number; talks: number; bytes: number }> {
  const reference = await readReferenceData([], []);
  const posts = generatePosts(scale, seed, reference.topics, reference.events);
  const dir = path.join(outDir, `x${scale}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'posts'), { recursive: true });
  let bytes = 0;
  for (const post of posts) {
    writeFileSync(path.join(dir, 'posts', post.file), post.text);
    bytes += Buffer.byteLength(post.text);
  }
  return { dir, posts: posts.length, talks: Math.round(BUNDLED_TALKS * scale), bytes };
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('generate-scale.ts')) {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '10,100,1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string', default: DEFAULT_SCALE_DIR } },
  });
  for (const scale of values.scale!.split(',').map(Number)) {
    const started = performance.now();
    const written = await writeScale(scale, Number(values.seed), values.out);
    console.log(
      `x${scale}: ${written.posts} posts, ${written.talks} talks, ${(written.bytes / 1e6).toFixed(1)} MB in ${written.dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}
