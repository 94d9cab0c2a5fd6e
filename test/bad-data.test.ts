import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/domain/types.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { MAX_POST_BYTES } from '../src/ingest/read-post-file.ts';
import { loadGraph, type LoadedGraph } from '../src/load-graph.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga, type TalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { serverConfigFromEnv } from '../src/server/server-config.ts';
import { execute, ROOT, SEED_FILE } from './helpers.ts';

// A data folder full of bad files beside one good post: loading reports each bad file with its file
// and line, never throws, and the good post is served as usual.
const seedText = readFileSync(path.join(ROOT, 'data', SEED_FILE), 'utf8');
const FRONT = "---\ntitle: 'Cilium Talks at KubeCon EU 2023'\ndate: '2023-04-03T17:00:00.000Z'\n---\n\n";
const TALK_COUNT = 10_000;

/** A name-like word for a number (speaker names with digits are not read as names): 0 → "A", 27 → "Bb". */
function wordOf(n: number): string {
  let word = '';
  do {
    word = String.fromCharCode(97 + (n % 26)) + word;
    n = Math.floor(n / 26);
  } while (n > 0);
  return word[0]!.toUpperCase() + word.slice(1);
}

function manyTalks(): string {
  const talks: string[] = [];
  for (let i = 0; i < TALK_COUNT; i++) {
    const minute = String(i % 60).padStart(2, '0');
    talks.push(
      `[Generated Talk ${i} - Speaker ${wordOf(i + 700)}, Org ${wordOf((i % 50) + 30)}](https://sched.co/gen${i})\n\nWednesday, April 19 • 10:${minute} - 11:${minute}\n\nAbstract of talk ${i}.\n`,
    );
  }
  return FRONT + talks.join('\n');
}

/** Prose of about `bytes` bytes (ASCII): just under the post size limit is read, over it is not. */
function hugePost(bytes: number): string {
  const paragraph = `${'Cilium eBPF networking prose that goes on and on. '.repeat(20)}\n\n`;
  return (FRONT + paragraph.repeat(Math.ceil(bytes / paragraph.length))).slice(0, bytes);
}

const storyTalk =
  '[The Cilium Story - Why We Created Cilium - Thomas Graf, Isovalent](https://sched.co/1Jo6C)\n\nTuesday, April 18 • 09:25 - 09:45\n\nThe origins of Cilium.\n';

let dir: string;
let loaded: LoadedGraph;
let yoga: TalkGraphYoga;
let loadMs: number;
let marker: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-bad-data-'));
  const posts = path.join(dir, 'posts');
  mkdirSync(posts);
  const write = (name: string, content: string | Uint8Array) => writeFileSync(path.join(posts, name), content);
  write('2023-04-03-good.md', seedText);
  write('bad-front-matter.md', "---\ntitle: 'unclosed\ndate: [2023\n---\n\nNo talks here.\n");
  write('empty.md', '');
  write(
    'binary.md',
    Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256),
  );
  write('invalid-utf8.md', Buffer.concat([Buffer.from(FRONT), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from('\n\n[Talk - A, B](https://sched.co/x)\n')]));
  write('huge.md', hugePost(MAX_POST_BYTES - 1024));
  write('oversized.md', hugePost(10_000_000));
  // Hostile input: front matter that gray-matter's javascript engine would run; nesting that recursive parsers choke on.
  marker = path.join(dir, 'owned.txt');
  write('js-front-matter.md', `---js\n{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'owned'), 'Owned') }\n---\n\n${storyTalk}`);
  write('deep-yaml.md', `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\n\nNo talks.\n`);
  write('deep-toml.md', `+++\ntitle = ${'['.repeat(10_000)}${']'.repeat(10_000)}\n+++\n\nNo talks.\n`);
  write('ten-thousand-talks.md', manyTalks());
  write('duplicates.md', `${FRONT}${storyTalk}\n${storyTalk}`);
  const started = performance.now();
  loaded = await loadGraph([dir]);
  loadMs = performance.now() - started;
  yoga = createTalkGraphYoga({ schema, graphs: new GraphHolder(loaded.graph), config: serverConfigFromEnv({ LOG_LEVEL: 'silent' }) });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function diagnosticsOf(file: string): Diagnostic[] {
  return loaded.diagnostics.filter((d) => d.file === path.join(path.basename(dir), 'posts', file));
}

