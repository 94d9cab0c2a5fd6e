import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { countBySeverity } from './domain/count-by-severity.ts';
import { formatTalkTable } from './format-talk-table.ts';
import { exportGraphJson } from './graph/export-json.ts';
import { formatDiagnostic } from './ingest/diagnostic-catalogue.ts';
import { loadGraph } from './load-graph.ts';

const USAGE = `usage: npm run ingest -- [--json] [--strict] PATH...
  PATH      post files (*.md, *.mdx) or folders (searched recursively; a folder's own
            topics/events/organizations/speakers.yaml are used, else the bundled ones)
            Prints a table of the talks read (title, speakers, date, time, event) on
            stdout, then the diagnostics and a summary on stderr.
  --json    print the whole graph as JSON on stdout instead of the table
  --strict  exit 1 when any diagnostic is an error
exit status: 0 ok, 1 errors with --strict, 2 bad usage`;

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{ options: { json: { type: 'boolean' }; strict: { type: 'boolean' }; help: { type: 'boolean'; short: 'h' } }; allowPositionals: true }>
  >;
  try {
    parsed = parseArgs({ options: { json: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    usageError((error as Error).message);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const paths = parsed.positionals;
  if (paths.length === 0) usageError('ingest: no PATH given.');
  for (const p of paths) {
    if (!(await stat(p).catch(() => null))) usageError(`ingest: ${p}: no such file or folder.`);
  }

  const started = performance.now();
  const { graph, diagnostics, postCount } = await loadGraph(paths);
  const elapsed = performance.now() - started;
  if (!parsed.values.json) {
    const rows = graph.allTalks().map((t) => ({
      title: t.title,
      speakers: t.appearances.map((a) => graph.speaker(a.speakerId)?.name ?? a.nameAsWritten),
      date: t.date,
      start: t.start,
      end: t.end,
      event: t.eventId,
      file: t.sources[0]!.file,
      line: t.sources[0]!.line,
    }));
    process.stdout.write(formatTalkTable(rows, process.stdout.isTTY ? process.stdout.columns : 80));
  }
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const counts = countBySeverity(diagnostics);
  console.error(
    `ingest: ${postCount} posts, ${graph.allTalks().length} talks, ${graph.allSpeakers().length} speakers, ${graph.allOrganizations().length} organizations, ` +
      `${graph.allEvents().length} events; ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes (${elapsed.toFixed(0)} ms)`,
  );
  if (parsed.values.json) process.stdout.write(`${JSON.stringify(exportGraphJson(graph), null, 2)}\n`);
  return parsed.values.strict && counts.error > 0 ? 1 : 0;
}

process.exitCode = await main();
