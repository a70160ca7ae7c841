/**
 * @module batching-embedder: gathers concurrent single-query embeddings into one model call.
 * A query waits one turn of the event loop for company; queries that arrive while a call is running go together in
 * the next one, so throughput grows with load instead of latency.
 */
import type { Embedder, EmbedKind } from './ports.js';

/** The next turn of the event loop: setImmediate where the runtime has it (Node), else a zero timeout. */
const nextTurn: (fn: () => void) => void =
  typeof (globalThis as { setImmediate?: unknown }).setImmediate === 'function'
    ? (fn) => (globalThis as unknown as { setImmediate(f: () => void): void }).setImmediate(fn)
    : (fn) => setTimeout(fn, 0);

interface Pending {
  text: string;
  resolve(v: Float32Array): void;
  reject(e: unknown): void;
  signal?: AbortSignal;
}

export function createBatchingEmbedder(inner: Embedder, maxBatch = 32): Embedder & { batches: number[] } {
  const queue: Pending[] = [];
  const batches: number[] = [];
  let running = false;

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      while (queue.length) {
        const batch = queue.splice(0, maxBatch).filter((p) => {
          if (p.signal?.aborted) p.reject(p.signal.reason);
          return !p.signal?.aborted;
        });
        if (!batch.length) continue;
        batches.push(batch.length);
        if (batches.length > 1000) batches.splice(0, 500);
        try {
          const vectors = await inner.embed(batch.map((p) => p.text), 'query');
          batch.forEach((p, i) => p.resolve(vectors[i]));
        } catch (e) {
          for (const p of batch) p.reject(e);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    batches,
    embed(texts: string[], kind: EmbedKind, options?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      if (kind !== 'query' || texts.length !== 1) return inner.embed(texts, kind, options);
      return new Promise<Float32Array>((resolve, reject) => {
        queue.push({ text: texts[0], resolve, reject, signal: options?.signal });
        // Let the requests that arrived in this turn of the event loop join the same call.
        if (queue.length === 1) nextTurn(() => void pump());
      }).then((v) => [v]);
    },
  };
}
