/**
 * @module compact-graph: a read-only HNSW graph held in typed arrays, with its vectors as 8-bit codes (a quarter of
 * their float size), searched here and re-scored with the exact vectors. A million 512-dimensional chunks take about
 * 650 MB this way instead of 2.2 GB, so a large index loads in a fraction of the time.
 */
import type { VectorMatch } from '../ports.js';
import { dot, topMatches } from '../retrieve/best-among.js';

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

/** Graphs up to this many nodes are searched exhaustively, with exact vectors. */
const EXACT_UP_TO = 256;
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
  /** Candidates to expand, best on top; results so far, worst on top (scores negated). */
  private readonly candidates = new NodeHeap();
  private readonly results = new NodeHeap();
  /** Node by label, -1 where none (see `nodesOf`). */
  private nodeByLabel?: Int32Array;

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
   * the bottom level scored with the codes, then the beam's best k (at least 64) re-scored with the exact vectors.
   */
  search(query: Float32Array, k: number, ef: number, isLive: IsLive): VectorMatch[] {
    const { entry, maxLevel } = this.header;
    if (this.count === 0 || entry < 0 || k <= 0) return [];
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dimensions, the graph ${this.dim}`);
    const { level0, upper, upperAt, labels } = this.arrays;
    const beam = Math.max(ef, k);
    // A small graph is scored exactly, node by node: cheaper than the walk, whose beam would visit most of it anyway.
    if (this.count <= EXACT_UP_TO) return this.exhaustive(query, k, isLive);

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
    const { candidates, results } = this;
    candidates.size = 0;
    results.size = 0;
    visited[node] = mark;
    candidates.push(score, node);
    if (isLive(labels[node])) results.push(-score, node);
    while (candidates.size > 0) {
      if (results.size >= beam && candidates.topScore < -results.topScore) break;
      const current = candidates.topNode;
      candidates.pop();
      const at = current * this.width0;
      for (let x = 1, n = level0[at]; x <= n; x++) {
        const next = level0[at + x];
        if (visited[next] === mark) continue;
        visited[next] = mark;
        const s = this.approx(query, next);
        if (results.size < beam || s > -results.topScore) {
          candidates.push(s, next);
          if (isLive(labels[next])) {
            results.push(-s, next);
            if (results.size > beam) results.pop();
          }
        }
      }
    }

    // The beam's best (by codes), at least RESCORE_MIN of them, re-scored exactly: codes alone mis-order near-ties.
    while (results.size > Math.max(RESCORE_MIN, k)) results.pop();
    const nodes = Array.from({ length: results.size }, (_, i) => results.nodeAt(i));
    return this.nearestExactly(query, nodes, k);
  }

  /** The exact vectors of `labels`, in their order (a copy each); undefined when one is not in the graph. */
  vectorsOf(labels: readonly number[]): Float32Array[] | undefined {
    const nodes = this.nodesOf(labels);
    return nodes && nodes.map((node) => this.exact(node).slice());
  }

  /**
   * The `k` of `labels` nearest `query` by their exact vectors (a question searched within one document), without
   * copying them; undefined when one is not in the graph.
   */
  nearestAmong(query: Float32Array, labels: readonly number[], k: number): VectorMatch[] | undefined {
    const nodes = this.nodesOf(labels);
    return nodes && this.nearestExactly(query, nodes, k);
  }

  /** The node of each label (labels are small integers: one array, built on first use); undefined when one is missing. */
  private nodesOf(labels: readonly number[]): number[] | undefined {
    if (!this.nodeByLabel) {
      const { labels: all } = this.arrays;
      let max = -1;
      for (const label of all) max = Math.max(max, label);
      this.nodeByLabel = new Int32Array(max + 1).fill(-1);
      all.forEach((label, node) => (this.nodeByLabel![label] = node));
    }
    const byLabel = this.nodeByLabel;
    const nodes = new Array<number>(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const node = labels[i] < byLabel.length ? byLabel[labels[i]] : -1;
      if (node < 0) return undefined;
      nodes[i] = node;
    }
    return nodes;
  }

  /** The `k` live nodes nearest `query`, every node scored with its exact vector. */
  private exhaustive(query: Float32Array, k: number, isLive: IsLive): VectorMatch[] {
    const { labels } = this.arrays;
    const nodes: number[] = [];
    for (let node = 0; node < this.count; node++) if (isLive(labels[node])) nodes.push(node);
    return this.nearestExactly(query, nodes, k);
  }

  /** The `k` of `nodes` nearest `query` by their exact vectors (ties to the smaller label). */
  private nearestExactly(query: Float32Array, nodes: readonly number[], k: number): VectorMatch[] {
    const { labels } = this.arrays;
    return topMatches(k, (offer) => {
      for (const node of nodes) offer(labels[node], dot(query, this.exact(node)));
    });
  }
}

/** A max-heap of (score, node) pairs in typed arrays that grow as needed. */
class NodeHeap {
  private scores = new Float64Array(256);
  private nodes = new Int32Array(256);
  size = 0;

  get topScore(): number {
    return this.scores[0];
  }

  get topNode(): number {
    return this.nodes[0];
  }

  nodeAt(i: number): number {
    return this.nodes[i];
  }

  push(score: number, node: number): void {
    if (this.size === this.scores.length) {
      const scores = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      scores.set(this.scores);
      nodes.set(this.nodes);
      this.scores = scores;
      this.nodes = nodes;
    }
    const { scores, nodes } = this;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (scores[parent] >= score) break;
      scores[at] = scores[parent];
      nodes[at] = nodes[parent];
      at = parent;
    }
    scores[at] = score;
    nodes[at] = node;
  }

  /** Removes the top. */
  pop(): void {
    const { scores, nodes } = this;
    const size = --this.size;
    const score = scores[size];
    const node = nodes[size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && scores[child + 1] > scores[child]) child++;
      if (scores[child] <= score) break;
      scores[at] = scores[child];
      nodes[at] = nodes[child];
      at = child;
    }
    scores[at] = score;
    nodes[at] = node;
  }
}
