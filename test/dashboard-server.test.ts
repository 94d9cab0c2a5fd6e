import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createYoga } from 'graphql-yoga';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';
import { useDashboard } from '../src/server/dashboard-plugin.ts';
import { chipsOfAnswer, talkFilterOf, withoutChip } from '../web/src/filter.ts';
import { layOutDay } from '../web/src/schedule-grid.ts';
import { ROOT, graphOf, seedSource, yogaOf } from './helpers.ts';

/** A fake build: index.html plus one hashed asset, so these tests do not need `npm run web:build`. */
const dist = mkdtempSync(path.join(tmpdir(), 'dashboard-dist-'));
mkdirSync(path.join(dist, 'assets'));
const SCRIPT = 'console.log("dashboard");'.repeat(50);
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Talk Graph</title><script type="module" src="/assets/index-AbC123.js"></script>');
writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), SCRIPT);
writeFileSync(path.join(ROOT, 'package.json.dashboard-test-canary'), 'x');
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(path.join(ROOT, 'package.json.dashboard-test-canary'), { force: true });
});

const yogaWith = (dir: string) => createYoga({ schema, plugins: [useDashboard({ dir })], landingPage: false, logging: false });

describe('useDashboard (src/server/dashboard-plugin.ts)', () => {
  const yoga = yogaWith(dist);

  it('answers / and every client-side view with index.html, not cached without revalidation', async () => {
    for (const pathname of [
      '/',
      '/search?q=tetragon',
      '/quality',
      '/talks/some-talk',
      '/speakers/liz-rice',
      '/organizations/isovalent',
      '/topics/tetragon',
      '/events/',
      '/schedule/kubecon-eu-2023?date=2023-04-21',
    ]) {
      const response = await yoga.fetch(`http://localhost${pathname}`);
      expect(response.status, pathname).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('/assets/index-AbC123.js');
    }
  });

  it('serves hashed assets as immutable, gzipped when accepted; HEAD has no body', async () => {
    const plain = await yoga.fetch('http://localhost/assets/index-AbC123.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await plain.text()).toBe(SCRIPT);
    const gzipped = await yoga.fetch('http://localhost/assets/index-AbC123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString()).toBe(SCRIPT);
    const head = await yoga.fetch('http://localhost/assets/index-AbC123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves a file outside web/dist/assets, and leaves other paths to the API', async () => {
    for (const pathname of [
      '/assets/missing-XyZ.js',
      '/assets/..%2F..%2Fpackage.json',
      '/assets/../index.html',
      '/package.json.dashboard-test-canary',
      '/assets/index-AbC123.js.map',
    ]) {
      const response = await yoga.fetch(`http://localhost${pathname}`);
      expect(response.status, pathname).toBe(404);
    }
    const api = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await api.json()).toEqual({ data: { __typename: 'Query' } });
    const post = await yoga.fetch('http://localhost/', { method: 'POST', body: 'x' });
    expect(post.headers.get('content-type') ?? '').not.toContain('text/html');
  });

  it('says how to build it when web/dist is missing (503), instead of an empty 404', async () => {
    const response = await yogaWith(path.join(dist, 'nowhere')).fetch('http://localhost/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run web:build');
  });

  it('is wired into the Talk Graph server (create-talk-graph-server.ts)', async () => {
    const response = await yogaOf(graphOf([seedSource()])).fetch('http://localhost/speakers/liz-rice');
    // 200 with the real build, 503 before `npm run web:build`: either way the dashboard answered.
    expect([200, 503]).toContain(response.status);
    expect(response.headers.get('cache-control')).toMatch(/no-cache|no-store/);
  });
});

describe('dashboard client modules (web/src)', () => {
  it('web/ never imports src/ (DESIGN.md rule 7): it is a client of the public API', () => {
    const files = readdirSync(path.join(ROOT, 'web', 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name));
    expect(files.length).toBeGreaterThan(5);
    const offences = files.flatMap((e) => {
      const file = path.join(e.parentPath, e.name);
      const specs = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      return specs.filter((spec) => path.resolve(path.dirname(file), spec).startsWith(path.join(ROOT, 'src') + path.sep)).map((spec) => `${file}: ${spec}`);
    });
    expect(offences).toEqual([]);
  });

  it('lays parallel talks side by side and sequential ones in one lane', () => {
    const grid = layOutDay([
      { id: 'a', start: '11:55', end: '12:30' },
      { id: 'b', start: '11:55', end: '12:30' },
      { id: 'c', start: '12:15', end: '12:45' },
      { id: 'd', start: '14:55', end: '15:30' },
      { id: 'undated', start: null, end: null },
    ]);
    expect(grid.lanes).toBe(3);
    expect(grid.times).toEqual(['11:55', '12:15', '12:30', '12:45', '14:55', '15:30']);
    const by = Object.fromEntries(grid.items.map((i) => [i.item.id, i]));
    expect([by.a!.lane, by.b!.lane, by.c!.lane, by.d!.lane]).toEqual([0, 1, 2, 0]);
    expect([by.a!.rowStart, by.a!.rowEnd, by.c!.rowStart, by.c!.rowEnd]).toEqual([1, 3, 2, 4]);
    expect(by.undated).toBeUndefined();
  });

  it('reads an ask filter into removable chips and back into a TalkFilter', () => {
    const { chips, rest } = chipsOfAnswer({ organization: ['isovalent'], day: ['FRIDAY'], timeOfDay: { from: '12:00' } });
    expect(chips).toEqual([
      { param: 'organization', value: 'isovalent' },
      { param: 'day', value: 'FRIDAY' },
    ]);
    expect(rest).toEqual({ timeOfDay: { from: '12:00' } });
    expect(talkFilterOf(withoutChip(chips, { param: 'day', value: 'FRIDAY' }))).toEqual({ organization: ['isovalent'] });
    expect(talkFilterOf([])).toBeNull();
  });
});

describe('typed documents (web/src/gql)', () => {
  it('are generated from the current schema.graphql and documents (graphql-codegen --check)', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'web/codegen.ts', '--check'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.stdout + result.stderr).not.toContain('stale files');
    expect(result.status, `${result.stdout}\n${result.stderr}\nrun: npm run web:codegen`).toBe(0);
  }, 120_000);
});
