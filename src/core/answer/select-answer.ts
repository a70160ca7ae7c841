/** @module select-answer: scores every candidate window of the best passages with the answer model and picks one, or none. */
import type { Span } from '../types.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { answerWindows, type AnswerCandidate, type AnswerWindow, type PassageContext } from './answer-windows.js';
import { questionFeatures, windowFeatures, WINDOW_FEATURES } from './window-features.js';
import { occurrences as startsOf, passageStats } from './passage-stats.js';
import { prepareQuestion } from './prepare-question.js';
import type { FeatureContext } from './feature-context.js';
import { answerProbability, scoreAll, type AnswerModel } from './answer-model.js';
import { keywordMatch } from './keyword-match.js';
import { unstated } from './unstated.js';
import { foldText } from '../normalize/fold-text.js';
import { speakerOf } from './speaker.js';
import { namesNobodyFor } from './names-nobody.js';
import { timelessFor } from './timeless-answers.js';
import { spellsOutFor } from './unexplained-slogans.js';
import { givesTitlesFor } from './unheld-titles.js';
import { unnamedYearFor } from './other-years.js';
import { statesRankFor } from './asked-ranks.js';

export type { AnswerCandidate } from './answer-windows.js';

export interface SelectionContext extends FeatureContext {
  /** Folded text of a chunk (cached by the caller). */
  fold(chunkId: number, text: string): string;
}

export interface Selection {
  chunkId: number;
  /** Offsets of the answer in the document. */
  span: Span;
  /**
   * The answer's text: the document's at `span`, or, for a who-question, its speaker's attribution and an ellipsis
   * before it (李谦强调……), the span staying on the words that answer (see `withSpeaker`).
   */
  text: string;
  score: number;
}

export interface ScoredWindow {
  window: AnswerWindow;
  /** Offsets in the document. */
  span: Span;
  text: string;
  features: Float32Array;
  score: number;
  /** The window speaks of its report's own year only, of which the question asks another (other-years: `unnamedYear`). */
  otherYear: boolean;
}

export interface AnswerDecision {
  /** The best window, whether or not it is good enough. */
  best?: Selection;
  /** Probability that the best window's stretch of text answers the question (`answerChance`). */
  probability: number;
  /** The model's verdict: answer with `best`, or refuse. */
  answer: boolean;
  /**
   * What the question asks for that `best` does not state (`unstated`): a figure in the measure asked for (总投资是多少:
   * `money`), or the items of the slogan asked about. Refused whatever the model says: the passage names the thing,
   * not what was asked of it.
   */
  unstated?: string;
  /** Every window with its features (only when asked for: training and explanations). */
  windows?: ScoredWindow[];
  question?: Float32Array;
}

/** Where a window is: its document and offsets. */
export interface Placed {
  source: string;
  start: number;
  end: number;
}

/**
 * The best window and the probability that the answer is in its stretch of text: the softmax mass (against refusing)
 * of every window that overlaps it. The model's probability that some window answers is high whenever the right
 * passage was found, also when its best window is the wrong sentence of it; the mass on the best window's own stretch
 * is low then, as the rest goes to the sentences around it.
 */
export function answerChance(scores: ArrayLike<number>, refusal: number, placed: Placed[]): { top: number; probability: number } {
  let top = -1;
  for (let i = 0; i < scores.length; i++) if (top < 0 || scores[i] > scores[top]) top = i;
  if (top < 0) return { top, probability: 0 };
  const b = placed[top];
  return { top, probability: answerProbability(scores, refusal, (i) => placed[i].source === b.source && placed[i].start < b.end && placed[i].end > b.start) };
}

/**
 * The shortest window inside the best one that scores within `margin` of it: the model ranks windows that hold the
 * answer alike whatever their length, and a window's few words that say it read better than its whole sentence.
 */
export function narrowest(scores: ArrayLike<number>, placed: Placed[], best: number, margin: number): number {
  const b = placed[best];
  let pick = best;
  for (let i = 0; i < placed.length; i++) {
    const w = placed[i];
    if (w.source !== b.source || w.start < b.start || w.end > b.end || scores[i] < scores[best] - margin) continue;
    if (w.end - w.start < placed[pick].end - placed[pick].start) pick = i;
  }
  return pick;
}

