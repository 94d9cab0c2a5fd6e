import type { KnowledgeGraph } from '../knowledge-graph.ts';
import type { TalkFilter } from '../talk-filter.ts';
import type { Correction, Term } from './ask-types.ts';
import { vocabularyOf } from './build-vocabulary.ts';
import { composeFilter } from './compose-filter.ts';
import { parseTerms } from './parse-terms.ts';
import { tokenizeQuestion } from './tokenize-question.ts';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 300;

/** A question the graph refuses to read. */
export class AskError extends Error {
  readonly code: 'QUESTION_TOO_LONG';
  readonly limit: number;

  constructor(code: 'QUESTION_TOO_LONG', message: string, limit: number) {
    super(message);
    this.code = code;
    this.limit = limit;
    this.name = 'AskError';
  }
}

/** Another reading of an ambiguous question. */
export interface AskAlternative {
  interpretation: string;
  filter: TalkFilter;
}

/** A question turned into a filter, with everything needed to show what was understood. */
export interface AskInterpretation {
  question: string;
  interpretation: string;
  filter: TalkFilter;
  unrecognized: string[];
  corrections: Correction[];
  alternatives: AskAlternative[];
}

/** Matches no talk: what a question answers when none of its content words was understood. */
const NOTHING: TalkFilter = { not: {} };

/**
 * Reads a plain-words question ("talks by Isovalent speakers on Friday") into a TalkFilter against
 * the vocabulary of this graph. Deterministic: no model, no network, same question → same answer.
 */
export function interpretQuestion(graph: KnowledgeGraph, question: string): AskInterpretation {
  if (question.length > MAX_QUESTION_LENGTH) {
    throw new AskError(
      'QUESTION_TOO_LONG',
      `A question may have at most ${MAX_QUESTION_LENGTH} characters; this one has ${question.length}.`,
      MAX_QUESTION_LENGTH,
    );
  }
  const { terms, unrecognized, corrections } = parseTerms(tokenizeQuestion(question), vocabularyOf(graph));
  if (terms.length === 0 && unrecognized.length > 0) {
    return {
      question,
      interpretation: 'no talks: none of the words could be matched to the graph',
      filter: NOTHING,
      unrecognized,
      corrections,
      alternatives: [],
    };
  }
  const { filter, sentence } = composeFilter(terms);
  return { question, interpretation: sentence, filter, unrecognized, corrections, alternatives: alternativesOf(terms, JSON.stringify(filter)) };
}

/** One alternative per other reading of each ambiguous term (the rest of the question kept). */
function alternativesOf(terms: readonly Term[], chosenKey: string): AskAlternative[] {
  const seen = new Set([chosenKey]);
  const out: AskAlternative[] = [];
  terms.forEach((term, index) => {
    for (const other of term.others) {
      const swapped = terms.map((t, i) => (i === index ? other : t));
      const { filter, sentence } = composeFilter(swapped);
      const key = JSON.stringify(filter);
      if (!seen.has(key)) seen.add(key), out.push({ interpretation: sentence, filter });
    }
  });
  return out;
}
