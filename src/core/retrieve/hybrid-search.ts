/** @module hybrid-search: BM25 and vector candidates fused with a document-level prior. */
import type { Corpus, CorpusView, LoadedChunk } from '../index/corpus.js';
import type { StageTimings } from '../types.js';

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

export async function hybridSearch(
  corpus: Corpus,
  view: CorpusView,
  /** `vector` may still be on its way: keywords are scored while it comes. */
  query: { tokens: string[]; vector?: Float32Array | Promise<Float32Array>; weights?: ReadonlyMap<string, number> },
  options: SearchOptions,
  timings: StageTimings = {},
): Promise<ScoredChunk[]> {
  let t = now();
  const keyword = byMax(new Map(top(view.keywordScores(query.tokens, query.weights, options.candidates), options.candidates)));
  timings.keyword = now() - t;

  const queryVector = await query.vector;
  t = now();
  const vector = new Map<number, number>();
  if (queryVector && corpus.vectors.size > 0) {
    for (const m of await corpus.vectors.search(queryVector, Math.min(options.candidates, corpus.vectors.size))) {
      vector.set(m.id, m.score);
    }
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
