import type { Diagnostic, GraphData, ParsedPost, ReferenceData } from '../domain/types.ts';
import { createIngestContext } from './create-ingest-context.ts';
import type { LastGoodVersions } from './keep-last-good.ts';
import { parsePost } from './parse-post.ts';
import { consumePostsParallel, type ParallelOptions, parsePostInputs } from './parse-posts-parallel.ts';
import { listDataFolder } from './read-data-dir.ts';
import { readIngestCodeRevision } from './read-ingest-code-revision.ts';
import { type PostInput, type PostSource, readPostFile } from './read-post-file.ts';
import { GraphDataResolver, resolveGraphData } from './resolve-graph-data.ts';

/** What to ingest: files and folders on disk, or post texts already in memory with their reference data. */
export type IngestInput = { targets: readonly string[] } | { sources: readonly PostSource[]; reference: ReferenceData };

export interface IngestOptions {
  /** The optional stage that keeps each file's last good version (watch mode). */
  lastGood?: LastGoodVersions;
  /** How the parse stage shares the posts among threads. */
  parallel?: ParallelOptions;
}

export interface IngestResult {
  /** The graph data; its diagnostics in stage order: listing, reading, reference files, kept versions, parsing, resolution. */
  data: GraphData;
  /** Files whose new version had errors and whose last good version was ingested instead (with `lastGood`). */
  keptLastGood: string[];
  /** The errors of those new versions: why each was not taken. */
  keptErrors: Diagnostic[];
}

/** Inputs in file order: the order posts are parsed and resolved in (the first of two duplicate talks is kept) and their problems reported in. */
export function inFileOrder<T extends { file: string }>(inputs: readonly T[]): T[] {
  return [...inputs].sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * The ingest pipeline, for every caller (start-up, watch mode, the CLIs, the tests):
 * list → read → parse (on several threads for large inputs) → [keep last good] → resolve.
 * Without `lastGood`, each parser thread reads its own files one at a time (the texts never pile
 * up) and this thread resolves the records in file order as they come. With it, the texts are read
 * here first, as the stage keeps them.
 */
export async function runIngest(input: IngestInput, options: IngestOptions = {}): Promise<IngestResult> {
  // List.
  const listing =
    'targets' in input ? await listDataFolder(input.targets) : { posts: input.sources, reference: input.reference, listingProblems: [], referenceProblems: [] };
  const run = options.lastGood?.startRun();
  let inputs: PostInput[] = inFileOrder([...listing.posts, ...(run?.unlisted(listing.listingProblems) ?? [])]);
  // Read: here when the last good versions are kept, else on the parser threads.
  const readProblems: Diagnostic[] = [];
  if (run) {
    inputs = inputs.flatMap((post) => {
      if ('text' in post) return [post];
      const problems: Diagnostic[] = [];
      const source = run.read(post.file, readPostFile(post, problems), problems);
      readProblems.push(...problems);
      return source ? [source] : [];
    });
  }
  // Parse, [keep last good], resolve: records are resolved in file order as they come.
  const resolver = new GraphDataResolver(listing.reference, { codeRevision: 'targets' in input ? readIngestCodeRevision() : undefined });
  const context = run ? createIngestContext(listing.reference) : null;
  const resolve = run
    ? (post: ParsedPost) => resolver.add(run.parsed(post, (s) => parsePost(s.file, s.text, context!)))
    : (post: ParsedPost) => resolver.add(post);
  // Resolving costs about a third of parsing: this thread parses half a worker's share.
  const parsing = await consumePostsParallel(inputs, listing.reference, resolve, { ownShare: 0.5, ...options.parallel });
  readProblems.push(...parsing.diagnostics);
  const data = resolver.finish();
  const kept = run?.finish() ?? { keptLastGood: [], keptErrors: [], notes: [] };
  const problems = [...listing.listingProblems, ...readProblems, ...listing.referenceProblems];
  // The broken versions' own errors are reported with their lines, beside the note that each was not taken.
  data.diagnostics.unshift(...problems, ...kept.keptErrors.filter((d) => !problems.includes(d)), ...kept.notes);
  return { data, keptLastGood: kept.keptLastGood, keptErrors: kept.keptErrors };
}

/**
 * The same stages on this thread, synchronously, for post texts in memory (the tests and the
 * accuracy harness): file order → parse → resolve.
 */
export function ingestPosts(sources: readonly PostSource[], reference: ReferenceData): GraphData {
  const context = createIngestContext(reference);
  return resolveGraphData(parsePostInputs(inFileOrder(sources), context).parsed, reference);
}
