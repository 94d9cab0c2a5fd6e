import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { countBySeverity } from './domain/count-by-severity.ts';
import { BUNDLED_DATA_DIR } from './ingest/read-data-dir.ts';
import { loadGraph } from './load-graph.ts';
import { writeSnapshot } from './snapshot/snapshot-io.ts';

const USAGE = `usage: npm run snapshot -- [--data DIR] --out FILE
  --data DIR  the folder to ingest, laid out like data/ (default: the bundled data/)
  --out FILE  where to write the snapshot (written beside it, then renamed into place)
serve it with: npm start -- --snapshot FILE
exit status: 0 written, 1 failed, 2 bad usage`;

function usageError(message: string): never {
  console.error(`snapshot: ${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  let values: { data?: string; out?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) usageError('--out FILE is required.');
  const dataDir = values.data ?? BUNDLED_DATA_DIR;
  if (!(await stat(dataDir).catch(() => null))) usageError(`${dataDir}: no such file or folder.`);

  const started = performance.now();
  const { graph, diagnostics, postCount } = await loadGraph([dataDir]);
  const { bytes } = await writeSnapshot(values.out, graph);
  const counts = countBySeverity(diagnostics);
  console.error(
    `snapshot: ${values.out}: ${postCount} posts, ${graph.allTalks().length} talks, ${counts.error} errors, ${counts.warning} warnings; ` +
      `graph version ${graph.version}, ${(bytes / 2 ** 20).toFixed(1)} MiB (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return 0;
}

process.exitCode = await main();
