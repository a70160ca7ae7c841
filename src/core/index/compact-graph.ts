/**
 * @module compact-graph: a read-only HNSW graph held in typed arrays, with its vectors as 8-bit codes (a quarter of
 * their float size), searched here and re-scored with the exact vectors. A million 512-dimensional chunks take about
 * 650 MB this way instead of 2.2 GB, so a large index loads in a fraction of the time.
 */
import type { VectorMatch } from '../ports.js';

export interface CompactGraphHeader {
  dimensions: number;
  /** Most neighbours per node on the upper levels, and on the bottom level. */
  maxM: number;
  maxM0: number;
  /** Where searches start: a node on the top level (-1 when the graph is empty). */
  entry: number;
  maxLevel: number;
}

export interface CompactGraphArrays {
  /** Per node, `maxM0 + 1` words: the neighbour count, then the neighbours. */
  level0: Uint32Array;
  /** Per node, where its upper levels start in `upper` (-1: bottom level only). */
  upperAt: Int32Array;
  /** Per upper level of a node, `maxM + 1` words: the neighbour count, then the neighbours. */
  upper: Uint32Array;
  /** Per node, the caller's id for it. */
  labels: Uint32Array;
  /** Per node, what one step of its codes is worth. */
  scales: Float32Array;
  /** Per node, `dimensions` signed 8-bit codes. */
  codes: Int8Array;
}

/** Quantises `vector` into `codes[offset…]` (symmetric, per vector) and returns the scale of one step. */
export function quantize(vector: Float32Array, codes: Int8Array, offset: number): number {
  let max = 0;
  for (let j = 0; j < vector.length; j++) max = Math.max(max, Math.abs(vector[j]));
  const scale = max / 127 || 1;
  for (let j = 0; j < vector.length; j++) codes[offset + j] = Math.round(vector[j] / scale);
  return scale;
}

/** Fewest nodes re-scored with their exact vectors. */
const RESCORE_MIN = 64;

/** Ids that are in use: deleted chunks stay in the graph until it is rewritten. */
export type IsLive = (label: number) => boolean;

export class CompactGraph {
  readonly count: number;
  private readonly dim: number;
  private readonly width0: number;
  private readonly width: number;
  /** Visit marks: a node is visited in this search when its mark equals `epoch`. */
  private visited: Uint16Array;
  private epoch = 0;
  /** Candidates, best first (max-heap), and results, worst first (min-heap). */
  private candScore = new Float64Array(1024);
  private candNode = new Int32Array(1024);
  private topScore = new Float64Array(1024);
  private topNode = new Int32Array(1024);

  constructor(
    readonly header: CompactGraphHeader,
    readonly arrays: CompactGraphArrays,
    /** The exact vector of a node, for the final scores. */
    private readonly exact: (node: number) => Float32Array,
  ) {
    this.dim = header.dimensions;
    this.width0 = header.maxM0 + 1;
    this.width = header.maxM + 1;
    this.count = arrays.labels.length;
    this.visited = new Uint16Array(this.count);
    const { level0, upperAt, scales, codes } = arrays;
    if (level0.length !== this.count * this.width0 || upperAt.length !== this.count || scales.length !== this.count || codes.length !== this.count * this.dim) {
      throw new Error('compact graph: arrays disagree on the node count');
    }
  }

  private approx(query: Float32Array, node: number): number {
    const codes = this.arrays.codes;
    const at = node * this.dim;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const whole = this.dim - (this.dim % 4);
    for (let j = 0; j < whole; j += 4) {
      s0 += query[j] * codes[at + j];
      s1 += query[j + 1] * codes[at + j + 1];
      s2 += query[j + 2] * codes[at + j + 2];
      s3 += query[j + 3] * codes[at + j + 3];
    }
    for (let j = whole; j < this.dim; j++) s0 += query[j] * codes[at + j];
    return (s0 + s1 + s2 + s3) * this.arrays.scales[node];
  }

