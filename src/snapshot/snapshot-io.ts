import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import type { LoadedGraph } from '../load-graph.ts';
import { decodeSnapshot, encodeSnapshot, SnapshotError, type SnapshotHeader } from './snapshot-file.ts';

/**
 * Writes the snapshot next to `file` and renames it into place, so a replica starting meanwhile
 * reads the old file or the new one, never half of one.
 */
export async function writeSnapshot(file: string, graph: KnowledgeGraph): Promise<{ bytes: number }> {
  const bytes = encodeSnapshot(graph);
  const partial = `${file}.${process.pid}.partial`;
  try {
    await writeFile(partial, bytes);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes: bytes.length };
}

/** Reads and checks a snapshot (see decodeSnapshot); a SnapshotError when it cannot be served. */
export async function readSnapshot(file: string): Promise<LoadedGraph & { header: SnapshotHeader }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw new SnapshotError('SNAPSHOT_UNREADABLE', file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  const { graph, header } = decodeSnapshot(bytes, file);
  return { graph, header, diagnostics: graph.data.diagnostics, postCount: graph.data.posts.length };
}

/** For the server's start-up: the snapshot's graph, or one line on stderr and exit status 2. */
export async function readSnapshotOrExit(file: string): Promise<LoadedGraph> {
  try {
    return await readSnapshot(file);
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    console.error(`talk-graph: ${error.message}`);
    process.exit(2);
  }
}
