import { describe, expect, it } from 'vitest';
import { createIngestContext } from '../src/ingest/create-ingest-context.ts';
import { hasOrganizationCue, looksLikeOrganization, parseSpeakers, parseAffiliation, parseSpeakerList } from '../src/ingest/parse-speakers.ts';
import { parseBoldSpeakers, parseNameAtEnd, parseNamesAtStart } from '../src/ingest/parse-prose-speakers.ts';
import { flattenBlocks, parseMarkdown } from '../src/ingest/markdown-blocks.ts';
import { bundledReference } from './helpers.ts';

const grammar = createIngestContext(bundledReference()).grammar;
const read = (text: string) => parseSpeakers(text, grammar);
const pairs = (text: string) => read(text).speakers.map((s) => [s.name, s.organization]);

describe('speaker grammar: groups, names and organizations', () => {
  it('reads one organization per group and several groups separated by ;', () => {
    expect(pairs('Anne Zepecki & Sritej Attaluri, Bloomberg LP')).toEqual([
      ['Anne Zepecki', 'Bloomberg LP'],
      ['Sritej Attaluri', 'Bloomberg LP'],
    ]);
    expect(pairs('Liz Rice, Isovalent; Andy Allred, EfiCode; Richard Hartmann, Grafana Labs')).toEqual([
      ['Liz Rice', 'Isovalent'],
      ['Andy Allred', 'EfiCode'],
      ['Richard Hartmann', 'Grafana Labs'],
    ]);
    expect(pairs('Thomas Graf, Bill Mulligan & Liz Rice, Isovalent; Purvi Desai, Google')).toEqual([
      ['Thomas Graf', 'Isovalent'],
      ['Bill Mulligan', 'Isovalent'],
      ['Liz Rice', 'Isovalent'],
      ['Purvi Desai', 'Google'],
    ]);
    expect(pairs('Jane Doe and John Roe, Acme')).toEqual([
      ['Jane Doe', 'Acme'],
      ['John Roe', 'Acme'],
    ]);
  });

  it('reads "Name, Org & Name, Org" as two speakers with their own organizations', () => {
    expect(pairs('Daniel Bernier, Bell Canada & Louis De Los Santos, Isovalent')).toEqual([
      ['Daniel Bernier', 'Bell Canada'],
      ['Louis De Los Santos', 'Isovalent'],
    ]);
    // An organization word ("Universität", "Labs") or a lone word after full names marks the organization.
    expect(pairs('Constanze Roedig, Technische Universität Wien & James Callaghan, ControlPlane')).toEqual([
      ['Constanze Roedig', 'Technische Universität Wien'],
      ['James Callaghan', 'ControlPlane'],
    ]);
    expect(pairs('Arthur Outhenin-Chalandre, Ledger & Marco Iorio, Isovalent at Cisco')).toEqual([
      ['Arthur Outhenin-Chalandre', 'Ledger'],
      ['Marco Iorio', 'Isovalent at Cisco'],
    ]);
    expect(pairs('Jane Doe, Example Labs & John Roe, Globex')).toEqual([
      ['Jane Doe', 'Example Labs'],
      ['John Roe', 'Globex'],
    ]);
    // Known organizations (data/organizations.yaml) settle what grammar cannot: "Control Plane".
    expect(pairs('Lewis Denham-Parry, Control Plane & Natalia Reka Ivanko, Isovalent')).toEqual([
      ['Lewis Denham-Parry', 'Control Plane'],
      ['Natalia Reka Ivanko', 'Isovalent'],
    ]);
  });

  it('puts roles before organizations, and keeps a role without organization', () => {
    expect(read('Thomas Graf, CTO, Isovalent').speakers).toEqual([{ name: 'Thomas Graf', organization: 'Isovalent', role: 'CTO' }]);
    expect(read('Jane Doe, Maintainer').speakers).toEqual([{ name: 'Jane Doe', organization: null, role: 'Maintainer' }]);
    expect(read('Jane Doe, Head of Platform at Acme').speakers).toEqual([{ name: 'Jane Doe', organization: 'Acme', role: 'Head of Platform' }]);
    expect(read('Hemanth Malla, Program & Bill Mulligan, Co-Chairs').speakers).toEqual([
      { name: 'Hemanth Malla', organization: null, role: 'Program' },
      { name: 'Bill Mulligan', organization: null, role: 'Co-Chairs' },
    ]);
  });

  it('keeps organizations that contain commas', () => {
    expect(pairs('Liz Rice, Isovalent, now part of Cisco')).toEqual([['Liz Rice', 'Isovalent, now part of Cisco']]);
    expect(pairs('Jane Doe, Example, Inc')).toEqual([['Jane Doe', 'Example, Inc']]);
    expect(pairs('Jane Doe, Example, Inc & John Roe, Globex')).toEqual([
      ['Jane Doe', 'Example, Inc'],
      ['John Roe', 'Globex'],
    ]);
  });

  it('reads single-word names and names with initials', () => {
    expect(pairs('Madhu, Robinhood')).toEqual([['Madhu', 'Robinhood']]);
    expect(pairs('Alice, Bob & Carol, Acme')).toEqual([
      ['Alice', 'Acme'],
      ['Bob', 'Acme'],
      ['Carol', 'Acme'],
    ]);
    expect(pairs('Lu Zhang & Madhu C.S., Robinhood Markets')).toEqual([
      ['Lu Zhang', 'Robinhood Markets'],
      ['Madhu C.S.', 'Robinhood Markets'],
    ]);
    expect(pairs('Tracy P Holmes & J. R. Hacker, Isovalent')).toEqual([
      ['Tracy P Holmes', 'Isovalent'],
      ['J. R. Hacker', 'Isovalent'],
    ]);
  });

  it('reads the parenthesised grammar, with roles and "Role at Org" inside the parentheses', () => {
    expect(pairs('Joe Stringer (Cilium), Lorenz Bauer (Cloudflare), Martynas Pumputis (Cilium)')).toEqual([
      ['Joe Stringer', 'Cilium'],
      ['Lorenz Bauer', 'Cloudflare'],
      ['Martynas Pumputis', 'Cilium'],
    ]);
    expect(pairs('Tabitha Sable and Laurent Bernaille (Datadog)')).toEqual([
      ['Tabitha Sable', 'Datadog'],
      ['Laurent Bernaille', 'Datadog'],
    ]);
    expect(read('Marcos Hernandez (Platform Engineering Lead at Google Cloud)').speakers).toEqual([
      { name: 'Marcos Hernandez', organization: 'Google Cloud', role: 'Platform Engineering Lead' },
    ]);
    expect(read('Jane Doe (CTO, Acme)').speakers).toEqual([{ name: 'Jane Doe', organization: 'Acme', role: 'CTO' }]);
  });

  it('rejects text that is not a speaker list', () => {
    expect(parseSpeakerList('Finally, visit Cilium’s kiosk at 15B in the Project Pavilion to see live demos, explore new functionalities', grammar)).toBeNull();
    expect(parseSpeakerList('Why We Created Cilium', grammar)).toBeNull();
    expect(read('Answer to the question, and more').unreadable.length).toBeGreaterThan(0);
  });
});

