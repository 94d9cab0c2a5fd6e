// `npm run accuracy [-- --posts] [-- --verbose]`: ingests every post named by the expectation files
// (test/expectations/*.yaml and test/expectations/other-blogs/*.yaml) on its own, with the bundled
// reference data, reading the posts in place in ../shared/corpus (the seed in data/posts), and prints a
// table per project: recall, spurious talks and field accuracy. --posts adds a row per post,
// --verbose every missing, extra and wrong talk.
import { readReferenceData } from '../src/ingest/read-data-dir.ts';
import { accuracyByProject, formatProjectTable } from '../test/support/accuracy-table.ts';
import { describeSkipped, formatAccuracyTable, loadAccuracySuite, measurePostAccuracy, totalAccuracy } from '../test/support/measure-accuracy.ts';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const perPost = process.argv.includes('--posts');
const reference = await readReferenceData([], []);
const { cases, skipped } = loadAccuracySuite();
for (const s of skipped) console.log(describeSkipped(s));
if (skipped.length > 0 && process.env.CI === 'true') {
  console.error('accuracy: a corpus is missing and CI=true');
  process.exitCode = 1;
}
const results = cases.map((c) => measurePostAccuracy(c, reference));

console.log(formatProjectTable(accuracyByProject(cases, results)));
if (perPost) {
  for (const corpus of [...new Set(cases.map((c) => c.corpus))]) {
    console.log(`\n${corpus}\n`);
    console.log(formatAccuracyTable(results.filter((_, i) => cases[i]!.corpus === corpus)));
  }
}

const total = totalAccuracy(results);
const problems = total.missing.length + total.extra.length + total.mismatches.length;
if (verbose) {
  for (const r of results) {
    const lines = [
      ...r.missing.map((t) => `  missing: ${t}`),
      ...r.extra.map((t) => `  extra:   ${t}`),
      ...r.mismatches.map((m) => `  ${m.field} of "${m.title}": expected ${JSON.stringify(m.expected)}, found ${JSON.stringify(m.found)}`),
    ];
    if (lines.length > 0) console.log(`\n${r.name}\n${lines.join('\n')}`);
  }
} else if (problems > 0) {
  console.log(
    `\n${total.missing.length} missing, ${total.extra.length} extra, ${total.mismatches.length} wrong fields: --posts for a row per post, --verbose for each.`,
  );
}
