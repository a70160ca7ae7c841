/** @module embed-worker: runs the transformers.js model in a worker thread (see worker-embedder). */
import { parentPort, workerData } from 'node:worker_threads';
import { createTransformersEmbedder, type TransformersEmbedderOptions } from './transformers-embedder.js';
import type { EmbedKind } from '../../core/ports.js';

const port = parentPort!;
try {
  const embedder = await createTransformersEmbedder(workerData as TransformersEmbedderOptions);
  port.postMessage({ type: 'ready', modelId: embedder.modelId, dimensions: embedder.dimensions });
  port.on('message', async (m: { id: number; texts: string[]; kind: EmbedKind }) => {
    try {
      const vectors = await embedder.embed(m.texts, m.kind);
      port.postMessage({ type: 'result', id: m.id, vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
    } catch (e) {
      port.postMessage({ type: 'error', id: m.id, message: e instanceof Error ? e.message : String(e) });
    }
  });
} catch (e) {
  port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
