// Prints the other-blogs accuracy floors as test/accuracy.test.ts records them (FLOORS), from the
// current ingest: `node test/support/print-floors.ts`. Paste its output when the ingest improves.
import { accuracyByProject } from './accuracy-table.ts';
import { ALL_FIELDS, loadAccuracySuite, measurePostAccuracy, spuriousOf } from './measure-accuracy.ts';
import { bundledReference } from '../helpers.ts';

const reference = bundledReference();
const otherBlogs = loadAccuracySuite().cases.filter((c) => c.corpus === 'other-blogs');
const projects = accuracyByProject(
  otherBlogs,
  otherBlogs.map((c) => measurePostAccuracy(c, reference)),
);
for (const p of projects) {
  const key = /^[a-z0-9]+$/.test(p.project) ? p.project : `'${p.project}'`;
  const correct = ALL_FIELDS.map((f) => p.result.correct[f]).join(', ');
  console.log(`  ${key}: { found: ${p.result.matched}, spurious: ${spuriousOf(p.result)}, correct: [${correct}] },`);
}
