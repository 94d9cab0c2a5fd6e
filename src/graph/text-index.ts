import { foldKey } from '../domain/text.ts';
import { BoundedMemo } from './bounded-memo.ts';
import { withinOneEdit } from '../domain/edit-distance.ts';

/**
 * A compact full-text index: BM25+ ranking per field with field boosts, prefix matching, one typo
 * forgiven in words of five letters or more, and AND across query words.
 *
 * Why not MiniSearch (used before): its Map-per-term postings took many times the memory of the same
 * postings as typed arrays, and longer to build (measured in docs/performance.md).
 * Postings are stored per field as compressed sparse rows: for term t, documents
 * `docs[start[t] .. start[t+1])` in ascending order with their term counts in `counts`.
 */

/** Words are split at whitespace and punctuation, then folded (case, accents): "Kapuścińska" → "kapuscinska". */
const SEPARATOR = /[\n\r\p{Z}\p{P}]/u;
const PLAIN_WORD = /^[a-z0-9]+$/;

/** Separators among ASCII characters (what SEPARATOR matches there), as a lookup table: the hot path at scale. */
const ASCII_SEPARATOR = Uint8Array.from({ length: 128 }, (_, code) => (SEPARATOR.test(String.fromCharCode(code)) ? 1 : 0));

export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  const lower = text.toLowerCase();
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    if (i < lower.length) {
      const code = lower.charCodeAt(i);
      if (code < 128 ? ASCII_SEPARATOR[code] === 0 : !SEPARATOR.test(lower[i]!)) continue;
    }
    if (i > start) {
      const word = lower.slice(start, i);
      const term = PLAIN_WORD.test(word) ? word : foldKey(word);
      if (term) terms.push(term);
    }
    start = i + 1;
  }
  return terms;
}

/** One typo forgiven in words of five letters or more; shorter words must match exactly or as a prefix. */
function allowsTypo(term: string): boolean {
  return term.length >= 5;
}

// BM25+ constants (the usual ones; MiniSearch's defaults too).
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
const PREFIX_WEIGHT = 0.375;
const TYPO_WEIGHT = 0.45;

export interface FieldPostings {
  boost: number;
  start: Int32Array;
  docs: Int32Array;
  counts: Uint8Array;
  lengths: Uint16Array;
  averageLength: number;
}

/** (term id, packed document) pairs in fixed-size chunks: no per-term arrays, no copying as it grows. */
class PairBuffer {
  private static readonly CHUNK = 1 << 20;
  private readonly chunks: Int32Array[] = [];
  private used = PairBuffer.CHUNK;
  length = 0;

  push(a: number, b: number): void {
    if (this.used === PairBuffer.CHUNK) {
      this.chunks.push(new Int32Array(PairBuffer.CHUNK));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[this.used++] = a;
    chunk[this.used++] = b;
    this.length++;
  }

  forEach(visit: (a: number, b: number) => void): void {
    let left = this.length;
    for (const chunk of this.chunks) {
      for (let i = 0; i < chunk.length && left > 0; i += 2, left--) visit(chunk[i]!, chunk[i + 1]!);
    }
  }
}

export interface TextHit {
  /** Position of the document in the list the index was built from. */
  position: number;
  score: number;
}

export interface TextIndexOptions<T> {
  /** Field names with their boosts. */
  fields: Readonly<Record<string, number>>;
  /** The text of one field of a document. */
  extract: (doc: T, field: string) => string;
}

/** Everything a built index holds (typed arrays and the term list): what a graph snapshot stores instead of rebuilding. */
export interface TextIndexState {
  terms: string[];
  sortedTermIds: Int32Array;
  fields: FieldPostings[];
  documentCount: number;
}

export class TextIndex<T> {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Term ids sorted by term, for prefix lookup. */
  private readonly sortedTermIds: Int32Array;
  /** Term ids by term length, for the typo scan (only lengths within one of the word's are compared). */
  private readonly termIdsByLength: number[][] = [];
  /** Expansions of recent query words (the index never changes, so they cannot go stale). */
  private readonly expansionMemo = new BoundedMemo<string, Map<number, number>>(200_000, (expansions) => expansions.size);
  private readonly fields: FieldPostings[] = [];
  private readonly documentCount: number;

  /**
   * Documents are numbered by their position in `docs` (at most 2^23 of them: a position shares an int32 with a count while building).
   * With `state` (from `toState()` of an index built from the same documents and fields), nothing is re-indexed.
   */
  constructor(docs: readonly T[], options: TextIndexOptions<T>, state?: TextIndexState) {
    if (docs.length >= 1 << 23) throw new RangeError(`TextIndex holds at most ${(1 << 23) - 1} documents`);
    this.documentCount = docs.length;
    if (state) {
      const boosts = Object.values(options.fields);
      if (state.documentCount !== docs.length || state.fields.length !== boosts.length || state.fields.some((f, i) => f.boost !== boosts[i])) {
        throw new Error('TextIndex state does not match these documents and fields');
      }
      this.fields.push(...state.fields);
      for (const term of state.terms) this.termId(term);
      this.sortedTermIds = state.sortedTermIds;
    } else {
      for (const [field, boost] of Object.entries(options.fields)) this.fields.push(this.indexField(docs, (doc) => options.extract(doc, field), boost));
      this.sortedTermIds = Int32Array.from(this.terms.keys()).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    }
    this.terms.forEach((term, id) => {
      (this.termIdsByLength[term.length] ??= []).push(id);
    });
  }

