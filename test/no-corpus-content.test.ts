import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus, REPO_ROOT } from './support/corpus.ts';

// The corpora under ../shared/corpus are other people's posts: the project reads them in place and
// never carries them. This test fails when any of their content comes back into the repository.
//
// The rule, on every file git lists (tracked, plus untracked files that are not ignored, so a copy
// fails the test before it is committed):
// 1. No file has the content of a corpus file: compared by SHA-256 of the bytes, and of the text with
//    line endings normalised (CRLF and CR to LF), a byte-order mark dropped, trailing spaces and
//    trailing blank lines removed, so a re-saved copy is caught too.
// 2. No file contains a line of a corpus file that is 100 characters or longer once trimmed
//    (paragraphs of abstracts and prose, long link lines). Shorter lines are left out on purpose:
//    they are titles, names, dates and headings, which the project's own facts about the posts
//    (test/expectations/*.yaml: titles, speakers, dates, times) state in their own words and may
//    share with the post. A test fixture that needs a layout is written for the project instead.

const LONG_LINE = 100;

function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : statSync(full).isFile() ? [full] : [];
  });
}

function repositoryFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((f) => existsSync(path.join(REPO_ROOT, f)) && statSync(path.join(REPO_ROOT, f)).isFile());
}

describe('the bundled data', () => {
  it('is the seed post alone, beside the reference files (as git tracks it; untracked posts of your own may sit beside it)', () => {
    const tracked = execFileSync('git', ['ls-files', 'data'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(tracked.sort()).toEqual([
      'data/events.yaml',
      'data/organizations.yaml',
      'data/posts/2023-04-03-cilium-kubecon-eu-2023-talks.md',
      'data/speakers.yaml',
      'data/topics.yaml',
    ]);
  });
});

describe.skipIf(!hasCorpus('the check that no corpus content is in the repository'))('no corpus content in the repository (reads ../shared/corpus)', () => {
  const corpusFiles = hasCorpus() ? filesBelow(CORPUS_DIR) : [];
  const repoFiles = repositoryFiles();
  const shown = (file: string) => path.relative(REPO_ROOT, file);

  it('lists the corpus and the repository', () => {
    expect(corpusFiles.length).toBeGreaterThan(50);
    expect(repoFiles).toContain('data/posts/2023-04-03-cilium-kubecon-eu-2023-talks.md');
    expect(repoFiles).toContain('test/no-corpus-content.test.ts');
  });

  it('has no file whose bytes or normalised text are those of a corpus file', () => {
    const corpusHashes = new Map<string, string>();
    for (const file of corpusFiles) {
      const bytes = readFileSync(file);
      corpusHashes.set(sha256(bytes), shown(file));
      corpusHashes.set(sha256(normalise(bytes.toString('utf8'))), shown(file));
    }
    const copies: string[] = [];
    for (const file of repoFiles) {
      const bytes = readFileSync(path.join(REPO_ROOT, file));
      const source = corpusHashes.get(sha256(bytes)) ?? corpusHashes.get(sha256(normalise(bytes.toString('utf8'))));
      if (source) copies.push(`${file} is a copy of ${source}`);
    }
    expect(copies).toEqual([]);
  });

  it(`has no file that contains a line of ${LONG_LINE} characters or more of a corpus file`, () => {
    const longLines = new Map<string, string>();
    for (const file of corpusFiles) {
      for (const line of normalise(readFileSync(file, 'utf8')).split('\n')) {
        const trimmed = line.trim();
        if (trimmed.length >= LONG_LINE && !longLines.has(trimmed)) longLines.set(trimmed, shown(file));
      }
    }
    expect(longLines.size).toBeGreaterThan(500);
    const excerpts: string[] = [];
    for (const file of repoFiles) {
      const text = normalise(readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      for (const [line, source] of longLines) {
        if (text.includes(line)) excerpts.push(`${file} contains a line of ${source}: ${line.slice(0, 60)}…`);
      }
    }
    expect(excerpts).toEqual([]);
  });
});
