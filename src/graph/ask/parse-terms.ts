import type { Correction, FunctionRole, Term, TermCategory, ValueEntry } from './ask-types.ts';
import type { Vocabulary } from './build-vocabulary.ts';
import { AGENT_AFTER } from './lexicon.ts';
import { parseWhenPhrase } from './parse-when-phrase.ts';
import type { QuestionToken } from './tokenize-question.ts';
import { withinOneEdit } from '../../domain/edit-distance.ts';

/** What a question was read into, before it becomes a filter. */
export interface ParsedTerms {
  terms: Term[];
  unrecognized: string[];
  corrections: Correction[];
}

interface Token extends QuestionToken {
  /** Set when the word was a spelling slip of a known word. */
  correctedFrom?: string;
}

type Cue = { kind: 'agent' | 'subject'; word: string };

/** Who gives the talk vs. what it is about: the categories each cue supports. */
const CUE_CATEGORIES: Record<Cue['kind'], readonly TermCategory[]> = { agent: ['speaker', 'organization'], subject: ['topic'] };
/** Tie-break among equally strong readings when nothing in the sentence decides. */
const PRIORITY: readonly TermCategory[] = ['topic', 'speaker', 'organization', 'event', 'kind', 'day', 'partOfDay', 'hasSpeakers'];
const NOUNS: Record<TermCategory, string> = {
  speaker: 'speaker',
  organization: 'organization',
  topic: 'topic',
  event: 'event',
  kind: 'kind of session',
  day: 'weekday',
  date: 'date',
  partOfDay: 'part of the day',
  clock: 'time',
  hasSpeakers: 'speaker condition',
};
const MIN_CORRECTABLE = 5;

/** A reading of one phrase: one category, the strongest entries of it. */
interface Reading {
  category: TermCategory;
  entries: ValueEntry[];
  strength: number;
}

/** Replaces words within one edit of a known word (≥ 5 letters) by that word; remembers the slip. */
function correctSpelling(tokens: QuestionToken[], vocabulary: Vocabulary): Token[] {
  return tokens.map((token) => {
    const word = token.norm;
    if (token.punctuation || word.length < MIN_CORRECTABLE || !/^\p{L}+$/u.test(word) || vocabulary.display.has(word)) return token;
    const candidates: string[] = [];
    for (let len = word.length - 1; len <= word.length + 1; len++) {
      for (const known of vocabulary.wordsByLength.get(len) ?? []) if (known.length >= MIN_CORRECTABLE && withinOneEdit(word, known)) candidates.push(known);
    }
    if (candidates.length === 0) return token;
    // Names and values first, then function words; alphabetical among equals (deterministic).
    candidates.sort((a, b) => Number(vocabulary.valueWords.has(b)) - Number(vocabulary.valueWords.has(a)) || (a < b ? -1 : a > b ? 1 : 0));
    return { ...token, norm: candidates[0]!, correctedFrom: token.raw };
  });
}

function readingsOf(values: readonly ValueEntry[]): Reading[] {
  const byCategory = new Map<TermCategory, ValueEntry[]>();
  for (const value of values) byCategory.set(value.category, [...(byCategory.get(value.category) ?? []), value]);
  return [...byCategory.entries()].map(([category, entries]) => {
    const strength = Math.max(...entries.map((e) => e.strength));
    return { category, entries: entries.filter((e) => e.strength === strength), strength };
  });
}

function best(readings: readonly Reading[]): Reading | undefined {
  return [...readings].sort((a, b) => b.strength - a.strength || PRIORITY.indexOf(a.category) - PRIORITY.indexOf(b.category))[0];
}

const quote = (s: string) => `"${s}"`;
const describe = (r: Reading) => {
  const names = [...new Set(r.entries.map((e) => e.name))].join(' or ');
  return `the ${NOUNS[r.category]} ${names}`;
};

/** Builds the value term of a phrase match, choosing among readings by the cue words around it. */
function valueTerm(text: string, readings: Reading[], cue: Cue | null): Term {
  let chosen = best(readings)!;
  let reason = '';
  const others = () => readings.filter((r) => r !== chosen);
  if (readings.length > 1) {
    const supported = cue ? best(readings.filter((r) => CUE_CATEGORIES[cue.kind].includes(r.category))) : undefined;
    if (cue && supported) {
      chosen = supported;
      reason = cue.kind === 'agent' ? `${cue.word} asks who gives the talk` : `${cue.word} asks what the talk is about`;
    } else {
      const rivals = others();
      const strongest = Math.max(...rivals.map((r) => r.strength));
      const rivalText = rivals
        .map((r) => `${r.entries[0]!.how === 'part of the name' ? 'part of the name' : `the ${r.entries[0]!.how}`} of ${describe(r)}`)
        .join(' and ');
      const how = chosen.entries[0]!.how;
      reason =
        chosen.strength > strongest
          ? `it is the ${NOUNS[chosen.category]}'s ${how === 'name' ? 'full name' : how} but only ${rivalText}`
          : 'nothing in the question points to another reading';
      const agentRival = rivals.find((r) => CUE_CATEGORIES.agent.includes(r.category));
      if (agentRival && !CUE_CATEGORIES.agent.includes(chosen.category)) reason += `; ask "by ${text}" for the ${NOUNS[agentRival.category]}`;
      else if (rivals.some((r) => r.category === 'topic')) reason += `; ask "about ${text}" for the topic`;
    }
  }
  const term = termOf(text, chosen);
  if (readings.length > 1) {
    term.notes.push(`read ${quote(text)} as ${describe(chosen)}, not ${others().map(describe).join(' or ')}: ${reason}`);
    term.others = others().map((r) => {
      const other = termOf(text, r);
      other.notes.push(`reading ${quote(text)} as ${describe(r)}`);
      return other;
    });
  }
  const ids = new Set(chosen.entries.map((e) => e.id));
  if (ids.size > 1 && (chosen.category === 'speaker' || chosen.category === 'organization' || chosen.category === 'event')) {
    term.notes.push(`${quote(text)} names ${ids.size} ${NOUNS[chosen.category]}s`);
  }
  return term;
}

