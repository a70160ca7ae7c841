/**
 * @module transformers-embedder: the Node Embedder: the model's own tokenizer from @xenova/transformers and the ONNX
 * graph run by onnxruntime-node with a thread count we choose, loading models from a local folder only.
 *
 * transformers.js creates its sessions with onnxruntime's defaults (one spinning thread per core). On a small machine
 * that doubles the CPU spent per question and starves the request thread, so the session is created here instead.
 *
 * Each text is run through the model on its own. The bundled model is quantized: each layer's activations are scaled
 * to 8 bits by the range of the whole input, so texts run together (and the padding of the shorter ones) change each
 * other's vectors: a passage embedded beside another came out at cosine 0.995 to itself alone, and a question asked
 * while others were (the server runs concurrent questions together) at 0.994. Alone, a text's vector depends on the
 * text only: the same for a question under load as alone, and for a document whatever is indexed with it. Passages
 * are no slower so (no padding to the longest of a batch); short questions about 6% slower each.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import ort from 'onnxruntime-node';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@xenova/transformers';
import type { Embedder, EmbedKind } from '../../core/ports.js';
import { embeddingProfile, prefixOf, type EmbeddingProfile } from '../../core/embedding-profile.js';
import { AppError } from '../../core/errors.js';

export interface TransformersEmbedderOptions {
  modelId: string;
  /** Folder holding `<org>/<model>/` (e.g. `models/` with `Xenova/bge-small-zh-v1.5/`). */
  modelsDir: string;
  quantized?: boolean;
  /** Threads onnxruntime may use for one inference (default 1: the machine's other cores serve requests). */
  threads?: number;
}

interface Encoded {
  data: BigInt64Array;
  dims: number[];
}

/** Pools the last hidden state of one text (`[1, tokens, dims]`) into a unit vector. */
function pool(hidden: Float32Array, mask: BigInt64Array, [, tokens, dims]: number[], pooling: EmbeddingProfile['pooling']): Float32Array {
  const v = new Float32Array(dims);
  if (pooling === 'cls') v.set(hidden.subarray(0, dims));
  else {
    let count = 0;
    for (let t = 0; t < tokens; t++) {
      if (!mask[t]) continue;
      count++;
      for (let d = 0; d < dims; d++) v[d] += hidden[t * dims + d];
    }
    for (let d = 0; d < dims; d++) v[d] /= Math.max(1, count);
  }
  let sum = 0;
  for (let d = 0; d < dims; d++) sum += v[d] * v[d];
  const norm = Math.sqrt(sum) || 1;
  for (let d = 0; d < dims; d++) v[d] /= norm;
  return v;
}

export async function createTransformersEmbedder(options: TransformersEmbedderOptions): Promise<Embedder> {
  env.localModelPath = options.modelsDir.endsWith('/') ? options.modelsDir : `${options.modelsDir}/`;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  const profile = embeddingProfile(options.modelId);
  const file = join(options.modelsDir, options.modelId, 'onnx', options.quantized === false ? 'model.onnx' : 'model_quantized.onnx');
  let tokenizer: PreTrainedTokenizer;
  let session: ort.InferenceSession;
  try {
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    tokenizer = await AutoTokenizer.from_pretrained(options.modelId);
    const threads = options.threads ?? 1;
    session = await ort.InferenceSession.create(file, {
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (cause) {
    throw new AppError(
      'config_invalid',
      `MODEL_ID: cannot load "${options.modelId}" from ${options.modelsDir} (models are never downloaded; put the ONNX files there)`,
      { cause },
    );
  }
  /** The vector of one text (see the module's note on why never several at once). */
  async function run(text: string): Promise<Float32Array> {
    const encoded = tokenizer([text], { padding: false, truncation: true }) as Record<string, Encoded>;
    const mask = encoded.attention_mask;
    const feeds: Record<string, ort.Tensor> = {};
    for (const name of session.inputNames) {
      const input = encoded[name] ?? { data: new BigInt64Array(mask.data.length), dims: mask.dims };
      feeds[name] = new ort.Tensor('int64', input.data, input.dims);
    }
    const outputs = await session.run(feeds);
    const hidden = outputs[session.outputNames[0]];
    return pool(hidden.data as Float32Array, mask.data, hidden.dims as number[], profile.pooling);
  }

  const probe = await run('探针');
  const embedder = {
    modelId: options.modelId,
    dimensions: probe.length,
    async embed(texts: string[], kind: EmbedKind, opts?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      const prefix = prefixOf(profile, kind);
      const out: Float32Array[] = [];
      for (const text of texts) {
        opts?.signal?.throwIfAborted();
        out.push(await run(prefix + text));
      }
      return out;
    },
  };
  return embedder;
}
