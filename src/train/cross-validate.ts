/** @module cross-validate: out-of-fold predictions of the answer model (folds by group, never by question) and their figures. */
import type { AnswerExample } from './answer-examples.js';
import { fitAnswerModel, type FitOptions } from './fit-answer-model.js';
import { fitTrees, type TreeOptions } from './fit-trees.js';
import { scoreAll, type Scorer } from '../core/answer/answer-model.js';
import { answerChance, narrowest } from '../core/answer/select-answer.js';
import { fnv1a } from './fnv1a.js';
import { unstated } from '../core/answer/unstated.js';
import { foldText } from '../core/normalize/fold-text.js';

export interface Prediction {
  example: AnswerExample;
  /** Probability that the best window's stretch of text answers (0 when a rule refused). */
  probability: number;
  /** The best window holds the answer. */
  correct: boolean;
  length: number;
}

/** FNV-1a of the group: the same fold on every run and every machine. */
export function foldOf(e: AnswerExample, folds: number): number {
  return fnv1a(e.group) % folds;
}

/** The linear model, then the trees on what it leaves (none when `trees.trees` is 0). */
export function fitScorer(examples: AnswerExample[], options: FitOptions, trees: TreeOptions): Scorer {
  const linear = fitAnswerModel(examples, options);
  return { ...linear, trees: trees.trees > 0 ? fitTrees(examples, linear, options, trees) : [] };
}

export function predict(model: Scorer, e: AnswerExample, shrink = 0): Prediction {
  if (e.refusedByRule || e.windows === 0) return { example: e, probability: 0, correct: false, length: 0 };
  const { scores, refusal } = scoreAll(model, e.features.subarray(0, e.windows * e.width), e.question);
  const { top, probability } = answerChance(scores, refusal, e.placed);
  const best = narrowest(scores, e.placed, top, shrink);
  // The engine refuses an answer that does not state what the question asks for (unstated), or speaks of another year.
  if (best >= 0 && (e.otherYear[best] === 1 || unstated(foldText(e.query), foldText(e.texts[best])))) return { example: e, probability: 0, correct: false, length: 0 };
  return {
    example: e,
    probability,
    correct: e.correct[best] === 1,
    length: e.lengths[best],
  };
}

/** One model per fold, each fitted without that fold's examples. */
export function foldModels(examples: AnswerExample[], options: FitOptions, trees: TreeOptions, folds: number, onFold?: (k: number) => void): Scorer[] {
  const models: Scorer[] = [];
  for (let k = 0; k < folds; k++) {
    models.push(fitScorer(examples.filter((e) => foldOf(e, folds) !== k), options, trees));
    onFold?.(k);
  }
  return models;
}

/** Each example predicted by the model that did not see its fold. */
export function outOfFold(models: Scorer[], examples: AnswerExample[], shrink = 0): Prediction[] {
  return examples.map((e) => predict(models[foldOf(e, models.length)], e, shrink));
}

export interface Outcome {
  items: number;
  correct: number;
  refused: number;
  wrong: number;
  overall: number;
  median_answer_chars: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The eval metrics that a threshold gives (answer when the probability reaches it). */
export function outcome(predictions: Prediction[], threshold: number): Outcome {
  const answerable = predictions.filter((p) => p.example.answerable);
  const unanswerable = predictions.filter((p) => !p.example.answerable);
  const answers = (p: Prediction) => p.probability >= threshold && p.probability > 0;
  const correct = answerable.filter((p) => answers(p) && p.correct).length;
  const wrong = answerable.filter((p) => answers(p) && !p.correct).length;
  const refused = unanswerable.filter((p) => !answers(p)).length;
  const lengths = predictions.filter(answers).map((p) => p.length).sort((a, b) => a - b);
  return {
    items: predictions.length,
    correct: round(correct / Math.max(1, answerable.length)),
    refused: unanswerable.length ? round(refused / unanswerable.length) : 1,
    wrong: round(wrong / Math.max(1, answerable.length)),
    overall: round((correct + refused) / Math.max(1, predictions.length)),
    median_answer_chars: lengths.length ? lengths[Math.ceil(lengths.length / 2) - 1] : 0,
  };
}

/** Figures per set. */
export function outcomesBySet(predictions: Prediction[], threshold: number): Record<string, Outcome> {
  const sets = [...new Set(predictions.map((p) => p.example.set))];
  return Object.fromEntries(sets.map((s) => [s, outcome(predictions.filter((p) => p.example.set === s), threshold)]));
}

/**
 * The largest margin for narrowing answers (`narrowest`) that costs no set more than `tolerance` of its correct
 * answers, out of fold, at the threshold the answers are given at.
 */
export function chooseShrink(models: Scorer[], examples: AnswerExample[], candidates: number[], tolerance: number, threshold: number): number {
  const correct = (shrink: number) => outcomesBySet(outOfFold(models, examples, shrink), threshold);
  const base = correct(0);
  let chosen = 0;
  for (const margin of candidates) {
    const now = correct(margin);
    if (Object.entries(now).every(([set, o]) => o.correct >= base[set].correct - tolerance)) chosen = Math.max(chosen, margin);
  }
  return chosen;
}

/**
 * The threshold that handles the most questions right (`overall`), each set counting alike, on out-of-fold
 * predictions. Thresholds closer to the best than one question of the smallest set are tied with it (the figures
 * cannot tell them apart), and the tie goes to the highest of them: fewer wrong answers, which mislead, where a
 * refusal still shows the passages that may be related.
 */
export function chooseThreshold(predictions: Prediction[]): number {
  if (predictions.length === 0) return 0.5;
  const sets = [...new Set(predictions.map((p) => p.example.set))];
  const bySet = sets.map((set) => predictions.filter((p) => p.example.set === set));
  const right = (ps: Prediction[], t: number) =>
    ps.filter((p) => (p.example.answerable ? p.probability >= t && p.probability > 0 && p.correct : !(p.probability >= t && p.probability > 0))).length / ps.length;
  const scored: { threshold: number; score: number }[] = [];
  for (let k = 5; k <= 95; k++) {
    const t = k / 100;
    scored.push({ threshold: t, score: bySet.reduce((a, ps) => a + right(ps, t), 0) / bySet.length });
  }
  const tie = 1 / Math.min(...bySet.map((ps) => ps.length)) / bySet.length;
  const best = Math.max(...scored.map((s) => s.score));
  return Math.max(...scored.filter((s) => s.score > best - tie + 1e-12).map((s) => s.threshold));
}
