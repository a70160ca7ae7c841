/**
 * @module fit-trees: gradient-boosted regression trees on top of the linear answer model, for the interactions a sum
 * of weights cannot express (coverage counts only when the answer's shape is there too). Same objective: one
 * softmax per question over its windows and the refusal option. Newton steps, histogram splits, deterministic.
 */
import type { AnswerExample } from './answer-examples.js';
import { sampledWindows, type FitOptions, type FittedWeights } from './fit-answer-model.js';
import { refusalScore, treeInput, windowScore, type Tree } from '../core/answer/answer-model.js';

export interface TreeOptions {
  trees: number;
  depth: number;
  learningRate: number;
  /** L2 on leaf values (in units of question weight). */
  lambda: number;
  /** Least hessian a leaf may hold. */
  minHessian: number;
  /** Share of the features a tree may split on. */
  featureShare: number;
  bins: number;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Rows {
  /** Inputs, row after row. */
  x: Float32Array;
  width: number;
  count: number;
  /** Rows of each question: [from, to); the question's refusal row is `to - 1`. */
  from: Uint32Array;
  to: Uint32Array;
  logCount: Float32Array;
  target: Uint8Array;
  base: Float64Array;
}

function buildRows(examples: AnswerExample[], linear: FittedWeights, options: FitOptions): Rows {
  const width = examples[0].width;
  const inputWidth = width + examples[0].question.length + 1;
  const picked = examples.map((e) => sampledWindows(e, options));
  const count = picked.reduce((a, p) => a + p.rows.length + 1, 0);
  const rows: Rows = {
    x: new Float32Array(count * inputWidth),
    width: inputWidth,
    count,
    from: new Uint32Array(examples.length),
    to: new Uint32Array(examples.length),
    logCount: new Float32Array(count),
    target: new Uint8Array(count),
    base: new Float64Array(count),
  };
  let at = 0;
  examples.forEach((e, q) => {
    rows.from[q] = at;
    const refuse = picked[q].rows.every((r) => !r.target);
    for (const r of picked[q].rows) {
      const f = e.features.subarray(r.index * width, (r.index + 1) * width);
      rows.x.set(treeInput(f, e.question, width), at * inputWidth);
      rows.logCount[at] = r.logCount;
      rows.target[at] = r.target ? 1 : 0;
      rows.base[at] = windowScore(linear, f);
      at++;
    }
    rows.x.set(treeInput(undefined, e.question, width), at * inputWidth);
    rows.target[at] = refuse ? 1 : 0;
    rows.base[at] = refusalScore(linear, e.question);
    at++;
    rows.to[q] = at;
  });
  return rows;
}

/** Bin edges per input (quantiles of its distinct values) and every row's bin. */
function binRows(rows: Rows, bins: number): { edges: Float32Array[]; binned: Uint8Array } {
  const edges: Float32Array[] = [];
  const step = Math.max(1, Math.floor(rows.count / 20000));
  for (let j = 0; j < rows.width; j++) {
    const sample: number[] = [];
    for (let r = 0; r < rows.count; r += step) sample.push(rows.x[r * rows.width + j]);
    sample.sort((a, b) => a - b);
    const cuts: number[] = [];
    for (let b = 1; b < bins; b++) {
      const v = sample[Math.floor((b * sample.length) / bins)];
      if (cuts.length === 0 || v > cuts[cuts.length - 1]) cuts.push(v);
    }
    // A cut at the largest value splits nothing off.
    while (cuts.length && cuts[cuts.length - 1] >= sample[sample.length - 1]) cuts.pop();
    edges.push(Float32Array.from(cuts));
  }
  // Column after column: a split scans one input over many rows.
  const binned = new Uint8Array(rows.count * rows.width);
  for (let r = 0; r < rows.count; r++) {
    for (let j = 0; j < rows.width; j++) {
      const v = rows.x[r * rows.width + j];
      const e = edges[j];
      let lo = 0;
      let hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= e[mid]) hi = mid;
        else lo = mid + 1;
      }
      binned[j * rows.count + r] = lo;
    }
  }
  return { edges, binned };
}

interface Node {
  rows: Uint32Array;
}

