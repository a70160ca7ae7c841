/** @module workers-ai-embedder: the Embedder on Workers AI (e.g. @cf/baai/bge-m3), with the model family's prefixes. */
import type { Embedder, EmbedKind } from '../../core/ports.js';
import { embeddingProfile, prefixOf } from '../../core/embedding-profile.js';
import type { Ai } from './bindings.js';

export function createWorkersAiEmbedder(ai: Ai, modelId: string, dimensions: number, batchSize = 50): Embedder {
  const profile = embeddingProfile(modelId);
  return {
    modelId,
    dimensions,
    async embed(texts: string[], kind: EmbedKind, options?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      const prefix = prefixOf(profile, kind);
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        options?.signal?.throwIfAborted();
        const { data } = await ai.run(modelId, { text: texts.slice(i, i + batchSize).map((t) => prefix + t) });
        for (const v of data) {
          const norm = Math.hypot(...v) || 1;
          out.push(Float32Array.from(v, (x) => x / norm));
        }
      }
      return out;
    },
  };
}
