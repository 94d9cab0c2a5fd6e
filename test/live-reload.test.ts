import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { LiveData, type ReloadResult } from '../src/live-data.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { execute, ROOT, SEED_FILE } from './helpers.ts';

const seedText = readFileSync(path.join(ROOT, 'data', SEED_FILE), 'utf8');
let dir: string;
let postFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-live-'));
  mkdirSync(path.join(dir, 'posts'));
  postFile = path.join(dir, 'posts', 'seed.md');
  writeFileSync(postFile, seedText);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('live reload', () => {
  it('swaps in a new graph when a post changes; requests started before keep the old one', async () => {
    const graphs = new GraphHolder();
    const live = new LiveData([dir], graphs);
    const first = await live.reload();
    expect(first.graph.allTalks()).toHaveLength(16);
    const yoga = createTalkGraphYoga({ schema, graphs });
    const before = graphs.current();

    writeFileSync(postFile, seedText.replace('[Cilium Project Meeting](https://sched.co/1JWRk)', '[Cilium Project Meeting Renamed](https://sched.co/1JWRk)'));
    await live.reload();
    expect(graphs.current()).not.toBe(before);
    expect(before.allTalks().some((t) => t.title === 'Cilium Project Meeting')).toBe(true); // the old graph is untouched
    const result = await execute(yoga, `{ talks(filter: { hasSpeakers: false }) { nodes { title } } }`);
    expect(result.data.talks.nodes).toEqual([{ title: 'Cilium Project Meeting Renamed' }]);
  });

  it('keeps the last good version of a file whose edit breaks it, and reports why', async () => {
    const graphs = new GraphHolder();
    const live = new LiveData([dir], graphs);
    await live.reload();
    writeFileSync(postFile, seedText.replace("title: 'Cilium Talks at KubeCon EU 2023'", "title: 'Cilium Talks: [broken"));
    const broken = await live.reload();
    expect(broken.keptLastGood).toEqual([path.join(path.basename(dir), 'posts', 'seed.md')]);
    expect(broken.graph.allTalks()).toHaveLength(16);
    expect(broken.diagnostics.map((d) => d.code)).toContain('KEPT_LAST_GOOD');

    writeFileSync(postFile, Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const binary = await live.reload();
    expect(binary.graph.allTalks()).toHaveLength(16);
    expect(binary.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['FILE_UNREADABLE', 'KEPT_LAST_GOOD']));
  });

  it('reloads by itself when a file in the folder changes (watch mode)', async () => {
    const graphs = new GraphHolder();
    const live = new LiveData([dir], graphs);
    await live.reload();
    const reloaded = new Promise<ReloadResult | Error>((resolve, reject) => {
      const stop = live.watch((result) => {
        stop();
        resolve(result);
      }, 50);
      setTimeout(() => {
        stop();
        reject(new Error('no reload within 5 s'));
      }, 5000);
    });
    writeFileSync(path.join(dir, 'posts', 'empty.md'), '');
    const result = await reloaded;
    if (result instanceof Error) throw result;
    expect(result.postCount).toBe(2);
    expect(graphs.current().allPosts()).toHaveLength(2);
  });
});

describe('graph version', () => {
  it('changes when only a post title changes, so cached answers are not served stale', async () => {
    const graphs = new GraphHolder();
    const live = new LiveData([dir], graphs);
    const before = (await live.reload()).graph.version;
    writeFileSync(postFile, seedText.replace("title: 'Cilium Talks at KubeCon EU 2023'", "title: 'Renamed Post'"));
    const after = await live.reload();
    expect(after.graph.version).not.toBe(before);
    const yoga = createTalkGraphYoga({ schema, graphs });
    const result = await execute(yoga, `{ posts { nodes { title } } }`);
    expect(result.data.posts.nodes).toEqual([{ title: 'Renamed Post' }]);
  });
});
