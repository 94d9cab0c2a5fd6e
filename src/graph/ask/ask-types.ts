import type { TalkKind } from '../../domain/types.ts';
import type { Range } from '../talk-filter.ts';

/** What a piece of a question constrains. `partOfDay` and `clock` both end up in `timeOfDay`. */
export type TermCategory = 'speaker' | 'organization' | 'topic' | 'event' | 'kind' | 'day' | 'date' | 'partOfDay' | 'clock' | 'hasSpeakers';

/** Role of a word that is not a value: it links, negates or hints at the reading of its neighbours. */
export type FunctionRole = 'filler' | 'agentCue' | 'subjectCue' | 'negation' | 'or' | 'and';

/** One thing a phrase of the vocabulary can name. */
export interface ValueEntry {
  category: Exclude<TermCategory, 'date' | 'clock'>;
  /** Graph id (speaker/organization/topic/event), TalkKind, Weekday, or a lexicon key. */
  id: string;
  /** Display name ("Grafana Labs", "Friday (2023-04-21)", "keynotes"). */
  name: string;
  /** 2: a full name, alias or keyword; 1: a recognised short form (family name, city); 0: part of a name. */
  strength: number;
  /** How the phrase relates to the thing: "name", "alias", "keyword", "family name", "part of the name". */
  how: string;
  kinds?: readonly TalkKind[];
  range?: Range;
  hasSpeakers?: boolean;
}

/** A phrase of the vocabulary (folded tokens joined by spaces) and what it can mean. */
export interface PhraseEntry {
  role?: FunctionRole;
  values: ValueEntry[];
}

/** One understood piece of the question, ready to become part of a TalkFilter. */
export interface Term {
  category: TermCategory;
  /** The words as written. */
  text: string;
  /** Ids, TalkKinds or Weekdays, for list-valued categories; any of them. */
  values: string[];
  /** Display names of `values`, or the whole phrase for range categories, one per value/range. */
  labels: string[];
  /** Date or wall-clock ranges (any of them) for date, partOfDay and clock terms. */
  ranges: Range[];
  /** A single date, a part of the day or an exact time: several of them combine as "any of". */
  point: boolean;
  hasSpeakers?: boolean;
  negated: boolean;
  /** Joined to the previous term by "or". */
  orWithPrevious: boolean;
  /** Remarks shown next to the value: corrections, the reading chosen and why. */
  notes: string[];
  /** The same words read another way (ambiguity), for `alternatives`. */
  others: Term[];
}

/** A spelling slip that was forgiven. */
export interface Correction {
  from: string;
  to: string;
}
