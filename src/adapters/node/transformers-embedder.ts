/** @module transformers-embedder: the Node Embedder on @xenova/transformers, loading models from a local folder only. */
import { env, pipeline, type FeatureExtractionPipeline } from '@xenova/transformers';
import type { Embedder, EmbedKind } from '../../core/ports.js';
import { embeddingProfile } from '../../core/embedding-profile.js';
import { AppError } from '../../core/errors.js';

export interface TransformersEmbedderOptions {
  modelId: string;
  /** Folder holding `<org>/<model>/` (e.g. `models/` with `Xenova/bge-small-zh-v1.5/`). */
  modelsDir: string;
  quantized?: boolean;
  batchSize?: number;
}

export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder & { calls: number }> {
  env.localModelPath = options.modelsDir.endsWith('/') ? options.modelsDir : `${options.modelsDir}/`;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  const profile = embeddingProfile(options.modelId);
  let extractor: FeatureExtractionPipeline;
  try {
    extractor = (await pipeline('feature-extraction', options.modelId, {
      quantized: options.quantized ?? true,
    })) as FeatureExtractionPipeline;
  } catch (cause) {
    throw new AppError(
      'config_invalid',
      `MODEL_ID: cannot load "${options.modelId}" from ${options.modelsDir} (models are never downloaded; put the ONNX files there)`,
      { cause },
    );
  }
  const batchSize = options.batchSize ?? 16;

  async function run(texts: string[]): Promise<Float32Array[]> {
    const output = await extractor(texts, { pooling: profile.pooling, normalize: true });
    const [n, dims] = output.dims as [number, number];
    const data = output.data as Float32Array;
    return Array.from({ length: n }, (_, i) => data.slice(i * dims, (i + 1) * dims));
  }

  const [probe] = await run(['探针']);
  const embedder = {
    modelId: options.modelId,
    dimensions: probe.length,
    calls: 0,
    async embed(texts: string[], kind: EmbedKind, opts?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      const prefix = kind === 'query' ? profile.queryPrefix : profile.passagePrefix;
      const out: Float32Array[] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        opts?.signal?.throwIfAborted();
        embedder.calls++;
        out.push(...(await run(texts.slice(i, i + batchSize).map((t) => prefix + t))));
      }
      return out;
    },
  };
  return embedder;
}
