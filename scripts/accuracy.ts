// `npm run accuracy [-- --verbose]`: ingests every post named by test/expectations/*.yaml on its own
// (bundled reference data) and prints per-post and total precision, recall and field accuracy.
// The seed post is read from data/posts, every other post in place from ../shared/corpus.
import { readReferenceData } from '../src/ingest/read-data-dir.ts';
import { requireCorpus } from '../test/support/corpus.ts';
import { formatAccuracyTable, loadAccuracyCases, measurePostAccuracy, totalAccuracy } from '../test/support/measure-accuracy.ts';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
requireCorpus('npm run accuracy');
const reference = await readReferenceData([], []);
const results = loadAccuracyCases().map((c) => measurePostAccuracy(c, reference));

console.log(formatAccuracyTable(results));

const total = totalAccuracy(results);
const problems = total.missing.length + total.extra.length + total.mismatches.length;
if (verbose || problems > 0) {
  for (const r of results) {
    const lines = [
      ...r.missing.map((t) => `  missing: ${t}`),
      ...r.extra.map((t) => `  extra:   ${t}`),
      ...r.mismatches.map((m) => `  ${m.field} of "${m.title}": expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`),
    ];
    if (lines.length > 0) console.log(`\n${r.name}\n${lines.join('\n')}`);
  }
}
