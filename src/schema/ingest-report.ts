import type { Diagnostic } from '../domain/types.ts';
import { ingestReport, type DiagnosticCount, type IngestReport, type NearDuplicate } from '../graph/ingest-report.ts';
import { builder } from './builder.ts';
import { DiagnosticRef, SeverityEnum } from './diagnostic.ts';
import { namedConnection } from './list-connection.ts';
import { paginate } from './paginate.ts';

const positions = new WeakMap<readonly Diagnostic[], Map<Diagnostic, string>>();

/** A diagnostic's cursor key: its place in the report's whole sorted list (stable while the graph is served). */
function positionKeyOf(all: readonly Diagnostic[]): (d: Diagnostic) => string {
  let byItem = positions.get(all);
  if (!byItem) positions.set(all, (byItem = new Map(all.map((d, i) => [d, String(i)]))));
  const map = byItem;
  return (d) => map.get(d)!;
}

const firstOf = <T>(items: readonly T[], first: number | null | undefined): readonly T[] =>
  first === null || first === undefined ? items : items.slice(0, Math.max(0, first));

const DiagnosticConnectionRef = namedConnection(DiagnosticRef, 'DiagnosticConnection', 'diagnostics');

const NearDuplicateKindEnum = builder.enumType('NearDuplicateKind', {
  description: 'What kind of names a near-duplicate pair compares.',
  values: {
    SPEAKER: { value: 'speaker', description: 'Speaker names.' },
    ORGANIZATION: { value: 'organization', description: 'Organization names.' },
    TALK: { value: 'talk', description: 'Talk titles.' },
  } as const,
});

const NearDuplicateRef = builder.objectRef<NearDuplicate>('NearDuplicate').implement({
  description: 'Two names that were not merged but differ by at most two edits: for a person to confirm.',
  fields: (t) => ({
    kind: t.field({ type: NearDuplicateKindEnum, description: 'Speakers, organizations or talks.', resolve: (n) => n.kind }),
    ids: t.exposeStringList('ids', { description: 'Slugs of the two objects.' }),
    names: t.exposeStringList('names', { description: 'The two names as the graph has them.' }),
    distance: t.exposeInt('distance', { description: 'Edit distance between the names, accents and case ignored.' }),
  }),
});

const DiagnosticCountRef = builder.objectRef<DiagnosticCount>('DiagnosticCount').implement({
  description: 'A group of diagnostics (one code or one file) and how many it holds.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The code (e.g. WEEKDAY_MISMATCH) or the file (relative to the data folder).' }),
    count: t.exposeInt('count', { description: 'Number of diagnostics in the group, over every diagnostic (not a page).' }),
  }),
});

const CountsRef = builder.objectRef<IngestReport['counts']>('IngestCounts').implement({
  description: 'How much the ingest read.',
  fields: (t) => ({
    posts: t.exposeInt('posts', { description: 'Posts read.' }),
    talks: t.exposeInt('talks', { description: 'Talks (after merging duplicates).' }),
    speakers: t.exposeInt('speakers', { description: 'Speakers (after merging spellings).' }),
    organizations: t.exposeInt('organizations', { description: 'Organizations (after resolving aliases).' }),
    topics: t.exposeInt('topics', { description: 'Topics in the taxonomy.' }),
    events: t.exposeInt('events', { description: 'Events with talks or posts.' }),
    diagnostics: t.exposeInt('diagnostics', { description: 'Diagnostics of every severity.' }),
    errors: t.exposeInt('errors', { description: 'Error-level diagnostics.' }),
    warnings: t.exposeInt('warnings', { description: 'Warning-level diagnostics.' }),
  }),
});

const IngestReportRef = builder.objectRef<IngestReport>('IngestReport').implement({
  description: 'Data quality of the graph being served: counts, diagnostics and near-duplicates to review.',
  fields: (t) => ({
    graphVersion: t.string({
      description:
        'Hash of what the graph was built from (post files, reference data, the ingest code) and of its diagnostics; changes when any of them changes.',
      resolve: (_r, _a, ctx) => ctx.graph.version,
    }),
    counts: t.field({ type: CountsRef, description: 'How much was read.', resolve: (r) => r.counts }),
    diagnostics: t.connection(
      {
        type: DiagnosticRef,
        description:
          'Diagnostics, optionally only of some severities or codes, in file and line order; a page at a time (first/after, at most 500 a page, 50 by default).',
        args: {
          severity: t.arg({ type: [SeverityEnum], required: false, description: 'Keep these severities.' }),
          code: t.arg.stringList({ required: false, description: 'Keep these codes.' }),
        },
        resolve: (r, args) => {
          const all = r.diagnostics;
          const kept =
            args.severity || args.code
              ? all.filter((d) => (!args.severity || args.severity.includes(d.severity)) && (!args.code || args.code.includes(d.code)))
              : all;
          return { ...paginate(kept, args, positionKeyOf(all)), totalCount: kept.length };
        },
      },
      DiagnosticConnectionRef,
    ),
    diagnosticsByCode: t.field({
      type: [DiagnosticCountRef],
      description: 'How many diagnostics each code has, over all of them: most first, ties by code.',
      args: { first: t.arg.int({ required: false, description: 'Keep only the first N groups (e.g. the top 10).' }) },
      resolve: (r, args) => firstOf(r.diagnosticCounts.code, args.first),
    }),
    diagnosticsByFile: t.field({
      type: [DiagnosticCountRef],
      description: 'How many diagnostics each post file has, over all of them: most first, ties by file.',
      args: { first: t.arg.int({ required: false, description: 'Keep only the first N groups (e.g. the top 10).' }) },
      resolve: (r, args) => firstOf(r.diagnosticCounts.file, args.first),
    }),
    nearDuplicates: t.field({ type: [NearDuplicateRef], description: 'Unmerged names within two edits of each other.', resolve: (r) => r.nearDuplicates }),
  }),
});

builder.queryField('ingestReport', (t) =>
  t.field({
    type: IngestReportRef,
    description: 'Data-quality report of the graph being served, for a dashboard of the ingest.',
    resolve: (_root, _args, ctx) => ingestReport(ctx.graph),
  }),
);
