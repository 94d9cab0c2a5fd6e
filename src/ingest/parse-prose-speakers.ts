import type { PhrasingContent } from 'mdast';
import type { SpeakerMention } from '../domain/types.ts';
import { squish } from '../domain/text.ts';
import { inlineText } from './markdown-blocks.ts';
import { looksLikeOrganization, looksLikePersonName, parseAffiliation, type SpeakerGrammarOptions } from './parse-speakers.ts';

// Speakers named in running text, as recaps write them: "by Arthur Outhenin-Chalandre and Quentin
// Swiech was…", "a session from my colleague Raphaël Pinson, “…”", "**Ricardo Rocha**, Head of
// Infrastructure at CERN, with a talk:".

const NAME_WORD = "\\p{Lu}[\\p{L}'’.\\-]*";
const PARTICLE = '(?:de|van|von|der|den|da|di|du|la|le|del|dos|das|ter)';
const NAME = `${NAME_WORD}(?:\\s+(?:${PARTICLE}\\s+)*${NAME_WORD}){0,4}`;
const ORG_IN_PARENS = '(?:\\s*\\(([^()]{1,60})\\))?';
const CONNECTOR = '\\s*(?:,\\s*(?:and\\s+)?|\\band\\b|&)\\s*';
const NAMES_AT_START = new RegExp(`^(${NAME})${ORG_IN_PARENS}((?:${CONNECTOR}${NAME}${ORG_IN_PARENS})*)`, 'u');
const ONE_NAME = new RegExp(`(${NAME})${ORG_IN_PARENS}`, 'gu');
const NAME_AT_END = new RegExp(`(?:^|[^\\p{L}'’.\\-])(${NAME})\\s*[,:\\-–—]?\\s*$`, 'u');

function mention(written: string, organization: string | undefined, grammar: SpeakerGrammarOptions): SpeakerMention | null {
  const name = written.replace(/(\p{Ll}{2})\.$/u, '$1'); // the period that ends the sentence
  if (!looksLikePersonName(name)) return null;
  if (!organization) return { name, organization: null, role: null };
  const affiliation = parseAffiliation(organization, grammar);
  if (affiliation.organization && !looksLikeOrganization(affiliation.organization)) return null;
  return { name, organization: affiliation.organization, role: affiliation.role };
}

/** " from Acme", " from codecentric AG" after the names: the organization of them all. */
const FROM_ORG =
  /^\s+from\s+((?!(?:the|a|an|our|their|his|her|my|all|around|across)\b)(?:\p{Lu}[\p{L}\d&-]*|\p{Ll}[\p{L}\d&-]*(?=\s+\p{Lu}))(?:\s+\p{Lu}[\p{L}\d&-]*){0,3})(?=$|[\s.,;:!?)])/u;

/** Names at the start of `text` ("Arthur Outhenin-Chalandre and Quentin Swiech was…" → two names; "… from Acme" their organization). */
export function parseNamesAtStart(text: string, grammar: SpeakerGrammarOptions = {}): SpeakerMention[] {
  const squished = squish(text);
  const m = NAMES_AT_START.exec(squished);
  if (!m) return [];
  const speakers: SpeakerMention[] = [];
  for (const one of m[0].matchAll(ONE_NAME)) {
    const speaker = mention(squish(one[1]!), one[2], grammar);
    if (!speaker) return [];
    speakers.push(speaker);
  }
  const from = FROM_ORG.exec(squished.slice(m[0].length));
  const organization = from ? parseAffiliation(from[1]!, grammar).organization : null;
  return organization && looksLikeOrganization(organization) ? speakers.map((s) => ({ ...s, organization: s.organization ?? organization })) : speakers;
}

/** The one name that ends `text` ("…a session from my colleague Raphaël Pinson," → Raphaël Pinson). */
export function parseNameAtEnd(text: string, grammar: SpeakerGrammarOptions = {}): SpeakerMention | null {
  const m = NAME_AT_END.exec(squish(text));
  return m ? mention(squish(m[1]!), undefined, grammar) : null;
}

/**
 * Speakers written in bold inside a sentence, each with the affiliation that follows it, if any:
 * `**Name (Org)**`, `**Name**, Role at Org,`, `**Name** (Org)`.
 */
export function parseBoldSpeakers(inline: readonly PhrasingContent[], grammar: SpeakerGrammarOptions = {}): SpeakerMention[] {
  const speakers: SpeakerMention[] = [];
  inline.forEach((node, index) => {
    if (node.type !== 'strong') return;
    const text = inlineText(node.children);
    const inParens = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
    const name = inParens ? inParens[1]! : text;
    let organization = inParens?.[2];
    if (!organization) {
      const following = inline[index + 1];
      const after = following?.type === 'text' ? following.value : '';
      const parens = /^\s*\(([^()]{1,60})\)/.exec(after);
      // An appositive names the organization only in the "<role> at <Org>" form.
      const appositive = /^\s*,\s*([^,]{2,120}?\s+at\s+[^,]+?)\s*(?:,|$)/.exec(after)?.[1];
      const roleAtOrg = appositive && parseAffiliation(appositive, grammar).role ? appositive : undefined;
      organization = parens?.[1] ?? roleAtOrg;
    }
    const speaker = mention(squish(name), organization, grammar);
    if (speaker) speakers.push(speaker);
  });
  return speakers;
}
