import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../domain/types.ts';
import { diagnose } from './diagnostic-catalogue.ts';

/** A post's text, with the path shown in diagnostics (relative to the data folder). */
export interface PostSource {
  file: string;
  text: string;
}

/** A post file not read yet: parser threads read one at a time, so the texts never pile up. */
export interface PostFile {
  path: string;
  /** Path shown in diagnostics, as PostSource.file. */
  file: string;
  /** Its size when listed: steers how posts are shared among the parser threads. */
  bytes: number;
}

/** A post already in memory, or one to read: what the parsers take. */
export type PostInput = PostSource | PostFile;

/**
 * Posts larger than this are reported (FILE_TOO_LARGE) and never read: about 70 times the largest
 * real post. What a post at the limit costs to ingest is measured in docs/operations.md.
 */
export const MAX_POST_BYTES = 2 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file or folder that could not be read: a PATH_UNREADABLE diagnostic, with the system's error code. */
export function unreadable(shownAs: string, error: unknown, what: 'file' | 'folder'): Diagnostic {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return diagnose('PATH_UNREADABLE', { file: shownAs, line: 1 }, `The ${what} could not be read (${code}).`);
}

/**
 * Reads a post, its size checked first on the open file (fstat), so an oversized post is never read
 * and a file that grows meanwhile is read only up to the size it had; null (with a diagnostic) when
 * it is too large, cannot be read or is not UTF-8. Synchronous: the parser threads read a file at a time.
 */
export function readPostFile(file: PostFile, diagnostics: Diagnostic[]): PostSource | null {
  let bytes: Buffer;
  try {
    const fd = openSync(file.path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > MAX_POST_BYTES) {
        diagnostics.push(diagnose('FILE_TOO_LARGE', { file: file.file, line: 1 }, `${size} bytes; the limit is ${MAX_POST_BYTES}.`));
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
    diagnostics.push(unreadable(file.file, error, 'file')); // listed a while ago: it may have gone or become unreadable since
    return null;
  }
  try {
    return { file: file.file, text: decoder.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    diagnostics.push(diagnose('FILE_UNREADABLE', { file: file.file, line: 1 }));
    return null;
  }
}

/** The text of a post input (read now when it is a file); null, with a diagnostic, for a file that cannot be read as a post. */
export function postSourceOf(input: PostInput, diagnostics: Diagnostic[]): PostSource | null {
  return 'text' in input ? input : readPostFile(input, diagnostics);
}
