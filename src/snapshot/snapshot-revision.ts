import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readIngestCodeRevision } from '../ingest/read-ingest-code-revision.ts';

let revision: string | null = null;

/**
 * A digest of the code that decides a snapshot's bytes and their meaning: the ingest code (as the
 * graph version counts it: src/domain, src/ingest), the graph layer (whose text index a snapshot
 * stores as built) and this folder (the file format). A server refuses a snapshot made by other
 * code, since it would serve records or indexes its own code does not make.
 */
export function snapshotCodeRevision(): string {
  if (revision === null) {
    const hash = createHash('sha256').update(readIngestCodeRevision());
    for (const folder of ['../graph/', './']) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      try {
        const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((n) => n.endsWith('.ts'))
          .sort();
        for (const name of files) hash.update(`${folder}${name}\0`).update(readFileSync(path.join(dir, name)));
      } catch {
        hash.update(`unreadable ${folder}`);
      }
    }
    revision = hash.digest('hex').slice(0, 16);
  }
  return revision;
}