  /**
   * The `k` live nodes nearest `query` by inner product: greedy descent through the upper levels, a beam of `ef` on
   * the bottom level scored with the codes, then the best `k` of the beam re-scored with the exact vectors.
   */
  search(query: Float32Array, k: number, ef: number, isLive: IsLive): VectorMatch[] {
    const { entry, maxLevel } = this.header;
    if (this.count === 0 || entry < 0 || k <= 0) return [];
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dimensions, the graph ${this.dim}`);
    const { level0, upper, upperAt, labels } = this.arrays;
    const beam = Math.max(ef, k);

    let node = entry;
    let score = this.approx(query, node);
    for (let level = maxLevel; level >= 1; level--) {
      for (let moved = true; moved; ) {
        moved = false;
        const at = upperAt[node] + (level - 1) * this.width;
        for (let x = 1, n = upper[at]; x <= n; x++) {
          const next = upper[at + x];
          const s = this.approx(query, next);
          if (s > score) {
            score = s;
            node = next;
            moved = true;
          }
        }
      }
    }

    if (++this.epoch === 65536) {
      this.visited.fill(0);
      this.epoch = 1;
    }
    const mark = this.epoch;
    const visited = this.visited;
    let candidates = 0;
    let results = 0;
    this.visited[node] = mark;
    candidates = this.pushCandidate(candidates, score, node);
    if (isLive(labels[node])) results = this.pushResult(results, score, node);
    while (candidates > 0) {
      const best = this.candScore[0];
      if (results >= beam && best < this.topScore[0]) break;
      const current = this.candNode[0];
      candidates = this.popCandidate(candidates);
      const at = current * this.width0;
      for (let x = 1, n = level0[at]; x <= n; x++) {
        const next = level0[at + x];
        if (visited[next] === mark) continue;
        visited[next] = mark;
        const s = this.approx(query, next);
        if (results < beam || s > this.topScore[0]) {
          candidates = this.pushCandidate(candidates, s, next);
          if (isLive(labels[next])) {
            results = this.pushResult(results, s, next);
            if (results > beam) results = this.popResult(results);
          }
        }
      }
    }

    // The beam's best (by codes) re-scored exactly, twice as many as asked for: codes alone mis-order near-ties.
    while (results > Math.max(RESCORE_MIN, 2 * k)) results = this.popResult(results);
    const out: VectorMatch[] = [];
    for (let i = 0; i < results; i++) {
      const vector = this.exact(this.topNode[i]);
      let s = 0;
      for (let j = 0; j < this.dim; j++) s += query[j] * vector[j];
      out.push({ id: labels[this.topNode[i]], score: s });
    }
    return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
  }

  private grow(size: number): void {
    if (size < this.candScore.length && size < this.topScore.length) return;
    const more = <T extends Float64Array | Int32Array>(a: T): T => {
      if (size < a.length) return a;
      const b = new (a.constructor as { new (n: number): T })(a.length * 2);
      b.set(a);
      return b;
    };
    this.candScore = more(this.candScore);
    this.candNode = more(this.candNode);
    this.topScore = more(this.topScore);
    this.topNode = more(this.topNode);
  }

  private pushCandidate(size: number, score: number, node: number): number {
    this.grow(size + 1);
    const s = this.candScore;
    const n = this.candNode;
    let at = size;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (s[parent] >= score) break;
      s[at] = s[parent];
      n[at] = n[parent];
      at = parent;
    }
    s[at] = score;
    n[at] = node;
    return size + 1;
  }

  private popCandidate(size: number): number {
    const s = this.candScore;
    const n = this.candNode;
    const last = --size;
    const score = s[last];
    const node = n[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && s[child + 1] > s[child]) child++;
      if (s[child] <= score) break;
      s[at] = s[child];
      n[at] = n[child];
      at = child;
    }
    s[at] = score;
    n[at] = node;
    return size;
  }

  private pushResult(size: number, score: number, node: number): number {
    this.grow(size + 1);
    const s = this.topScore;
    const n = this.topNode;
    let at = size;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (s[parent] <= score) break;
      s[at] = s[parent];
      n[at] = n[parent];
      at = parent;
    }
    s[at] = score;
    n[at] = node;
    return size + 1;
  }

  private popResult(size: number): number {
    const s = this.topScore;
    const n = this.topNode;
    const last = --size;
    const score = s[last];
    const node = n[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && s[child + 1] < s[child]) child++;
      if (s[child] >= score) break;
      s[at] = s[child];
      n[at] = n[child];
      at = child;
    }
    s[at] = score;
    n[at] = node;
    return size;
  }
}
