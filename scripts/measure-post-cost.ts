import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadGraph } from '../src/load-graph.ts';

// Peak RSS of ingesting one post of a given size, to choose MAX_POST_BYTES. Run one size per process:
//   node scripts/measure-post-cost.ts BYTES [talks|prose]
// `talks`: a post that is nothing but talk entries (the costliest content per byte); `prose`: paragraphs.
const bytes = Number(process.argv[2] ?? 1_000_000);
const kind = process.argv[3] ?? 'talks';
const FRONT = "---\ntitle: 'Cilium Talks at KubeCon EU 2023'\ndate: '2023-04-03T17:00:00.000Z'\n---\n\n";

function word(n: number): string {
  let w = '';
  do {
    w = String.fromCharCode(97 + (n % 26)) + w;
    n = Math.floor(n / 26);
  } while (n > 0);
  return w[0]!.toUpperCase() + w.slice(1);
}

function post(): string {
  const parts: string[] = [FRONT];
  let size = FRONT.length;
  for (let i = 0; ; i++) {
    const minute = String(i % 60).padStart(2, '0');
    const part =
      kind === 'prose'
        ? `${'Cilium eBPF networking prose that goes on and on. '.repeat(20)}\n\n`
        : `[Generated Talk ${i} - Speaker ${word(i + 700)}, Org ${word((i % 50) + 30)}](https://sched.co/gen${i})\n\nWednesday, April 19 • 10:${minute} - 11:${minute}\n\nAbstract of talk ${i}.\n\n`;
    if (size + Buffer.byteLength(part) > bytes) break;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('') + '\n'.repeat(bytes - size); // exactly `bytes` bytes of UTF-8
}

const dir = mkdtempSync(path.join(tmpdir(), 'talk-graph-post-cost-'));
try {
  mkdirSync(path.join(dir, 'posts'));
  writeFileSync(path.join(dir, 'posts', 'big.md'), post());
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const loaded = await loadGraph([dir]);
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  const mib = (n: number) => (n / 1024 / 1024).toFixed(0);
  const tooLarge = loaded.diagnostics.some((d) => d.code === 'FILE_TOO_LARGE');
  console.log(
    `${kind} post of ${bytes} bytes: ${loaded.graph.allTalks().length} talks${tooLarge ? ' (FILE_TOO_LARGE: not read)' : ''}, RSS before ${mib(before)} MiB, peak ${mib(peak)} MiB (+${mib(peak - before)} MiB, ${((peak - before) / bytes).toFixed(0)} bytes of RSS per byte of post), ${ms.toFixed(0)} ms`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
