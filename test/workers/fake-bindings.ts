/**
 * In-test implementations of the Workers AI and Vectorize binding APIs (the real ones need Cloudflare's network).
 * The AI returns vectors from a table the Node test computed with the real model, so both runtimes see the same
 * vectors; Vectorize keeps vectors in memory and answers exact cosine top-K.
 */
import type { Ai, VectorizeIndex } from '../../src/adapters/workers/bindings.js';

export function createTableAi(table: Record<string, number[]>, calls: { texts: number }): Ai {
  return {
    async run(_model, { text }) {
      calls.texts += text.length;
      return {
        data: text.map((t) => {
          const v = table[t];
          if (!v) throw new Error(`no stored vector for: ${t.slice(0, 40)}`);
          return v;
        }),
      };
    },
  };
}

export function createMemoryVectorize(): VectorizeIndex & { size(): number } {
  const store = new Map<string, Float32Array>();
  return {
    size: () => store.size,
    async upsert(vectors) {
      for (const v of vectors) store.set(v.id, Float32Array.from(v.values));
      return { count: vectors.length };
    },
    async deleteByIds(ids) {
      for (const id of ids) store.delete(id);
      return { count: ids.length };
    },
    async getByIds(ids) {
      return ids.filter((id) => store.has(id)).map((id) => ({ id, values: store.get(id)! }));
    },
    async query(vector, options) {
      const q = Float32Array.from(vector);
      const matches = [...store].map(([id, v]) => {
        let dot = 0;
        for (let i = 0; i < q.length; i++) dot += q[i] * v[i];
        return { id, score: dot };
      });
      matches.sort((a, b) => b.score - a.score || Number(a.id) - Number(b.id));
      return { matches: matches.slice(0, options?.topK ?? 5), count: Math.min(matches.length, options?.topK ?? 5) };
    },
  };
}
