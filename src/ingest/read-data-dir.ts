import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Diagnostic, ReferenceData } from '../domain/types.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { PostSource } from './ingest-posts.ts';
import { parseReferenceData, type ReferenceKind } from './reference-data.ts';

/** The data folder shipped with the project: the fallback for every reference file. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Posts larger than this are reported (FILE_TOO_LARGE) and never read. 2 MiB is ~70 times the largest
 * real post (30 KB). A post that is nothing but talk entries (the costliest content) costs ~100 bytes
 * of peak RSS per byte to ingest: one at the limit (15,550 talks) peaked at +206 MiB, where a 15 MB
 * post had cost ~2 GB (`node --expose-gc scripts/measure-post-cost.ts 2097152 talks`).
 */
export const MAX_POST_BYTES = 2 * 1024 * 1024;

const REFERENCE_FILES: Record<ReferenceKind, string> = {
  topics: 'topics.yaml',
  events: 'events.yaml',
  organizations: 'organizations.yaml',
  speakers: 'speakers.yaml',
};

export interface DataFolder {
  posts: PostSource[];
  reference: ReferenceData;
  /** Problems met while reading files (not yet parsing them). */
  diagnostics: Diagnostic[];
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** A file or folder that could not be read: a PATH_UNREADABLE diagnostic, with the system's error code. */
function unreadable(shownAs: string, error: unknown, what: 'file' | 'folder'): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return diagnose('PATH_UNREADABLE', { file: shownAs, line: 1 }, `The ${what} could not be read (${code}).`);
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
  return files.sort();
}

const READS_IN_FLIGHT = 32;

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodePost(bytes: Buffer, shownAs: string, diagnostics: Diagnostic[]): PostSource | null {
  if (bytes.length > MAX_POST_BYTES) {
    diagnostics.push(tooLarge(shownAs, bytes.length));
    return null;
  }
  try {
    return { file: shownAs, text: decoder.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    diagnostics.push(diagnose('FILE_UNREADABLE', { file: shownAs, line: 1 }));
    return null;
  }
}

function tooLarge(shownAs: string, bytes: number): Diagnostic {
  return diagnose('FILE_TOO_LARGE', { file: shownAs, line: 1 }, `${bytes} bytes; the limit is ${MAX_POST_BYTES}.`);
}

/**
 * Reads a post, its size checked first on the open file (fstat), so an oversized post is never read
 * and a file that grows meanwhile is read only up to the size it had; null (with a diagnostic) when
 * it is too large or cannot be read. Synchronous: the parser threads read a file at a time.
 */
function readPost(file: string, shownAs: string, diagnostics: Diagnostic[]): PostSource | null {
  let bytes: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > MAX_POST_BYTES) {
        diagnostics.push(tooLarge(shownAs, size));
        return null;
      }
      bytes = Buffer.alloc(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(fd, bytes, filled, size - filled, filled);
        if (read === 0) break;
        filled += read;
      }
      bytes = bytes.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    diagnostics.push(unreadable(shownAs, error, 'file')); // listed a while ago: it may have gone or become unreadable since
    return null;
  }
  return decodePost(bytes, shownAs, diagnostics);
}

/** A post file not read yet: parser threads read one at a time, so the texts never pile up. */
export interface PostFile {
  path: string;
  /** Path shown in diagnostics, as PostSource.file. */
  file: string;
  bytes: number;
}

/** A post already in memory, or one to read: what the parsers take. */
export type PostInput = PostSource | PostFile;

/** The text of a post input; null (with a diagnostic) for a file that cannot be read as a post. */
export function postSourceOf(input: PostInput, diagnostics: Diagnostic[]): PostSource | null {
  if ('text' in input) return input;
  if (input.bytes > MAX_POST_BYTES) {
    diagnostics.push(tooLarge(input.file, input.bytes));
    return null;
  }
  return readPost(input.path, input.file, diagnostics);
}

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

/** The posts below `targets` in file order, and PATH_UNREADABLE diagnostics for the folders that could not be listed. */
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
  // The order posts are parsed and resolved in (and their reading problems reported in), whichever path reads them.
  posts.sort((a, b) => a.shownAs.localeCompare(b.shownAs));
  problems.sort((a, b) => a.shownAs.localeCompare(b.shownAs));
  return { posts, folders, problems: problems.map((p) => unreadable(p.shownAs, p.error, 'folder')) };
}

/** `items` mapped a few at a time (thousands of small files), results in the order of `items`. */
async function inBatches<T, R>(items: readonly T[], map: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let from = 0; from < items.length; from += READS_IN_FLIGHT) out.push(...(await Promise.all(items.slice(from, from + READS_IN_FLIGHT).map(map))));
  return out;
}

/**
 * Reads posts (files or folders, `*.md`/`*.mdx` anywhere below) and the reference data that the
 * folders bring, or the bundled copy of each file they lack.
 */
export async function readDataFolder(targets: readonly string[]): Promise<DataFolder> {
  const { posts: listed, folders, problems } = await listPosts(targets);
  const diagnostics: Diagnostic[] = [...problems];
  const posts: PostSource[] = [];
  for (const post of listed) {
    const source = readPost(post.path, post.shownAs, diagnostics);
    if (source) posts.push(source);
  }
  const reference = await readReferenceData(folders, diagnostics);
  return { posts, reference, diagnostics };
}

export interface DataFolderListing {
  /** The post files, not read yet. */
  posts: PostFile[];
  reference: ReferenceData;
  /** Problems met while reading the reference files. */
  diagnostics: Diagnostic[];
}

/** Like readDataFolder, but leaves the posts to be read by whoever parses them (see postSourceOf). */
export async function listDataFolder(targets: readonly string[]): Promise<DataFolderListing> {
  const { posts: listed, folders, problems } = await listPosts(targets);
  const diagnostics: Diagnostic[] = [...problems];
  // The size steers how posts are shared among the parser threads; a file gone since listing is read (and reported) there.
  const posts = await inBatches(listed, async (post) => ({
    path: post.path,
    file: post.shownAs,
    bytes: await stat(post.path).then(
      (info) => info.size,
      () => 0,
    ),
  }));
  const reference = await readReferenceData(folders, diagnostics);
  return { posts, reference, diagnostics };
}

let codeRevision: string | null = null;

/**
 * A digest of the code that turns files into records (src/domain, src/ingest). The graph version
 * hashes it with the inputs, so a release that reads the same files differently gets a new version.
 */
export function ingestCodeRevision(): string {
  if (codeRevision === null) {
    const hash = createHash('sha1');
    for (const folder of ['../domain/', './']) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      try {
        for (const name of readdirSync(dir)
          .filter((n) => n.endsWith('.ts'))
          .sort())
          hash.update(name).update(readFileSync(path.join(dir, name)));
      } catch {
        hash.update(`unreadable ${folder}`); // sources not shipped: the inputs alone decide
      }
    }
    codeRevision = hash.digest('hex');
  }
  return codeRevision;
}
