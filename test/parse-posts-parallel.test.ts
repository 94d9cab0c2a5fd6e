import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic, ParsedPost, ReferenceData } from '../src/domain/types.ts';
import { inFileOrder, ingestPosts, runIngest } from '../src/ingest/ingest-pipeline.ts';
import { LastGoodVersions } from '../src/ingest/keep-last-good.ts';
import { consumePostsParallel, type ParallelOptions, workerExecArgv } from '../src/ingest/parse-posts-parallel.ts';
import { listDataFolder } from '../src/ingest/read-data-dir.ts';
import { type PostInput, readPostFile } from '../src/ingest/read-post-file.ts';
import { GraphDataResolver, resolveGraphData } from '../src/ingest/resolve-graph-data.ts';
import { bundledReference, postSourcesIn, ROOT, seedSource } from './helpers.ts';
import { CORPUS, hasCorpus } from './support/corpus.ts';

/** The seed post and the corpus posts with and without talks, read in place, in file order (as the pipeline hands them to the parse stage). */
const corpusSources = () => inFileOrder([seedSource(), ...postSourcesIn(CORPUS.talkPosts), ...postSourcesIn(CORPUS.otherPosts)]);

/** The parse stage's records, collected. */
async function parsePostsParallel(inputs: readonly PostInput[], reference: ReferenceData, options: ParallelOptions) {
  const parsed: ParsedPost[] = [];
  const { diagnostics } = await consumePostsParallel(inputs, reference, (post) => parsed.push(post), options);
  return { parsed, diagnostics };
}

describe.skipIf(!hasCorpus('parsing the corpus posts on several threads'))('parsing posts on several threads (reads ../shared/corpus)', () => {
  it('gives exactly the graph data of the single-threaded ingest, with a worker really used', async () => {
    const sources = corpusSources();
    const reference = bundledReference();
    const failures: string[] = [];
    const { parsed } = await parsePostsParallel(sources, reference, {
      threads: 3,
      minBytesForWorkers: 0,
      onWorkerFailure: (error) => failures.push(error.message),
    });
    const parallel = resolveGraphData(parsed, reference);
    // A failed worker's share would be parsed here instead: the result would match but prove nothing.
    expect(failures).toEqual([]);
    expect(parallel).toEqual(ingestPosts(sources, reference));
    expect(parallel.talks.length).toBeGreaterThan(100);
  }, 60_000);

  it('hands the records over in file order as they come, to a resolver that gives the same graph data', async () => {
    const sources = corpusSources();
    const reference = bundledReference();
    const failures: string[] = [];
    const resolver = new GraphDataResolver(reference);
    const order: string[] = [];
    await consumePostsParallel(
      sources,
      reference,
      (post) => {
        order.push(post.post.file);
        resolver.add(post);
      },
      { threads: 3, minBytesForWorkers: 0, ownShare: 0.5, onWorkerFailure: (error) => failures.push(error.message) },
    );
    expect(failures).toEqual([]);
    expect(order).toEqual(sources.map((s) => s.file));
    expect(resolver.finish()).toEqual(ingestPosts(sources, reference));
  }, 60_000);

  it('rejects with the error of a consumer that fails on a worker’s record, and consumes nothing after it', async () => {
    const sources = corpusSources();
    const files = sources.map((s) => s.file);
    const last = files.at(-1)!; // parsed by the last worker
    const consumed: string[] = [];
    const run = consumePostsParallel(
      sources,
      bundledReference(),
      (post) => {
        if (post.post.file === last) throw new Error(`cannot resolve ${post.post.file}`);
        consumed.push(post.post.file);
      },
      { threads: 2, minBytesForWorkers: 0, ownShare: 0.5 },
    );
    await expect(run).rejects.toThrow(`cannot resolve ${last}`);
    expect(consumed).toEqual(files.slice(0, -1));
  }, 60_000);
});

