export interface ScaleRow {
  scale: number;
  posts: number;
  talks: number;
  speakers: number;
  organizations: number;
  ingestSeconds: number;
  startupSeconds: number;
  peakRssMiB: number;
  p50Ms: number;
  p99Ms: number;
  reqPerSec: number;
  verified: number;
  failures: number;
}

interface Series {
  label: string;
  color: string;
  values: number[];
}

interface Panel {
  title: string;
  unit: string;
  series: Series[];
  /** A horizontal target line. */
  target?: { value: number; label: string };
}

const WIDTH = 960;
const HEIGHT = 640;
const PANEL_W = 440;
const PANEL_H = 250;
const MARGIN = { left: 60, top: 34, right: 16, bottom: 40 };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

function formatNumber(n: number): string {
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  if (n >= 1000) return `${(n / 1000).toFixed(1)}k`;
  if (n >= 10) return n.toFixed(0);
  return Number(n.toPrecision(2)).toString();
}

function renderPanel(panel: Panel, talks: readonly number[], x0: number, y0: number): string {
  const w = PANEL_W - MARGIN.left - MARGIN.right;
  const h = PANEL_H - MARGIN.top - MARGIN.bottom;
  const left = x0 + MARGIN.left;
  const top = y0 + MARGIN.top;
  const logMin = Math.log10(Math.min(...talks));
  const logMax = Math.log10(Math.max(...talks));
  const xOf = (t: number) => left + (logMax === logMin ? w / 2 : ((Math.log10(t) - logMin) / (logMax - logMin)) * w);
  const yMax = niceMax(Math.max(...panel.series.flatMap((s) => s.values), panel.target?.value ?? 0) * 1.05);
  const yOf = (v: number) => top + h - (v / yMax) * h;
  const parts: string[] = [];
  parts.push(`<text x="${x0 + MARGIN.left}" y="${y0 + 20}" font-size="15" font-weight="bold">${escapeXml(panel.title)}</text>`);
  parts.push(`<rect x="${left}" y="${top}" width="${w}" height="${h}" fill="#fafafa" stroke="#ccc"/>`);
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    const y = yOf(v);
    parts.push(`<line x1="${left}" x2="${left + w}" y1="${y}" y2="${y}" stroke="#e4e4e4"/>`);
    parts.push(`<text x="${left - 6}" y="${y + 4}" font-size="11" text-anchor="end">${formatNumber(v)}</text>`);
  }
  for (const t of talks) {
    const x = xOf(t);
    parts.push(`<line x1="${x}" x2="${x}" y1="${top}" y2="${top + h}" stroke="#eee"/>`);
    parts.push(`<text x="${x}" y="${top + h + 15}" font-size="11" text-anchor="middle">${formatNumber(t)}</text>`);
  }
  parts.push(`<text x="${left + w / 2}" y="${top + h + 32}" font-size="11" text-anchor="middle" fill="#555">talks (log scale)</text>`);
  parts.push(
    `<text x="${x0 + 14}" y="${top + h / 2}" font-size="11" text-anchor="middle" fill="#555" transform="rotate(-90 ${x0 + 14} ${top + h / 2})">${escapeXml(panel.unit)}</text>`,
  );
  if (panel.target) {
    const y = yOf(panel.target.value);
    parts.push(`<line x1="${left}" x2="${left + w}" y1="${y}" y2="${y}" stroke="#d33" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${left + w * 0.3}" y="${y - 5}" font-size="11" text-anchor="middle" fill="#d33">${escapeXml(panel.target.label)}</text>`);
  }
  panel.series.forEach((series, index) => {
    const points = series.values.map((v, i) => `${xOf(talks[i]!).toFixed(1)},${yOf(v).toFixed(1)}`);
    parts.push(`<polyline fill="none" stroke="${series.color}" stroke-width="2.5" points="${points.join(' ')}"/>`);
    series.values.forEach((v, i) => {
      const x = xOf(talks[i]!);
      const y = yOf(v);
      parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="3.5" fill="${series.color}"/>`);
      parts.push(`<text x="${(x + 5).toFixed(1)}" y="${(y - 6).toFixed(1)}" font-size="10" fill="${series.color}">${formatNumber(v)}</text>`);
    });
    parts.push(`<rect x="${left + 8}" y="${top + 8 + index * 16}" width="10" height="10" fill="${series.color}"/>`);
    parts.push(`<text x="${left + 22}" y="${top + 17 + index * 16}" font-size="11">${escapeXml(series.label)}</text>`);
  });
  return parts.join('\n');
}

/** A 2×2 SVG of how ingest time, startup, peak memory and query latency grow with the number of talks. */
export function renderScaleChart(rows: readonly ScaleRow[], options: { title: string }): string {
  const talks = rows.map((r) => r.talks);
  const panels: Panel[] = [
    {
      title: 'Ingest (loadGraph)',
      unit: 'seconds',
      series: [{ label: 'ingest', color: '#1f77b4', values: rows.map((r) => r.ingestSeconds) }],
      target: { value: 30, label: 'target < 30 s at 1000×' },
    },
    { title: 'Startup (spawn → /ready)', unit: 'seconds', series: [{ label: 'startup', color: '#9467bd', values: rows.map((r) => r.startupSeconds) }] },
    {
      title: 'Peak RSS of the server process',
      unit: 'MiB',
      series: [{ label: 'maxRSS', color: '#2ca02c', values: rows.map((r) => r.peakRssMiB) }],
      target: { value: 1024, label: 'target < 1 GiB' },
    },
    {
      title: 'Fixed-size query (first: 20, filtered)',
      unit: 'milliseconds',
      series: [
        { label: 'p50', color: '#ff7f0e', values: rows.map((r) => r.p50Ms) },
        { label: 'p99', color: '#d62728', values: rows.map((r) => r.p99Ms) },
      ],
      target: { value: 10, label: 'target p99 < 10 ms' },
    },
  ];
  const body = panels.map((panel, i) => renderPanel(panel, talks, 20 + (i % 2) * (PANEL_W + 20), 40 + Math.floor(i / 2) * (PANEL_H + 30))).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${WIDTH / 2}" y="26" font-size="18" text-anchor="middle" font-weight="bold">${escapeXml(options.title)}</text>
${body}
</svg>
`;
}
