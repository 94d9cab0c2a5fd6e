import YAML from 'yaml';
import type { Diagnostic, EventDefinition, OrganizationDefinition, ReferenceData, SpeakerDefinition, TopicDefinition } from '../domain/types.ts';
import { slugify } from '../domain/text.ts';
import { diagnose } from './diagnostic-catalogue.ts';

export type ReferenceKind = keyof ReferenceData;

type Raw = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter((s): s is string => s !== null) : []);

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const readers = {
  topics(raw: Raw): TopicDefinition | string {
    const name = str(raw.name);
    if (!name) return 'a topic needs a name';
    return {
      slug: str(raw.slug) ?? slugify(name),
      name,
      description: str(raw.description),
      keywords: [name, ...strList(raw.keywords)],
      parent: str(raw.parent),
    };
  },
  events(raw: Raw): EventDefinition | string {
    const name = str(raw.name);
    if (!name) return 'an event needs a name';
    const timezone = str(raw.timezone);
    if (timezone && !isValidTimeZone(timezone)) return `event "${name}": "${timezone}" is not an IANA time zone`;
    return {
      slug: str(raw.slug) ?? slugify(name),
      name,
      city: str(raw.city),
      country: str(raw.country),
      timezone,
      startDate: str(raw.startDate),
      endDate: str(raw.endDate) ?? str(raw.startDate),
      aliases: strList(raw.aliases),
      parent: str(raw.parent),
      url: str(raw.url),
    };
  },
  organizations(raw: Raw): OrganizationDefinition | string {
    const name = str(raw.name);
    if (!name) return 'an organization needs a name';
    return { slug: str(raw.slug) ?? slugify(name), name, aliases: strList(raw.aliases), url: str(raw.url) };
  },
  speakers(raw: Raw): SpeakerDefinition | string {
    const name = str(raw.name);
    if (!name) return 'a speaker needs a name';
    return { slug: str(raw.slug) ?? slugify(name), name, aliases: strList(raw.aliases) };
  },
} satisfies { [K in ReferenceKind]: (raw: Raw) => ReferenceData[K][number] | string };

/**
 * Parses one reference-data file (a YAML list). Bad entries are skipped with a diagnostic;
 * a file that is not a YAML list yields `null` items so the caller can fall back to the bundled copy.
 */
export function parseReferenceData<K extends ReferenceKind>(
  kind: K,
  file: string,
  text: string,
): { items: ReferenceData[K] | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let doc: unknown;
  try {
    doc = YAML.parse(text, { schema: 'core' });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    diagnostics.push(diagnose('REFERENCE_DATA_INVALID', { file, line }, String((error as Error).message).split('\n')[0]));
    return { items: null, diagnostics };
  }
  if (doc === null || doc === undefined) return { items: [] as unknown as ReferenceData[K], diagnostics };
  if (!Array.isArray(doc)) {
    diagnostics.push(diagnose('REFERENCE_DATA_INVALID', { file, line: 1 }, 'Expected a YAML list of entries.'));
    return { items: null, diagnostics };
  }
  const items: unknown[] = [];
  doc.forEach((entry, index) => {
    const read = typeof entry === 'object' && entry !== null ? readers[kind](entry as Raw) : `entry ${index + 1} is not a mapping`;
    if (typeof read === 'string') diagnostics.push(diagnose('REFERENCE_DATA_INVALID', { file, line: 1 }, `Entry ${index + 1}: ${read}.`));
    else items.push(read);
  });
  return { items: items as ReferenceData[K], diagnostics };
}
