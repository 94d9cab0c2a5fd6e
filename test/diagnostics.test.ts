import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/domain/types.ts';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { DIAGNOSTIC_CATALOGUE, formatDiagnostic, type DiagnosticCode } from '../src/ingest/diagnostic-catalogue.ts';
import { ingestPosts, runIngest } from '../src/ingest/ingest-pipeline.ts';
import { MAX_POST_BYTES, readPostFile } from '../src/ingest/read-post-file.ts';
import { LiveData } from '../src/live-data.ts';
import { bundledReference } from './helpers.ts';

// One test per diagnostic code: the smallest input that should raise it, and where.

const fm = (extra = '') => `---\ntitle: 'Talks'\ndate: '2023-04-03'\nevent: kubecon-eu-2023\n${extra}---\n\n`;
const link = (text: string, url = 'https://sched.co/abc') => `[${text}](${url})`;

function ingest(text: string, file = 'post.md'): Diagnostic[] {
  return ingestPosts([{ file, text }], bundledReference()).diagnostics;
}

const tmpDirs: string[] = [];
function tempDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-diag-'));
  tmpDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

type Case = { code: DiagnosticCode; line: number; run: () => Promise<Diagnostic[]> | Diagnostic[] };

const CASES: Case[] = [
  { code: 'FILE_UNREADABLE', line: 1, run: () => ingest('---\ntitle: x\n---\n\u0000\u0000binary') },
  {
    code: 'FILE_TOO_LARGE',
    line: 1,
    run: async () => (await runIngest({ targets: [tempDir({ 'big.md': Buffer.alloc(MAX_POST_BYTES + 1, 0x61) })] })).data.diagnostics,
  },
  {
    // A file listed, then removed before it is read (permissions: test/unreadable-data.test.ts).
    code: 'PATH_UNREADABLE',
    line: 1,
    run: () => {
      const diagnostics: Diagnostic[] = [];
      readPostFile({ path: path.join(tempDir({}), 'gone.md'), file: 'posts/gone.md', bytes: 10 }, diagnostics);
      return diagnostics;
    },
  },
  { code: 'POST_EMPTY', line: 1, run: () => ingest('  \n\n') },
  // YAML notices the unclosed sequence where the front matter ends.
  { code: 'FRONT_MATTER_INVALID', line: 4, run: () => ingest(`---\ntitle: 'ok'\ndate: [unclosed\n---\n\nText.\n`) },
  {
    code: 'FRONT_MATTER_TALK_INVALID',
    line: 6,
    run: () => ingest(`---\ntitle: 'Talks'\ndate: '2023-04-03'\nevent: kubecon-eu-2023\ntalks:\n  - url: https://sched.co/abc\n---\n\nBody.\n`),
  },
  // Front matter is data: a `---js` block is not evaluated (test/front-matter-code.test.ts).
  { code: 'FRONT_MATTER_LANGUAGE_UNSUPPORTED', line: 1, run: () => ingest(`---js\n{ title: 'x' }\n---\n\nText.\n`) },
  { code: 'FRONT_MATTER_MISSING', line: 1, run: () => ingest('Just a paragraph.\n') },
  { code: 'POST_DATE_INVALID', line: 1, run: () => ingest(`---\ntitle: x\ndate: 'soon'\n---\n\nText.\n`) },
  { code: 'POST_NO_TALKS', line: 1, run: () => ingest(`${fm()}Nothing about talks here.\n`) },
  { code: 'TALK_NO_SPEAKERS', line: 7, run: () => ingest(`${fm()}${link('Cilium Project Meeting')}\n\nTuesday, April 18 • 15:30 - 17:30\n`) },
  { code: 'TALK_NO_SCHEDULE', line: 7, run: () => ingest(`${fm()}${link('A Talk - Jane Doe, Acme')}\n\nAn abstract.\n`) },
  { code: 'LISTING_ENTRY_REJECTED', line: 7, run: () => ingest(`${fm()}## Project Booth\n\n**When:** Tuesday, April 18, 10:00 - 12:00\n`) },
  { code: 'DATE_UNREADABLE', line: 9, run: () => ingest(`${fm()}${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 9:2x\n`) },
  {
    code: 'DATE_YEAR_UNKNOWN',
    line: 5,
    run: () => ingest(`---\ntitle: 'Talks'\n---\n\n${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 09:25 - 09:45\n`, 'notes.md'),
  },
  { code: 'WEEKDAY_MISMATCH', line: 7, run: () => ingest(`${fm()}${link('A Talk - Jane Doe, Acme')}\n\nMonday, April 18, 2023 • 09:25 - 09:45\n`) },
  // No event here: an event's dates would fix the year (and the weekday would be a WEEKDAY_MISMATCH).
  {
    code: 'YEAR_CORRECTED',
    line: 6,
    run: () => ingest(`---\ntitle: 'Talks'\ndate: '2023-04-03'\n---\n\n${link('A Talk - Jane Doe, Acme')}\n\nMonday, April 18 • 09:25 - 09:45\n`),
  },
  { code: 'TIME_RANGE_INVALID', line: 7, run: () => ingest(`${fm()}${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 10:25 - 09:45\n`) },
  {
    code: 'EVENT_UNKNOWN',
    line: 6,
    run: () => ingest(`---\ntitle: 'Local meetup'\ndate: '2030-01-10'\n---\n\n${link('A Talk - Jane Doe, Acme')}\n\nThursday, January 10 • 18:00 - 18:30\n`),
  },
  { code: 'EVENT_CODE_UNKNOWN', line: 1, run: () => ingest(`---\ntitle: 'Talks'\ndate: '2031-03-01'\nevent: kubecon-eu-2031\n---\n\nText.\n`) },
  {
    code: 'EVENT_LEARNED',
    line: 1,
    run: () =>
      ingest(
        `---\ntitle: 'Our talks at PlatformCon 2030 in Lisbon'\ndate: '2030-01-10'\n---\n\n${link('A Talk - Jane Doe, Acme')}\n\nThursday, January 10 • 18:00 - 18:30\n`,
      ),
  },
  {
    code: 'POST_YEAR_CONTRADICTED',
    line: 1,
    run: () =>
      ingest(`---\ntitle: 'Talks'\ndate: '2025-03-01'\n---\n\n${link('A Talk - Jane Doe, Acme')}\n\nMonday, 23 March • 11:00 - 11:30\n`, 'blog/2026/talks.md'),
  },
  {
    code: 'TIMEZONE_UNKNOWN',
    line: 6,
    run: () => ingest(`---\ntitle: 'Local meetup'\ndate: '2030-01-10'\n---\n\n${link('A Talk - Jane Doe, Acme')}\n\nThursday, January 10 • 18:00 - 18:30\n`),
  },
  { code: 'ZONE_ABBREVIATION_MISMATCH', line: 7, run: () => ingest(`${fm()}${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 09:25 - 09:45 BST\n`) },
  { code: 'ZONE_ABBREVIATION_UNKNOWN', line: 7, run: () => ingest(`${fm()}${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 09:25 - 09:45 ZZT\n`) },
  {
    code: 'SPEAKER_UNREADABLE',
    line: 7,
    run: () => ingest(`${fm()}${link('A Talk')} | Jane Doe, Acme; 12345 $$$ | Tuesday, April 18 • 09:25 - 09:45\n`),
  },
  {
    code: 'REFERENCE_DATA_INVALID',
    line: 1,
    run: async () => (await runIngest({ targets: [tempDir({ 'topics.yaml': 'name: not a list\n', 'p.md': `${fm()}Text.\n` })] })).data.diagnostics,
  },
  {
    code: 'KEPT_LAST_GOOD',
    line: 1,
    run: async () => {
      const dir = tempDir({ 'p.md': `${fm()}${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 09:25 - 09:45\n` });
      const live = new LiveData([dir], new GraphHolder());
      await live.reload();
      writeFileSync(path.join(dir, 'p.md'), `---\ntitle: [broken\n---\n`);
      return (await live.reload()).diagnostics;
    },
  },
  {
    code: 'DUPLICATE_TALK_MERGED',
    line: 11,
    run: () =>
      ingest(
        `${fm()}${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 09:25 - 09:45\n\n${link('A Talk - Jane Doe, Acme')}\n\nTuesday, April 18 • 09:25 - 09:45\n`,
      ),
  },
  {
    code: 'SPEAKERS_INFERRED',
    line: 9,
    run: () =>
      ingest(
        `---\ntitle: 'Meet the Maintainer - Jane Doe'\ndate: '2023-04-03'\nevent: kubecon-eu-2023\n---\n\nCatch her two talks:\n\n${link('Logs Told Us It Was DNS')} Friday April 21, 2023 11:55 - 12:30 CEST\n`,
      ),
  },
];