export function selectAnswer(
  q: QuestionAnalysis,
  candidates: AnswerCandidate[],
  ctx: SelectionContext,
  model: AnswerModel,
  options: { explain?: boolean; subjectMissed?: boolean } = {},
): AnswerDecision {
  const p = prepareQuestion(q, ctx);
  // Places are found once per passage, with where they occur; a window names those inside it.
  const occurrences = new Map<PassageContext, { name: string; start: number; end: number }[]>();
  const placesIn = (passage: PassageContext, start: number, end: number) => {
    let found = occurrences.get(passage);
    if (!found) {
      found = [];
      for (const name of new Set(ctx.places(passage.folded))) {
        for (const at of startsOf(passage.folded, name)) found.push({ name, start: at, end: at + name.length });
      }
      occurrences.set(passage, found);
    }
    return [...new Set(found.filter((o) => o.start >= start && o.end <= end).map((o) => o.name))];
  };
  // A sentence that shares no word and no two characters with the question is opened only beside one that does.
  const relevant = (sentence: string) => p.keywords.some((k) => keywordMatch(k, sentence) > 0) || [...p.bigrams].some((b) => sentence.includes(b));
  // A window that names nobody a who-question asks for, or no time a when-question asks for, is no candidate (see
  // names-nobody and timeless-answers): the model weighs those that could answer. Then, each in turn, where some window
  // passes a test, the candidates are those that do: giving the title a who-question asks about (unheld-titles), stating
  // a place in a ranking for a question for one (asked-ranks), spelling out the slogan asked about (unexplained-slogans).
  // (Where none does, all stay: an answer that lacks the title or the place, or names the slogan without spelling it
  // out, is refused, `unstated`.)
  const nameless = namesNobodyFor(q);
  const untimed = timelessFor(q.folded);
  const preferred = [givesTitlesFor(q.folded), statesRankFor(q.folded), spellsOutFor(q.folded)];
  // Each window's folded text is sliced once, for the tests.
  const possible = answerWindows(candidates, { maxLength: model.maxLength, fold: ctx.fold, relevant })
    .map((w) => ({ w, text: w.passage.folded.slice(w.span.start, w.span.end) }))
    .filter(({ text }) => !nameless(text) && !untimed(text));
  const kept = preferred.reduce((items, test) => onlyWhereAny(items, ({ text }) => test(text)), possible);
  const windows = kept.map(({ w }) => w);
  const statsMemo = new Map<PassageContext, ReturnType<typeof passageStats>>();
  const stats = (passage: PassageContext) => {
    let s = statsMemo.get(passage);
    if (!s) statsMemo.set(passage, (s = passageStats(p, passage, ctx)));
    return s;
  };
  const bestVector = candidates.reduce((m, c) => Math.max(m, c.vector), 0);
  const input = { p, stats, bestVector, placesIn, maxLength: model.maxLength, clauses: new Map<string, number>() };
  // All the windows' features in one array, window after window: in CPU profiles, making a typed array (or a view)
  // for each window was among the stage's largest costs. Each is computed in `scratch`, zeroed for the next, as
  // `windowFeatures` writes only the features a window has.
  const width = WINDOW_FEATURES.length;
  const features = new Float32Array(windows.length * width);
  const scratch = new Float32Array(width);
  windows.forEach((w, i) => {
    features.set(windowFeatures(w, input, scratch), i * width);
    scratch.fill(0);
  });
  const question = questionFeatures(p, ctx, features, bestVector, options.subjectMissed ?? false);
  const { scores, refusal } = scoreAll(model, features, question);

  const at = (w: AnswerWindow): Span => ({ start: w.passage.candidate.chunk.start + w.span.start, end: w.passage.candidate.chunk.start + w.span.end });
  const placed = windows.map((w) => ({ source: w.passage.candidate.chunk.source, ...at(w) }));
  const { top: first, probability } = answerChance(scores, refusal, placed);
  const top = first < 0 ? -1 : narrowest(scores, placed, first, model.shrink);
  const textOf = (w: AnswerWindow) => w.passage.candidate.chunk.text.slice(w.span.start, w.span.end);
  const chosen = top < 0 ? undefined : { chunkId: windows[top].passage.candidate.chunk.id, span: at(windows[top]), text: textOf(windows[top]), score: scores[top] };
  // An answer about its report's own year, of which the question asks another (other-years), is refused too.
  const otherYear = unnamedYearFor(q.folded);
  const ofOtherYear = (text: string, w: AnswerWindow) => otherYear(text, (year) => ctx.documentHas(w.passage.candidate.chunk.source, year));
  const folded = chosen && foldText(chosen.text);
  const missing = folded !== undefined && (unstated(q.folded, folded) ?? (ofOtherYear(folded, windows[top]) ? 'asked-year' : undefined));
  const best = chosen && q.kind === 'person' ? withSpeaker(windows[top], chosen) : chosen;
  return {
    best,
    probability,
    answer: best !== undefined && probability >= model.threshold && !missing,
    ...(missing && { unstated: missing }),
    ...(options.explain && {
      windows: windows.map((w, i) => ({
        window: w,
        span: at(w),
        text: textOf(w),
        features: features.subarray(i * width, (i + 1) * width),
        score: scores[i],
        otherYear: ofOtherYear(kept[i].text, w),
      })),
      question,
    }),
  };
}

/** The items that pass `test`, when any does; else all of them. */
function onlyWhereAny<T>(items: T[], test: (item: T) => boolean): T[] {
  const passing = items.filter(test);
  return passing.length ? passing : items;
}

/**
 * A who-question's answer that names nobody, quoting a speech its paragraph opened with the speaker's name, starts with
 * that name (李谦强调……转变作风就要…): right before the window, the answer's stretch of text starts there; further back,
 * the two are joined by an ellipsis (the highlight stays on the window). Otherwise the selection as it is.
 */
function withSpeaker(w: AnswerWindow, selection: Selection): Selection {
  const said = speakerOf(w.passage.folded, w.span);
  if (!said) return selection;
  const text = w.passage.candidate.chunk.text;
  if (/^[，,:：\s]*$/.test(w.passage.folded.slice(said.end, w.span.start))) {
    return { ...selection, text: text.slice(said.start, w.span.end), span: { start: selection.span.start - (w.span.start - said.start), end: selection.span.end } };
  }
  return { ...selection, text: `${text.slice(said.start, said.end)}……${selection.text}` };
}
