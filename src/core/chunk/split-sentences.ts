/** @module split-sentences: Chinese sentence and clause boundaries, as offsets into the original text. */
import type { Span } from '../types.js';

const SENTENCE_END = /[。！？!?…]+[”’"'」』）)】]*|\n+/g;
const CLAUSE_END = /[，,、：:]+[”’"'」』）)】]*/g;

function splitBy(text: string, span: Span, boundary: RegExp): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  let from = 0;
  boundary.lastIndex = 0;
  const push = (a: number, b: number) => {
    let s = a;
    let e = b;
    while (s < e && /\s/.test(slice[s])) s++;
    while (e > s && /\s/.test(slice[e - 1])) e--;
    if (e > s) out.push({ start: span.start + s, end: span.start + e });
  };
  for (let m = boundary.exec(slice); m; m = boundary.exec(slice)) {
    push(from, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(from, slice.length);
  return out;
}

/** Sentences end at 。！？… (with any closing quote) or a line break; semicolons stay inside (they join list items). */
export const splitSentences = (text: string, span: Span = { start: 0, end: text.length }): Span[] =>
  splitBy(text, span, SENTENCE_END);

/** Clauses end at ，、：within a sentence. */
export const splitClauses = (text: string, span: Span): Span[] => splitBy(text, span, CLAUSE_END);
