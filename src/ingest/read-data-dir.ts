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

async function readPost(file: string, shownAs: string, diagnostics: Diagnostic[]): Promise<PostSource | null> {
  const bytes = await readFile(file);
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

/**
 * Reads posts (files or folders, `*.md`/`*.mdx` anywhere below) and the reference data that the
 * folders bring, or the bundled copy of each file they lack.
 */
export async function readDataFolder(targets: readonly string[]): Promise<DataFolder> {
  const diagnostics: Diagnostic[] = [];
  const posts: PostSource[] = [];
  const folders: string[] = [];
  for (const target of targets) {
    const info = await stat(target);
    const base = info.isDirectory() ? target : path.dirname(target);
    if (info.isDirectory()) folders.push(target);
    const files = await listPostFiles(target);
    // A few reads in flight at a time (thousands of small files); results keep the listing order.
    for (let from = 0; from < files.length; from += READS_IN_FLIGHT) {
      const batch = files.slice(from, from + READS_IN_FLIGHT).map((file) => {
        const shownAs = path.relative(info.isDirectory() ? base : process.cwd(), file) || path.basename(file);
        const batchDiagnostics: Diagnostic[] = [];
        return readPost(file, info.isDirectory() ? path.join(path.basename(path.resolve(base)), shownAs) : shownAs, batchDiagnostics).then((post) => ({ post, batchDiagnostics }));
      });
      for (const { post, batchDiagnostics } of await Promise.all(batch)) {
        diagnostics.push(...batchDiagnostics);
        if (post) posts.push(post);
      }
    }
  }
  const reference = await readReferenceData(folders, diagnostics);
  return { posts, reference, diagnostics };
}
