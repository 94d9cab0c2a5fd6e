import { foldKey } from '../domain/text.ts';
import type { Organization, Speaker, Talk, Topic } from '../domain/types.ts';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import { TextIndex } from './text-index.ts';

export type SearchableEntity = { kind: 'talk'; entity: Talk } | { kind: 'speaker'; entity: Speaker } | { kind: 'organization'; entity: Organization } | { kind: 'topic'; entity: Topic };

export interface SearchHit {
  target: SearchableEntity;
  score: number;
  /** The field the snippet comes from. */
  field: string;
  /** Text around the first match, with matches wrapped in <mark>…</mark> (the rest HTML-escaped). */
  snippet: string;
  terms: string[];
}

interface Doc {
  id: string;
  name: string;
  aliases: string;
  body: string;
}

const indexes = new WeakMap<KnowledgeGraph, { index: TextIndex<Doc>; targets: Map<string, SearchableEntity>; docs: Doc[] }>();

function build(graph: KnowledgeGraph) {
  const targets = new Map<string, SearchableEntity>();
  const docs: Doc[] = [];
  const add = (target: SearchableEntity, name: string, aliases: string[], body: string) => {
    const id = `${target.kind}:${target.entity.id}`;
    targets.set(id, target);
    docs.push({ id, name, aliases: aliases.join(' · '), body });
  };
  for (const t of graph.allTalks()) add({ kind: 'talk', entity: t }, t.title, t.appearances.map((a) => a.nameAsWritten), t.abstract);
  for (const s of graph.allSpeakers()) add({ kind: 'speaker', entity: s }, s.name, s.aliases, '');
  for (const o of graph.allOrganizations()) add({ kind: 'organization', entity: o }, o.name, o.aliases, '');
  for (const t of graph.allTopics()) add({ kind: 'topic', entity: t }, t.name, t.keywords, t.description ?? '');
  const index = new TextIndex(docs, { fields: { name: 4, aliases: 2, body: 1 }, extract: (doc, field) => doc[field as keyof Doc] });
  return { index, targets, docs };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A window of `text` around the first word whose folded form starts with a matched term, matches marked. */
export function highlight(text: string, terms: readonly string[], radius = 60): string | null {
  // Folding is the cost here: a word starting with a plain letter no term starts with is skipped
  // unfolded, and words are read only up to the end of the window around the first match.
  const initials = new Set(terms.map((term) => term[0]));
  const isMatch = (word: string) => (word.charCodeAt(0) >= 128 || initials.has(word[0]!.toLowerCase())) && terms.some((term) => foldKey(word).startsWith(term));
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
    out += escapeHtml(text.slice(cursor, start)) + `<mark>${escapeHtml(m[0])}</mark>`;
    cursor = end;
  }
  out += escapeHtml(text.slice(cursor, to));
  return `${from > 0 ? '…' : ''}${out}${to < text.length ? '…' : ''}`;
}

/** Ranked hits across talks, speakers, organizations and topics, with highlighted snippets. */
export function searchEntities(graph: KnowledgeGraph, query: string, limit: number): SearchHit[] {
  let cached = indexes.get(graph);
  if (!cached) {
    cached = build(graph);
    indexes.set(graph, cached);
  }
  const { index, targets, docs } = cached;
  return index
    .search(query)
    .slice(0, limit)
    .map((result) => {
      const doc = docs[result.position]!;
      const terms = index.matchedTerms(query, result.position);
      const fields: Array<keyof Doc> = ['name', 'aliases', 'body'];
      let snippet: string | null = null;
      let field = 'name';
      for (const f of fields) {
        snippet = highlight(doc[f], terms);
        if (snippet) {
          field = f;
          break;
        }
      }
      return { target: targets.get(doc.id)!, score: Math.round(result.score * 1000) / 1000, field, snippet: snippet ?? escapeHtml(doc.name), terms };
    });
}
