import { foldKey } from '../domain/text.ts';
import type { Organization, Speaker, Talk, Topic } from '../domain/types.ts';
import type { DerivedIndex, KnowledgeGraph } from './knowledge-graph.ts';
import { TextIndex } from './text-index.ts';

export type SearchableEntity =
  | { kind: 'talk'; entity: Talk }
  | { kind: 'speaker'; entity: Speaker }
  | { kind: 'organization'; entity: Organization }
  | { kind: 'topic'; entity: Topic };

export interface SearchHit {
  target: SearchableEntity;
  score: number;
  /** The field the snippet comes from. */
  field: string;
  /** Text around the first match, with matches wrapped in <mark>…</mark> (the rest HTML-escaped). */
  snippet: string;
  terms: string[];
}

type DocField = 'name' | 'aliases' | 'body';
const DOC_FIELDS: readonly DocField[] = ['name', 'aliases', 'body'];

/** The text of one searchable field, read from the entity itself (the index keeps no copy of it). */
function fieldText(target: SearchableEntity, field: DocField): string {
  const { kind, entity } = target;
  switch (field) {
    case 'name':
      return kind === 'talk' ? entity.title : entity.name;
    case 'aliases':
      return (kind === 'talk' ? entity.appearances.map((a) => a.nameAsWritten) : kind === 'topic' ? entity.keywords : entity.aliases).join(' · ');
    case 'body':
      return kind === 'talk' ? entity.abstract : kind === 'topic' ? (entity.description ?? '') : '';
  }
}

type OtherEntity = Exclude<SearchableEntity, { kind: 'talk' }>;

/** Speakers, organizations and topics; talks are searched in the graph's own talk index (no second copy of every abstract). */
const OTHER_ENTITY_INDEX: DerivedIndex<{ index: TextIndex<OtherEntity>; targets: OtherEntity[] }> = { build: (graph) => buildOtherEntityIndex(graph) };

function buildOtherEntityIndex(graph: KnowledgeGraph) {
  const targets: OtherEntity[] = [
    ...graph.allSpeakers().map((entity) => ({ kind: 'speaker' as const, entity })),
    ...graph.allOrganizations().map((entity) => ({ kind: 'organization' as const, entity })),
    ...graph.allTopics().map((entity) => ({ kind: 'topic' as const, entity })),
  ];
  const index = new TextIndex(targets, { fields: { name: 4, aliases: 2, body: 1 }, extract: (target, field) => fieldText(target, field as DocField) });
  return { index, targets };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A window of `text` around the first word whose folded form starts with a matched term, matches marked. */
export function highlight(text: string, terms: readonly string[], radius = 60): string | null {
  // Folding is the cost here: a word starting with a plain letter no term starts with is skipped
  // unfolded, and words are read only up to the end of the window around the first match.
  const initials = new Set(terms.map((term) => term[0]));
  const isMatch = (word: string) => {
    if (word.charCodeAt(0) < 128 && !initials.has(word[0]!.toLowerCase())) return false;
    const folded = foldKey(word);
    return terms.some((term) => folded.startsWith(term));
  };
  const words = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  let firstMatch = words.exec(text);
  while (firstMatch && !isMatch(firstMatch[0])) firstMatch = words.exec(text);
  if (!firstMatch) return null;
  const first = firstMatch.index;
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, first - radius)) + 1);
  const toGuess = Math.min(text.length, first + firstMatch[0].length + radius);
  const to = toGuess >= text.length ? text.length : Math.max(text.indexOf(' ', toGuess), toGuess);
  const matches = [firstMatch];
  for (let word = words.exec(text); word && word.index < to; word = words.exec(text)) if (isMatch(word[0])) matches.push(word);
  let out = '';
  let cursor = from;
  for (const m of matches) {
    const start = m.index;
    const end = start + m[0].length;
    if (start < from || end > to) continue;
    out += `${escapeHtml(text.slice(cursor, start))}<mark>${escapeHtml(m[0])}</mark>`;
    cursor = end;
  }
  out += escapeHtml(text.slice(cursor, to));
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`;
}

/** Ranked hits across talks, speakers, organizations and topics, with highlighted snippets. */
export function searchEntities(graph: KnowledgeGraph, query: string, limit: number): SearchHit[] {
  const { index, targets } = graph.derived(OTHER_ENTITY_INDEX);
  const others = index.search(query);
  const talks = graph.searchTalks(query);
  // Both lists are ranked already: merge their top `limit` by score, talks first on equal scores.
  const top: Array<{ target: SearchableEntity; score: number; terms: string[] }> = [];
  for (let t = 0, o = 0; top.length < limit && (t < talks.length || o < others.length); ) {
    if (o >= others.length || (t < talks.length && talks[t]!.score >= others[o]!.score)) {
      const hit = talks[t++]!;
      top.push({ target: { kind: 'talk', entity: graph.talk(hit.id)! }, score: hit.score, terms: graph.talkSearchTerms(query, hit.id) });
    } else {
      const hit = others[o++]!;
      top.push({ target: targets[hit.position]!, score: hit.score, terms: index.matchedTerms(query, hit.position) });
    }
  }
  return top.map(({ target, score, terms }) => {
    let snippet: string | null = null;
    let field: DocField = 'name';
    for (const f of DOC_FIELDS) {
      snippet = highlight(fieldText(target, f), terms);
      if (snippet) {
        field = f;
        break;
      }
    }
    return { target, score: Math.round(score * 1000) / 1000, field, snippet: snippet ?? escapeHtml(fieldText(target, 'name')), terms };
  });
}
