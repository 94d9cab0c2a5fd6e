// Writes src/server/persisted-documents.json, the manifest of persisted (trusted) documents: every
// document the dashboard, the README/docs examples and GraphiQL's example tabs send, by SHA-256 id.
// `npm run persisted` after changing any of them; `npm run persisted -- --check` exits 1 when the
// committed manifest is stale (test/persisted-documents.test.ts fails then too).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildPersistedManifest, MANIFEST_PATH, manifestText } from './persisted/build-persisted-manifest.ts';

const text = manifestText(await buildPersistedManifest());
const before = existsSync(MANIFEST_PATH) ? readFileSync(MANIFEST_PATH, 'utf8') : null;
const name = path.relative(process.cwd(), MANIFEST_PATH);
const count = Object.keys(JSON.parse(text)).length;
if (process.argv.includes('--check')) {
  console.error(`${name}: ${before === text ? 'current' : 'STALE: run `npm run persisted`'} (${count} documents)`);
  process.exit(before === text ? 0 : 1);
}
if (before !== text) writeFileSync(MANIFEST_PATH, text);
console.error(`${name}: ${count} documents, ${before === text ? 'already current' : 'written'}`);
