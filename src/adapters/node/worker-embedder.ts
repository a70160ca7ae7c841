/**
 * @module worker-embedder: the Embedder in a worker thread, so that model inference never blocks the event loop
 * that serves requests. One worker serves queries and another indexing, so questions never wait behind ingestion.
 */
import type { Embedder, EmbedKind } from '../../core/ports.js';
import { AppError } from '../../core/errors.js';
import type { TransformersEmbedderOptions } from './transformers-embedder.js';
import { startTsWorker } from './ts-worker.js';
import { oneAtATime } from './one-at-a-time.js';

interface Waiting {
  resolve(v: Float32Array[]): void;
  reject(e: unknown): void;
}

/**
 * Model workers of a process load one at a time, each once the previous one is ready: onnxruntime-node's binding keeps
 * one constructor reference per process, and two threads loading it at once can free it twice, which aborts the
 * process ("Check failed: node->IsInUse()", microsoft/onnxruntime#23794; seen once in 25 server starts under load).
 */
export const createWorkerEmbedder = oneAtATime(startWorkerEmbedder);

async function startWorkerEmbedder(options: TransformersEmbedderOptions): Promise<Embedder & { close(): Promise<void> }> {
  const worker = startTsWorker(new URL('./embed-worker.ts', import.meta.url), options);
  const waiting = new Map<number, Waiting>();
  // Requests the worker has not answered yet, aborted ones included: terminating it mid-inference crashes the process.
  const outstanding = new Set<number>();
  let drained: (() => void) | undefined;
  let closing = false;
  let next = 0;
  const info = await new Promise<{ modelId: string; dimensions: number }>((resolve, reject) => {
    worker.once('message', (m) => (m.type === 'ready' ? resolve(m) : reject(new AppError('config_invalid', m.message))));
    worker.once('error', reject);
  });
  worker.on('message', (m: { type: string; id: number; vectors?: Float32Array[]; message?: string }) => {
    outstanding.delete(m.id);
    if (outstanding.size === 0) drained?.();
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.type === 'result') w.resolve(m.vectors!);
    else w.reject(new Error(m.message));
  });
  worker.on('error', (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
    outstanding.clear();
    drained?.();
  });

  return {
    modelId: info.modelId,
    dimensions: info.dimensions,
    embed(texts: string[], kind: EmbedKind, opts?: { signal?: AbortSignal }): Promise<Float32Array[]> {
      opts?.signal?.throwIfAborted();
      if (closing) return Promise.reject(new AppError('timeout', 'The model is being stopped (the server is shutting down).'));
      const id = next++;
      return new Promise<Float32Array[]>((resolve, reject) => {
        const signal = opts?.signal;
        // The worker finishes the batch either way; an aborted caller just stops waiting for it.
        const onAbort = () => {
          waiting.delete(id);
          reject(signal!.reason);
        };
        // An upload passes one signal to thousands of batches: each lets go of its listener when it settles.
        const settle = () => signal?.removeEventListener('abort', onAbort);
        waiting.set(id, {
          resolve: (v) => (settle(), resolve(v)),
          reject: (e) => (settle(), reject(e)),
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        outstanding.add(id);
        worker.postMessage({ id, texts, kind });
      });
    },
    /** Takes no more requests, waits for those the worker is running (stopping it mid-inference aborts the process), then stops it. */
    async close() {
      closing = true;
      if (outstanding.size) await new Promise<void>((resolve) => (drained = resolve));
      await worker.terminate();
    },
  };
}
