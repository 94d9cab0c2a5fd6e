import { countBySeverity } from '../domain/count-by-severity.ts';
import type { Diagnostic } from '../domain/types.ts';
import type { DerivedIndex, KnowledgeGraph } from './knowledge-graph.ts';
import { findNearDuplicates, type NearDuplicate } from './near-duplicates.ts';

export type { NearDuplicate } from './near-duplicates.ts';

export type IngestCounts = Record<'posts' | 'talks' | 'speakers' | 'organizations' | 'topics' | 'events' | 'diagnostics' | 'errors' | 'warnings', number>;

/**
 * Data-quality summary of a graph. Each part is computed on first use and then kept for as long as
 * the graph (one graph per version): asking for `counts` costs a few list lengths, never the
 * near-duplicate search, which runs once per graph and only when `nearDuplicates` is read.
 */
export interface IngestReport {
  readonly graph: KnowledgeGraph;
  readonly counts: IngestCounts;
  /** Every diagnostic, in file and line order. */
  readonly diagnostics: readonly Diagnostic[];
  /** How many diagnostics each code and each file has, over all of them: most first, ties by name. */
  readonly diagnosticCounts: Readonly<Record<'code' | 'file', readonly DiagnosticCount[]>>;
  readonly nearDuplicates: readonly NearDuplicate[];
}

/** One group of diagnostics (a code or a file) and its size. */
export interface DiagnosticCount {
  readonly value: string;
  readonly count: number;
}

function countDiagnosticsBy(diagnostics: readonly Diagnostic[], key: 'code' | 'file'): DiagnosticCount[] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d[key], (counts.get(d[key]) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** How often each costly part was computed (tests read it to prove a part was not). */
export const ingestReportRuns = { nearDuplicates: 0, sortedDiagnostics: 0 };

class LazyIngestReport implements IngestReport {
  private countsMemo: IngestCounts | null = null;
  private diagnosticsMemo: readonly Diagnostic[] | null = null;
  private nearDuplicatesMemo: readonly NearDuplicate[] | null = null;
  private diagnosticCountsMemo: IngestReport['diagnosticCounts'] | null = null;

  readonly graph: KnowledgeGraph;

  constructor(graph: KnowledgeGraph) {
    this.graph = graph;
  }

  get counts(): IngestCounts {
    if (this.countsMemo) return this.countsMemo;
    const { graph } = this;
    const diagnostics = graph.data.diagnostics;
    const severities = countBySeverity(diagnostics);
    return (this.countsMemo = {
      posts: graph.allPosts().length,
      talks: graph.allTalks().length,
      speakers: graph.allSpeakers().length,
      organizations: graph.allOrganizations().length,
      topics: graph.allTopics().length,
      events: graph.allEvents().length,
      diagnostics: diagnostics.length,
      errors: severities.error,
      warnings: severities.warning,
    });
  }

  get diagnostics(): readonly Diagnostic[] {
    if (this.diagnosticsMemo) return this.diagnosticsMemo;
    ingestReportRuns.sortedDiagnostics++;
    return (this.diagnosticsMemo = [...this.graph.data.diagnostics].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line));
  }

  get diagnosticCounts(): IngestReport['diagnosticCounts'] {
    const diagnostics = this.graph.data.diagnostics;
    return (this.diagnosticCountsMemo ??= { code: countDiagnosticsBy(diagnostics, 'code'), file: countDiagnosticsBy(diagnostics, 'file') });
  }

  get nearDuplicates(): readonly NearDuplicate[] {
    if (this.nearDuplicatesMemo) return this.nearDuplicatesMemo;
    ingestReportRuns.nearDuplicates++;
    const { graph } = this;
    return (this.nearDuplicatesMemo = [
      ...findNearDuplicates('speaker', graph.allSpeakers()),
      ...findNearDuplicates('organization', graph.allOrganizations()),
      ...findNearDuplicates(
        'talk',
        graph.allTalks().map((t) => ({ id: t.id, name: t.title })),
      ),
    ]);
  }
}

const INGEST_REPORT: DerivedIndex<IngestReport> = { build: (graph) => new LazyIngestReport(graph) };

/** The data-quality report of a graph: one per graph, its parts computed lazily (see IngestReport). */
export function ingestReport(graph: KnowledgeGraph): IngestReport {
  return graph.derived(INGEST_REPORT);
}
