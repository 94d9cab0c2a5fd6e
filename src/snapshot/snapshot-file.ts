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
 *     {"format":2,"codeRevision":…,"graphVersion":…,"payloadBytes":…,"payloadSha256":…}\n
 *     payload: frames, each a 4-byte little-endian length and v8.serialize(part)
 *
 * The parts are the graph's records with their diagnostics (talks in chunks) and its built text
 * index (typed arrays: rebuilding it is most of the cost of building a graph). v8's serializer
 * writes plain objects and typed arrays in insertion order, so the same records give the same
 * bytes. Frames let a reader decode the file a chunk at a time, never holding all of its bytes
 * and all of the records at once, which lowers the peak of a large graph's load.
 * Nothing in the file depends on the time or the machine it was made on.
 */
export const SNAPSHOT_MAGIC = 'talk-graph-snapshot';
export const SNAPSHOT_FORMAT = 2;

/** Talks per frame. */
const TALKS_PER_FRAME = 8192;

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

type Part =
  | { kind: 'records'; data: Omit<GraphData, 'talks'>; talkCount: number; keys: string[] }
  | { kind: 'talks'; talks: GraphData['talks'] }
  | { kind: 'talkIndex'; state: TextIndexState };

function partsOf(graph: KnowledgeGraph): Part[] {
  const { talks, ...rest } = graph.data;
  const parts: Part[] = [{ kind: 'records', data: rest, talkCount: talks.length, keys: Object.keys(graph.data) }];
  for (let from = 0; from < talks.length; from += TALKS_PER_FRAME) parts.push({ kind: 'talks', talks: talks.slice(from, from + TALKS_PER_FRAME) });
  parts.push({ kind: 'talkIndex', state: graph.prebuiltIndexes().talkIndex });
  return parts;
}

/** The snapshot of a built graph, as bytes. */
export function encodeSnapshot(graph: KnowledgeGraph): Buffer {
  const frames: Buffer[] = [];
  for (const part of partsOf(graph)) {
    const body = v8.serialize(part);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    frames.push(length, body);
  }
  const payload = Buffer.concat(frames);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    codeRevision: snapshotCodeRevision(),
    graphVersion: graph.version,
    payloadBytes: payload.length,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
  };
  return Buffer.concat([Buffer.from(`${SNAPSHOT_MAGIC}\n${JSON.stringify(header)}\n`), payload]);
}

/** Where a snapshot's bytes come from: a buffer, or a file read a frame at a time. */
export interface SnapshotSource {
  size: number;
  /** `length` bytes from `position` (fewer at the end). */
  read(position: number, length: number): Buffer;
}

export function bufferSource(bytes: Buffer): SnapshotSource {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length) };
}

/** The header is well under this. */
const HEADER_LIMIT = 4096;

function readHeader(source: SnapshotSource, file: string): { header: SnapshotHeader; payloadStart: number } {
  const bytes = source.read(0, HEADER_LIMIT);
  const magicEnd = bytes.indexOf(0x0a);
  if (magicEnd < 0 || bytes.subarray(0, magicEnd).toString('latin1') !== SNAPSHOT_MAGIC) {
    if (bytes.length < SNAPSHOT_MAGIC.length && Buffer.from(SNAPSHOT_MAGIC).subarray(0, bytes.length).equals(bytes)) {
      throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated after ${bytes.length} bytes.`);
    }
    throw new SnapshotError('SNAPSHOT_NOT_A_SNAPSHOT', file, `not a talk-graph snapshot (make one with npm run snapshot -- --data DIR --out FILE).`);
  }
  const headerEnd = bytes.indexOf(0x0a, magicEnd + 1);
  if (headerEnd < 0) {
    if (bytes.length < HEADER_LIMIT) throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated inside its header (${bytes.length} bytes).`);
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged header (no end of line).');
  }
  let header: SnapshotHeader;
  try {
    header = JSON.parse(bytes.subarray(magicEnd + 1, headerEnd).toString('utf8')) as SnapshotHeader;
  } catch {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged header (not JSON).');
  }
  if (header.format !== SNAPSHOT_FORMAT) {
    throw new SnapshotError(
      'SNAPSHOT_FORMAT',
      file,
      `format ${String(header.format)}; this server reads format ${SNAPSHOT_FORMAT}. Rebuild it with npm run snapshot.`,
    );
  }
  if (typeof header.payloadBytes !== 'number' || typeof header.payloadSha256 !== 'string' || typeof header.graphVersion !== 'string') {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged header (fields missing).');
  }
  return { header, payloadStart: headerEnd + 1 };
}

