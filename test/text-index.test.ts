import { describe, expect, it } from 'vitest';
import { TextIndex, indexTerms } from '../src/graph/text-index.ts';
import { graphOf, seedSource } from './helpers.ts';

const talks = graphOf([seedSource()]).allTalks();
const index = new TextIndex(talks, {
  fields: { title: 3, speakers: 3, abstract: 1 },
  extract: (talk, field) => (field === 'title' ? talk.title : field === 'speakers' ? talk.appearances.map((a) => a.nameAsWritten).join(' ') : talk.abstract),
});
const titlesOf = (query: string) => index.search(query).map((hit) => talks[hit.position]!.title);
/** Talks whose title, speakers or abstract contain `word` (any case), read straight from the data. */
const containing = (word: RegExp) =>
  talks.filter((t) => word.test(`${t.title} ${t.appearances.map((a) => a.nameAsWritten).join(' ')} ${t.abstract}`)).map((t) => t.title);

describe('TextIndex on the seed post', () => {
  it('finds exactly the talks that contain a word, whatever its case', () => {
    const expected = containing(/\btetragon\b/i);
    expect(expected.length).toBeGreaterThan(1);
    expect(titlesOf('TETRAGON').sort()).toEqual(expected.sort());
  });

  it('folds accents both ways: kapuscinska finds Kapuścińska and Kapuscinska', () => {
    expect(titlesOf('kapuscinska').sort()).toEqual(containing(/kapu[sś]ci[nń]ska/i).sort());
    expect(titlesOf('Kapuścińska')).toEqual(titlesOf('kapuscinska'));
  });

  it('matches a word as a prefix, and forgives one typo in words of five letters or more', () => {
    expect(titlesOf('tetra')).toEqual(expect.arrayContaining(containing(/\btetragon\b/i)));
    expect(titlesOf('tetragn').sort()).toEqual(containing(/\btetragon\b/i).sort());
    expect(titlesOf('tetrgon').sort()).toEqual(containing(/\btetragon\b/i).sort());
    expect(titlesOf('xbpf')).toEqual([]); // four letters: no typo allowed
  });

  it('forgives two swapped letters as one typo, as the plain-words reader does', () => {
    expect(titlesOf('tetragno').sort()).toEqual(containing(/\btetragon\b/i).sort());
  });

  it('requires every word of the query (AND)', () => {
    const both = containing(/\btetragon\b/i).filter((title) => containing(/\bobservability\b/i).includes(title));
    expect(titlesOf('tetragon observability').sort()).toEqual(both.sort());
    expect(titlesOf('tetragon zzzzzz')).toEqual([]);
  });

  it('ranks a title match above a match in the abstract only', () => {
    const hits = titlesOf('tetragon');
    const inTitle = hits.filter((title) => /tetragon/i.test(title));
    expect(inTitle.length).toBeGreaterThan(0);
    expect(hits.slice(0, inTitle.length).sort()).toEqual(inTitle.sort());
  });

  it('orders by score, ties in document order, and returns nothing for a query without words', () => {
    const hits = index.search('cilium');
    for (let i = 1; i < hits.length; i++) {
      expect(hits[i - 1]!.score > hits[i]!.score || (hits[i - 1]!.score === hits[i]!.score && hits[i - 1]!.position < hits[i]!.position)).toBe(true);
    }
    expect(index.search(' -- !! ')).toEqual([]);
  });

  it('names the index terms a document matched (what snippets highlight)', () => {
    const hit = index.search('kapuscinsk')[0]!;
    expect(index.matchedTerms('kapuscinsk', hit.position)).toEqual(['kapuscinska']);
    expect(indexTerms('Anna Kapuścińska, Isovalent')).toEqual(['anna', 'kapuscinska', 'isovalent']);
  });
});
