import { describe, expect, it } from 'vitest';
import { bestAmong, topMatches } from '../src/core/retrieve/best-among.js';

describe('the best few of many matches', () => {
  it('keeps what a full sort keeps, ties to the smaller id, whatever the order they come in', () => {
    let s = 5;
    const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Scores from a few values, so that ties are many.
    const matches = Array.from({ length: 500 }, (_, i) => ({ id: (i * 37) % 500, score: Math.floor(next() * 20) / 20 }));
    const sorted = [...matches].sort((a, b) => b.score - a.score || a.id - b.id);
    for (const k of [0, 1, 2, 7, 64, 500, 900]) {
      expect(topMatches(k, (offer) => matches.forEach((m) => offer(m.id, m.score)))).toEqual(sorted.slice(0, k));
      expect(topMatches(k, (offer) => [...matches].reverse().forEach((m) => offer(m.id, m.score)))).toEqual(sorted.slice(0, k));
    }
  });

  it('ranks vectors by inner product with the question', () => {
    const vectors = [Float32Array.of(1, 0), Float32Array.of(0.6, 0.8), Float32Array.of(0, 1), Float32Array.of(0.6, 0.8)];
    expect(bestAmong(Float32Array.of(0, 1), [10, 11, 12, 13], vectors, 3).map((m) => m.id)).toEqual([12, 11, 13]);
  });
});
