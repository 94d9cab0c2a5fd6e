import { minutesOf } from './format.ts';

export interface GridItem<T> {
  item: T;
  /** 1-based grid lines: the talk spans rows rowStart..rowEnd-1 and sits in column lane+1. */
  rowStart: number;
  rowEnd: number;
  lane: number;
}

export interface Grid<T> {
  items: GridItem<T>[];
  lanes: number;
  /** Time at each row line (row i starts at times[i-1]). */
  times: string[];
}

const DEFAULT_MINUTES = 30;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * Lays a day's talks out as a compressed time grid: one row per stretch between consecutive start or
 * end times, talks that overlap side by side in lanes (first free lane, by start time).
 */
export function layOutDay<T extends { start?: string | null; end?: string | null }>(talks: readonly T[]): Grid<T> {
  const timed = talks
    .filter((t) => t.start)
    .map((item) => {
      const start = minutesOf(item.start!);
      const end = item.end ? Math.max(minutesOf(item.end), start + 5) : start + DEFAULT_MINUTES;
      return { item, start, end };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const lines = [...new Set(timed.flatMap((t) => [t.start, t.end]))].sort((a, b) => a - b);
  const row = (minutes: number) => lines.indexOf(minutes) + 1;
  const laneEnds: number[] = [];
  const items = timed.map(({ item, start, end }) => {
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    return { item, rowStart: row(start), rowEnd: row(end), lane };
  });
  return { items, lanes: Math.max(1, laneEnds.length), times: lines.map(hhmm) };
}
