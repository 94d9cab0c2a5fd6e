import matter from 'gray-matter';
import { parse as parseToml, TomlError } from 'smol-toml';
import YAML from 'yaml';

/** The front-matter languages read as data. Anything else (`---js`, `---coffee` …) is never parsed. */
export type FrontMatterLanguage = 'yaml' | 'toml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
  /** Number of file lines before the body starts, so body line N is file line N + bodyLineOffset. */
  bodyLineOffset: number;
  hasFrontMatter: boolean;
  /** The YAML between the fences, as written (null without YAML front matter). */
  raw: string | null;
  /** Set when the front matter could not be parsed: message and file line. */
  error: { message: string; line: number } | null;
  /** The language tag of a front matter that was not read because it is not YAML or TOML (`js`, `coffee` …). */
  unsupportedLanguage: string | null;
}

const FENCE_RE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** gray-matter's opening fence: `---` or `+++` not followed by the same character, then a language tag to the end of the line. */
const OPENING_RE = /^(?:(---)(?!-)|(\+\+\+)(?!\+))([^\r\n]*)/;

function countLines(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

function refuse(): never {
  throw new Error('This front-matter language is not read.');
}

/** TOML dates are Date objects; the ingest validates dates as the strings YAML's core schema gives. */
function tomlData(source: string): object {
  const data: Record<string, unknown> = parseToml(source, { unsafeKeyBehaviour: 'drop', maxDepth: 50 });
  for (const [key, value] of Object.entries(data)) if (value instanceof Date) data[key] = value.toISOString();
  return data;
}

/**
 * The only engines gray-matter gets. The language is always given explicitly (the tag after the
 * fence is blanked before gray-matter sees the text), and gray-matter's own code-evaluating engines
 * (`javascript`, `coffee`) and the rest are replaced by one that throws, so no path can run a post.
 */
const ENGINES = {
  yaml: (source: string) => (YAML.parse(source, { schema: 'core' }) ?? {}) as object,
  toml: tomlData,
  /** A front matter in a language that is not read: only its extent matters (the body after it). */
  skipped: () => ({}),
  javascript: refuse,
  js: refuse,
  coffee: refuse,
  coffeescript: refuse,
  cson: refuse,
  json: refuse,
};

interface Opening {
  delimiter: '---' | '+++';
  /** The language tag as written after the fence, trimmed. */
  tag: string;
  /** Where the tag ends: the text with [3, tagEnd) blanked is what gray-matter reads. */
  tagEnd: number;
  language: FrontMatterLanguage | null;
}

function openingOf(text: string): Opening | null {
  const match = OPENING_RE.exec(text);
  if (!match) return null;
  const delimiter = (match[1] ?? match[2]) as '---' | '+++';
  const tag = match[3]!.trim();
  const name = tag.toLowerCase();
  const language = name === '' ? (delimiter === '+++' ? 'toml' : 'yaml') : name === 'yaml' || name === 'yml' ? 'yaml' : name === 'toml' ? 'toml' : null;
  return { delimiter, tag, tagEnd: 3 + match[3]!.length, language };
}

function lineOfError(error: unknown): number {
  if (error instanceof TomlError) return error.line; // the TOML starts on the fence line (gray-matter keeps its line break)
  const yamlLine = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
  return yamlLine !== undefined ? yamlLine + 1 : 1;
}

/**
 * Splits front matter from the body with gray-matter. Front matter is data, never code: only YAML
 * (`---`, `---yaml`) and TOML (`+++`, `---toml`) are parsed; any other language tag leaves the data
 * empty and sets `unsupportedLanguage`, and the body is still read. The YAML engine is `yaml` with
 * the core schema so unquoted dates stay strings (validated later), and passing options disables
 * gray-matter's cache, which would otherwise hand two identical posts one shared `data` object.
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const opening = openingOf(text);
  const fence = opening?.delimiter === '---' && opening.tag === '' ? FENCE_RE.exec(text) : null;
  const tagged = opening !== null && (opening.tag !== '' || opening.delimiter === '+++');
  const hasFrontMatter = fence !== null || tagged;
  const unsupportedLanguage = opening && !opening.language ? opening.tag.slice(0, 40) : null;
  // Same length, so the body gray-matter returns is the same suffix of `text`.
  const input = opening && opening.tag !== '' ? `${text.slice(0, 3)}${' '.repeat(opening.tagEnd - 3)}${text.slice(opening.tagEnd)}` : text;
  try {
    const parsed = matter(input, {
      language: opening?.language ?? (opening ? 'skipped' : 'yaml'),
      delimiters: opening?.delimiter ?? '---',
      engines: ENGINES,
    });
    const data = typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data) ? parsed.data : {};
    const offset = text.length - parsed.content.length;
    return {
      data: data as Record<string, unknown>,
      body: parsed.content,
      bodyLineOffset: countLines(text.slice(0, offset)),
      hasFrontMatter,
      raw: fence ? (fence[1] ?? '') : null,
      error: null,
      unsupportedLanguage,
    };
  } catch (error) {
    // Without the parsed data gray-matter gives no body either: split again without parsing (never throws).
    const skipped = tagged && !fence ? matter(input, { language: 'skipped', delimiters: opening!.delimiter, engines: ENGINES }).content : null;
    const body = fence ? text.slice(fence[0].length) : (skipped ?? text);
    return {
      data: {},
      body,
      bodyLineOffset: fence ? countLines(fence[0]) : skipped !== null ? countLines(text.slice(0, text.length - skipped.length)) : 0,
      hasFrontMatter,
      raw: fence ? (fence[1] ?? '') : null,
      error: {
        message: String((error as Error).message ?? error).split('\n')[0] ?? 'invalid front matter',
        line: lineOfError(error),
      },
      unsupportedLanguage: null,
    };
  }
}
