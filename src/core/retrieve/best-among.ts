/** @module best-among: exact nearest neighbours among a few vectors (a question searched within one document). */
import type { VectorMatch } from '../ports.js';

/** Whether `a` ranks before `b`: the higher score, then the smaller id (so that ties do not depend on order). */
const before = (a: VectorMatch, b: VectorMatch) => a.score > b.score || (a.score === b.score && a.id < b.id);

/**
 * The best `k` of what `fill` offers, best first, kept in a sorted array of at most `k` (a document of tens of
 * thousands of passages is not sorted whole for the eight a question needs).
 */
export function topMatches(k: number, fill: (offer: (id: number, score: number) => void) => void): VectorMatch[] {
  const best: VectorMatch[] = [];
  if (k <= 0) return best;
  fill((id, score) => {
    const match = { id, score };
    if (best.length === k && !before(match, best[k - 1])) return;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && before(match, best[at - 1])) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = match;
  });
  return best;
}

/** Inner product of two vectors of the query's length. */
export function dot(query: Float32Array, v: ArrayLike<number>): number {
  let s = 0;
  for (let d = 0; d < query.length; d++) s += query[d] * v[d];
  return s;
}

/** The best `k` of `ids` by inner product with `query`, given their vectors in the same order. */
export function bestAmong(query: Float32Array, ids: readonly number[], vectors: ArrayLike<number>[], k: number): VectorMatch[] {
  return topMatches(k, (offer) => ids.forEach((id, i) => offer(id, dot(query, vectors[i]))));
}