  /** The built index, to hand to the constructor of a later process (see TextIndexState). */
  toState(): TextIndexState {
    return { terms: this.terms, sortedTermIds: this.sortedTermIds, fields: this.fields, documentCount: this.documentCount };
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  private indexField(docs: readonly T[], text: (doc: T) => string, boost: number): FieldPostings {
    const pairs = new PairBuffer(); // (term id, document << 8 | count) in document order
    const lengths = new Uint16Array(docs.length);
    let totalLength = 0;
    const seen = new Map<number, number>();
    docs.forEach((doc, position) => {
      const terms = indexTerms(text(doc));
      lengths[position] = Math.min(terms.length, 0xffff);
      totalLength += terms.length;
      seen.clear();
      for (const term of terms) {
        const id = this.termId(term);
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      for (const [id, count] of seen) pairs.push(id, (position << 8) | Math.min(count, 255));
    });
    // Counting sort by term id keeps documents ascending within each term.
    const start = new Int32Array(this.terms.length + 1);
    pairs.forEach((termId) => {
      start[termId + 1]!++;
    });
    for (let t = 0; t < this.terms.length; t++) start[t + 1]! += start[t]!;
    const fill = start.slice(0, this.terms.length);
    const docsOut = new Int32Array(pairs.length);
    const counts = new Uint8Array(pairs.length);
    pairs.forEach((termId, packed) => {
      const slot = fill[termId]!++;
      docsOut[slot] = packed >>> 8;
      counts[slot] = packed & 0xff;
    });
    return { boost, start, docs: docsOut, counts, lengths, averageLength: docs.length ? totalLength / docs.length : 0 };
  }

  /** Index terms a query word stands for, each with its weight: itself, words it begins, words one typo away. */
  private expand(word: string): Map<number, number> {
    return this.expansionMemo.get(word, () => this.expandUncached(word));
  }

  private expandUncached(word: string): Map<number, number> {
    const expansions = new Map<number, number>();
    const exact = this.termIds.get(word);
    if (exact !== undefined) expansions.set(exact, 1);
    const sorted = this.sortedTermIds;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.terms[sorted[mid]!]! < word) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < sorted.length; i++) {
      const term = this.terms[sorted[i]!]!;
      if (!term.startsWith(word)) break;
      if (term !== word) expansions.set(sorted[i]!, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - word.length)));
    }
    if (allowsTypo(word)) {
      // As MiniSearch weighs them: by the matched term's length, and a term that is already the word or a prefix match stays one.
      for (let length = word.length - 1; length <= word.length + 1; length++) {
        for (const id of this.termIdsByLength[length] ?? []) {
          const term = this.terms[id]!;
          if (!expansions.has(id) && withinOneEdit(word, term)) expansions.set(id, (TYPO_WEIGHT * term.length) / (term.length + 1));
        }
      }
    }
    return expansions;
  }

  /** Score of every document for one query word (0 where it does not occur). */
  private scoreWord(expansions: ReadonlyMap<number, number>): Float64Array {
    const scores = new Float64Array(this.documentCount);
    for (const field of this.fields) {
      for (const [termId, weight] of expansions) {
        if (termId + 1 >= field.start.length) continue; // a term first seen in a later field
        const from = field.start[termId]!;
        const to = field.start[termId + 1]!;
        if (from === to) continue;
        const frequency = to - from;
        const idf = Math.log(1 + (this.documentCount - frequency + 0.5) / (frequency + 0.5));
        for (let i = from; i < to; i++) {
          const doc = field.docs[i]!;
          const count = field.counts[i]!;
          const norm = 1 - B + (B * field.lengths[doc]!) / (field.averageLength || 1);
          scores[doc]! += field.boost * weight * idf * (DELTA + (count * (K1 + 1)) / (count + K1 * norm));
        }
      }
    }
    return scores;
  }

  /** Documents matching every word of the query (a word matches itself, as a prefix, or with one typo), best first. */
  search(query: string): TextHit[] {
    const words = [...new Set(indexTerms(query))];
    if (words.length === 0 || this.documentCount === 0) return [];
    let total: Float64Array | null = null;
    for (const word of words) {
      const scores = this.scoreWord(this.expand(word));
      if (total === null) total = scores;
      else for (let doc = 0; doc < total.length; doc++) total[doc] = total[doc]! > 0 && scores[doc]! > 0 ? total[doc]! + scores[doc]! : 0;
    }
    const hits: TextHit[] = [];
    total!.forEach((score, position) => {
      if (score > 0) hits.push({ position, score });
    });
    return hits.sort((a, b) => b.score - a.score || a.position - b.position);
  }

  /** The index terms of `query`'s expansions that occur in the document at `position` (for highlighting). */
  matchedTerms(query: string, position: number): string[] {
    const matched = new Set<string>();
    for (const word of new Set(indexTerms(query))) {
      for (const termId of this.expand(word).keys()) {
        if (this.fields.some((field) => containsDoc(field, termId, position))) matched.add(this.terms[termId]!);
      }
    }
    return [...matched];
  }
}

function containsDoc(field: FieldPostings, termId: number, position: number): boolean {
  if (termId + 1 >= field.start.length) return false; // a term first seen in a later field
  let low = field.start[termId]!;
  let high = field.start[termId + 1]!;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const doc = field.docs[mid]!;
    if (doc === position) return true;
    if (doc < position) low = mid + 1;
    else high = mid;
  }
  return false;
}
