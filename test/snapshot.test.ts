import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostingLists } from '../src/graph/talk-postings.ts';
import { TextIndex } from '../src/graph/text-index.ts';
import { BUNDLED_DATA_DIR } from '../src/ingest/read-data-dir.ts';
import { loadGraph, type LoadedGraph } from '../src/load-graph.ts';
import { decodeSnapshot, encodeSnapshot, SnapshotError, type SnapshotErrorCode } from '../src/snapshot/snapshot-file.ts';
import { readSnapshot, writeSnapshot } from '../src/snapshot/snapshot-io.ts';
import { ROOT } from './helpers.ts';

const run = promisify(execFile);
let loaded: LoadedGraph;
let bytes: Buffer;
const dir = mkdtempSync(path.join(os.tmpdir(), 'talk-graph-snapshot-test-'));

beforeAll(async () => {
  loaded = await loadGraph([BUNDLED_DATA_DIR]);
  bytes = encodeSnapshot(loaded.graph);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorCodeOf(damaged: Buffer): SnapshotErrorCode | 'none' {
  try {
    decodeSnapshot(damaged, 'x.snap');
    return 'none';
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/^snapshot x\.snap: /);
    return error.code;
  }
}

/** The snapshot with its header's JSON edited. */
function withHeader(edit: (header: Record<string, unknown>) => void): Buffer {
  const first = bytes.indexOf(0x0a);
  const second = bytes.indexOf(0x0a, first + 1);
  const header = JSON.parse(bytes.subarray(first + 1, second).toString()) as Record<string, unknown>;
  edit(header);
  return Buffer.concat([bytes.subarray(0, first + 1), Buffer.from(JSON.stringify(header)), bytes.subarray(second)]);
}

describe('graph snapshots', () => {
  it('give back the same graph: version, records with their diagnostics, search and filters, without re-indexing anything', () => {
    const indexing = vi.spyOn(TextIndex.prototype as unknown as { indexField: () => unknown }, 'indexField');
    const listing = vi.spyOn(PostingLists, 'of');
    const { graph, header } = decodeSnapshot(bytes, 'x.snap');
    expect(indexing).not.toHaveBeenCalled();
    expect(listing).not.toHaveBeenCalled();
    indexing.mockRestore();
    listing.mockRestore();
    expect(graph.version).toBe(loaded.graph.version);
    expect(header.graphVersion).toBe(loaded.graph.version);
    expect(graph.data).toEqual(loaded.graph.data);
    expect(graph.data.diagnostics.length).toBeGreaterThan(0);
    expect(graph.data.diagnostics).toEqual(loaded.diagnostics);
    for (const query of ['cilium', 'tetragon security', 'kapuscinska', 'obsrvability', 'ebpf netw']) {
      expect(graph.searchTalks(query)).toEqual(loaded.graph.searchTalks(query));
      expect(graph.searchTalks(query).length).toBeGreaterThan(0);
    }
    for (const attribute of ['day', 'organization', 'speaker', 'topic', 'event', 'kind', 'hasSpeakers'] as const) {
      const values = new Set(graph.allTalks().flatMap((t) => [t.day, t.eventId, t.kind, ...t.organizationIds, ...t.speakerIds, ...t.topicIds, 'yes', 'no']));
      for (const value of values) if (value) expect(graph.talkPostings(attribute).get(value)).toEqual(loaded.graph.talkPostings(attribute).get(value));
    }
    expect(graph.talkPostings('topic').get('cilium').length).toBeGreaterThan(0);
    for (const kind of ['speaker', 'organization', 'topic', 'event'] as const) {
      const named = { speaker: graph.allSpeakers(), organization: graph.allOrganizations(), topic: graph.allTopics(), event: graph.allEvents() }[kind];
      for (const { id, name, ...rest } of named) {
        const aliases = [...((rest as { aliases?: string[] }).aliases ?? []), ...((rest as { keywords?: string[] }).keywords ?? [])];
        for (const value of [id, name, name.toUpperCase(), ...aliases]) expect(graph.resolveName(kind, value)).toBe(loaded.graph.resolveName(kind, value));
      }
      expect(graph.resolveName(kind, named[0]!.name)).not.toBeNull();
    }
  });

  it('are the same bytes for the same posts (two separate loads)', async () => {
    const again = await loadGraph([BUNDLED_DATA_DIR]);
    expect(encodeSnapshot(again.graph).equals(bytes)).toBe(true);
  });

  it('refuse a truncated, damaged or foreign file with one line and a code, before building anything', () => {
    expect(errorCodeOf(bytes)).toBe('none');
    expect(errorCodeOf(bytes.subarray(0, bytes.length - 1))).toBe('SNAPSHOT_TRUNCATED');
    expect(errorCodeOf(bytes.subarray(0, bytes.length >> 1))).toBe('SNAPSHOT_TRUNCATED');
    expect(errorCodeOf(bytes.subarray(0, 40))).toBe('SNAPSHOT_TRUNCATED'); // inside the header
    expect(errorCodeOf(bytes.subarray(0, 5))).toBe('SNAPSHOT_TRUNCATED');
    expect(errorCodeOf(Buffer.alloc(0))).toBe('SNAPSHOT_TRUNCATED');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1000]! ^= 0x01;
    expect(errorCodeOf(flipped)).toBe('SNAPSHOT_CORRUPT');
    expect(errorCodeOf(Buffer.concat([bytes, Buffer.from('x')]))).toBe('SNAPSHOT_CORRUPT');
    expect(errorCodeOf(withHeader((h) => (h.codeRevision = '0123456789abcdef')))).toBe('SNAPSHOT_OTHER_REVISION');
    expect(errorCodeOf(withHeader((h) => (h.format = 99)))).toBe('SNAPSHOT_FORMAT');
    expect(errorCodeOf(withHeader((h) => (h.graphVersion = 'ffffffffffff')))).toBe('SNAPSHOT_CORRUPT');
    expect(errorCodeOf(Buffer.from('---\ntitle: a post\n---\n'))).toBe('SNAPSHOT_NOT_A_SNAPSHOT');
  });

  it('are written whole (renamed into place) and read back from a file', async () => {
    const file = path.join(dir, 'graph.snap');
    await writeSnapshot(file, loaded.graph);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const read = await readSnapshot(file);
    expect(read.graph.version).toBe(loaded.graph.version);
    expect(read.postCount).toBe(loaded.postCount);
    await expect(readSnapshot(path.join(dir, 'missing.snap'))).rejects.toMatchObject({ code: 'SNAPSHOT_UNREADABLE' });
  });

  it('npm start -- --snapshot exits 2 with one clear line for a damaged snapshot', async () => {
    const file = path.join(dir, 'damaged.snap');
    writeFileSync(file, bytes.subarray(0, bytes.length - 10));
    const result = await run(process.execPath, ['src/main.ts', '--snapshot', file], { cwd: ROOT, env: { ...process.env, PORT: '0' } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    const payloadBytes = bytes.length - (bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `talk-graph: snapshot ${file}: truncated: ${payloadBytes - 10} of ${payloadBytes} payload bytes. [SNAPSHOT_TRUNCATED]`,
    ]);
  }, 120_000);
});
