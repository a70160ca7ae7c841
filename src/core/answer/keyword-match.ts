/** @module keyword-match: how much of a question keyword a text contains: whole, by a synonym, abbreviated, or in parts. */
import { synonymsOf } from '../normalize/synonyms.js';
import { numeralVariants } from '../normalize/chinese-numerals.js';

export interface Keyword {
  term: string;
  weight: number;
  /** Shorter tokens inside the term (招商引资 → 招商, 引资), for partial credit. */
  parts: string[];
  /** Other words for the same idea (目标 → 力争), and the term with its number written the other way (五十个 ↔ 50个). */
  synonyms: string[];
  /** The term's characters in order with a character or two between them (四基地 in 四个基地), for terms of 3+ characters. */
  spread?: RegExp;
  /** The question put the term in quotes: only the quoted slogan (“三强”, not 三新三强) fully matches. */
  quoted: boolean;
}

/** Text as a literal in a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** 四基地 → 四.?.?基.?.?地 within a short span: the spelt-out form (四个基地) of an abbreviation. */
function spreadOf(term: string): RegExp | undefined {
  if (term.length < 3 || !/^[\u4e00-\u9fff\d]+$/.test(term)) return undefined;
  return new RegExp([...term].map(escapeRegExp).join('[\\u4e00-\\u9fff]?'));
}

/**
 * `quoted`: terms the question puts in quotes. `titles`: official titles it names (县委书记), matched whole or by a
 * synonym, never spread or in parts: 县委副书记 and 纪委书记 are other offices than 县委书记, though they hold its
 * characters in order.
 */
export function buildKeywords(
  terms: string[],
  allTokens: string[],
  weightOf: (term: string) => number,
  { quoted = [], titles = [] }: { quoted?: string[]; titles?: string[] } = {},
): Keyword[] {
  return terms.map((term) => {
    const title = titles.includes(term);
    return {
      quoted: quoted.includes(term),
      term,
      weight: weightOf(term),
      parts: title ? [] : [...new Set(allTokens.filter((t) => t !== term && t.length >= 2 && term.includes(t)))],
      synonyms: [...synonymsOf(term), ...numeralVariants(term)],
      spread: title ? undefined : spreadOf(term),
    };
  });
}

/** The text writes a quoted term with quotes inside it, its parts quoted each ("一局"变"三局" for “一局变三局”). */
function quotedInParts(term: string, text: string): boolean {
  return text.includes('"') && text.replace(/"/g, '').includes(term);
}

/**
 * 1 when the text has the keyword, 0.8 for a synonym or its spelt-out form, up to 0.7 for some of its parts, else 0. A
 * quoted keyword: 1 quoted as itself, 0.8 with its parts quoted each, 0.5 unquoted (三强 inside 三新三强), else 0.
 */
export function keywordMatch(k: Keyword, text: string): number {
  if (k.quoted) return text.includes(`"${k.term}"`) ? 1 : text.includes(k.term) ? 0.5 : quotedInParts(k.term, text) ? 0.8 : 0;
  if (text.includes(k.term)) return 1;
  if (k.synonyms.some((s) => text.includes(s))) return 0.8;
  if (k.spread?.test(text)) return 0.8;
  if (k.parts.length) {
    const found = k.parts.filter((p) => text.includes(p)).length;
    return (0.7 * found) / k.parts.length;
  }
  return 0;
}

/** Where a keyword (or its synonym) first occurs in the text: start and end, or undefined. */
export function locateKeyword(k: Keyword, text: string): { start: number; end: number } | undefined {
  for (const term of [k.term, ...k.synonyms]) {
    const at = text.indexOf(term);
    if (at >= 0) return { start: at, end: at + term.length };
  }
  return undefined;
}
