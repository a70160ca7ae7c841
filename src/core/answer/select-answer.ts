/** @module select-answer: picks the clause window, among the best passages, that answers the question. */
import type { Span } from '../types.js';
import type { LoadedChunk } from '../index/corpus.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { answerTypeScore } from './answer-types.js';
import { splitSentences } from '../chunk/split-sentences.js';
import { buildKeywords, keywordMatch } from './keyword-match.js';

export interface AnswerCandidate {
  chunk: LoadedChunk;
  /** Retrieval score scaled so that the best candidate is 1. */
  retrieval: number;
}

export interface SelectionContext {
  /** Inverse document frequency of a keyword over chunks. */
  idf(term: string): number;
  /** Whether the document `source` contains the term anywhere. */
  documentHas(source: string, term: string): boolean;
  /** Whether the term names what the document `source` is about (平陆 for the 平陆 speech). */
  documentFocus(source: string, term: string): boolean;
  /** Whether the term names some document's subject: it picks the document, not the sentence. */
  isFocus(term: string): boolean;
  /** The document's title: a repeated page header is not an answer. */
  title(source: string): string;
  /** Folded text of a chunk (cached by the caller). */
  fold(chunkId: number, text: string): string;
  /** Folded heading or title (cached by the caller). */
  foldLabel(text: string): string;
  places(folded: string): string[];
}

export interface Selection {
  chunkId: number;
  /** Offsets of the answer in the document. */
  span: Span;
  text: string;
  /** Keyword coverage and answer-type fit, 0..1: how sure we are that this answers the question. */
  confidence: number;
  /** Coverage of the keywords that are not a document's subject (招商, 目标 in 平陆招商目标是多少). */
  contentCoverage: number;
  score: number;
}

export interface SelectOptions {
  /** Longest answer window, characters. */
  maxLength: number;
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

const LEADING_JUNK = /[\s，,、；;：:。)）\]】”’"']/;
const TRAILING_JUNK = /[\s，,、；;：:(（\[【“‘"']/;

/** Trims separators at both ends of a window so the answer reads as a phrase. */
function tidy(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && LEADING_JUNK.test(text[start])) start++;
  while (end > start && TRAILING_JUNK.test(text[end - 1])) end--;
  return { start, end };
}

const MARK = /[\p{P}\p{S}\s]/u;

/** `counts[i]`: characters before offset i that are not punctuation, symbols or space. */
function wordCharCounts(folded: string): Uint32Array {
  const counts = new Uint32Array(folded.length + 1);
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) {
      counts[i + 1] = counts[i] + 1; // the common case, without a regular expression
      continue;
    }
    const pair = folded.codePointAt(i)! > 0xffff;
    const word = MARK.test(pair ? folded.slice(i, i + 2) : folded[i]) ? 0 : 1;
    counts[i + 1] = counts[i] + word;
    if (pair) counts[++i + 1] = counts[i] + word;
  }
  return counts;
}

const QUANTITIES = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿|千|百)?\s*(?:%|个|项|家|名|位|人|次|件|条|所|座|批|种|亩|元|吨|户|台|辆|倍|公里|千瓦|兆瓦)/g;

/** Targets and figures come in groups (50个项目, 200亿元投资, 60%开工率): the whole group answers a 多少 question. */
function completenessBonus(q: QuestionAnalysis, folded: string): number {
  if (q.kind !== 'number' || q.unit) return 0;
  const n = folded.match(QUANTITIES)?.length ?? 0;
  return 0.04 * Math.min(3, Math.max(0, n - 1));
}