describe('bad data never takes the service down', () => {
  it('loads the whole folder in bounded time', () => {
    console.info(`bad-data folder loaded in ${Math.round(loadMs)} ms`);
    expect(loadMs).toBeLessThan(60_000);
    expect(loaded.postCount).toBeGreaterThanOrEqual(9);
  });

  it('reports each bad file with its file, a line and a stable code', () => {
    for (const d of loaded.diagnostics) {
      expect(d.file.length).toBeGreaterThan(0);
      expect(d.line).toBeGreaterThanOrEqual(1);
    }
    expect(diagnosticsOf('bad-front-matter.md').map((d) => d.code)).toContain('FRONT_MATTER_INVALID');
    expect(diagnosticsOf('empty.md').map((d) => d.code)).toContain('POST_EMPTY');
    expect(diagnosticsOf('binary.md').map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    expect(diagnosticsOf('invalid-utf8.md').map((d) => d.code)).toEqual(['FILE_UNREADABLE']);
    expect(diagnosticsOf('huge.md').map((d) => d.code)).not.toContain('FILE_TOO_LARGE');
    expect(diagnosticsOf('oversized.md').map((d) => d.code)).toEqual(['FILE_TOO_LARGE']);
    expect(diagnosticsOf('js-front-matter.md').map((d) => d.code)).toContain('FRONT_MATTER_LANGUAGE_UNSUPPORTED');
    expect(existsSync(marker)).toBe(false); // the front matter was not run
    expect(diagnosticsOf('deep-yaml.md').map((d) => d.code)).toContain('FRONT_MATTER_INVALID');
    expect(diagnosticsOf('deep-toml.md').map((d) => d.code)).toContain('FRONT_MATTER_INVALID');
    const duplicates = diagnosticsOf('duplicates.md').filter((d) => d.code === 'DUPLICATE_TALK_MERGED');
    expect(duplicates.length).toBeGreaterThanOrEqual(1);
    expect(duplicates.every((d) => d.line > 1)).toBe(true);
  });

  it('still serves the good post: the Isovalent-on-Friday contract query', async () => {
    const result = await execute(yoga, '{ talks(filter: { organization: "Isovalent", day: FRIDAY }, first: 50) { totalCount nodes { startsAt } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.talks.totalCount).toBe(4);
  });

  it('serves the 10,000-talk post and merges the duplicates into the seed talk', async () => {
    const result = await execute(
      yoga,
      `{ all: talks { totalCount } generated: talks(filter: { speaker: "Speaker ${wordOf(9999 + 700)}" }) { nodes { title url } } story: talks(filter: { speaker: "Thomas Graf" }) { totalCount nodes { title sources { file line } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.all.totalCount).toBe(16 + TALK_COUNT);
    expect(result.data.generated.nodes).toEqual([{ title: 'Generated Talk 9999', url: 'https://sched.co/gen9999' }]);
    const story = result.data.story.nodes.find((n: { title: string }) => n.title === 'The Cilium Story - Why We Created Cilium');
    expect(story.sources.length).toBeGreaterThanOrEqual(2);
  });

  it('answers health and a page of the big graph quickly', async () => {
    expect((await yoga.fetch('http://localhost/health')).status).toBe(200);
    const started = performance.now();
    const result = await execute(yoga, '{ talks(first: 500, orderBy: TITLE) { totalCount nodes { title speakers { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.talks.nodes).toHaveLength(500);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
