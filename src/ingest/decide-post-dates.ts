import type { Diagnostic, EventDefinition } from '../domain/types.ts';
import { collectWeekdaySamples, decidePostYear, decideTalkDate, describeContradiction, type PostYear, yearOfPath } from './date-evidence.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { WhenParts } from './parse-when.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** What dates a post: its own date, the year its entries fall in, and the weaker evidence of its path and front matter. */
export interface PostDates {
  /** YYYY-MM-DD from the front matter, else from the file name. */
  date: string | null;
  year: PostYear;
  pathYear: number | null;
  frontMatterYear: number | null;
}

export interface PostDateEvidence {
  file: string;
  /** The file name without its extension. */
  stem: string;
  /** The date the front matter gives (`date`, `created_at`, `publishDate`), as written. */
  rawDate: string | null;
  /** The path the front matter gives (`path`, `slug`, `permalink`). */
  frontMatterPath: string | null;
  title: string;
  /** The texts of the post's blocks: their weekdays check the year. */
  blockTexts: readonly string[];
}

/** Date resolution, post level: the post's date and year from its front matter, path, title and weekdays. */
export function decidePostDates(evidence: PostDateEvidence): { dates: PostDates; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const at = { file: evidence.file, line: 1 };
  const { rawDate, stem, title } = evidence;
  const dateMatch = rawDate ? ISO_DATE.exec(rawDate) : null;
  if (rawDate && !dateMatch) diagnostics.push(diagnose('POST_DATE_INVALID', at, `"${rawDate}"`));
  const stemDate = ISO_DATE.exec(stem);
  const date = dateMatch ? dateMatch[0] : stemDate ? stemDate[0] : null;
  const frontMatterYear = date ? Number(date.slice(0, 4)) : null;
  const pathYear = yearOfPath(evidence.file, evidence.frontMatterPath);
  // The path over the front matter, the weekdays over both (a 2026 post dated 2025 by mistake).
  // Without a date, the year in the title ("Prometheus at CloudNativeCon 2017") is the post's year.
  const titleYear = Number(/\b((?:19|20)\d\d)\b/.exec(title)?.[1]) || null;
  const year = decidePostYear(frontMatterYear ?? (pathYear === null ? titleYear : null), pathYear, collectWeekdaySamples(evidence.blockTexts));
  if (year.contradicted) diagnostics.push(diagnose('POST_YEAR_CONTRADICTED', at, describeContradiction(year.contradicted)));
  return { dates: { date, year, pathYear, frontMatterYear }, diagnostics };
}

/** What an entry says about its date: its own date line, and the date its section gave. */
export interface EntryDateEvidence {
  when: WhenParts | null;
  sectionDate: WhenParts | null;
}

/** Date resolution, entry level: the entry's date from its own words, its section, its event and the post's year. */
export function decideEntryDate(
  entry: EntryDateEvidence,
  event: EventDefinition | null,
  dates: PostDates,
  at: { file: string; line: number },
): { date: string | null; diagnostic: Diagnostic | null } {
  const decided = decideTalkDate(entry.when, entry.sectionDate, event, dates.year, dates.pathYear, dates.frontMatterYear);
  return { date: decided.date, diagnostic: decided.problem ? diagnose(decided.problem.code, at, decided.problem.detail) : null };
}
