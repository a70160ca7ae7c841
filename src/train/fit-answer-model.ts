/**
 * @module fit-answer-model: fits the answer model's weights to training examples. One softmax per question over its
 * windows and the refusal option; the target is the windows that hold the answer (any of them), or refusing when none
 * does or the question has no answer in the corpus. L2-regularised, scaled features, L-BFGS: deterministic.
 */
import type { AnswerExample } from './answer-examples.js';
import { minimize } from './lbfgs.js';
import { fnv1a } from './fnv1a.js';

export interface FitOptions {
  /** L2 penalty per unit of example weight. */
  l2: number;
  iterations: number;
  /** Weight of a question, by its set (sets of different sizes count as the caller wants). */
  weightOf: (example: AnswerExample) => number;
  /** Windows that are not targets are sampled down to about this many per question (weighted to stand for the rest). */
  negatives: number;
}

export interface FittedWeights {
  window: number[];
  windowBias: number;
  refuse: number[];
}

interface Scaling {
  mean: Float64Array;
  scale: Float64Array;
}

function scaling(rows: Iterable<{ data: Float32Array; width: number; count: number }>, width: number, keepFirst = false): Scaling {
  const sum = new Float64Array(width);
  const sq = new Float64Array(width);
  let n = 0;
  for (const { data, count } of rows) {
    for (let r = 0; r < count; r++) {
      for (let j = 0; j < width; j++) {
        const v = data[r * width + j];
        sum[j] += v;
        sq[j] += v * v;
      }
      n++;
    }
  }
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  for (let j = 0; j < width; j++) {
    mean[j] = n ? sum[j] / n : 0;
    const variance = n ? sq[j] / n - mean[j] * mean[j] : 0;
    scale[j] = variance > 1e-12 ? Math.sqrt(variance) : 1;
  }
  if (keepFirst) {
    mean[0] = 0;
    scale[0] = 1;
  }
  return { mean, scale };
}

/**
 * Indices of the target windows: every window that holds the answer. (Restricting them to the shortest ones taught
 * the model to cut answers short: cross-validated correct fell from 0.79 to 0.67 on CMRC.)
 */
export function targetWindows(e: AnswerExample): number[] {
  if (!e.answerable) return [];
  const out: number[] = [];
  for (let i = 0; i < e.windows; i++) if (e.correct[i]) out.push(i);
  return out;
}

/** A window as the objective reads it: its non-zero scaled features, and how many windows it stands for. */
interface Row {
  index: Uint16Array;
  value: Float32Array;
  /** log of the number of windows it stands for (negatives are sampled). */
  logCount: number;
  target: boolean;
}

/** Deterministic pseudo-random number in [0, 1) for a window (FNV-1a). */
function unit(id: string, i: number): number {
  return fnv1a(`${id}#${i}`) / 2 ** 32;
}

/**
 * The windows of a question that training reads: every target, and the others sampled down to about
 * `options.negatives`, each standing for as many as it replaces (`logCount`).
 */
export function sampledWindows(e: AnswerExample, options: Pick<FitOptions, 'negatives'>): { rows: { index: number; logCount: number; target: boolean }[] } {
  const targets = new Set(targetWindows(e));
  const keep = Math.min(1, options.negatives / Math.max(1, e.windows - targets.size));
  const rows: { index: number; logCount: number; target: boolean }[] = [];
  for (let r = 0; r < e.windows; r++) {
    const target = targets.has(r);
    if (!target && keep < 1 && unit(e.id, r) >= keep) continue;
    rows.push({ index: r, logCount: target ? 0 : -Math.log(keep), target });
  }
  return { rows };
}

export function fitAnswerModel(examples: AnswerExample[], options: FitOptions): FittedWeights {
  const usable = examples.filter((e) => !e.refusedByRule && e.width > 0);
  const width = usable[0]?.width ?? 0;
  const qWidth = usable[0]?.question.length ?? 0;
  // Window features are scaled but not centred, so that zeros stay zeros (most shape features are 0 for most windows).
  const ws = scaling(usable.map((e) => ({ data: e.features, width, count: e.windows })), width);
  const qs = scaling(usable.map((e) => ({ data: e.question, width: qWidth, count: 1 })), qWidth, true);
  const rows: Row[][] = usable.map((e) =>
    sampledWindows(e, options).rows.map(({ index: r, logCount, target }) => {
      const index: number[] = [];
      const value: number[] = [];
      for (let j = 0; j < width; j++) {
        const v = e.features[r * width + j];
        if (v !== 0) {
          index.push(j);
          value.push(v / ws.scale[j]);
        }
      }
      return { index: Uint16Array.from(index), value: Float32Array.from(value), logCount, target };
    }),
  );
  const h = usable.map((e) => Float64Array.from(e.question, (v, j) => (v - qs.mean[j]) / qs.scale[j]));
  const refuseTarget = rows.map((r) => !r.some((row) => row.target));
  const weights = usable.map(options.weightOf);
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
  const B = width;
  const V = width + 1;

  const objective = (x: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let q = 0; q < usable.length; q++) {
      const windows = rows[q];
      const scores = new Float64Array(windows.length);
      let s0 = 0;
      for (let k = 0; k < qWidth; k++) s0 += x[V + k] * h[q][k];
      let max = s0;
      windows.forEach((row, r) => {
        let s = x[B];
        for (let k = 0; k < row.index.length; k++) s += x[row.index[k]] * row.value[k];
        scores[r] = s;
        if (s + row.logCount > max) max = s + row.logCount;
      });
      let sumAll = Math.exp(s0 - max);
      let targetSum = 0;
      windows.forEach((row, r) => {
        sumAll += Math.exp(scores[r] + row.logCount - max);
        if (row.target) targetSum += Math.exp(scores[r] - max);
      });
      const logZ = max + Math.log(sumAll);
      const logTarget = refuseTarget[q] ? s0 : max + Math.log(targetSum);
      const w = weights[q] / totalWeight;
      loss += w * (logZ - logTarget);
      // d/ds_r = p_r - posterior among targets; d/ds0 = p0 - [refusing is the target].
      const g0 = w * (Math.exp(s0 - logZ) - (refuseTarget[q] ? 1 : 0));
      for (let k = 0; k < qWidth; k++) grad[V + k] += g0 * h[q][k];
      windows.forEach((row, r) => {
        const pr = Math.exp(scores[r] + row.logCount - logZ);
        const post = row.target ? Math.exp(scores[r] - max) / targetSum : 0;
        const g = w * (pr - post);
        grad[B] += g;
        for (let k = 0; k < row.index.length; k++) grad[row.index[k]] += g * row.value[k];
      });
    }
    for (let j = 0; j < width; j++) {
      loss += 0.5 * options.l2 * x[j] * x[j];
      grad[j] += options.l2 * x[j];
    }
    for (let k = 1; k < qWidth; k++) {
      loss += 0.5 * options.l2 * x[V + k] * x[V + k];
      grad[V + k] += options.l2 * x[V + k];
    }
    return loss;
  };

  const { x } = minimize(objective, new Float64Array(width + 1 + qWidth), { iterations: options.iterations });
  // Fold the scaling into the weights, so that the model reads raw features.
  const window = Array.from({ length: width }, (_, j) => x[j] / ws.scale[j]);
  const refuse = Array.from({ length: qWidth }, (_, k) => (k === 0 ? 0 : x[V + k] / qs.scale[k]));
  refuse[0] = x[V];
  for (let k = 1; k < qWidth; k++) refuse[0] -= (x[V + k] * qs.mean[k]) / qs.scale[k];
  return { window, windowBias: x[B], refuse };
}
