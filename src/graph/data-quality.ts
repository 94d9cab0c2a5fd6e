import { editDistance } from '../domain/edit-distance.ts';
import { countBySeverity } from '../domain/count-by-severity.ts';
import { foldKey } from '../domain/text.ts';
import type { Diagnostic } from '../domain/types.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';

export interface NearDuplicate {
  kind: 'speaker' | 'organization' | 'talk';
  ids: [string, string];
  names: [string, string];
  /** Edit distance between the folded names. */
  distance: number;
}

export interface IngestReport {
  counts: Record<'posts' | 'talks' | 'speakers' | 'organizations' | 'topics' | 'events' | 'diagnostics' | 'errors' | 'warnings', number>;
  diagnostics: readonly Diagnostic[];
  nearDuplicates: NearDuplicate[];
}

const MAX_DISTANCE = 2;
const cache = new WeakMap<KnowledgeGraph, IngestReport>();

/**
 * Pairs of names that were not merged but differ by at most two edits ("Jakub Sitnicki" /
 * "Jakub Sinicki"): for a person to confirm and, if they are one, add to speakers.yaml or
 * organizations.yaml. Names are compared only within blocks of similar length, so the cost stays
 * near-linear in practice.
 */
function findNearDuplicates(kind: NearDuplicate['kind'], items: ReadonlyArray<{ id: string; name: string }>): NearDuplicate[] {
  const folded = items.map((item) => ({ ...item, key: foldKey(item.name) })).filter((i) => i.key.length >= 4);
  folded.sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key));
  const pairs: NearDuplicate[] = [];
  for (let i = 0; i < folded.length; i++) {
    const a = folded[i]!;
    for (let j = i + 1; j < folded.length && folded[j]!.key.length - a.key.length <= MAX_DISTANCE; j++) {
      const b = folded[j]!;
      if (a.key === b.key) continue;
      const d = editDistance(a.key, b.key);
      if (d <= MAX_DISTANCE && d < Math.min(a.key.length, b.key.length) / 3) pairs.push({ kind, ids: [a.id, b.id], names: [a.name, b.name], distance: d });
    }
  }
  return pairs.sort((x, y) => x.distance - y.distance || x.names[0].localeCompare(y.names[0]));
}

/** Data-quality summary of a graph: counts, every diagnostic, and unmerged near-duplicates. Computed once per graph. */
export function ingestReport(graph: KnowledgeGraph): IngestReport {
  const cached = cache.get(graph);
  if (cached) return cached;
  const diagnostics = graph.data.diagnostics;
  const severities = countBySeverity(diagnostics);
  const report: IngestReport = {
    counts: {
      posts: graph.allPosts().length,
      talks: graph.allTalks().length,
      speakers: graph.allSpeakers().length,
      organizations: graph.allOrganizations().length,
      topics: graph.allTopics().length,
      events: graph.allEvents().length,
      diagnostics: diagnostics.length,
      errors: severities.error,
      warnings: severities.warning,
    },
    diagnostics,
    nearDuplicates: [
      ...findNearDuplicates('speaker', graph.allSpeakers()),
      ...findNearDuplicates('organization', graph.allOrganizations()),
      ...findNearDuplicates('talk', graph.allTalks().map((t) => ({ id: t.id, name: t.title }))),
    ],
  };
  cache.set(graph, report);
  return report;
}
