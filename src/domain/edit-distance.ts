/**
 * True when `a` and `b` are at most one edit apart (Damerau-Levenshtein, optimal string alignment):
 * one insertion, deletion, substitution, or swap of two adjacent letters.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}

/** Levenshtein distance (insertions, deletions, substitutions), for "did you mean" and near-duplicate names. */
export { distance as editDistance } from 'fastest-levenshtein';

/** The candidate nearest to a word by Levenshtein distance (the first of equals). */
export { closest as closestByEditDistance } from 'fastest-levenshtein';