describe('affiliations and organizations', () => {
  it('splits an affiliation into role and organization', () => {
    expect(parseAffiliation('CTO')).toEqual({ role: 'CTO', organization: null });
    expect(parseAffiliation('Chair of the CNCF Technical Advisory Board and Head of Infrastructure at CERN')).toEqual({
      role: 'Chair of the CNCF Technical Advisory Board and Head of Infrastructure',
      organization: 'CERN',
    });
    expect(parseAffiliation('Isovalent at Cisco')).toEqual({ role: null, organization: 'Isovalent at Cisco' });
  });

  it('tells organization cues and plausible organizations', () => {
    expect(hasOrganizationCue('Solo.io')).toBe(true);
    expect(hasOrganizationCue('Adobe Inc')).toBe(true);
    expect(hasOrganizationCue('Bill Mulligan')).toBe(false);
    expect(looksLikeOrganization('white duck')).toBe(true);
    expect(looksLikeOrganization('The New York Times')).toBe(true);
    expect(looksLikeOrganization('visit the kiosk at 15B in the Project Pavilion to see live demos')).toBe(false);
  });
});

describe('speakers in running text', () => {
  it('reads names after "by", with organizations in parentheses, up to the rest of the sentence', () => {
    expect(parseNamesAtStart('Arthur Outhenin-Chalandre and Quentin Swiech was a perfect example', grammar).map((s) => s.name)).toEqual([
      'Arthur Outhenin-Chalandre',
      'Quentin Swiech',
    ]);
    expect(parseNamesAtStart('Alexis La Goutte.', grammar)).toEqual([{ name: 'Alexis La Goutte', organization: null, role: null }]);
    expect(parseNamesAtStart('Jane Doe (Acme), John Roe (Globex) and Ann Poe', grammar).map((s) => [s.name, s.organization])).toEqual([
      ['Jane Doe', 'Acme'],
      ['John Roe', 'Globex'],
      ['Ann Poe', null],
    ]);
  });

  it('reads the name that ends a clause', () => {
    expect(parseNameAtEnd('There was also a great session from my colleague Raphaël Pinson, ', grammar)?.name).toBe('Raphaël Pinson');
    expect(parseNameAtEnd('a warm message of ', grammar)).toBeNull();
  });

  it('reads bold names with the affiliation that follows them', () => {
    const inline =
      flattenBlocks(parseMarkdown('Then came **Ricardo Rocha**, Chair of the TAB and Head of Infrastructure at CERN, with a talk:'), 0)[0]?.inline ?? [];
    expect(parseBoldSpeakers(inline, grammar)).toEqual([{ name: 'Ricardo Rocha', organization: 'CERN', role: 'Chair of the TAB and Head of Infrastructure' }]);
    const plain = flattenBlocks(parseMarkdown('by **Aurélie Vache** and **Shérine Khoury**, presented at KubeCon, a demo'), 0)[0]?.inline ?? [];
    expect(parseBoldSpeakers(plain, grammar).map((s) => [s.name, s.organization])).toEqual([
      ['Aurélie Vache', null],
      ['Shérine Khoury', null],
    ]);
  });
});

