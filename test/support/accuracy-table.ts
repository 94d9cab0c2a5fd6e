// The accuracy summary per project: one row per project (the first corpus is "cilium"; other-blogs
// posts by the part of their name before `__`), a total per corpus and a total of everything.
import type { AccuracyCase } from './accuracy-cases.ts';
import { ALL_FIELDS, fieldAccuracyOf, percent, recallOf, spuriousOf, totalAccuracy, type PostAccuracy } from './measure-accuracy.ts';

export interface ProjectAccuracy {
  project: string;
  corpus: string;
  posts: number;
  result: PostAccuracy;
}

/** Sums the per-post results by project, in the order the cases come (corpus, then project name). */
export function accuracyByProject(cases: readonly AccuracyCase[], results: readonly PostAccuracy[]): ProjectAccuracy[] {
  const groups = new Map<string, { corpus: string; results: PostAccuracy[] }>();
  cases.forEach((c, i) => {
    const group = groups.get(c.project) ?? { corpus: c.corpus, results: [] };
    group.results.push(results[i]!);
    groups.set(c.project, group);
  });
  return [...groups.entries()]
    .map(([project, g]) => ({ project, corpus: g.corpus, posts: g.results.length, result: totalAccuracy(g.results, project) }))
    .sort((a, b) =>
      a.corpus === b.corpus
        ? a.project.localeCompare(b.project)
        : cases.findIndex((c) => c.corpus === a.corpus) - cases.findIndex((c) => c.corpus === b.corpus),
    );
}

const title = (field: string) => field[0]!.toUpperCase() + field.slice(1);

/**
 * A Markdown table: posts, talks expected, found, recall (matched / expected), spurious talks (found
 * but not expected) and, over the matched talks, the share whose field is right; event and timezone
 * over the matched talks whose expectation gives them.
 */
export function formatProjectTable(projects: readonly ProjectAccuracy[]): string {
  const header = ['Project', 'Posts', 'Expected', 'Found', 'Recall', 'Spurious', ...ALL_FIELDS.map(title)];
  const row = (label: string, posts: number, r: PostAccuracy, bold = false) => {
    const cells = [
      label,
      String(posts),
      String(r.expected),
      String(r.matched),
      r.expected === 0 ? '—' : percent(recallOf(r)),
      String(spuriousOf(r)),
      ...ALL_FIELDS.map((f) => (r.scored[f] === 0 ? '—' : percent(fieldAccuracyOf(r, f)))),
    ];
    return bold ? cells.map((c) => `**${c}**`) : cells;
  };
  const rows: string[][] = [header, header.map((_, i) => (i === 0 ? '---' : '---:'))];
  const corpora = [...new Set(projects.map((p) => p.corpus))];
  for (const corpus of corpora) {
    const inCorpus = projects.filter((p) => p.corpus === corpus);
    rows.push(...inCorpus.map((p) => row(p.project, p.posts, p.result)));
    if (inCorpus.length > 1) rows.push(row(`${corpus} total`, sum(inCorpus), totalAccuracy(inCorpus.map((p) => p.result)), true));
  }
  if (corpora.length > 1) rows.push(row('all corpora', sum(projects), totalAccuracy(projects.map((p) => p.result)), true));
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function sum(projects: readonly ProjectAccuracy[]): number {
  return projects.reduce((n, p) => n + p.posts, 0);
}
