import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fitText, formatTalkTable } from '../src/format-talk-table.ts';
import { ROOT } from './helpers.ts';

// Issue 13 item 7: `npm run ingest -- PATH` shows authors what was read, in an 80-column terminal.

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POST = `---
title: Our talks
date: '2026-03-01'
event: kubecon-eu-2026
---

### [A Remarkably Long Title About Scaling Widgets Across Many Clusters and Regions - Jane Doe, Acme & John Roe, Widgets Inc](https://sched.co/widgets)

Tuesday, March 24 • 11:00 - 11:30

### [Short Talk - Ann Lee, Acme](https://sched.co/short)

An abstract, but no date.
`;
writeFileSync(path.join(dir, 'talks.md'), POST);

async function ingest(...args: string[]) {
  return run(process.execPath, [path.join(ROOT, 'src/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
}

describe('the ingest table', () => {
  it('prints the talks (title, speakers, date, time, event) within 80 columns, then the diagnostics', async () => {
    const { stdout, stderr } = await ingest(dir);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Title\s+Speakers\s+Date\s+Time\s+Event$/);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    const long = lines.find((l) => l.startsWith('A Remarkably'))!;
    expect(long).toMatch(/^A Remarkably Long Tit\S*…\s+Jane Doe, Jo\S*…\s+2026-03-24\s+11:00–11:30\s+kubecon-eu-2026$/);
    expect(lines.find((l) => l.startsWith('Short Talk'))).toMatch(/^Short Talk\s+Ann Lee\s+—\s+—\s+kubecon-eu-2026$/);
    expect(lines.some((l) => l.endsWith('talks.md (2 talks)'))).toBe(true);
    // The diagnostics follow, one per line as before, then the summary.
    expect(stderr).toMatch(/talks\.md:11 warning TALK_NO_SCHEDULE /);
    expect(stderr.trimEnd().split('\n').pop()).toMatch(/^ingest: 1 posts, 2 talks/);
  });

  it('--json prints the graph as JSON and no table', async () => {
    const { stdout } = await ingest('--json', dir);
    const graph = JSON.parse(stdout);
    expect(graph.talks.map((t: { title: string }) => t.title).sort()).toEqual([
      'A Remarkably Long Title About Scaling Widgets Across Many Clusters and Regions',
      'Short Talk',
    ]);
    expect(stdout).not.toContain('Title    ');
  });

  it('fits any width: free text columns share what date and time leave, cut text ends in …, event ids keep their year', () => {
    const row = {
      title: 'T'.repeat(200),
      speakers: ['S'.repeat(100)],
      date: '2026-03-24',
      start: '11:00',
      end: '11:30',
      event: 'cloud-native-ebpf-day-na-2022',
      file: 'p.md',
      line: 1,
    };
    for (const width of [60, 80, 120]) {
      const lines = formatTalkTable([row], width).trimEnd().split('\n');
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
      expect(lines[3]).toMatch(/^T+…\s+S+…\s+2026-03-24\s+11:00–11:30\s+\S+…\S*-2022$/);
    }
    expect(fitText('abc', 5)).toBe('abc  ');
    expect(fitText('abcdef', 5)).toBe('abcd…');
  });
});