function termOf(text: string, reading: Reading): Term {
  const term: Term = {
    category: reading.category,
    text,
    values: [],
    labels: [],
    ranges: [],
    point: true,
    negated: false,
    orWithPrevious: false,
    notes: [],
    others: [],
  };
  for (const entry of reading.entries) {
    if (entry.range) term.ranges.push(entry.range);
    if (entry.hasSpeakers !== undefined) term.hasSpeakers = entry.hasSpeakers;
    const values = entry.kinds ? [...entry.kinds] : [entry.id];
    if (values.every((v) => term.values.includes(v))) continue;
    for (const v of values) if (!term.values.includes(v)) term.values.push(v);
    term.labels.push(entry.name);
  }
  return term;
}

/**
 * Reads a tokenized question against the vocabulary: longest phrase first at each position, dates
 * and times by their own small grammar, function words steering negation, "or" and ambiguity.
 */
export function parseTerms(questionTokens: QuestionToken[], vocabulary: Vocabulary): ParsedTerms {
  const tokens = correctSpelling(questionTokens, vocabulary);
  const terms: Term[] = [];
  const unrecognized: string[] = [];
  const corrections: Correction[] = [];
  let cue: Cue | null = null;
  let pendingOr = false;
  // Negation: "pending" after "not" until a value; then it carries to values of the same category joined by a connector.
  let negation: { state: 'off' } | { state: 'pending' } | { state: 'active'; category: TermCategory; connector: boolean } = { state: 'off' };

  const consumed = (from: number, to: number): string[] => {
    const notes: string[] = [];
    for (const t of tokens.slice(from, to)) {
      if (t.correctedFrom) {
        const to = vocabulary.display.get(t.norm) ?? t.norm;
        corrections.push({ from: t.correctedFrom, to });
        notes.push(`read ${quote(t.correctedFrom)} as ${quote(to)}`);
      }
    }
    return notes;
  };
  const textOf = (from: number, to: number) =>
    tokens
      .slice(from, to)
      .map((t) => t.raw)
      .join(' ');
  const emit = (term: Term) => {
    if (negation.state === 'pending' || (negation.state === 'active' && negation.connector && negation.category === term.category)) {
      term.negated = true;
      negation = { state: 'active', category: term.category, connector: false };
    } else negation = { state: 'off' };
    const previous = terms[terms.length - 1];
    term.orWithPrevious = pendingOr && previous !== undefined && !previous.negated && !term.negated;
    for (const other of term.others) (other.negated = term.negated), (other.orWithPrevious = term.orWithPrevious);
    pendingOr = false;
    terms.push(term);
  };
  const onRole = (role: FunctionRole, word: string) => {
    if (role === 'agentCue') cue = { kind: 'agent', word: quote(word) };
    else if (role === 'subjectCue') cue = { kind: 'subject', word: quote(word) };
    else if (role === 'negation') negation = { state: 'pending' };
    else if (role === 'or' || role === 'and') {
      if (role === 'or') pendingOr = true;
      if (negation.state === 'active') negation.connector = true;
    }
  };

  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.punctuation) {
      const role = vocabulary.phrases.get(token.norm)?.role;
      if (role) onRole(role, token.raw);
      i++;
      continue;
    }
    const when = parseWhenPhrase(tokens, i, vocabulary.calendar);
    if (when) {
      const notes = consumed(i, when.next);
      emit({ ...when.term, text: textOf(i, when.next), values: [], negated: false, orWithPrevious: false, notes, others: [] });
      i = when.next;
      continue;
    }
    let matched = false;
    for (let length = Math.min(vocabulary.maxPhraseLength, tokens.length - i); length >= 1 && !matched; length--) {
      const slice = tokens.slice(i, i + length);
      if (slice.some((t) => t.punctuation)) continue;
      const entry = vocabulary.phrases.get(slice.map((t) => t.norm).join(' '));
      if (!entry) continue;
      const readings = readingsOf(entry.values);
      const onlyPartial = readings.every((r) => r.strength === 0);
      const end = i + length;
      if (entry.role && (readings.length === 0 || onlyPartial)) {
        consumed(i, end);
        onRole(entry.role, slice.map((t) => (t.correctedFrom ? (vocabulary.display.get(t.norm) ?? t.norm) : t.raw)).join(' '));
      } else if (readings.length > 0) {
        const last = slice[slice.length - 1]!;
        const next = tokens[end];
        const localCue: Cue | null = last.possessive
          ? { kind: 'agent', word: `the possessive ${quote(`${last.raw}'s`)}` }
          : next && AGENT_AFTER.has(next.norm)
            ? { kind: 'agent', word: quote(next.raw) }
            : null;
        const text = textOf(i, end);
        const term = valueTerm(text, readings, localCue ?? cue);
        term.notes.unshift(...consumed(i, end));
        emit(term);
      } else continue;
      matched = true;
      i = end;
    }
    if (!matched) {
      if (!unrecognized.includes(token.correctedFrom ?? token.raw)) unrecognized.push(token.correctedFrom ?? token.raw);
      i++;
    }
  }
  return { terms, unrecognized, corrections };
}