describe('speaker grammar: roles, handles, nicknames and run-on text', () => {
  it('gives an entry with a role and no organization no organization', () => {
    expect(pairs('Ann Lee, Project Maintainer')).toEqual([['Ann Lee', null]]);
    expect(pairs('Ann Lee, Maintainer, Community Manager')).toEqual([['Ann Lee', null]]);
    expect(pairs('Ann Lee & Bo Tran (Widget Maintainers)')).toEqual([
      ['Ann Lee', null],
      ['Bo Tran', null],
    ]);
    expect(pairs('Cy Oduya, Developer and Team Lead at Initech')).toEqual([['Cy Oduya', 'Initech']]);
    expect(pairs('Ann Lee and Bo Tran, Developer Advocates, Acme')).toEqual([
      ['Ann Lee', 'Acme'],
      ['Bo Tran', 'Acme'],
    ]);
  });

  it('drops handles such as "(@name)" from names', () => {
    expect(pairs('Ann Lee (@annlee) & Bo Tran (@bo.tran)')).toEqual([
      ['Ann Lee', null],
      ['Bo Tran', null],
    ]);
  });

  it('reads "Names @ Org" groups', () => {
    expect(pairs('Ann Lee, Bo Tran @ Acme')).toEqual([
      ['Ann Lee', 'Acme'],
      ['Bo Tran', 'Acme'],
    ]);
    expect(pairs('Cy Oduya, @ Globex BV')).toEqual([['Cy Oduya', 'Globex BV']]);
  });

  it('keeps a nickname in parentheses inside a name', () => {
    expect(pairs('Li-Wei (Sam) Chen & Bo Tran, Acme')).toEqual([
      ['Li-Wei (Sam) Chen', 'Acme'],
      ['Bo Tran', 'Acme'],
    ]);
  });

  it('splits a speaker list that runs straight into a weekday and date', () => {
    expect(pairs('Ann Lee, Acme & Bo Tran, Globex Thursday, May 8, 2031, 17:30 - 18:00 BST')).toEqual([
      ['Ann Lee', 'Acme'],
      ['Bo Tran', 'Globex'],
    ]);
  });
});