describe('diagnostic catalogue', () => {
  it('has a test case for every code, and every code a message and a hint', () => {
    expect(CASES.map((c) => c.code).sort()).toEqual(Object.keys(DIAGNOSTIC_CATALOGUE).sort());
    for (const entry of Object.values(DIAGNOSTIC_CATALOGUE)) {
      expect(entry.summary.length).toBeGreaterThan(10);
      expect(entry.hint.length).toBeGreaterThan(5);
    }
  });

  for (const testCase of CASES) {
    it(`raises ${testCase.code}`, async () => {
      const diagnostics = await testCase.run();
      const hit = diagnostics.find((d) => d.code === testCase.code);
      expect(hit, diagnostics.map(formatDiagnostic).join('\n')).toBeDefined();
      expect(hit!.severity).toBe(DIAGNOSTIC_CATALOGUE[testCase.code].severity);
      if (testCase.line > 0) expect(hit!.line).toBe(testCase.line);
      expect(formatDiagnostic(hit!)).toMatch(new RegExp(`^\\S+:${hit!.line} ${hit!.severity} ${testCase.code} `));
    });
  }
});

describe('docs/operations.md', () => {
  it('documents every diagnostic code', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../docs/operations.md', import.meta.url), 'utf8');
    expect(Object.keys(DIAGNOSTIC_CATALOGUE).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
  });
});