/** The parts of the payload, checked against the header's length and SHA-256 (decoded as they are read, built only after). */
function readParts(source: SnapshotSource, header: SnapshotHeader, payloadStart: number, file: string): Part[] {
  const available = source.size - payloadStart;
  if (available < header.payloadBytes) throw new SnapshotError('SNAPSHOT_TRUNCATED', file, `truncated: ${available} of ${header.payloadBytes} payload bytes.`);
  if (available > header.payloadBytes) throw new SnapshotError('SNAPSHOT_CORRUPT', file, `${available - header.payloadBytes} bytes after the payload.`);
  const hash = createHash('sha256');
  const parts: Part[] = [];
  let decodeError: Error | null = null;
  for (let at = payloadStart; at < source.size; ) {
    const lengthBytes = source.read(at, 4);
    const length = lengthBytes.length === 4 ? lengthBytes.readUInt32LE(0) : Infinity;
    if (at + 4 + length > source.size) throw new SnapshotError('SNAPSHOT_CORRUPT', file, `damaged: a frame at byte ${at} runs past the end.`);
    const body = source.read(at + 4, length);
    hash.update(lengthBytes).update(body);
    at += 4 + length;
    if (decodeError) continue; // keep hashing: a checksum mismatch is the clearer message
    try {
      parts.push(v8.deserialize(body) as Part);
    } catch (error) {
      decodeError = error as Error;
    }
  }
  if (hash.digest('hex') !== header.payloadSha256) throw new SnapshotError('SNAPSHOT_CORRUPT', file, 'damaged: the payload does not match its SHA-256.');
  if (decodeError) throw new SnapshotError('SNAPSHOT_CORRUPT', file, `cannot be decoded by Node ${process.version} (${decodeError.message}).`);
  return parts;
}

function graphDataOf(parts: readonly Part[]): { data: GraphData; talkIndex: TextIndexState } {
  const records = parts[0];
  const index = parts[parts.length - 1];
  if (records?.kind !== 'records' || index?.kind !== 'talkIndex') throw new Error('parts out of order');
  const talks: GraphData['talks'] = [];
  for (const part of parts) if (part.kind === 'talks') for (const talk of part.talks) talks.push(talk);
  if (talks.length !== records.talkCount) throw new Error(`${talks.length} talks, ${records.talkCount} expected`);
  // In the key order the ingest made, so the records read back are the records written.
  const rest = records.data as Record<string, unknown>;
  const data = Object.fromEntries(records.keys.map((key) => [key, key === 'talks' ? talks : rest[key]])) as unknown as GraphData;
  return { data, talkIndex: index.state };
}

/**
 * The graph in a snapshot, or a SnapshotError: the header must name this format and this code
 * revision, the payload must have its length and SHA-256, and the rebuilt graph its version.
 * Nothing is built before every check of the bytes has passed.
 */
export function decodeSnapshot(input: Buffer | SnapshotSource, file: string): { graph: KnowledgeGraph; header: SnapshotHeader } {
  const source = Buffer.isBuffer(input) ? bufferSource(input) : input;
  const { header, payloadStart } = readHeader(source, file);
  const revision = snapshotCodeRevision();
  if (header.codeRevision !== revision) {
    throw new SnapshotError(
      'SNAPSHOT_OTHER_REVISION',
      file,
      `made by code revision ${String(header.codeRevision)}, this server is ${revision}; rebuild it with npm run snapshot.`,
    );
  }
  const parts = readParts(source, header, payloadStart, file);
  let graph: KnowledgeGraph;
  try {
    const { data, talkIndex } = graphDataOf(parts);
    parts.length = 0; // the chunks can go once the talks are in one list
    graph = buildGraph(data, { talkIndex });
  } catch (error) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `its records do not make a graph (${(error as Error).message}).`);
  }
  if (graph.version !== header.graphVersion) {
    throw new SnapshotError('SNAPSHOT_CORRUPT', file, `its records give graph version ${graph.version}, the header says ${header.graphVersion}.`);
  }
  return { graph, header };
}
