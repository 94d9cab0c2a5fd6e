import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/domain/types.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { MAX_POST_BYTES } from '../src/ingest/read-post-file.ts';
import { LiveData } from '../src/live-data.ts';
import { loadGraph } from '../src/load-graph.ts';

// A post's size is checked before it is read, at start-up and on a --watch reload (which read the
// whole file first). A sparse 3 GiB file takes no disk space; reading it whole is impossible
// (Node refuses files over 2 GiB), so only a check made before reading can report it.

let dir: string;
const shown = (file: string) => path.join(path.basename(dir), 'posts', file);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-post-size-'));
  const posts = path.join(dir, 'posts');
  mkdirSync(posts);
  const front = "---\ntitle: 'At the limit'\n---\n\n";
  const line = 'Some text about eBPF.\n\n';
  writeFileSync(path.join(posts, 'at-limit.md'), (front + line.repeat(Math.ceil(MAX_POST_BYTES / line.length))).slice(0, MAX_POST_BYTES));
  writeFileSync(path.join(posts, 'over-limit.md'), 'a'.repeat(MAX_POST_BYTES + 1));
  writeFileSync(path.join(posts, 'sparse-3gib.md'), '');
  truncateSync(path.join(posts, 'sparse-3gib.md'), 3 * 1024 ** 3);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectSizeChecked(diagnostics: readonly Diagnostic[], titles: string[]): void {
  const tooLarge = diagnostics.filter((d) => d.code === 'FILE_TOO_LARGE');
  expect(tooLarge.map((d) => [d.file, d.line]).sort()).toEqual([
    [shown('over-limit.md'), 1],
    [shown('sparse-3gib.md'), 1],
  ]);
  expect(tooLarge.find((d) => d.file === shown('sparse-3gib.md'))!.message).toContain(`${3 * 1024 ** 3} bytes; the limit is ${MAX_POST_BYTES}`);
  expect(titles).toEqual(['At the limit']);
}

describe('the size limit of one post', () => {
  it('is 2 MiB', () => expect(MAX_POST_BYTES).toBe(2 * 1024 * 1024));

  it('is checked before reading at start-up', async () => {
    const loaded = await loadGraph([dir]);
    expectSizeChecked(
      loaded.diagnostics,
      loaded.graph.allPosts().map((p) => p.title),
    );
  }, 60_000);

  it('is checked before reading on a --watch reload', async () => {
    const reloaded = await new LiveData([dir], new GraphHolder()).reload();
    expectSizeChecked(
      reloaded.diagnostics,
      reloaded.graph.allPosts().map((p) => p.title),
    );
  }, 60_000);
});
