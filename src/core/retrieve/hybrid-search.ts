/** @module hybrid-search: BM25 and vector candidates fused with a document-level prior. */
import type { Corpus, CorpusView, LoadedChunk } from '../index/corpus.js';
import type { StageTimings } from '../types.js';
import type { VectorMatch } from '../ports.js';

export interface FusionWeights {
  keyword: number;
  vector: number;
  /** Weight of the document-level BM25 score: which document the question is about. */
  document: number;
}

export interface SearchOptions {
  k: number;
  /** Candidates taken from each retriever before fusion. */
  candidates: number;
  weights: FusionWeights;
  /**
   * Search only these chunks (a question about one document, within that document): candidates are taken and scores
   * scaled among them alone, so documents added beside them change nothing of the result.
   */
  within?: readonly number[];
}

export interface ScoredChunk {
  id: number;
  chunk: LoadedChunk;
  score: number;
  keyword: number;
  vector: number;
  document: number;
}

const now = () => performance.now();
/** Nearest neighbours fetched from an index that cannot search a subset. */
const WIDE_SEARCH = 100;

/** Scales scores to [0, 1] by the best one. */
export function byMax<K>(scores: Map<K, number>): Map<K, number> {
  let max = 0;
  for (const s of scores.values()) max = Math.max(max, s);
  if (max <= 0) return new Map();
  return new Map([...scores].map(([k, s]) => [k, s / max]));
}

function top(scores: Map<number, number>, n: number): [number, number][] {
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n);
}

/** The best `k` of `ids` by inner product: exactly where the index can, else the nearest of the whole index among them. */
async function searchWithin(corpus: Corpus, query: Float32Array, ids: readonly number[], k: number): Promise<VectorMatch[]> {
  const { vectors } = corpus;
  if (vectors.searchAmong) return vectors.searchAmong(query, ids, k);
  const allowed = new Set(ids);
  const found = await vectors.search(query, Math.min(vectors.size, Math.max(k, WIDE_SEARCH)));
  return found.filter((m) => allowed.has(m.id)).slice(0, k);
}

export async function hybridSearch(
  corpus: Corpus,
  view: CorpusView,
  /** `vector` may still be on its way: keywords are scored while it comes. */
  query: { tokens: string[]; vector?: Float32Array | Promise<Float32Array>; weights?: ReadonlyMap<string, number> },
  options: SearchOptions,
  timings: StageTimings = {},
): Promise<ScoredChunk[]> {
  const within = options.within && new Set(options.within);
  let t = now();
  const scored = view.keywordScores(query.tokens, query.weights, within ? undefined : options.candidates);
  if (within) for (const id of scored.keys()) if (!within.has(id)) scored.delete(id);
  const keyword = byMax(new Map(top(scored, options.candidates)));
  timings.keyword = now() - t;

  const queryVector = await query.vector;
  t = now();
  const vector = new Map<number, number>();
  if (queryVector && corpus.vectors.size > 0) {
    const matches = within ? await searchWithin(corpus, queryVector, options.within!, options.candidates) : await corpus.vectors.search(queryVector, Math.min(options.candidates, corpus.vectors.size));
    for (const m of matches) vector.set(m.id, m.score);
  }
  timings.vector = now() - t;

  t = now();
  const chunks = await corpus.chunks([...new Set([...keyword.keys(), ...vector.keys()])]);
  const documentPrior = view.documentPrior(query.tokens);
  // Cosine similarities are rescaled between the worst and best candidate so that both retrievers weigh alike.
  let vMin = Infinity;
  let vMax = -Infinity;
  for (const s of vector.values()) [vMin, vMax] = [Math.min(vMin, s), Math.max(vMax, s)];
  const vSpan = vMax - vMin || 1;
  const { weights } = options;
  const fused: ScoredChunk[] = [];
  for (const [id, chunk] of chunks) {
    const kw = keyword.get(id) ?? 0;
    const v = vector.has(id) ? (vector.get(id)! - vMin) / vSpan : 0;
    const d = documentPrior(chunk.source);
    fused.push({
      id,
      chunk,
      keyword: kw,
      vector: vector.get(id) ?? 0,
      document: d,
      score: weights.keyword * kw + weights.vector * v + weights.document * d,
    });
  }
  fused.sort((a, b) => b.score - a.score || a.id - b.id);
  timings.fuse = now() - t;
  return fused.slice(0, options.k);
}
