import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import type { GraphData } from '../domain/types.ts';
import { buildGraph } from '../graph/build-graph.ts';
import type { KnowledgeGraph } from '../graph/knowledge-graph.ts';
import type { TextIndexState } from '../graph/text-index.ts';
import { snapshotCodeRevision } from './snapshot-revision.ts';

/**
 * A graph snapshot is one file:
 *
 *     talk-graph-snapshot\n
 *     {"format":1,"codeRevision":…,"graphVersion":…,"payloadBytes":…,"payloadSha256":…}\n
 *     payload: v8.serialize({ data: GraphData, talkIndex: TextIndexState })
 *
 * The payload is the graph's records with their diagnostics and its built text index (typed
 * arrays: rebuilding it is most of the cost of building a graph). v8's serializer writes plain
 * objects and typed arrays in insertion order, so the same records give the same bytes, and reads
 * them back faster than JSON.parse reads the same records (measured: docs/deployment.md).
 * Nothing in the file depends on the time or the machine it was made on.
 */
export const SNAPSHOT_MAGIC = 'talk-graph-snapshot';
export const SNAPSHOT_FORMAT = 1;

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
export type SnapshotErrorCode = 'SNAPSHOT_UNREADABLE' | 'SNAPSHOT_NOT_A_SNAPSHOT' | 'SNAPSHOT_FORMAT' | 'SNAPSHOT_OTHER_REVISION' | 'SNAPSHOT_TRUNCATED' | 'SNAPSHOT_CORRUPT';

export class SnapshotError extends Error {
  readonly code: SnapshotErrorCode;

  constructor(code: SnapshotErrorCode, file: string, detail: string) {
    super(`snapshot ${file}: ${detail} [${code}]`);
    this.name = 'SnapshotError';
    this.code = code;
  }
}

interface Payload {
  data: GraphData;
  talkIndex: TextIndexState;
}

/** The snapshot of a built graph, as bytes. */
export function encodeSnapshot(graph: KnowledgeGraph): Buffer {
  const payload = v8.serialize({ data: graph.data, talkIndex: graph.prebuiltIndexes().talkIndex } satisfies Payload);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    codeRevision: snapshotCodeRevision(),
    graphVersion: graph.version,
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${SNAPSHOT_MAGIC}\n${JSON.stringify(header)}\n`), payload]);
}

function readHeader(bytes: Buffer, file: string): { header: SnapshotHeader; payloadStart: number } {
  const magicEnd = bytes.indexOf(0x0a);
  if (magicEnd < 0 || bytes.subarray(0, magicEnd).toString('latin1') !== SNAPSHOT_MAGIC) {
    if (bytes.length < SNAPSHOT_MAGIC.length && Buffer.from(SNAPSHOT_MAGIC).subarray(0, bytes.length).equals(bytes)) {
      throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated after ${bytes.length} bytes.`);
    }
    throw new SnapshotError('SNAPSHOT_NOT_A_SNAPSHOT', file, `not a talk-graph snapshot (make one with npm run snapshot -- --data DIR --out FILE).`);
  }
  const headerEnd = bytes.indexOf(0x0a, magicEnd + 1);
  if (headerEnd < 0) throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated inside its header (${bytes.length} bytes).`);
  let header: SnapshotHeader;
  try {
    header = JSON.parse(bytes.subarray(magicEnd + 1, headerEnd).toString('utf8')) as SnapshotHeader;
  } catch {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged header (not JSON).');
  }
  if (header.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError('SNAPSHOT_FORMAT', file, `format ${String(header.format)}; this server reads format ${SNAPSHOT_FORMAT}. Rebuild it with npm run snapshot.`);
  }
  if (typeof header.payloadBytes !== 'number' || typeof header.payloadSha256 !== 'string' || typeof header.graphVersion !== 'string') {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged header (fields missing).');
  }
  return { header, payloadStart: headerEnd + 1 };
}

/**
 * The graph in a snapshot's bytes, or a SnapshotError: the header must name this format and this
 * code revision, the payload must have its length and SHA-256, and the rebuilt graph its version.
 * Nothing is built before every check of the bytes has passed.
 */
export function decodeSnapshot(bytes: Buffer, file: string): { graph: KnowledgeGraph; header: SnapshotHeader } {
  const { header, payloadStart } = readHeader(bytes, file);
  const revision = snapshotCodeRevision();
  if (header.codeRevision !== revision) {
    throw new SnapshotError('SNAPSHOT_OTHER_REVISION', file, `made by code revision ${String(header.codeRevision)}, this server is ${revision}; rebuild it with npm run snapshot.`);
  }
  const payload = bytes.subarray(payloadStart);
  if (payload.length < header.payloadBytes) {
    throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated: ${payload.length} of ${header.payloadBytes} payload bytes.`);
  }
  if (payload.length > header.payloadBytes) throw new SnapshotError('SNAPSHOT_CORRUPT', file, `${payload.length - header.payloadBytes} bytes after the payload.`);
  if (createHash('sha256').update(payload).digest('hex') !== header.payloadSha256) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged: the payload does not match its SHA-256.');
  }
  let decoded: Payload;
  try {
    decoded = v8.deserialize(payload) as Payload;
  } catch (error) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `cannot be decoded by Node ${process.version} (${(error as Error).message}).`);
  }
  let graph: KnowledgeGraph;
  try {
    graph = buildGraph(decoded.data, { talkIndex: decoded.talkIndex });
  } catch (error) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `its records do not make a graph (${(error as Error).message}).`);
  }
  if (graph.version !== header.graphVersion) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `its records give graph version ${graph.version}, the header says ${header.graphVersion}.`);
  }
  return { graph, header };
}
