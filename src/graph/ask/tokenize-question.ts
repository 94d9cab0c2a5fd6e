import { foldLetters } from '../../domain/text.ts';
/** One word (or list punctuation) of a question. */
export interface QuestionToken {
  /** As written. */
  raw: string;
  /** Folded: lower case, no diacritics, no apostrophes; "&" → "and", "/" → "or", ";" → ",". */
  norm: string;
  /** Written with a possessive 's ("Rice's"). */
  possessive: boolean;
  /** A list separator (",", ";", "&", "/"): never part of a name. */
  punctuation: boolean;
}

const TOKEN_RE = /\d{4}-\d{2}-\d{2}|\d{1,2}[:.]\d{2}(?:\s?[ap]m\b)?|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*['’]?|[,;&/]/giu;
const PUNCTUATION: Record<string, string> = { ',': ',', ';': ',', '&': 'and', '/': 'or' };

/** Lower case without diacritics or apostrophes, so "Kapuścińska" and "kapuscinska" meet (the same folding as foldKey). */
export const foldWord = foldLetters;

/** Splits a question (or a vocabulary name) into tokens; other punctuation separates words and is dropped. */
export function tokenizeQuestion(text: string): QuestionToken[] {
  const tokens: QuestionToken[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const raw = match[0];
    const punct = PUNCTUATION[raw];
    if (punct) {
      tokens.push({ raw, norm: punct, possessive: false, punctuation: true });
      continue;
    }
    if (/^\d{1,2}[:.]\d{2}/.test(raw)) {
      tokens.push({ raw, norm: raw.toLowerCase().replace('.', ':').replace(/\s/g, ''), possessive: false, punctuation: false });
      continue;
    }
    const possessiveMatch = /['’]s$/i.exec(raw) ?? /['’]$/.exec(raw);
    const base = possessiveMatch ? raw.slice(0, possessiveMatch.index) : raw;
    const norm = foldWord(base);
    if (norm) tokens.push({ raw: base, norm, possessive: possessiveMatch !== null, punctuation: false });
  }
  return tokens;
}
