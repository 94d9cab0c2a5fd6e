import { readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './corpus.ts';

/** An example in the README: a marker, a ```graphql block, then a ```json block with its answer. */
export const EXAMPLE_BLOCK = /<!-- example -->\n```graphql\n([\s\S]*?)\n```\n\n```json\n([\s\S]*?)\n```/g;

export async function renderExamples(markdown: string, run: (query: string) => Promise<unknown>): Promise<string> {
  let out = '';
  let last = 0;
  for (const match of markdown.matchAll(EXAMPLE_BLOCK)) {
    const query = match[1]!;
    const answer = formatJson(await run(query));
    out += `${markdown.slice(last, match.index)}<!-- example -->\n\`\`\`graphql\n${query}\n\`\`\`\n\n\`\`\`json\n${answer}\n\`\`\``;
    last = match.index! + match[0].length;
  }
  return out + markdown.slice(last);
}

/** JSON with small objects and arrays kept on one line, so answers stay readable in the README. */
export function formatJson(value: unknown, indent = ''): string {
  const inline = JSON.stringify(value);
  if (inline === undefined || inline.length + indent.length <= 100 || value === null || typeof value !== 'object') return inline ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/** The files whose examples are checked: README.md and every docs/*.md. */
export function exampleFiles(): Array<{ name: string; path: string }> {
  const docs = readdirSync(path.join(REPO_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)].map((name) => ({ name, path: path.join(REPO_ROOT, name) }));
}
