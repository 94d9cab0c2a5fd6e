import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPosts } from '../src/ingest/ingest-posts.ts';
import { ingestPostsParallel } from '../src/ingest/parse-posts-parallel.ts';
import { bundledReference, postSourcesIn, ROOT } from './helpers.ts';

describe('parsing posts on several threads', () => {
  it('gives exactly the graph data of the single-threaded ingest, with a worker really used', async () => {
    const sources = [...postSourcesIn(path.join(ROOT, 'data', 'posts')), ...postSourcesIn(path.join(ROOT, 'test', 'fixtures', 'other-posts'))];
    const reference = bundledReference();
    const failures: string[] = [];
    const parallel = await ingestPostsParallel(sources, reference, { threads: 3, minBytesForWorkers: 0, onWorkerFailure: (error) => failures.push(error.message) });
    // A failed worker's share would be parsed here instead: the result would match but prove nothing.
    expect(failures).toEqual([]);
    expect(parallel).toEqual(ingestPosts(sources, reference));
    expect(parallel.talks.length).toBeGreaterThan(100);
  }, 60_000);
});
