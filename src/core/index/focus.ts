/** @module focus: which document a term names the subject of (平陆 → the 平陆 speech), from its per-document counts. */
import { CHINESE_NUMERAL_CHARS } from '../normalize/chinese-numerals.js';

/** Subjects are names (平陆, 衡水湖, x区), not figures or years. */
const SUBJECT = /[\u4e00-\u9fff]|^[a-z][区县市]$/;

/**
 * The document holding most of a term's occurrences (the first one on a tie, in indexing order) and the share of
 * occurrences found there; none when the term is no name, occurs there less than twice, or the corpus has one document.
 */
export function focusOf<K>(term: string, postings: Iterable<{ key: K; tf: number }>, documents: number): { key: K; share: number } | undefined {
  if (!SUBJECT.test(term)) return undefined;
  let total = 0;
  let best: { key: K; tf: number } | undefined;
  for (const p of postings) {
    total += p.tf;
    if (p.tf > 0 && (!best || p.tf > best.tf)) best = p;
  }
  if (!best || best.tf < 2 || documents < 2) return undefined;
  return { key: best.key, share: best.tf / total };
}

/** Numerals alone (四, 二百) are figures. */
const NUMERALS = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+$`);

/**
 * Whether a question's term may name the document it is about: two characters or more, not numerals. In a corpus of a
 * few speeches a single character (四, 湖, 建) may sit in one of them by chance, and 平陆的四基地 is not about the report
 * that has 四 in it. (Such terms still count as the document's own in the search's weights.)
 */
export function namesSubject(term: string): boolean {
  return term.length >= 2 && !NUMERALS.test(term);
}
