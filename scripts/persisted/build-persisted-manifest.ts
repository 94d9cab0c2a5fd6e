import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { EXAMPLE_QUERIES } from '../../src/server/example-queries.ts';
import { EXAMPLE_BLOCK, exampleFiles } from '../../test/support/readme-blocks.ts';
import codegenConfig from '../../web/codegen.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Where the server reads the manifest (src/, so the container image, which copies src/, has it). */
export const MANIFEST_PATH = path.join(ROOT, 'src', 'server', 'persisted-documents.json');

/** A document's id: `sha256:` and the hex SHA-256 of its exact text, as the client preset of GraphQL Code Generator writes it. */
export function documentIdOf(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * The dashboard's documents by id, as GraphQL Code Generator's client preset computes them from
 * web/src (its `persistedDocuments` option): generated in memory from the sources, so the manifest
 * follows web/src even when web/src/gql was not regenerated.
 */
async function dashboardDocuments(): Promise<Record<string, string>> {
  const outputs = await generate({ ...codegenConfig, cwd: ROOT, silent: true, verbose: false }, false);
  const file = outputs.find((output: { filename: string; content: string }) => output.filename.endsWith('persisted-documents.json'));
  if (!file) throw new Error('web/codegen.ts must set presetConfig.persistedDocuments: the client preset wrote no persisted-documents.json.');
  return JSON.parse(file.content) as Record<string, string>;
}

/**
 * Every document the project's own clients send, by id: the dashboard's (web/src), the example
 * queries of README.md and docs/*.md (`<!-- example -->` blocks) and GraphiQL's example tabs
 * (src/server/example-queries.ts). Ordered by source, then by appearance; a text seen twice is kept once.
 */
export async function buildPersistedManifest(): Promise<Record<string, string>> {
  const manifest: Record<string, string> = { ...(await dashboardDocuments()) };
  const add = (text: string) => {
    manifest[documentIdOf(text)] = text;
  };
  for (const file of exampleFiles()) for (const match of readFileSync(file.path, 'utf8').matchAll(EXAMPLE_BLOCK)) add(match[1]!);
  for (const example of EXAMPLE_QUERIES) add(example.query);
  return manifest;
}

/** The manifest file's text: JSON, two-space indent, final newline. */
export function manifestText(manifest: Record<string, string>): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
