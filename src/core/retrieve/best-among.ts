/** @module best-among: exact nearest neighbours among a few vectors (a question searched within one document). */
import type { VectorMatch } from '../ports.js';

/** The best `k` of `ids` by inner product with `query`, given their vectors in the same order. */
export function bestAmong(query: Float32Array, ids: readonly number[], vectors: ArrayLike<number>[], k: number): VectorMatch[] {
  const scored = ids.map((id, i) => {
    const v = vectors[i];
    let dot = 0;
    for (let d = 0; d < query.length; d++) dot += query[d] * v[d];
    return { id, score: dot };
  });
  return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}
