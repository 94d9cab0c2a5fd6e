import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { LiveData, type ReloadResult } from '../src/live-data.ts';
import { ROOT, SEED_FILE } from './helpers.ts';

// `--watch` must survive every file-system error of the watcher: with no 'error' handler an
// FSWatcher error (Node 20's recursive watcher scanning a folder that was just removed, an
// unreadable folder, a loop) ended the process. Real temp folders and real watchers throughout.

const seedText = readFileSync(path.join(ROOT, 'data', SEED_FILE), 'utf8');
let dir: string;
let stop: (() => void) | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-watch-errors-'));
  mkdirSync(path.join(dir, 'posts'));
  writeFileSync(path.join(dir, 'posts', 'seed.md'), seedText);
});
afterEach(() => {
  stop?.();
  stop = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the first reload that serves a post titled `title` (bounded: rejects after 10 s). */
function reloadWith(results: Array<ReloadResult | Error>, title: string): Promise<ReloadResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const hit = results.find((r): r is ReloadResult => !(r instanceof Error) && r.graph.allPosts().some((p) => p.title === title));
      if (hit || Date.now() - started > 10_000) {
        clearInterval(poll);
        if (hit) resolve(hit);
        else reject(new Error(`no reload with "${title}" within 10 s: ${results.map((r) => (r instanceof Error ? r.message : r.postCount)).join(', ')}`));
      }
    }, 20);
  });
}

function run(script: string): Promise<number | null> {
  return new Promise((resolve) => spawn('bash', ['-c', script], { stdio: 'ignore' }).on('exit', resolve));
}

describe('the --watch file watcher', () => {
  it('survives folders created and removed while it walks them, and a symlink loop, and still reloads', async () => {
    const live = new LiveData([dir], new GraphHolder());
    await live.reload();
    const results: Array<ReloadResult | Error> = [];
    const errors: Error[] = [];
    stop = live.watch(
      (r) => results.push(r),
      50,
      (error) => errors.push(error),
      100,
    );
    const posts = path.join(dir, 'posts');
    // Another process churns folders, as an editor or a sync tool would, and links a folder into itself.
    await run(
      `for i in $(seq 1 150); do mkdir -p '${posts}/d'$i/a/b; touch '${posts}/d'$i/a/b/x.md; rm -rf '${posts}/d'$i; done; mkdir '${posts}/sub'; ln -s '${posts}' '${posts}/sub/loop'`,
    );
    writeFileSync(path.join(posts, 'after.md'), '---\ntitle: After the storm\n---\n\nNo talks.\n');
    await reloadWith(results, 'After the storm');
    console.info(`watcher errors during the churn: ${errors.length} (${[...new Set(errors.map((e) => (e as NodeJS.ErrnoException).code))].join(', ')})`);
    for (const error of errors) expect((error as NodeJS.ErrnoException).code).toMatch(/^E[A-Z]+$/); // reported, not thrown
  });

  it('reports an error of the watcher, arms a new one, and the new one reloads', async () => {
    const live = new LiveData([dir], new GraphHolder(), {
      watchFolder: (target, listener) => {
        const watcher = watch(target, { recursive: true }, listener);
        armed.push(watcher);
        return watcher;
      },
    });
    const armed: FSWatcher[] = [];
    await live.reload();
    const results: Array<ReloadResult | Error> = [];
    const errors: Error[] = [];
    stop = live.watch(
      (r) => results.push(r),
      50,
      (error) => errors.push(error),
      50,
    );
    expect(armed).toHaveLength(1);
    let closed = false;
    armed[0]!.on('close', () => (closed = true));

    const denied = Object.assign(new Error(`EACCES: permission denied, scandir '${dir}/posts/secret'`), { code: 'EACCES', syscall: 'scandir' });
    armed[0]!.emit('error', denied);
    expect(errors).toEqual([denied]);
    expect(closed).toBe(true);

    // Re-armed (and a catch-up reload), then a change is seen through the new watcher.
    await reloadWith(results, 'Cilium Talks at KubeCon EU 2023');
    expect(armed).toHaveLength(2);
    writeFileSync(path.join(dir, 'posts', 'later.md'), '---\ntitle: Later\n---\n\nNo talks.\n');
    await reloadWith(results, 'Later');
  });

  it('retries a target that cannot be watched at all', async () => {
    let attempts = 0;
    const live = new LiveData([dir], new GraphHolder(), {
      watchFolder: (target, listener) => {
        attempts++;
        if (attempts === 1) throw Object.assign(new Error(`ENOSPC: System limit for number of file watchers reached, watch '${target}'`), { code: 'ENOSPC' });
        return watch(target, { recursive: true }, listener);
      },
    });
    await live.reload();
    const results: Array<ReloadResult | Error> = [];
    const errors: Error[] = [];
    stop = live.watch(
      (r) => results.push(r),
      50,
      (error) => errors.push(error),
      50,
    );
    expect(errors.map((e) => (e as NodeJS.ErrnoException).code)).toEqual(['ENOSPC']);
    await reloadWith(results, 'Cilium Talks at KubeCon EU 2023');
    expect(attempts).toBe(2);
    writeFileSync(path.join(dir, 'posts', 'later.md'), '---\ntitle: Later\n---\n\nNo talks.\n');
    await reloadWith(results, 'Later');
  });
});
