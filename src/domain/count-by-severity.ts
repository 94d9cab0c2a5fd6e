import type { Diagnostic, Severity } from './types.ts';

/** How many diagnostics there are of each severity (every severity present, zero included). */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}
