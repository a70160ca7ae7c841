/** @module keyword-match: how much of a question keyword a text contains: whole, by a synonym, or in parts. */
import { synonymsOf } from '../normalize/synonyms.js';

export interface Keyword {
  term: string;
  weight: number;
  /** Shorter tokens inside the term (招商引资 → 招商, 引资), for partial credit. */
  parts: string[];
  synonyms: string[];
  /** The question put the term in quotes: only the quoted slogan (“三强”, not 三新三强) fully matches. */
  quoted: boolean;
}

export function buildKeywords(
  terms: string[],
  allTokens: string[],
  weightOf: (term: string) => number,
  quoted: string[] = [],
): Keyword[] {
  return terms.map((term) => ({
    quoted: quoted.includes(term),
    term,
    weight: weightOf(term),
    parts: [...new Set(allTokens.filter((t) => t !== term && t.length >= 2 && term.includes(t)))],
    synonyms: synonymsOf(term),
  }));
}

/** 1 when the text has the keyword, 0.8 for a synonym, up to 0.7 for some of its parts, else 0. */
export function keywordMatch(k: Keyword, text: string): number {
  if (k.quoted) return text.includes(`"${k.term}"`) ? 1 : text.includes(k.term) ? 0.5 : 0;
  if (text.includes(k.term)) return 1;
  if (k.synonyms.some((s) => text.includes(s))) return 0.8;
  if (k.parts.length) {
    const found = k.parts.filter((p) => text.includes(p)).length;
    return (0.7 * found) / k.parts.length;
  }
  return 0;
}
