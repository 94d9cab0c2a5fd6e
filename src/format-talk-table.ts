/** One talk as the ingest table shows it. */
export interface TalkRow {
  title: string;
  speakers: string[];
  date: string | null;
  start: string | null;
  end: string | null;
  /** The event's id (short: "kubecon-eu-2026"). */
  event: string | null;
  file: string;
  line: number;
}

const GAP = '  ';
const DATE_WIDTH = 10;
const TIME_WIDTH = 11;
const MIN_WIDTH = 60;

/**
 * Cuts text to `width` characters and pads it to that width. Cut text ends in "…", or has it in the
 * middle with `keepEnd` (an event id keeps its year: "cloud-na…-na-2022").
 */
export function fitText(text: string, width: number, keepEnd = false): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= width) return chars.join('') + ' '.repeat(width - chars.length);
  if (keepEnd && width > 8) {
    const tail = Math.min(8, width - 4);
    return `${chars.slice(0, width - tail - 1).join('')}…${chars.slice(-tail).join('')}`;
  }
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/**
 * The talks an ingest read, as a table that fits a terminal of `width` columns (80 unless told):
 * title, speakers, date, time and event, grouped by post in file and line order. Text that does not
 * fit ends in "…"; the columns with free text share what the fixed ones leave.
 */
export function formatTalkTable(rows: readonly TalkRow[], width = 80): string {
  const total = Math.max(MIN_WIDTH, width);
  const free = total - DATE_WIDTH - TIME_WIDTH - 4 * GAP.length;
  const eventWidth = Math.max(15, Math.min(24, Math.floor(free * 0.25)));
  const speakersWidth = Math.floor((free - eventWidth) * 0.38);
  const titleWidth = free - eventWidth - speakersWidth;
  const line = (cells: string[]) =>
    [
      fitText(cells[0]!, titleWidth),
      fitText(cells[1]!, speakersWidth),
      fitText(cells[2]!, DATE_WIDTH),
      fitText(cells[3]!, TIME_WIDTH),
      fitText(cells[4]!, eventWidth, true),
    ]
      .join(GAP)
      .trimEnd();

  const out = [line(['Title', 'Speakers', 'Date', 'Time', 'Event']), '─'.repeat(total)];
  const byFile = new Map<string, TalkRow[]>();
  for (const row of rows) {
    let list = byFile.get(row.file);
    if (!list) byFile.set(row.file, (list = []));
    list.push(row);
  }
  for (const file of [...byFile.keys()].sort()) {
    const talks = byFile.get(file)!.sort((a, b) => a.line - b.line);
    // A long path keeps its end (the file's name): "…/other-blogs/talk-posts/helm__kubecon-eu-2025.md (3 talks)".
    const count = ` (${talks.length} ${talks.length === 1 ? 'talk' : 'talks'})`;
    const room = total - count.length;
    const chars = [...file];
    out.push(`${chars.length > room ? `…${chars.slice(chars.length - room + 1).join('')}` : file}${count}`);
    for (const t of talks) {
      const time = t.start ? (t.end ? `${t.start}–${t.end}` : t.start) : '—';
      out.push(line([t.title, t.speakers.join(', ') || '—', t.date ?? '—', time, t.event ?? '—']));
    }
  }
  if (rows.length === 0) out.push('(no talks)');
  return `${out.join('\n')}\n`;
}
