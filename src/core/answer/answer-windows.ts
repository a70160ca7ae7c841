/** @module answer-windows: the spans of the best passages that could be quoted as an answer, with where each sits. */
import type { Span } from '../types.js';
import type { LoadedChunk } from '../index/corpus.js';
import { splitSentences } from '../chunk/split-sentences.js';

export interface AnswerCandidate {
  chunk: LoadedChunk;
  /** Retrieval score scaled so that the best candidate is 1. */
  retrieval: number;
  /** Place of the chunk in the fused ranking (0 = best); neighbours take their hit's rank. */
  rank: number;
  /** Raw scores of the chunk: keyword (scaled by the best), cosine with the question, document prior. */
  keyword: number;
  vector: number;
  document: number;
  /** The chunk was not retrieved itself but sits next to one that was. */
  neighbour: boolean;
}

/** A passage's context, folded once for all its windows. */
export interface PassageContext {
  candidate: AnswerCandidate;
  /** Folded chunk text (same length as the original). */
  folded: string;
  /** Sentences of the chunk, offsets within the chunk. */
  sentences: Span[];
}

export interface AnswerWindow {
  passage: PassageContext;
  /** Offsets within the chunk. */
  span: Span;
  /** Index of the sentence the window starts in. */
  sentence: number;
  /** Sentences the window reaches into (1 or 2). */
  sentenceCount: number;
  /** Clauses in the window. */
  clauses: number;
  startsSentence: boolean;
  endsSentence: boolean;
}

/** Clause boundaries for answer windows: commas, semicolons and colons, but not 、 (it separates list items). */
const WINDOW_BREAK = /[，,；;：:]+[”’"'」』）)】]*/g;

/** How many times `mark` occurs in `text` from `start` to before `end`. */
function countOf(text: string, mark: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(mark, start); i >= 0 && i < end; i = text.indexOf(mark, i + 1)) n++;
  return n;
}

/** Whether the quote mark at `at` opens a quotation: the same mark is found an even number of times before it. */
const opensQuote = (text: string, at: number) => countOf(text, text[at], 0, at) % 2 === 0;

function clauseSpans(folded: string, span: Span): Span[] {
  const out: Span[] = [];
  const text = folded.slice(span.start, span.end);
  let from = 0;
  WINDOW_BREAK.lastIndex = 0;
  for (let m = WINDOW_BREAK.exec(text); m; m = WINDOW_BREAK.exec(text)) {
    // Folded quotes are all `"`: one after the break that opens a quotation starts the next clause (;"三扩大"就是…).
    let end = m.index + m[0].length;
    while (end > m.index + 1 && /["']/.test(text[end - 1]) && opensQuote(text, end - 1)) end--;
    out.push({ start: span.start + from, end: span.start + end });
    from = end;
  }
  if (from < text.length) out.push({ start: span.start + from, end: span.end });
  return out;
}

const LEADING_JUNK = /[\s，,、；;：:。)）\]】”’"'」』]/;
const TRAILING_JUNK = /[\s，,、；;：:(（\[【“‘"'「『]/;

/** An ASCII quote mark the window holds another of: it opens or closes a quotation inside the window ("三新"). */
const paired = (text: string, span: Span, at: number) => (text[at] === '"' || text[at] === "'") && countOf(text, text[at], span.start, span.end) % 2 === 0;

/** Trims separators at both ends of a window so the answer reads as a phrase. */
function tidy(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && LEADING_JUNK.test(text[start]) && !paired(text, { start, end }, start)) start++;
  while (end > start && TRAILING_JUNK.test(text[end - 1]) && !paired(text, { start, end }, end - 1)) end--;
  return { start, end };
}

export interface WindowOptions {
  /** Longest window, characters; a whole sentence may be up to half as long again. */
  maxLength: number;
  /** Fold a chunk's text (cached by the caller). */
  fold(chunkId: number, text: string): string;
  /** Whether a sentence is worth opening (it shares something with the question). */
  relevant?(foldedSentence: string): boolean;
}

/**
 * Every run of whole clauses within a sentence up to `maxLength` characters, every whole sentence up to 1.5 ×
 * `maxLength`, and every pair of adjacent sentences that fits in `maxLength`. A span that two overlapping chunks
 * both hold is kept once, from the better-ranked chunk.
 */
export function answerWindows(candidates: AnswerCandidate[], options: WindowOptions): AnswerWindow[] {
  const out: AnswerWindow[] = [];
  const seen = new Set<string>();
  const ordered = [...candidates].sort((a, b) => b.retrieval - a.retrieval || a.chunk.id - b.chunk.id);
  const longest = Math.round(options.maxLength * 1.5);
  for (const candidate of ordered) {
    const { chunk } = candidate;
    const folded = options.fold(chunk.id, chunk.text);
    const passage: PassageContext = { candidate, folded, sentences: splitSentences(chunk.text) };
    const push = (w: Omit<AnswerWindow, 'passage' | 'span'>, raw: Span, limit: number) => {
      const span = tidy(chunk.text, raw);
      const length = span.end - span.start;
      if (length < 2 || length > limit) return;
      const key = `${chunk.source}:${chunk.start + span.start}:${chunk.start + span.end}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ passage, span, ...w });
    };
    const relevant = passage.sentences.map((s) => options.relevant?.(folded.slice(s.start, s.end)) ?? true);
    passage.sentences.forEach((sentence, si) => {
      if (relevant[si]) {
        const parts = clauseSpans(folded, sentence);
        for (let i = 0; i < parts.length; i++) {
          for (let j = i; j < parts.length; j++) {
            const whole = i === 0 && j === parts.length - 1;
            if (parts[j].end - parts[i].start > (whole ? longest : options.maxLength)) break;
            push(
              { sentence: si, sentenceCount: 1, clauses: j - i + 1, startsSentence: i === 0, endsSentence: j === parts.length - 1 },
              { start: parts[i].start, end: parts[j].end },
              whole ? longest : options.maxLength,
            );
          }
        }
      }
      const next = passage.sentences[si + 1];
      if (next && (relevant[si] || relevant[si + 1])) {
        push(
          { sentence: si, sentenceCount: 2, clauses: clauseSpans(folded, sentence).length + clauseSpans(folded, next).length, startsSentence: true, endsSentence: true },
          { start: sentence.start, end: next.end },
          options.maxLength,
        );
      }
    });
  }
  return out;
}
