/**
 * @module embedder-pool: questions have their own model; when it is busy and the documents' model is idle, a question
 * batch borrows that one. Indexing never waits for questions and questions never wait behind indexing.
 */
import type { Embedder, EmbedKind } from './ports.js';

/** An Embedder that knows how many of its calls are running. */
export interface TrackedEmbedder extends Embedder {
  readonly running: number;
}

export function tracked(inner: Embedder): TrackedEmbedder {
  let running = 0;
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    get running() {
      return running;
    },
    async embed(texts: string[], kind: EmbedKind, options?: { signal?: AbortSignal }) {
      running++;
      try {
        return await inner.embed(texts, kind, options);
      } finally {
        running--;
      }
    },
  };
}

/** Question batches go to `own`, or to `spare` while `own` is working and `spare` is not. */
export function queryPool(own: TrackedEmbedder, spare: TrackedEmbedder): Embedder {
  return {
    modelId: own.modelId,
    dimensions: own.dimensions,
    embed(texts, kind, options) {
      const model = own.running > 0 && spare.running === 0 ? spare : own;
      return model.embed(texts, kind, options);
    },
  };
}
