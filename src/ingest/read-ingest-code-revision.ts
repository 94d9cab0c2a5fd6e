import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let codeRevision: string | null = null;

/**
 * A digest of the code that turns files into records (src/domain, src/ingest), read from the
 * project's own sources once. The graph version hashes it with the inputs, so a release that reads
 * the same files differently gets a new version.
 */
export function readIngestCodeRevision(): string {
  if (codeRevision === null) {
    const hash = createHash('sha1');
    for (const folder of ['../domain/', './']) {
      const dir = fileURLToPath(new URL(folder, import.meta.url));
      try {
        for (const name of readdirSync(dir)
          .filter((n) => n.endsWith('.ts'))
          .sort())
          hash.update(name).update(readFileSync(path.join(dir, name)));
      } catch {
        hash.update(`unreadable ${folder}`); // sources not shipped: the inputs alone decide
      }
    }
    codeRevision = hash.digest('hex');
  }
  return codeRevision;
}
