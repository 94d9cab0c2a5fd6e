import matter from 'gray-matter';
import YAML from 'yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
  /** Number of file lines before the body starts, so body line N is file line N + bodyLineOffset. */
  bodyLineOffset: number;
  hasFrontMatter: boolean;
  /** The YAML between the fences, as written (null without front matter). */
  raw: string | null;
  /** Set when the YAML could not be parsed: message and file line. */
  error: { message: string; line: number } | null;
}

const FENCE_RE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function countLines(text: string): number {
  let lines = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines++;
  return lines;
}

/**
 * Splits front matter from the body with gray-matter. The YAML engine is `yaml` with the core
 * schema so unquoted dates stay strings (validated later), and passing options disables
 * gray-matter's cache, which would otherwise hand two identical posts one shared `data` object.
 */
export function readFrontMatter(text: string): FrontMatterResult {
  const fence = FENCE_RE.exec(text);
  try {
    const parsed = matter(text, {
      engines: { yaml: (source: string) => (YAML.parse(source, { schema: 'core' }) ?? {}) as object },
    });
    const data = typeof parsed.data === 'object' && parsed.data !== null && !Array.isArray(parsed.data) ? parsed.data : {};
    const offset = text.length - parsed.content.length;
    return {
      data: data as Record<string, unknown>,
      body: parsed.content,
      bodyLineOffset: countLines(text.slice(0, offset)),
      hasFrontMatter: fence !== null,
      raw: fence ? (fence[1] ?? '') : null,
      error: null,
    };
  } catch (error) {
    const body = fence ? text.slice(fence[0].length) : text;
    const yamlLine = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return {
      data: {},
      body,
      bodyLineOffset: fence ? countLines(fence[0]) : 0,
      hasFrontMatter: fence !== null,
      raw: fence ? (fence[1] ?? '') : null,
      error: {
        message: String((error as Error).message ?? error).split('\n')[0] ?? 'invalid YAML',
        line: yamlLine !== undefined ? yamlLine + 1 : 1,
      },
    };
  }
}
