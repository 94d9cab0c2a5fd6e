import { createHash } from 'node:crypto';
import type { GraphData } from '../domain/types.ts';
import { buildGraph } from '../graph/build-graph.ts';
import type { KnowledgeGraph, PrebuiltIndexes } from '../graph/knowledge-graph.ts';
import { decodeCompact, encodeCompact } from './compact-codec.ts';
import { snapshotCodeRevision } from './snapshot-revision.ts';

/**
 * A graph snapshot is one file:
 *
 *     talk-graph-snapshot\n
 *     {"format":3,"codeRevision":…,"graphVersion":…,"payloadBytes":…,"payloadSha256":…}\n
 *     payload: encodeCompact({ data, indexes })
 *
 * `data` is the graph's records with their diagnostics; `indexes` its built indexes (the full-text
 * index and the talk attributes' inverted lists, as typed arrays), so a server starting from it
 * indexes nothing. The compact encoding (compact-codec.ts) stores each distinct string once and
 * typed arrays as raw bytes: the file is much smaller than format 2's
 * (v8.serialize; sizes in docs/deployment.md), and decoding it makes a fraction of the objects. Strings and object shapes are
 * numbered in the order they are first met, so the same records give the same bytes; nothing in the
 * file depends on the time or the machine it was made on (typed arrays are little-endian: every
 * platform Node.js 24 ships for).
 */
export const SNAPSHOT_MAGIC = 'talk-graph-snapshot';
export const SNAPSHOT_FORMAT = 3;

export interface SnapshotHeader {
  format: number;
  /** snapshotCodeRevision() of the code that wrote it. */
  codeRevision: string;
  /** The graph's version (the same as a fresh ingest of the same files by the same code). */
  graphVersion: string;
  payloadBytes: number;
  payloadSha256: string;
}

/** Why a snapshot cannot be served; `code` names the kind (stable), `message` is one line naming the file. */
export type SnapshotErrorCode =
  | 'SNAPSHOT_UNREADABLE'
  | 'SNAPSHOT_NOT_A_SNAPSHOT'
  | 'SNAPSHOT_FORMAT'
  | 'SNAPSHOT_OTHER_REVISION'
  | 'SNAPSHOT_TRUNCATED'
  | 'SNAPSHOT_CORRUPT';

export class SnapshotError extends Error {
  readonly code: SnapshotErrorCode;

  constructor(code: SnapshotErrorCode, file: string, detail: string) {
    super(`snapshot ${file}: ${detail} [${code}]`);
    this.name = 'SnapshotError';
    this.code = code;
  }
}

/** What the payload holds. */
interface Payload {
  data: GraphData;
  indexes: PrebuiltIndexes;
}

/** The snapshot of a built graph, as bytes. */
export function encodeSnapshot(graph: KnowledgeGraph): Buffer {
  const payload = encodeCompact({ data: graph.data, indexes: graph.prebuiltIndexes() } satisfies Payload);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    codeRevision: snapshotCodeRevision(),
    graphVersion: graph.version,
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${SNAPSHOT_MAGIC}\n${JSON.stringify(header)}\n`), payload]);
}

/** The header is well under this. */
const HEADER_LIMIT = 4096;

function readHeader(file: Buffer, name: string): { header: SnapshotHeader; payloadStart: number } {
  const bytes = file.subarray(0, HEADER_LIMIT);
  const magicEnd = bytes.indexOf(0x0a);
  if (magicEnd < 0 || bytes.subarray(0, magicEnd).toString('latin1') !== SNAPSHOT_MAGIC) {
    if (bytes.length < SNAPSHOT_MAGIC.length && Buffer.from(SNAPSHOT_MAGIC).subarray(0, bytes.length).equals(bytes)) {
      throw new SnapshotError('SNAPSHOT_TRUNCATED', name, `truncated after ${bytes.length} bytes.`);
    }
    throw new SnapshotError('SNAPSHOT_NOT_A_SNAPSHOT', name, `not a talk-graph snapshot (make one with npm run snapshot -- --data DIR --out FILE).`);
  }
  const headerEnd = bytes.indexOf(0x0a, magicEnd + 1);
  if (headerEnd < 0) {
    if (bytes.length < HEADER_LIMIT) throw new SnapshotError('SNAPSHOT_TRUNCATED', name, `truncated inside its header (${bytes.length} bytes).`);
    throw new SnapshotError('SNAPSHOT_CORRUPT', name, 'damaged header (no end of line).');
  }
  let header: SnapshotHeader;
  try {
    header = JSON.parse(bytes.subarray(magicEnd + 1, headerEnd).toString('utf8')) as SnapshotHeader;
  } catch {
    throw new SnapshotError('SNAPSHOT_CORRUPT', name, 'damaged header (not JSON).');
  }
  if (header.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      'SNAPSHOT_FORMAT',
      name,
      `format ${String(header.format)}; this server reads format ${SNAPSHOT_FORMAT}. Rebuild it with npm run snapshot.`,
    );
  }
  if (typeof header.payloadBytes !== 'number' || typeof header.payloadSha256 !== 'string' || typeof header.graphVersion !== 'string') {
    throw new SnapshotError('SNAPSHOT_CORRUPT', name, 'damaged header (fields missing).');
  }
  return { header, payloadStart: headerEnd + 1 };
}

/**
 * The graph in a snapshot, or a SnapshotError: the header must name this format and this code
 * revision, the payload must have its length and SHA-256, and the rebuilt graph its version.
 * Nothing is built before every check of the bytes has passed.
 */
export function decodeSnapshot(bytes: Buffer, file: string): { graph: KnowledgeGraph; header: SnapshotHeader } {
  const { header, payloadStart } = readHeader(bytes, file);
  const revision = snapshotCodeRevision();
  if (header.codeRevision !== revision) {
    throw new SnapshotError(
      'SNAPSHOT_OTHER_REVISION',
      file,
      `made by code revision ${String(header.codeRevision)}, this server is ${revision}; rebuild it with npm run snapshot.`,
    );
  }
  const available = bytes.length - payloadStart;
  if (available < header.payloadBytes) throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated: ${available} of ${header.payloadBytes} payload bytes.`);
  if (available > header.payloadBytes) throw new SnapshotError('SNAPSHOT_CORRUPT', file, `${available - header.payloadBytes} bytes after the payload.`);
  const payload = bytes.subarray(payloadStart);
  if (createHash('sha256').update(payload).digest('hex') !== header.payloadSha256) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged: the payload does not match its SHA-256.');
  }
  let graph: KnowledgeGraph;
  try {
    const { data, indexes } = decodeCompact(payload) as Payload;
    if (!Array.isArray(data?.talks) || !indexes?.talkIndex || !indexes.postings) throw new Error('records or indexes missing');
    graph = buildGraph(data, indexes);
  } catch (error) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `its records do not make a graph (${(error as Error).message}).`);
  }
  if (graph.version !== header.graphVersion) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `its records give graph version ${graph.version}, the header says ${header.graphVersion}.`);
  }
  return { graph, header };
}
