import { existsSync, readFileSync } from 'node:fs';

/** Resident set size of a process in bytes, from /proc/<pid>/status (VmRSS); null where /proc is missing. */
export function readRssBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The value of an unlabelled sample in a Prometheus text exposition, or null. */
export function metricValue(text: string, name: string): number | null {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return match ? Number(match[1]) : null;
}

export interface MemorySample {
  /** Seconds since the load started (negative: before it). */
  atSeconds: number;
  rssBytes: number | null;
  /** V8 heap in use, from /metrics (nodejs_heap_size_used_bytes). */
  heapUsedBytes: number | null;
  /** With the GC probe: heap in use and RSS right after a full garbage collection, and its pause. */
  afterGc?: { heapUsedBytes: number; rssBytes: number; gcMs: number } | null;
}

const lineCount = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

/** Asks the server's GC probe (scripts/load/gc-probe.ts) for a full GC and reads its answer (null after 5 s without one). */
export async function probeAfterGc(pid: number, file: string): Promise<MemorySample['afterGc']> {
  const before = lineCount(file);
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 5_000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    if (lines.length > before) {
      const { heapUsed, rss, gcMs } = JSON.parse(lines[lines.length - 1]!) as { heapUsed: number; rss: number; gcMs: number };
      return { heapUsedBytes: heapUsed, rssBytes: rss, gcMs };
    }
  }
  return null;
}

/** One sample: VmRSS of the server process and its heap in use as /metrics reports it (then, with the probe, both after a full GC). */
export async function sampleMemory(pid: number, baseUrl: string, atSeconds: number, gcProbeFile?: string): Promise<MemorySample> {
  const rssBytes = readRssBytes(pid);
  let heapUsedBytes: number | null = null;
  try {
    const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5_000) });
    if (response.ok) heapUsedBytes = metricValue(await response.text(), 'nodejs_heap_size_used_bytes');
  } catch {
    // metrics off or slow: RSS alone
  }
  const afterGc = gcProbeFile ? await probeAfterGc(pid, gcProbeFile) : undefined;
  return { atSeconds, rssBytes, heapUsedBytes, ...(afterGc === undefined ? {} : { afterGc }) };
}

/** Least-squares slope of y over x (per unit of x); NaN with fewer than two points. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  if (points.length < 2) return Number.NaN;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (const [x, y] of points) {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}
