import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Diagnostic, ReferenceData } from '../domain/types.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { PostSource } from './ingest-posts.ts';
import { parseReferenceData, type ReferenceKind } from './reference-data.ts';

/** The data folder shipped with the project: the fallback for every reference file. */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

/** Posts larger than this are reported and skipped rather than parsed. */
export const MAX_POST_BYTES = 16 * 1024 * 1024;

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

async function listPostFiles(target: string): Promise<string[]> {
  const info = await stat(target);
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.mdx?$/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter((f) => !f.split(path.sep).includes('node_modules'))
    .sort();
}

const READS_IN_FLIGHT = 32;

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodePost(bytes: Buffer, shownAs: string, diagnostics: Diagnostic[]): PostSource | null {
  if (bytes.length > MAX_POST_BYTES) {
    diagnostics.push(diagnose('FILE_TOO_LARGE', { file: shownAs, line: 1 }, `${bytes.length} bytes; the limit is ${MAX_POST_BYTES}.`));
    return null;
  }
  try {
    return { file: shownAs, text: decoder.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    diagnostics.push(diagnose('FILE_UNREADABLE', { file: shownAs, line: 1 }));
    return null;
  }
}

async function readPost(file: string, shownAs: string, diagnostics: Diagnostic[]): Promise<PostSource | null> {
  return decodePost(await readFile(file), shownAs, diagnostics);
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
    diagnostics.push(diagnose('FILE_TOO_LARGE', { file: input.file, line: 1 }, `${input.bytes} bytes; the limit is ${MAX_POST_BYTES}.`));
    return null;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(input.path); // listed a while ago: it may have gone or become unreadable since
  } catch {
    diagnostics.push(diagnose('FILE_UNREADABLE', { file: input.file, line: 1 }));
    return null;
  }
  return decodePost(bytes, input.file, diagnostics);
}

/** Reads reference data from `folders` in order, falling back to the bundled copy per file. */
export async function readReferenceData(folders: readonly string[], diagnostics: Diagnostic[]): Promise<ReferenceData> {
  const result = {} as Record<ReferenceKind, unknown>;
  for (const kind of Object.keys(REFERENCE_FILES) as ReferenceKind[]) {
    for (const folder of [...folders, BUNDLED_DATA_DIR]) {
      const file = path.join(folder, REFERENCE_FILES[kind]);
      if (!(await exists(file))) continue;
      const parsed = parseReferenceData(kind, path.relative(process.cwd(), file) || file, await readFile(file, 'utf8'));
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

async function listPosts(targets: readonly string[]): Promise<{ posts: ListedPost[]; folders: string[] }> {
  const posts: ListedPost[] = [];
  const folders: string[] = [];
  for (const target of targets) {
    const info = await stat(target);
    const base = info.isDirectory() ? target : path.dirname(target);
    if (info.isDirectory()) folders.push(target);
    for (const file of await listPostFiles(target)) {
      const shownAs = path.relative(info.isDirectory() ? base : process.cwd(), file) || path.basename(file);
      posts.push({ path: file, shownAs: info.isDirectory() ? path.join(path.basename(path.resolve(base)), shownAs) : shownAs });
    }
  }
  // The order posts are parsed and resolved in (and their reading problems reported in), whichever path reads them.
  posts.sort((a, b) => a.shownAs.localeCompare(b.shownAs));
  return { posts, folders };
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
  const { posts: listed, folders } = await listPosts(targets);
  const diagnostics: Diagnostic[] = [];
  const read = await inBatches(listed, async (post) => {
    const postDiagnostics: Diagnostic[] = [];
    return { source: await readPost(post.path, post.shownAs, postDiagnostics), postDiagnostics };
  });
  const posts: PostSource[] = [];
  for (const { source, postDiagnostics } of read) {
    diagnostics.push(...postDiagnostics);
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
  const { posts: listed, folders } = await listPosts(targets);
  const posts = await inBatches(listed, async (post) => ({ path: post.path, file: post.shownAs, bytes: (await stat(post.path)).size }));
  const diagnostics: Diagnostic[] = [];
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
        for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(path.join(dir, name)));
      } catch {
        hash.update(`unreadable ${folder}`); // sources not shipped: the inputs alone decide
      }
    }
    codeRevision = hash.digest('hex');
  }
  return codeRevision;
}
