/** @module select-answer: picks the clause window, among the best passages, that answers the question. */
import type { Chunk, Span } from '../types.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { answerTypeScore } from './answer-types.js';
import { splitSentences } from '../chunk/split-sentences.js';
import { foldText } from '../normalize/fold-text.js';

export interface AnswerCandidate {
  chunk: Chunk;
  /** Retrieval score scaled so that the best candidate is 1. */
  retrieval: number;
}

export interface SelectionContext {
  /** Inverse document frequency of a keyword over chunks. */
  idf(term: string): number;
  /** Whether the document `source` contains the term anywhere. */
  documentHas(source: string, term: string): boolean;
  places(folded: string): string[];
}

export interface Selection {
  chunkId: number;
  /** Offsets of the answer in the document. */
  span: Span;
  text: string;
  /** Keyword coverage and answer-type fit, 0..1: how sure we are that this answers the question. */
  confidence: number;
  score: number;
}

export interface SelectOptions {
  /** Longest answer window, characters. */
  maxLength: number;
  /** Passages searched for the answer. */
  passages: number;
}

/** Clause boundaries for answer windows: commas, semicolons and colons, but not 、 (it separates list items). */
const WINDOW_BREAK = /[，,；;：:]+[”’"'」』）)】]*/g;

function clauses(folded: string, base: number): Span[] {
  const out: Span[] = [];
  let from = 0;
  WINDOW_BREAK.lastIndex = 0;
  for (let m = WINDOW_BREAK.exec(folded); m; m = WINDOW_BREAK.exec(folded)) {
    out.push({ start: base + from, end: base + m.index + m[0].length });
    from = m.index + m[0].length;
  }
  if (from < folded.length) out.push({ start: base + from, end: base + folded.length });
  return out;
}

const LEADING_JUNK = /^[\s，,、；;：:。)）\]】”’"']+/;
const TRAILING_JUNK = /[\s，,、；;：:(（\[【“‘"']+$/;

/** Trims separators at both ends of a window so the answer reads as a phrase. */
function tidy(text: string, span: Span): Span {
  const slice = text.slice(span.start, span.end);
  const lead = slice.length - slice.replace(LEADING_JUNK, '').length;
  const trail = slice.length - slice.replace(TRAILING_JUNK, '').length;
  return { start: span.start + lead, end: Math.max(span.start + lead, span.end - trail) };
}

export function selectAnswer(
  q: QuestionAnalysis,
  candidates: AnswerCandidate[],
  ctx: SelectionContext,
  options: SelectOptions,
): Selection | undefined {
  const weights = q.keywords.map((k) => Math.max(0.5, ctx.idf(k)) * (q.quoted.includes(k) ? 2 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const maxLength = q.kind === 'list' ? options.maxLength * 1.35 : options.maxLength;
  let best: Selection | undefined;

  for (const { chunk, retrieval } of candidates.slice(0, options.passages)) {
    const foldedChunk = foldText(chunk.text);
    // Credit for keywords found outside the window: in the passage, or elsewhere in the document (平陆 names the speech).
    const fallback = q.keywords.map((k) =>
      foldedChunk.includes(k) ? 0.6 : ctx.documentHas(chunk.source, k) ? 0.45 : 0,
    );
    for (const sentence of splitSentences(chunk.text)) {
      const parts = clauses(foldedChunk.slice(sentence.start, sentence.end), sentence.start);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i; j < parts.length; j++) {
          const span = tidy(chunk.text, { start: parts[i].start, end: parts[j].end });
          const length = span.end - span.start;
          if (length > maxLength && j > i) break;
          if (length < 2) continue;
          const folded = foldedChunk.slice(span.start, span.end);
          let covered = 0;
          q.keywords.forEach((k, n) => {
            covered += weights[n] * (folded.includes(k) ? 1 : fallback[n]);
          });
          const coverage = covered / totalWeight;
          const type = answerTypeScore(q, folded, ctx.places);
          const whole = i === 0 && j === parts.length - 1 ? 0.04 : 0;
          const confidence = 0.7 * coverage + 0.3 * type;
          const score = 0.6 * coverage + 0.25 * type + 0.15 * retrieval + whole - 0.08 * Math.min(1, length / maxLength);
          if (!best || score > best.score) {
            best = {
              chunkId: chunk.id,
              span: { start: chunk.start + span.start, end: chunk.start + span.end },
              text: chunk.text.slice(span.start, span.end),
              confidence,
              score,
            };
          }
        }
      }
    }
  }
  return best;
}
