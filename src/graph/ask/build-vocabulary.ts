import type { Weekday } from '../../domain/types.ts';
import { weekdayOfDate } from '../../domain/weekday.ts';
import type { DerivedIndex, KnowledgeGraph } from '../knowledge-graph.ts';
import type { FunctionRole, PhraseEntry, ValueEntry } from './ask-types.ts';
import { COMMON_WORDS, KIND_WORDS, MONTHS, NAMED_TIMES, NO_SPEAKER_PHRASES, PARTS_OF_DAY, WEEKDAY_WORDS, functionWords } from './lexicon.ts';
import { tokenizeQuestion } from './tokenize-question.ts';

/** Talk dates present in the graph, to resolve "the 21st" or "April 19" without a year. */
export interface Calendar {
  /** Distinct local talk dates, YYYY-MM-DD, ascending. */
  dates: readonly string[];
  datesByWeekday: ReadonlyMap<Weekday, readonly string[]>;
}

/** Everything a question is read against: built once per graph, then only looked up. */
export interface Vocabulary {
  /** Folded phrase ("grafana labs") → what it can mean. */
  phrases: ReadonlyMap<string, PhraseEntry>;
  maxPhraseLength: number;
  /** Every known word, by length, for spelling correction. */
  wordsByLength: ReadonlyMap<number, readonly string[]>;
  /** Words that occur in a name or value phrase (preferred over function words when correcting). */
  valueWords: ReadonlySet<string>;
  /** Folded word → spelling to show ("isovalent" → "Isovalent"). */
  display: ReadonlyMap<string, string>;
  calendar: Calendar;
}

const VOCABULARY: DerivedIndex<Vocabulary> = { build: (graph) => buildVocabulary(graph) };

/** The vocabulary of a graph, built at first use and kept for the life of that graph instance. */
export function vocabularyOf(graph: KnowledgeGraph): Vocabulary {
  return graph.derived(VOCABULARY);
}

const DAY_NAMES: Record<Weekday, string> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

export function dayName(day: Weekday): string {
  return DAY_NAMES[day];
}

/** "Friday (2023-04-21)": the weekday with the talk dates it stands for in this graph. */
export function dayLabel(day: Weekday, calendar: Calendar): string {
  const dates = calendar.datesByWeekday.get(day) ?? [];
  if (dates.length === 0) return DAY_NAMES[day];
  if (dates.length <= 3) return `${DAY_NAMES[day]} (${dates.join(', ')})`;
  return `${DAY_NAMES[day]} (${dates.length} dates)`;
}