describe('reading post files on the parser threads', () => {
  it('reports a listed file that is gone by the time it is read instead of failing the load (oversized ones: test/post-size.test.ts)', () => {
    const diagnostics: Diagnostic[] = [];
    expect(readPostFile({ path: path.join(os.tmpdir(), 'talk-graph-no-such-post.md'), file: 'posts/gone.md', bytes: 10 }, diagnostics)).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['PATH_UNREADABLE', 'posts/gone.md'], // not "not UTF-8": the file could not be read at all
    ]);
  });

  it('reads each file where it is parsed and reports unreadable ones in file order, as reading them first does (watch mode)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'talk-graph-files-'));
    try {
      cpSync(path.join(ROOT, 'data'), dir, { recursive: true });
      // One unreadable file in the calling thread's share (first), one in the worker's (last).
      for (const name of ['0000-binary.md', 'zzzz-binary.md']) writeFileSync(path.join(dir, 'posts', name), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]));
      const listing = await listDataFolder([dir]);
      expect(listing.posts.every((p) => !('text' in p) && p.bytes > 0)).toBe(true);
      const failures: string[] = [];
      const { parsed, diagnostics } = await parsePostsParallel(inFileOrder(listing.posts), listing.reference, {
        threads: 2,
        minBytesForWorkers: 0,
        onWorkerFailure: (error) => failures.push(error.message),
      });
      expect(failures).toEqual([]);
      const readFirst: Diagnostic[] = [];
      const sources = inFileOrder(listing.posts).flatMap((post) => readPostFile(post, readFirst) ?? []);
      expect(diagnostics).toEqual(readFirst);
      expect(diagnostics.map((d) => path.basename(d.file))).toEqual(['0000-binary.md', 'zzzz-binary.md']);
      expect(resolveGraphData(parsed, listing.reference)).toEqual(ingestPosts(sources, listing.reference));
      // The one pipeline gives the same graph data whether the parser threads read the files or the
      // last-good stage reads them first, with the reading problems before the parsing ones.
      const expected = { ...ingestPosts(sources, listing.reference), inputDigest: '' };
      expected.diagnostics.unshift(...readFirst);
      for (const lastGood of [undefined, new LastGoodVersions()]) {
        const { data } = await runIngest({ targets: [dir] }, { lastGood, parallel: { threads: 2, minBytesForWorkers: 0 } });
        expect({ ...data, inputDigest: '' }).toEqual(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the flags parser threads start with', () => {
  it('drops the flags of an inline script, keeps the rest', () => {
    expect(workerExecArgv(['--input-type=module', '--expose-gc', '-e', 'await run()'])).toEqual(['--expose-gc']);
    expect(workerExecArgv(['--max-old-space-size=4096', '--print', '1+1', '--no-warnings'])).toEqual(['--max-old-space-size=4096', '--no-warnings']);
    expect(workerExecArgv(['--eval=1', '--expose-gc'])).toEqual(['--expose-gc']);
  });

  it('parses on worker threads when ingest runs from `node --input-type=module -e` (the measuring command of docs/performance.md)', () => {
    // Six copies of the seed post, so every thread gets a share.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'talk-graph-eval-'));
    const seed = seedSource();
    for (let n = 0; n < 6; n++) writeFileSync(path.join(dir, `copy-${n}-${path.basename(seed.file)}`), seed.text);
    const script = `
      const { runIngest } = await import(${JSON.stringify(path.join(ROOT, 'src/ingest/ingest-pipeline.ts'))});
      const failures = [];
      const { data } = await runIngest({ targets: [${JSON.stringify(dir)}] }, { parallel: { threads: 3, minBytesForWorkers: 0, onWorkerFailure: (e) => failures.push(e.message) } });
      console.log(JSON.stringify({ failures, talks: data.talks.length }));`;
    try {
      const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const { failures, talks } = JSON.parse(out.trim().split('\n').pop()!) as { failures: string[]; talks: number };
      expect(failures).toEqual([]);
      expect(talks).toBeGreaterThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