/** The best window of each sentence of the top passages, best first. */
export function rankWindows(
  q: QuestionAnalysis,
  candidates: AnswerCandidate[],
  ctx: SelectionContext,
  options: SelectOptions,
): Selection[] {
  const ranked: Selection[] = [];
  const keywords = buildKeywords(
    q.keywords,
    q.tokens,
    (k) => Math.max(0.5, ctx.idf(k)) * (q.quoted.includes(k) ? 2 : 1) * (ctx.isFocus(k) ? 0.3 : 1),
    q.quoted,
  );
  const totalWeight = keywords.reduce((a, k) => a + k.weight, 0) || 1;
  const content = keywords.map((k) => !ctx.isFocus(k.term));
  const contentWeight = keywords.reduce((a, k, n) => a + (content[n] ? k.weight : 0), 0);
  const maxLength = q.kind === 'list' ? options.maxLength * 1.35 : options.maxLength;
  // For a list the shape of the answer (several items) says more than the words around it.
  const [coverageWeight, typeWeight] = q.kind === 'list' ? [0.5, 0.35] : [0.6, 0.25];

  const placeMemo = new Map<string, string[]>();
  const places = (text: string) => {
    let found = placeMemo.get(text);
    if (!found) placeMemo.set(text, (found = ctx.places(text)));
    return found;
  };

  for (const { chunk, retrieval } of candidates) {
    const foldedChunk = ctx.fold(chunk.id, chunk.text);
    // Credit for keywords found outside the window: in the passage, or elsewhere in the document (平陆 names the speech).
    const heading = chunk.heading ? ctx.foldLabel(chunk.heading) : '';
    const title = ctx.foldLabel(ctx.title(chunk.source));
    const wordChars = wordCharCounts(foldedChunk);
    // Content words count only weakly when they are elsewhere in the passage, and not at all elsewhere in the document.
    const contentFallback = keywords.map((k) => Math.max(0.7 * keywordMatch(k, heading), 0.3 * keywordMatch(k, foldedChunk)));
    const fallback = keywords.map((k) =>
      ctx.documentFocus(chunk.source, k.term)
        ? 1
        : Math.max(0.7 * keywordMatch(k, heading), 0.6 * keywordMatch(k, foldedChunk), ctx.documentHas(chunk.source, k.term) ? 0.45 : 0),
    );
    for (const sentence of splitSentences(chunk.text)) {
      let best: Selection | undefined;
      const foldedSentence = foldedChunk.slice(sentence.start, sentence.end);
      // A sentence with none of the question's words and nothing of the answer's kind cannot answer it.
      if (keywords.every((k) => keywordMatch(k, foldedSentence) === 0) && answerTypeScore(q, foldedSentence, places) === 0) continue;
      const parts = clauses(foldedSentence, sentence.start);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i; j < parts.length; j++) {
          const span = tidy(chunk.text, { start: parts[i].start, end: parts[j].end });
          const length = span.end - span.start;
          if (length > maxLength && j > i) break;
          if (length < 2) continue;
          const folded = foldedChunk.slice(span.start, span.end);
          if (title.includes(folded)) continue;
          let covered = 0;
          let contentCovered = 0;
          let echoed = 0;
          keywords.forEach((k, n) => {
            const m = keywordMatch(k, folded);
            if (m === 1) echoed += k.term.length;
            covered += k.weight * Math.max(m, fallback[n]);
            if (content[n]) contentCovered += k.weight * Math.max(m, contentFallback[n]);
          });
          const coverage = covered / totalWeight;
          const contentCoverage = contentWeight ? contentCovered / contentWeight : 1;
          const type = answerTypeScore(q, folded, places);
          // A window that only repeats the question's words ("三强"是目标) tells the reader nothing.
          const informative = Math.min(1, Math.max(0, wordChars[span.end] - wordChars[span.start] - echoed) / 4);
          const whole = i === 0 && j === parts.length - 1 && length <= maxLength ? 0.04 : 0;
          const confidence = (0.7 * coverage + 0.3 * type) * (0.5 + 0.5 * informative);
          const score =
            (coverageWeight * coverage + typeWeight * type + 0.15 * retrieval) * (0.5 + 0.5 * informative) +
            whole +
            completenessBonus(q, folded) -
            0.08 * Math.min(1, length / maxLength);
          if (!best || score > best.score) {
            best = {
              chunkId: chunk.id,
              span: { start: chunk.start + span.start, end: chunk.start + span.end },
              text: chunk.text.slice(span.start, span.end),
              confidence,
              contentCoverage,
              score,
            };
          }
        }
      }
      if (best) ranked.push(best);
    }
  }
  return ranked.sort((a, b) => b.score - a.score);
}

export function selectAnswer(
  q: QuestionAnalysis,
  candidates: AnswerCandidate[],
  ctx: SelectionContext,
  options: SelectOptions,
): Selection | undefined {
  return rankWindows(q, candidates, ctx, options)[0];
}
