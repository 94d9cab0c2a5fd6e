import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Diagnostic, ReferenceData } from '../domain/types.ts';
import { type PostFile, unreadable } from './read-post-file.ts';
import { parseReferenceData, type ReferenceKind } from './reference-data.ts';

/** The data folder shipped with the project: the fallback for every reference file. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

const REFERENCE_FILES: Record<ReferenceKind, string> = {
  topics: 'topics.yaml',
  events: 'events.yaml',
  organizations: 'organizations.yaml',
  speakers: 'speakers.yaml',
};

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * The post files below `target`, walked one folder at a time so that a folder that cannot be read
 * (EACCES, or removed while walking) is reported in `problems` and skipped instead of failing the
 * listing. Like readdir's own recursion, links are not followed, and only regular files are listed:
 * a FIFO or a device named *.md is never opened.
 */
async function listPostFiles(target: string, problems: Array<{ path: string; error: unknown }>): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const files: string[] = [];
  const folders = [target];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries: Dirent[];
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: folder, error });
      continue;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile() && /\.mdx?$/i.test(entry.name) && !entry.name.startsWith('.')) files.push(full);
    }
  }
  return files;
}

const READS_IN_FLIGHT = 32;

/** Reads reference data from `folders` in order, falling back to the bundled copy per file. */
export async function readReferenceData(folders: readonly string[], diagnostics: Diagnostic[]): Promise<ReferenceData> {
  const result = {} as Record<ReferenceKind, unknown>;
  for (const kind of Object.keys(REFERENCE_FILES) as ReferenceKind[]) {
    for (const folder of [...folders, BUNDLED_DATA_DIR]) {
      const file = path.join(folder, REFERENCE_FILES[kind]);
      if (!(await exists(file))) continue;
      const shownAs = path.relative(process.cwd(), file) || file;
      const text = await readFile(file, 'utf8').catch((error: unknown) => {
        diagnostics.push(unreadable(shownAs, error, 'file'));
        return null;
      });
      if (text === null) continue; // the next folder's copy, or the bundled one
      const parsed = parseReferenceData(kind, shownAs, text);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.items) {
        result[kind] = parsed.items;
        break;
      }
    }
    result[kind] ??= [];
  }
  return result as unknown as ReferenceData;
}

interface ListedPost {
  path: string;
  shownAs: string;
}

/** The posts below `targets` (in no particular order), and PATH_UNREADABLE diagnostics for the folders that could not be listed. */
async function listPosts(targets: readonly string[]): Promise<{ posts: ListedPost[]; folders: string[]; problems: Diagnostic[] }> {
  const posts: ListedPost[] = [];
  const folders: string[] = [];
  const problems: Array<{ shownAs: string; error: unknown }> = [];
  for (const target of targets) {
    const info = await stat(target);
    const base = info.isDirectory() ? target : path.dirname(target);
    if (info.isDirectory()) folders.push(target);
    const shownAsOf = (file: string) => {
      const shownAs = path.relative(info.isDirectory() ? base : process.cwd(), file) || path.basename(file);
      return info.isDirectory() ? path.join(path.basename(path.resolve(base)), shownAs) : shownAs;
    };
    const unlisted: Array<{ path: string; error: unknown }> = [];
    for (const file of await listPostFiles(target, unlisted)) posts.push({ path: file, shownAs: shownAsOf(file) });
    for (const problem of unlisted) problems.push({ shownAs: shownAsOf(problem.path), error: problem.error });
  }
  problems.sort((a, b) => a.shownAs.localeCompare(b.shownAs));
  return { posts, folders, problems: problems.map((p) => unreadable(p.shownAs, p.error, 'folder')) };
}

/** `items` mapped a few at a time (thousands of small files), results in the order of `items`. */
async function inBatches<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let from = 0; from < items.length; from += READS_IN_FLIGHT) out.push(...(await Promise.all(items.slice(from, from + READS_IN_FLIGHT).map(map))));
  return out;
}

export interface DataFolderListing {
  /** The post files, not read yet (in no particular order: the pipeline puts them in file order). */
  posts: PostFile[];
  reference: ReferenceData;
  /** PATH_UNREADABLE for the folders that could not be listed, by path. */
  listingProblems: Diagnostic[];
  /** Problems of the reference files. */
  referenceProblems: Diagnostic[];
}

/**
 * The list stage of the ingest: the post files (`*.md`/`*.mdx` anywhere below the targets, files
 * or folders), not read yet, and the reference data that the folders bring, or the bundled copy of
 * each file they lack.
 */
export async function listDataFolder(targets: readonly string[]): Promise<DataFolderListing> {
  const { posts: listed, folders, problems: listingProblems } = await listPosts(targets);
  const referenceProblems: Diagnostic[] = [];
  // The size steers how posts are shared among the parser threads; a file gone since listing is read (and reported) there.
  const posts = await inBatches(listed, async (post) => ({
    path: post.path,
    file: post.shownAs,
    bytes: await stat(post.path).then(
      (info) => info.size,
      () => 0,
    ),
  }));
  const reference = await readReferenceData(folders, referenceProblems);
  return { posts, reference, listingProblems, referenceProblems };
}
