import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphHolder } from '../src/graph/graph-holder.ts';
import { LiveData } from '../src/live-data.ts';
import { schema } from '../src/schema/index.ts';
import { createTalkGraphYoga } from '../src/server/create-talk-graph-server.ts';
import { execute } from './helpers.ts';

// Issue 13 item 8: a broken file keeps its last good version, and the broken version's own errors
// (code, line, message) are reported, not only KEPT_LAST_GOOD.

const dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-kept-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = `---
title: Our talks
date: '2023-04-03'
event: kubecon-eu-2023
---

[Scaling Widgets - Jane Doe, Acme](https://sched.co/widgets)

Tuesday, April 18 • 09:25 - 09:45
`;
// Line 3 opens a flow sequence that never closes: YAML reports it where the front matter ends (line 5).
const BROKEN = GOOD.replace("date: '2023-04-03'", 'date: [2023-04-03').replace('event: kubecon-eu-2023', 'event: kubecon-eu-2023\nauthor: x');

describe('watch mode, broken file', () => {
  it("keeps the last good version and reports the broken version's own errors with their lines, in the reload and in ingestReport", async () => {
    const file = path.join(dir, 'talks.md');
    writeFileSync(file, GOOD);
    const graphs = new GraphHolder();
    const live = new LiveData([dir], graphs);
    await live.reload();
    writeFileSync(file, BROKEN);
    const result = await live.reload();
    const shown = path.join(path.basename(dir), 'talks.md');

    expect(result.keptLastGood).toEqual([shown]);
    expect(result.graph.allTalks().map((t) => t.title)).toEqual(['Scaling Widgets']);
    const own = result.diagnostics.find((d) => d.code === 'FRONT_MATTER_INVALID');
    expect(own).toMatchObject({ file: shown, severity: 'error', line: expect.any(Number) });
    expect(own!.line).toBeGreaterThan(1);
    expect(own!.message.length).toBeGreaterThan(20);
    expect(result.keptErrors).toEqual([own]);
    const kept = result.diagnostics.find((d) => d.code === 'KEPT_LAST_GOOD')!;
    expect(kept.message).toContain(`line ${own!.line} FRONT_MATTER_INVALID`);

    const yoga = createTalkGraphYoga({ schema, graphs });
    const report = await execute(yoga, '{ ingestReport { diagnostics(severity: [ERROR], first: 500) { nodes { code line message } } } }');
    expect(report.data.ingestReport.diagnostics.nodes).toContainEqual({ code: 'FRONT_MATTER_INVALID', line: own!.line, message: own!.message });

    // Fixed again: the new version is taken and nothing is kept.
    writeFileSync(file, GOOD.replace('Scaling Widgets', 'Scaling Gadgets'));
    const fixed = await live.reload();
    expect(fixed.keptLastGood).toEqual([]);
    expect(fixed.keptErrors).toEqual([]);
    expect(fixed.graph.allTalks().map((t) => t.title)).toEqual(['Scaling Gadgets']);
  });
});
