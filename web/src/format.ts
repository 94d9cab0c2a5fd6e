/** Display helpers shared by the views. */

export function formatKind(kind: string): string {
  const words = kind.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDay(day: string | null | undefined): string {
  return day ? day.charAt(0) + day.slice(1).toLowerCase() : '';
}

export function formatWhen(talk: { day?: string | null; date?: string | null; start?: string | null; end?: string | null }): string {
  if (!talk.date) return 'date unknown';
  const time = talk.start ? ` ${talk.start}${talk.end ? `–${talk.end}` : ''}` : '';
  return `${formatDay(talk.day)} ${talk.date}${time}`.trim();
}

/** Minutes since midnight of "HH:MM". */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
