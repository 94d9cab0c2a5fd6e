import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ServerLogSummary {
  /** `graph reloaded` lines whose time falls in [from, to] (ms since epoch). */
  reloadsInWindow: number;
  reloads: number;
  reloadFailures: number;
  /** Reloads that served a file's last good version (the rewritten post was read mid-write). */
  keptLastGood: number;
  /** Request lines by status class. */
  requests: Record<string, number>;
  /** Lines at level error (5xx requests, failed reloads, masked errors). */
  errorLines: number;
  firstErrorLine: string | null;
  /** Lines that are not JSON (a crash trace, a warning from node). */
  otherLines: number;
  firstOtherLine: string | null;
}

/** Reads the server's JSON log (one object per line) once, streaming, however long it is. */
export async function summarizeServerLog(file: string, window: { from: number; to: number }): Promise<ServerLogSummary> {
  const summary: ServerLogSummary = {
    reloadsInWindow: 0,
    reloads: 0,
    reloadFailures: 0,
    keptLastGood: 0,
    requests: {},
    errorLines: 0,
    firstErrorLine: null,
    otherLines: 0,
    firstOtherLine: null,
  };
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let entry: { time?: string; level?: string; msg?: string; status?: number; keptLastGood?: unknown[] };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      summary.otherLines++;
      summary.firstOtherLine ??= line.slice(0, 300);
      continue;
    }
    if (entry.level === 'error') {
      summary.errorLines++;
      summary.firstErrorLine ??= line.slice(0, 300);
    }
    if (entry.msg === 'request' && typeof entry.status === 'number') {
      const status = `${Math.floor(entry.status / 100)}xx`;
      summary.requests[status] = (summary.requests[status] ?? 0) + 1;
    } else if (entry.msg === 'graph reloaded') {
      summary.reloads++;
      if (Array.isArray(entry.keptLastGood) && entry.keptLastGood.length > 0) summary.keptLastGood++;
      const time = Date.parse(entry.time ?? '');
      if (time >= window.from && time <= window.to) summary.reloadsInWindow++;
    } else if (entry.msg?.startsWith('reload failed')) summary.reloadFailures++;
  }
  return summary;
}
