import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/domain/types.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { parseFrontMatter } from '../src/ingest/parse-front-matter.ts';
import { LiveData } from '../src/live-data.ts';
import { loadGraph } from '../src/load-graph.ts';
import { bundledReference, ROOT } from './helpers.ts';
import { ingestPosts } from '../src/ingest/ingest-pipeline.ts';

// Front matter is data, never code: gray-matter would evaluate `---js` / `---javascript` /
// `---coffee` front matter as code. Start-up, --watch reloads and the CLI all read posts through
// parsePost → parseFrontMatter; each path is run here on a post whose front matter would write a file.

const GLOBAL = '__talkGraphFrontMatterRan';
let dir: string;
let marker: string;
const postsDir = () => path.join(dir, 'posts');
const TALK = '[A Talk About eBPF - Jane Doe, Acme](https://sched.co/evil1)\n\nTuesday, April 18 • 09:25 - 09:45\n';

/** A post whose front matter, if evaluated, writes `marker` and sets a global. */
function evilPost(tag: string): string {
  const js = `{ title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'owned'), globalThis.${GLOBAL} = true, 'Owned') }`;
  const coffee = `title: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'owned'); 'Owned')`;
  return `---${tag}\n${tag === 'coffee' ? coffee : js}\n---\n\n# Talks at KubeCon EU 2023\n\n${TALK}`;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-fm-code-'));
  marker = path.join(dir, 'owned.txt');
  mkdirSync(postsDir());
  writeFileSync(path.join(postsDir(), '2023-04-03-evil.md'), evilPost('js'));
});
function resetMarkers(): void {
  rmSync(marker, { force: true });
  delete (globalThis as Record<string, unknown>)[GLOBAL];
}
beforeEach(resetMarkers); // each path is checked on its own
afterAll(() => {
  resetMarkers();
  rmSync(dir, { recursive: true, force: true });
});

function expectNothingRan(): void {
  expect(existsSync(marker)).toBe(false);
  expect((globalThis as Record<string, unknown>)[GLOBAL]).toBeUndefined();
}

function expectRefused(diagnostics: readonly Diagnostic[], file: string, tag = 'js'): void {
  const refused = diagnostics.filter((d) => d.code === 'FRONT_MATTER_LANGUAGE_UNSUPPORTED');
  expect(refused).toEqual([expect.objectContaining({ file, line: 1, severity: 'error' })]);
  expect(refused[0]!.message).toContain(`"${tag}"`);
}

describe('front matter in a language other than YAML or TOML', () => {
  for (const tag of ['js', 'javascript', 'JS', ' javascript ', 'coffee', 'coffeescript', 'cson', 'json', 'perl', '__proto__', 'constructor']) {
    it(`"---${tag}" is not evaluated; the body is still read`, () => {
      const result = parseFrontMatter(evilPost(tag));
      expectNothingRan();
      expect(result.unsupportedLanguage).toBe(tag.trim());
      expect(result.data).toEqual({});
      expect(result.body).toContain('# Talks at KubeCon EU 2023');
      expect(result.bodyLineOffset).toBe(3);
    });
  }

  it('ingesting such a post reports it at line 1 and reads its talks', () => {
    const { diagnostics, talks } = ingestPosts([{ file: 'posts/2023-04-03-evil.md', text: evilPost('javascript') }], bundledReference());
    expectNothingRan();
    expectRefused(diagnostics, 'posts/2023-04-03-evil.md', 'javascript');
    expect(talks.map((t) => t.title)).toEqual(['A Talk About eBPF']);
  });

  it('start-up ingest (loadGraph) does not run it', async () => {
    const loaded = await loadGraph([dir]);
    expectNothingRan();
    expectRefused(loaded.diagnostics, path.join(path.basename(dir), 'posts', '2023-04-03-evil.md'));
    expect(loaded.graph.allTalks().map((t) => t.title)).toEqual(['A Talk About eBPF']);
  });

  it('a --watch reload (LiveData) does not run it', async () => {
    const live = new LiveData([dir], new GraphHolder());
    await live.reload();
    writeFileSync(path.join(postsDir(), '2023-04-04-evil-too.md'), evilPost('coffee'));
    const reloaded = await live.reload();
    expectNothingRan();
    expect(reloaded.diagnostics.filter((d) => d.code === 'FRONT_MATTER_LANGUAGE_UNSUPPORTED').map((d) => d.file.split(path.sep).pop())).toEqual([
      '2023-04-03-evil.md',
      '2023-04-04-evil-too.md',
    ]);
    rmSync(path.join(postsDir(), '2023-04-04-evil-too.md'));
  });

  it('the CLI (npm run ingest) does not run it', () => {
    let stderr = '';
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'src', 'cli.ts'), '--strict', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      stderr = (error as { stderr: string }).stderr; // --strict: exit 1 on the error-level diagnostic
      expect((error as { status: number }).status).toBe(1);
    }
    expectNothingRan();
    expect(stderr).toMatch(/2023-04-03-evil\.md:1 error FRONT_MATTER_LANGUAGE_UNSUPPORTED /);
  });
});

describe('TOML front matter', () => {
  it('reads +++ front matter as TOML (a corpus post, read in place)', () => {
    const file = path.join(ROOT, '..', 'shared', 'corpus', 'other-blogs', 'talk-posts', 'kubeflow__summit-2023.md');
    const result = parseFrontMatter(readFileSync(file, 'utf8'));
    expect(result.hasFrontMatter).toBe(true);
    expect(result.error).toBeNull();
    expect(result.data.title).toBe('Kubeflow Summit 2023');
    expect(result.body).not.toContain('title = ');
  });

  it('keeps dates as strings and reports a TOML error at its file line', () => {
    expect(parseFrontMatter('+++\ntitle = "T"\ndate = 2023-10-06\n+++\nBody\n').data).toEqual({ title: 'T', date: '2023-10-06' });
    const broken = parseFrontMatter('+++\ntitle = "T"\ndate = soon\n+++\nBody\n');
    expect(broken.error?.line).toBe(3);
    expect(broken.body).toBe('Body\n');
  });
});
