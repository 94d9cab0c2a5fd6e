import YAML, { isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { Diagnostic, SourceLocation, SpeakerMention, TalkEntry, TalkKind } from '../domain/types.ts';
import { TALK_KINDS } from '../domain/types.ts';
import { squish } from '../domain/text.ts';
import { classifyKind } from './classify-kind.ts';
import { diagnose } from './diagnostic-catalogue.ts';
import type { EventMatcher } from './event-matcher.ts';
import { parseSpeakers, type SpeakerGrammarOptions } from './parse-speakers.ts';

export interface FrontMatterTalksContext {
  events: EventMatcher;
  grammar: SpeakerGrammarOptions;
  /** The post's own event, used when an entry names none. */
  postEventSlug: string | null;
}

export interface FrontMatterTalks {
  /** null when the front matter has no `talks:` key (the body is read instead). */
  talks: TalkEntry[] | null;
  diagnostics: Diagnostic[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const KNOWN_FIELDS = new Set(['title', 'url', 'kind', 'speakers', 'date', 'start', 'end', 'event', 'abstract']);

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return squish(value);
  if (typeof value === 'number') return String(value);
  return null;
}

function readSpeaker(value: unknown, grammar: SpeakerGrammarOptions): SpeakerMention[] | string {
  if (typeof value === 'string') {
    const parsed = parseSpeakers(value, grammar);
    if (parsed.speakers.length === 0 || parsed.unreadable.length > 0) return `speaker "${value}" is not "Name, Organization"`;
    return parsed.speakers;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const name = text(record.name);
    if (!name) return 'a speaker needs a name';
    return [{ name, organization: text(record.organization), role: text(record.role) }];
  }
  return 'a speaker is "Name, Organization" or { name, organization, role }';
}

function padTime(time: string): string {
  return time.length === 4 ? `0${time}` : time;
}

/**
 * Talks listed in the front matter (`talks:`), for authors who want exactness. Every entry is
 * validated; a bad entry is skipped with a FRONT_MATTER_TALK_INVALID diagnostic at its line, the
 * others are kept. `frontMatter` is the raw YAML between the fences; its first line is file line 2.
 */
export function parseFrontMatterTalks(file: string, frontMatter: string, data: Record<string, unknown>, ctx: FrontMatterTalksContext): FrontMatterTalks {
  if (!('talks' in data)) return { talks: null, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new YAML.LineCounter();
  const document = YAML.parseDocument(frontMatter, { schema: 'core', lineCounter });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line + 1 : 1);
  const talksNode = document.get('talks', true) as YamlNode | undefined;
  const at = (line: number): SourceLocation => ({ file, line });

  if (!Array.isArray(data.talks) || !isSeq(talksNode)) {
    diagnostics.push(diagnose('FRONT_MATTER_TALK_INVALID', at(lineOf(talksNode)), '`talks:` must be a list of talks.'));
    return { talks: [], diagnostics };
  }

  const talks: TalkEntry[] = [];
  data.talks.forEach((raw, index) => {
    const node = talksNode.items[index] as YamlNode | undefined;
    const line = lineOf(node);
    const problems: string[] = [];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !isMap(node)) {
      diagnostics.push(diagnose('FRONT_MATTER_TALK_INVALID', at(line), `Entry ${index + 1} is not a mapping of title, url, speakers, date, start, end.`));
      return;
    }
    const entry = raw as Record<string, unknown>;
    const title = text(entry.title);
    if (!title) problems.push('it has no title');
    const unknown = Object.keys(entry).filter((k) => !KNOWN_FIELDS.has(k));
    if (unknown.length > 0) problems.push(`unknown field(s) ${unknown.join(', ')} (known: ${[...KNOWN_FIELDS].join(', ')})`);

    const date = text(entry.date);
    if (date && !(DATE.test(date) && !Number.isNaN(Date.parse(date)))) problems.push(`date "${date}" is not YYYY-MM-DD`);
    const start = text(entry.start);
    const end = text(entry.end);
    for (const [name, value] of [
      ['start', start],
      ['end', end],
    ] as const)
      if (value && !TIME.test(value)) problems.push(`${name} "${value}" is not HH:MM`);
    if ((start || end) && !date) problems.push('start/end need a date');

    let kind: TalkKind | null = null;
    const kindText = text(entry.kind);
    if (kindText) {
      const normalized = kindText.toUpperCase().replace(/[\s-]+/g, '_');
      if ((TALK_KINDS as readonly string[]).includes(normalized)) kind = normalized as TalkKind;
      else problems.push(`kind "${kindText}" is not one of ${TALK_KINDS.map((k) => k.toLowerCase()).join(', ')}`);
    }

    const speakers: SpeakerMention[] = [];
    const rawSpeakers = entry.speakers === undefined || entry.speakers === null ? [] : Array.isArray(entry.speakers) ? entry.speakers : [entry.speakers];
    for (const s of rawSpeakers) {
      const read = readSpeaker(s, ctx.grammar);
      if (typeof read === 'string') problems.push(read);
      else speakers.push(...read);
    }

    let eventSlug = ctx.postEventSlug;
    const eventText = text(entry.event);
    if (eventText) {
      const event = ctx.events.bySlug(eventText) ?? ctx.events.match(eventText, date ? Number(date.slice(0, 4)) : null);
      if (event) eventSlug = event.slug;
      else problems.push(`event "${eventText}" is not in events.yaml`);
    }

    if (problems.length > 0 || !title) {
      diagnostics.push(diagnose('FRONT_MATTER_TALK_INVALID', at(line), `Talk ${index + 1}${title ? ` "${title}"` : ''} skipped: ${problems.join('; ')}.`));
      return;
    }
    talks.push({
      title,
      url: text(entry.url),
      kind: kind ?? classifyKind(title),
      abstract: typeof entry.abstract === 'string' ? entry.abstract.trim() : '',
      speakers,
      eventSlug,
      date,
      start: start ? padTime(start) : null,
      end: end ? padTime(end) : null,
      zoneAbbreviation: null,
      source: at(line),
    });
  });
  return { talks, diagnostics };
}
