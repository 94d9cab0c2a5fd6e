import { EVENT_WORD } from './learn-event.ts';

/**
 * A title led by the event it was given at, as lists of a project's appearances write them:
 * "Swiss CloudNative Day: Managing Widgets", "WidgetConf 2030: Scaling Widgets". The label is the
 * event's, not the title's. Only a label with a year and an event word ("KubeCon Europe 2023"), or of
 * three words or more ending in one, counts: "Hands-on Workshop: …" and "Contribfest: …" are titles.
 * Video titles may write it with a spaced dash (then only with a year) and a region after the year:
 * "WidgetCon 2031 EU – Title". A label may also close the title: "Title – Widget Native Conference".
 */
export function splitEventLabel(title: string): { label: string; title: string; year: number | null } | null {
  const m = /^([^:|–—]{3,60}?)(?::|\s[–—])\s+(\S.*)$/u.exec(title);
  if (!m) return trailingEventLabel(title);
  const label = m[1]!.trim();
  const rest = m[2]!.trim();
  const year = /\s((?:19|20)\d\d)(?:\s+\p{Lu}{2,4})?$/u.exec(label);
  const words = (year ? label.slice(0, year.index) : label).trim().split(/\s+/);
  const isEventWord = (w: string) => EVENT_WORD.test(w.replace(/[^\p{L}]/gu, ''));
  const dashed = m[0].charAt(m[1]!.length) !== ':';
  const named = year ? words.some(isEventWord) : !dashed && words.length >= 3 && isEventWord(words[words.length - 1]!);
  if (!named || rest.split(/\s+/).length < 2) return trailingEventLabel(title);
  return { label, title: rest, year: year ? Number(year[1]) : null };
}

/** Words that end an event's name: "… Conference", "… Summit" (not "…Con", which ends names and titles too). */
const GATHERING_WORD = /^(?:conference|summit|symposium|meetup|forum|expo|hackathon|convention)$/i;

/** "Title – Widget Native Conference": the event written after the title, past a spaced dash, in capitalised words. */
function trailingEventLabel(title: string): { label: string; title: string; year: number | null } | null {
  const m = /^(.+?\S)\s+[–—-]\s+((?:\p{Lu}[\p{L}\d+&.-]*\s+){1,5}(\p{Lu}\p{L}+))(?:\s+((?:19|20)\d\d))?$/u.exec(title);
  if (!m || !GATHERING_WORD.test(m[3]!) || m[1]!.split(/\s+/).length < 2) return null;
  return { label: m[4] ? `${m[2]!.trim()} ${m[4]}` : m[2]!.trim(), title: m[1]!, year: m[4] ? Number(m[4]) : null };
}