export function buildVocabulary(graph: KnowledgeGraph): Vocabulary {
  const phrases = new Map<string, PhraseEntry>();
  const display = new Map<string, string>();
  const valueWords = new Set<string>();
  let maxPhraseLength = 1;

  const keyOf = (text: string, isValue: boolean): string | null => {
    const tokens = tokenizeQuestion(text).filter((t) => !t.punctuation || text.trim() === ',');
    if (tokens.length === 0) return null;
    for (const t of tokens) {
      if (!display.has(t.norm)) display.set(t.norm, t.raw);
      if (isValue) valueWords.add(t.norm);
    }
    maxPhraseLength = Math.max(maxPhraseLength, tokens.length);
    return tokens.map((t) => t.norm).join(' ');
  };
  const entryAt = (key: string): PhraseEntry => {
    let entry = phrases.get(key);
    if (!entry) phrases.set(key, (entry = { values: [] }));
    return entry;
  };
  const addRole = (text: string, role: FunctionRole) => {
    const key = keyOf(text, false);
    if (key) {
      const entry = entryAt(key);
      entry.role ??= role;
    }
  };
  const addValue = (text: string, value: ValueEntry) => {
    const key = keyOf(text, true);
    if (!key) return;
    const entry = entryAt(key);
    const same = entry.values.find((v) => v.category === value.category && v.id === value.id);
    if (!same) entry.values.push(value);
    else if (value.strength > same.strength) Object.assign(same, value);
  };
  const isFunctionWord = (word: string) => phrases.get(word)?.role !== undefined;

  for (const [text, role] of functionWords()) addRole(text, role);

  // Kinds, weekdays, parts of day, "without speakers": fixed words.
  for (const kind of KIND_WORDS)
    for (const p of kind.phrases) addValue(p, { category: 'kind', id: kind.kinds.join('+'), name: kind.label, strength: 2, how: 'name', kinds: kind.kinds });
  const calendar = calendarOf(graph);
  for (const [day, words] of WEEKDAY_WORDS)
    for (const w of words) addValue(capitalize(w), { category: 'day', id: day, name: dayLabel(day, calendar), strength: 2, how: 'name' });
  for (const part of PARTS_OF_DAY)
    for (const p of part.phrases) addValue(p, { category: 'partOfDay', id: part.phrases[0]!, name: part.label, strength: 2, how: 'name', range: part.range });
  for (const p of NO_SPEAKER_PHRASES)
    addValue(p, { category: 'hasSpeakers', id: 'false', name: 'without speakers', strength: 2, how: 'name', hasSpeakers: false });
  for (const word of Object.keys(MONTHS)) keyOf(capitalize(word), true);
  for (const word of [...Object.keys(NAMED_TIMES), 'am', 'pm']) keyOf(word, true);

  // Names from the graph.
  for (const speaker of graph.allSpeakers()) {
    for (const name of [speaker.name, ...speaker.aliases]) {
      addValue(name, { category: 'speaker', id: speaker.id, name: speaker.name, strength: 2, how: 'name' });
      const words = tokenizeQuestion(name).filter((t) => !t.punctuation);
      const last = words[words.length - 1];
      if (words.length >= 2 && last && last.norm.length >= 3 && /^\p{L}+$/u.test(last.norm)) {
        addValue(last.raw, { category: 'speaker', id: speaker.id, name: speaker.name, strength: 1, how: 'family name' });
      }
      const first = words[0];
      if (words.length >= 2 && first && first.norm.length >= 3 && /^\p{L}+$/u.test(first.norm) && !isFunctionWord(first.norm)) {
        addValue(first.raw, { category: 'speaker', id: speaker.id, name: speaker.name, strength: 0, how: 'first name' });
      }
      if (words.length >= 3)
        addValue(
          words
            .slice(1)
            .map((w) => w.raw)
            .join(' '),
          { category: 'speaker', id: speaker.id, name: speaker.name, strength: 1, how: 'family name' },
        );
    }
  }
  for (const org of graph.allOrganizations()) {
    for (const [i, name] of [org.name, ...org.aliases].entries()) {
      addValue(name, { category: 'organization', id: org.id, name: org.name, strength: 2, how: i === 0 ? 'name' : 'alias' });
      const words = tokenizeQuestion(name).filter((t) => !t.punctuation);
      if (words[0]?.norm === 'the' && words.length > 1)
        words.shift(), addValue(words.map((w) => w.raw).join(' '), { category: 'organization', id: org.id, name: org.name, strength: 2, how: 'name' });
      const first = words[0];
      if (words.length >= 2 && first && first.norm.length >= 4 && !COMMON_WORDS.has(first.norm) && !isFunctionWord(first.norm) && !/^\d+$/.test(first.norm)) {
        addValue(first.raw, { category: 'organization', id: org.id, name: org.name, strength: 0, how: 'part of the name' });
      }
    }
  }
  for (const topic of graph.allTopics()) {
    addValue(topic.name, { category: 'topic', id: topic.id, name: topic.name, strength: 2, how: 'name' });
    for (const keyword of topic.keywords) addValue(keyword, { category: 'topic', id: topic.id, name: topic.name, strength: 2, how: 'keyword' });
  }
  for (const event of graph.allEvents()) {
    addValue(event.name, { category: 'event', id: event.id, name: event.name, strength: 2, how: 'name' });
    const words = tokenizeQuestion(event.name).filter((t) => !t.punctuation);
    if (words.length > 1 && /^\d{4}$/.test(words[words.length - 1]!.norm))
      addValue(
        words
          .slice(0, -1)
          .map((w) => w.raw)
          .join(' '),
        { category: 'event', id: event.id, name: event.name, strength: 2, how: 'name' },
      );
    const first = words[0];
    if (words.length >= 2 && first && first.norm.length >= 5 && !COMMON_WORDS.has(first.norm) && !isFunctionWord(first.norm) && !/^\d+$/.test(first.norm)) {
      addValue(first.raw, { category: 'event', id: event.id, name: event.name, strength: 0, how: 'part of the name' });
    }
    for (const short of shortEventNames(words.map((w) => w.raw)))
      addValue(short, { category: 'event', id: event.id, name: event.name, strength: 1, how: 'short name' });
    if (event.city) addValue(event.city, { category: 'event', id: event.id, name: event.name, strength: 1, how: 'city' });
  }

  const wordsByLength = new Map<number, string[]>();
  for (const word of [...display.keys()].sort()) {
    if (!/^\p{L}+$/u.test(word)) continue;
    const list = wordsByLength.get(word.length) ?? [];
    list.push(word);
    wordsByLength.set(word.length, list);
  }
  return { phrases, maxPhraseLength, wordsByLength, valueWords, display, calendar };
}

const REGIONS: ReadonlyArray<[string[], string[]]> = [
  [['europe'], ['Europe', 'EU']],
  [['eu'], ['Europe', 'EU']],
  [
    ['north', 'america'],
    ['North America', 'NA'],
  ],
  [['na'], ['North America', 'NA']],
];

/**
 * Short names people use for an event, derived from its name (the graph keeps no event aliases):
 * "KubeCon + CloudNativeCon Europe 2024" → "KubeCon EU 2024", "KubeCon Europe", "KubeCon 2024";
 * "Cloud Native eBPF Day North America 2022" → "eBPF Day".
 */
function shortEventNames(words: readonly string[]): string[] {
  const folded = words.map((w) => w.toLowerCase());
  let end = folded.length;
  const year = /^\d{4}$/.test(folded[end - 1] ?? '') ? words[--end]! : null;
  let regions: string[] = [];
  for (const [pattern, variants] of REGIONS) {
    const at = end - pattern.length;
    if (at > 0 && pattern.every((p, i) => folded[at + i] === p)) {
      regions = variants;
      end = at;
      break;
    }
  }
  let start = 0;
  while (start < end - 1 && COMMON_WORDS.has(folded[start]!)) start++;
  const core = words.slice(start, end).join(' ');
  const brand = words[0]!;
  const out = new Set<string>([core]);
  if (year) out.add(`${core} ${year}`);
  if (brand.length >= 5 && !COMMON_WORDS.has(brand.toLowerCase())) {
    if (year) out.add(`${brand} ${year}`);
    for (const region of regions) {
      out.add(`${brand} ${region}`);
      if (year) out.add(`${brand} ${region} ${year}`);
    }
  }
  return [...out].filter((name) => name.split(' ').length > 1 || name.length >= 5);
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function calendarOf(graph: KnowledgeGraph): Calendar {
  const dates = [...new Set(graph.allTalks().flatMap((t) => (t.date ? [t.date] : [])))].sort();
  const datesByWeekday = new Map<Weekday, string[]>();
  for (const date of dates) {
    const day = weekdayOfDate(date);
    datesByWeekday.set(day, [...(datesByWeekday.get(day) ?? []), date]);
  }
  return { dates, datesByWeekday };
}