function growTree(
  rows: Rows,
  binned: Uint8Array,
  edges: Float32Array[],
  grad: Float64Array,
  hess: Float64Array,
  features: number[],
  options: TreeOptions,
): { tree: Tree; leafOf: Int32Array } {
  const tree: Tree = { f: [], t: [], l: [], r: [], v: [] };
  const leafOf = new Int32Array(rows.count);
  const maxBins = options.bins;
  const addLeaf = (idx: Uint32Array) => {
    let g = 0;
    let h = 0;
    for (const r of idx) {
      g += grad[r];
      h += hess[r];
    }
    const id = tree.f.length;
    tree.f.push(-1);
    tree.t.push(0);
    tree.l.push(-1);
    tree.r.push(-1);
    tree.v.push((-g / (h + options.lambda)) * options.learningRate);
    for (const r of idx) leafOf[r] = id;
    return id;
  };
  const build = (node: Node, depth: number): number => {
    const idx = node.rows;
    if (depth >= options.depth || idx.length < 2) return addLeaf(idx);
    let G = 0;
    let H = 0;
    for (const r of idx) {
      G += grad[r];
      H += hess[r];
    }
    const parentGain = (G * G) / (H + options.lambda);
    let best = { gain: 1e-9, feature: -1, bin: -1 };
    const hg = new Float64Array(maxBins);
    const hh = new Float64Array(maxBins);
    for (const j of features) {
      const cuts = edges[j].length;
      if (cuts === 0) continue;
      hg.fill(0);
      hh.fill(0);
      const column = j * rows.count;
      for (const r of idx) {
        const b = binned[column + r];
        hg[b] += grad[r];
        hh[b] += hess[r];
      }
      let gl = 0;
      let hl = 0;
      for (let b = 0; b < cuts; b++) {
        gl += hg[b];
        hl += hh[b];
        const hr = H - hl;
        if (hl < options.minHessian || hr < options.minHessian) continue;
        const gr = G - gl;
        const gain = (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda) - parentGain;
        if (gain > best.gain) best = { gain, feature: j, bin: b };
      }
    }
    if (best.feature < 0) return addLeaf(idx);
    const left: number[] = [];
    const right: number[] = [];
    const column = best.feature * rows.count;
    for (const r of idx) (binned[column + r] <= best.bin ? left : right).push(r);
    const id = tree.f.length;
    tree.f.push(best.feature);
    tree.t.push(edges[best.feature][best.bin]);
    tree.l.push(-1);
    tree.r.push(-1);
    tree.v.push(0);
    tree.l[id] = build({ rows: Uint32Array.from(left) }, depth + 1);
    tree.r[id] = build({ rows: Uint32Array.from(right) }, depth + 1);
    return id;
  };
  build({ rows: Uint32Array.from({ length: rows.count }, (_, i) => i) }, 0);
  return { tree, leafOf };
}

/** Trees fitted to what the linear model leaves: each one a Newton step on the softmax objective. */
export function fitTrees(examples: AnswerExample[], linear: FittedWeights, fit: FitOptions, options: TreeOptions): Tree[] {
  const usable = examples.filter((e) => !e.refusedByRule && e.width > 0);
  if (!usable.length) return [];
  const rows = buildRows(usable, linear, fit);
  const { edges, binned } = binRows(rows, options.bins);
  const weights = usable.map(fit.weightOf);
  const scores = Float64Array.from(rows.base);
  const grad = new Float64Array(rows.count);
  const hess = new Float64Array(rows.count);
  const next = random(20261202);
  const trees: Tree[] = [];
  for (let t = 0; t < options.trees; t++) {
    usable.forEach((_, q) => {
      const from = rows.from[q];
      const to = rows.to[q];
      let max = -Infinity;
      for (let r = from; r < to; r++) max = Math.max(max, scores[r] + rows.logCount[r]);
      let z = 0;
      let zt = 0;
      for (let r = from; r < to; r++) {
        z += Math.exp(scores[r] + rows.logCount[r] - max);
        if (rows.target[r]) zt += Math.exp(scores[r] + rows.logCount[r] - max);
      }
      for (let r = from; r < to; r++) {
        const p = Math.exp(scores[r] + rows.logCount[r] - max) / z;
        const post = rows.target[r] ? Math.exp(scores[r] + rows.logCount[r] - max) / zt : 0;
        grad[r] = weights[q] * (p - post);
        hess[r] = weights[q] * Math.max(p * (1 - p), 1e-6);
      }
    });
    const features: number[] = [];
    for (let j = 0; j < rows.width; j++) if (next() < options.featureShare) features.push(j);
    const { tree, leafOf } = growTree(rows, binned, edges, grad, hess, features, options);
    for (let r = 0; r < rows.count; r++) scores[r] += tree.v[leafOf[r]];
    trees.push(tree);
  }
  return trees;
}
