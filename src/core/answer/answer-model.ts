/**
 * @module answer-model: the learned answer stage. Each window gets a linear score; the question's own features score
 * the option of refusing. A softmax over all windows and that option gives the probability that some window answers
 * the question; below the model's threshold the bot refuses. Weights come from `npm run train` (answer-model.json).
 */
import { AppError } from '../errors.js';
import { QUESTION_FEATURES, WINDOW_FEATURES } from './window-features.js';

/** A regression tree as arrays of nodes: `f` the input split on (-1 at a leaf), go left when the input is ≤ `t`. */
export interface Tree {
  f: number[];
  t: number[];
  l: number[];
  r: number[];
  /** Value at a leaf. */
  v: number[];
}

export interface AnswerModel {
  version: 1;
  windowFeatures: string[];
  questionFeatures: string[];
  /** Weights of the window features (standardisation folded in), and the constant. */
  window: number[];
  windowBias: number;
  /** Weights of the question features for the refusal option. */
  refuse: number[];
  /**
   * Boosted trees added to both scores. Their input is the window's features, the question's features and a last
   * input that is 1 for the refusal option (whose window features are 0).
   */
  trees: Tree[];
  /** Answer when the probability that the best window's stretch of text answers is at least this (`answerChance`). */
  threshold: number;
  /** The answer is the shortest window inside the best one that scores within this of it (`narrowest`). */
  shrink: number;
  /** Longest window, characters. */
  maxLength: number;
  /** What it was trained on and how it did, cross-validated (informational). */
  trained?: unknown;
}

const sameNames = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Checks that a model fits this code's features: a stale model is refused, never applied to the wrong columns. */
export function checkAnswerModel(model: AnswerModel): AnswerModel {
  if (model.version !== 1 || !sameNames(model.windowFeatures, WINDOW_FEATURES) || !sameNames(model.questionFeatures, QUESTION_FEATURES)) {
    throw new AppError('model_invalid', 'The answer model was trained on other features than this code computes; run `npm run train`.');
  }
  if (model.window.length !== WINDOW_FEATURES.length || model.refuse.length !== QUESTION_FEATURES.length || !Array.isArray(model.trees) || !(model.shrink >= 0)) {
    throw new AppError('model_invalid', 'The answer model has the wrong number of weights; run `npm run train`.');
  }
  return model;
}

/** A model with no weights: every window alike. The features of candidate windows can be collected with it before any training. */
export function untrainedModel(maxLength: number): AnswerModel {
  return {
    version: 1,
    windowFeatures: [...WINDOW_FEATURES],
    questionFeatures: [...QUESTION_FEATURES],
    window: WINDOW_FEATURES.map(() => 0),
    windowBias: 0,
    refuse: QUESTION_FEATURES.map(() => 0),
    trees: [],
    threshold: 0.5,
    shrink: 0,
    maxLength,
  };
}

/** The linear score of the window whose features start at `at` in `f`. */
export function windowScore(model: Pick<AnswerModel, 'window' | 'windowBias'>, f: Float32Array, at = 0): number {
  let s = model.windowBias;
  const w = model.window;
  // Most features of a window are 0 (the shapes crossed with the other question types): skipping them adds nothing
  // and changes no sum, as x + w·0 is x.
  for (let i = 0; i < w.length; i++) if (f[at + i] !== 0) s += w[i] * f[at + i];
  return s;
}

export function refusalScore(model: Pick<AnswerModel, 'refuse'>, g: Float32Array): number {
  let s = 0;
  for (let i = 0; i < model.refuse.length; i++) s += model.refuse[i] * g[i];
  return s;
}

/** All trees' nodes in typed arrays, children as absolute positions (a tree walk then reads no JS arrays). */
interface PackedTrees {
  roots: Int32Array;
  f: Int32Array;
  t: Float64Array;
  l: Int32Array;
  r: Int32Array;
  v: Float64Array;
}

const packed = new WeakMap<Tree[], PackedTrees>();

function pack(trees: Tree[]): PackedTrees {
  const size = trees.reduce((n, t) => n + t.f.length, 0);
  const p: PackedTrees = {
    roots: new Int32Array(trees.length),
    f: new Int32Array(size),
    t: new Float64Array(size),
    l: new Int32Array(size),
    r: new Int32Array(size),
    v: new Float64Array(size),
  };
  let at = 0;
  trees.forEach((tree, i) => {
    p.roots[i] = at;
    for (let n = 0; n < tree.f.length; n++) {
      p.f[at + n] = tree.f[n];
      p.t[at + n] = tree.t[n];
      p.l[at + n] = at + tree.l[n];
      p.r[at + n] = at + tree.r[n];
      p.v[at + n] = tree.v[n];
    }
    at += tree.f.length;
  });
  return p;
}

export function treeScore(trees: Tree[], x: Float32Array): number {
  let p = packed.get(trees);
  // Repacked if trees were added since (training grows its list).
  if (!p || p.roots.length !== trees.length) packed.set(trees, (p = pack(trees)));
  const { roots, f, t, l, r, v } = p;
  let s = 0;
  for (let i = 0; i < roots.length; i++) {
    let n = roots[i];
    while (f[n] >= 0) n = x[f[n]] <= t[n] ? l[n] : r[n];
    s += v[n];
  }
  return s;
}

/** The trees' input (see `AnswerModel.trees`): window features (none for the refusal option), question features, refusal flag. */
export function treeInput(window: Float32Array | undefined, question: Float32Array, width: number): Float32Array {
  const x = new Float32Array(width + question.length + 1);
  if (window) x.set(window, 0);
  else x[x.length - 1] = 1;
  x.set(question, width);
  return x;
}

/** Scores of every window and of the refusal option. */
export type Scorer = Pick<AnswerModel, 'window' | 'windowBias' | 'refuse' | 'trees'>;

/** Scores of the windows, whose features are one after another in `windows`, and of the refusal option. */
export function scoreAll(model: Scorer, windows: Float32Array, question: Float32Array): { scores: Float64Array; refusal: number } {
  const width = model.window.length;
  const count = windows.length / width;
  const scores = new Float64Array(count);
  for (let i = 0; i < count; i++) scores[i] = windowScore(model, windows, i * width);
  let refusal = refusalScore(model, question);
  if (model.trees.length) {
    const x = treeInput(undefined, question, width);
    refusal += treeScore(model.trees, x);
    x[x.length - 1] = 0;
    for (let i = 0; i < count; i++) {
      x.set(windows.subarray(i * width, (i + 1) * width));
      scores[i] += treeScore(model.trees, x);
    }
  }
  return { scores, refusal };
}

/**
 * Probability that one of the windows answers: the softmax mass of the windows against the refusal option; with
 * `counted`, the mass of those windows alone (the answer is among them).
 */
export function answerProbability(scores: ArrayLike<number>, refusal: number, counted?: (i: number) => boolean): number {
  let max = refusal;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  let windows = 0;
  let chosen = 0;
  for (let i = 0; i < scores.length; i++) {
    const mass = Math.exp(scores[i] - max);
    windows += mass;
    if (!counted || counted(i)) chosen += mass;
  }
  return chosen / (windows + Math.exp(refusal - max));
}
