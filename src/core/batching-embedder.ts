/**
 * @module batching-embedder: gathers concurrent single-query embeddings into one call to the embedder (one message to
 * a model worker on Node, one Workers AI request on the Worker). A query waits one turn of the event loop for company;
 * queries that arrive while the calls are running go together in the next one, so throughput grows with load instead
 * of latency. On Node the model then runs each text on its own (transformers-embedder), so a call's vectors come back
 * together, after its last text.
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

/**
 * `maxInFlight` calls may run at once: while the model works on one batch, the results of the previous one are turned
 * into answers, instead of the model and the request thread waiting for each other in turn.
 */
export function createBatchingEmbedder(inner: Embedder, maxBatch = 8, maxInFlight = 2): Embedder & { batches: number[] } {
  const queue: Pending[] = [];
  const batches: number[] = [];
  let inFlight = 0;
  let scheduled = false;

  function schedule(): void {
    if (scheduled || !queue.length || inFlight >= maxInFlight) return;
    scheduled = true;
    // Let the requests that arrived in this turn of the event loop join the same call.
    nextTurn(() => {
      scheduled = false;
      dispatch();
    });
  }

  function dispatch(): void {
    while (queue.length && inFlight < maxInFlight) {
      const batch = queue.splice(0, maxBatch).filter((p) => {
        if (p.signal?.aborted) p.reject(p.signal.reason);
        return !p.signal?.aborted;
      });
      if (!batch.length) continue;
      batches.push(batch.length);
      if (batches.length > 1000) batches.splice(0, 500);
      inFlight++;
      const settle = (each: (p: Pending, i: number) => void) => {
        // Hand the model its next batch before this one's answers occupy the thread.
        inFlight--;
        dispatch();
        batch.forEach(each);
      };
      inner.embed(batch.map((p) => p.text), 'query').then(
        (vectors) => settle((p, i) => p.resolve(vectors[i])),
        (e) => settle((p) => p.reject(e)),
      );
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
        schedule();
      }).then((v) => [v]);
    },
  };
}
