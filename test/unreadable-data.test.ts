import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Diagnostic } from '../src/domain/types.ts';
import { ROOT, SEED_FILE } from './helpers.ts';

// Files and folders the server cannot read (EACCES) in the data folder: start-up, a --watch reload
// and the CLI report each with its path and PATH_UNREADABLE, and serve everything else. Permissions
// do not stop root, so when the tests run as root the loads run in a child process as `nobody`:
// real permission errors from the kernel, nothing injected.

const NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/**
 * Whether that child can run at all: `nobody` must be able to execute this node and read the sources
 * (a node installed under root's home, or a clone in a private folder, cannot be). Without it the
 * permission checks cannot be made honestly, so the suite says why and skips.
 */
function childCanRun(): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('node:fs').accessSync(${JSON.stringify(path.join(ROOT, 'src', 'live-data.ts'))})`], {
    ...NOBODY,
    encoding: 'utf8',
  });
  if (probe.status === 0) return true;
  console.warn(`unreadable-data: skipped — user nobody cannot run ${process.execPath} on ${ROOT} (${probe.error?.message ?? probe.stderr.split('\n')[0]})`);
  return false;
}
let dir: string;
const name = () => path.basename(dir);

const SCRIPT = `
import { GraphHolder } from ${JSON.stringify(path.join(ROOT, 'src', 'graph', 'graph-holder.ts'))};
import { LiveData } from ${JSON.stringify(path.join(ROOT, 'src', 'live-data.ts'))};
import { loadGraph } from ${JSON.stringify(path.join(ROOT, 'src', 'load-graph.ts'))};
const target = process.argv[2];
const errorsOf = (diagnostics) => diagnostics.filter((d) => d.severity === 'error');
const started = await loadGraph([target]);
const reloaded = await new LiveData([target], new GraphHolder()).reload();
console.log(JSON.stringify({
  startUp: { talks: started.graph.allTalks().length, errors: errorsOf(started.diagnostics) },
  watch: { talks: reloaded.graph.allTalks().length, errors: errorsOf(reloaded.diagnostics) },
}));
`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-unreadable-'));
  chmodSync(dir, 0o755);
  const posts = path.join(dir, 'posts');
  mkdirSync(posts, { mode: 0o755 });
  writeFileSync(path.join(posts, 'seed.md'), readFileSync(path.join(ROOT, 'data', SEED_FILE)), { mode: 0o644 });
  writeFileSync(path.join(posts, 'locked.md'), '---\ntitle: Locked\n---\n\nText.\n', { mode: 0o000 });
  mkdirSync(path.join(posts, 'secret'));
  writeFileSync(path.join(posts, 'secret', 'inner.md'), '---\ntitle: Inner\n---\n\nText.\n');
  chmodSync(path.join(posts, 'secret'), 0o000);
  writeFileSync(path.join(dir, 'topics.yaml'), '- name: Secret\n', { mode: 0o000 });
  // Not regular files: never opened (a FIFO would block a read forever), not reported.
  execFileSync('mkfifo', [path.join(posts, 'pipe.md')]);
  symlinkSync(path.join(dir, 'no-such-file.md'), path.join(posts, 'dangling.md'));
  writeFileSync(path.join(dir, 'load.mts'), SCRIPT, { mode: 0o644 });
});
afterAll(() => {
  chmodSync(path.join(dir, 'posts', 'secret'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

function expectReported(errors: Diagnostic[]): void {
  expect(errors.map((d) => [d.code, d.file, d.line])).toEqual(
    [
      ['PATH_UNREADABLE', path.join(name(), 'posts', 'secret'), 1],
      ['PATH_UNREADABLE', path.join(name(), 'posts', 'locked.md'), 1],
      ['PATH_UNREADABLE', path.relative(ROOT, path.join(dir, 'topics.yaml')), 1],
    ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
  );
  for (const error of errors) expect(error.message).toContain('(EACCES)');
}

const RELOAD_SCRIPT = `
import { chmodSync } from 'node:fs';
import { GraphHolder } from ${JSON.stringify(path.join(ROOT, 'src', 'graph', 'graph-holder.ts'))};
import { LiveData } from ${JSON.stringify(path.join(ROOT, 'src', 'live-data.ts'))};
const [target, folder] = process.argv.slice(2);
const live = new LiveData([target], new GraphHolder());
const titles = (result) => result.graph.allPosts().map((p) => p.title).sort();
const before = await live.reload();
chmodSync(folder, 0o000);
const after = await live.reload();
chmodSync(folder, 0o755);
console.log(JSON.stringify({ before: titles(before), after: titles(after), keptLastGood: after.keptLastGood, codes: after.diagnostics.map((d) => [d.code, d.file]) }));
`;

describe.skipIf(!childCanRun())('an unreadable file or folder in the data folder', () => {
  it('a folder that becomes unreadable under --watch keeps serving the last good version of its posts', () => {
    const reloadDir = mkdtempSync(path.join(tmpdir(), 'talk-graph-unreadable-reload-'));
    onTestFinished(() => rmSync(reloadDir, { recursive: true, force: true }));
    const team = path.join(reloadDir, 'posts', 'team');
    mkdirSync(team, { recursive: true });
    chmodSync(reloadDir, 0o755);
    chmodSync(path.join(reloadDir, 'posts'), 0o755);
    writeFileSync(path.join(reloadDir, 'posts', 'seed.md'), readFileSync(path.join(ROOT, 'data', SEED_FILE)), { mode: 0o644 });
    writeFileSync(path.join(team, 'inner.md'), '---\ntitle: Inner\n---\n\nText.\n', { mode: 0o644 });
    if (NOBODY.uid !== undefined) chownSync(team, NOBODY.uid, NOBODY.gid); // so the child can take its own permission away
    writeFileSync(path.join(reloadDir, 'reload.mts'), RELOAD_SCRIPT, { mode: 0o644 });
    const run = spawnSync(process.execPath, [path.join(reloadDir, 'reload.mts'), reloadDir, team], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, ...NOBODY });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { before: string[]; after: string[]; keptLastGood: string[]; codes: string[][] };
    expect(result.before).toEqual(['Cilium Talks at KubeCon EU 2023', 'Inner']);
    expect(result.after).toEqual(result.before);
    expect(result.keptLastGood).toEqual([path.join(path.basename(reloadDir), 'posts', 'team', 'inner.md')]);
    expect(result.codes).toContainEqual(['PATH_UNREADABLE', path.join(path.basename(reloadDir), 'posts', 'team')]);
  }, 90_000);

  it('is a PATH_UNREADABLE diagnostic at start-up and on a --watch reload, and the rest is served', () => {
    const run = spawnSync(process.execPath, [path.join(dir, 'load.mts'), dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, ...NOBODY });
    expect(run.status, run.stderr).toBe(0);
    const { startUp, watch } = JSON.parse(run.stdout) as Record<'startUp' | 'watch', { talks: number; errors: Diagnostic[] }>;
    expect(startUp.talks).toBe(16);
    expect(watch.talks).toBe(16);
    const sorted = (errors: Diagnostic[]) => [...errors].sort((a, b) => a.file.localeCompare(b.file));
    expectReported(sorted(startUp.errors));
    expectReported(sorted(watch.errors));
  }, 90_000);

  it('is reported by the CLI, which still exits 0', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'src', 'cli.ts'), dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, ...NOBODY });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${path.join(name(), 'posts', 'locked.md')}:1 error PATH_UNREADABLE `);
    expect(run.stderr).toContain(`${path.join(name(), 'posts', 'secret')}:1 error PATH_UNREADABLE `);
    expect(run.stderr).not.toContain('FILE_UNREADABLE');
  }, 90_000);
});
