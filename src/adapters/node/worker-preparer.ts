/**
 * @module worker-preparer: the Node DocumentPreparer: parsing and preparing (place detection, segmentation) run in a
 * worker thread, so that a large upload never blocks the event loop that answers questions. The prepared document comes
 * back a piece at a time, each decoded in its own turn of the event loop. A preparation whose signal aborts is dropped
 * at once; the worker is stopped if it was busy with it, and a fresh one starts for the next document. The worker
 * starts with the preparer, so that loading its parsers and dictionary overlaps with whatever else is starting.
 */
import type { Worker } from 'node:worker_threads';
import type { Chunk, DocumentMeta, PreparedDocument } from '../../core/types.js';
import type { DocumentFile, DocumentPreparer } from '../../core/ports.js';
import type { ChunkingOptions } from '../../core/chunk/chunk-document.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../../core/errors.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits.js';
import { startTsWorker } from './ts-worker.js';
import { oneAtATime } from './one-at-a-time.js';

export interface PrepareWorkerSettings {
  limits: ParseLimits;
  chunking: ChunkingOptions;
  /** Tokens per piece sent back (a piece of 16k tokens decodes in a few milliseconds). */
  pieceTokens: number;
}

export type ToPrepareWorker = { type: 'prepare'; id: number; file: DocumentFile } | { type: 'more'; id: number; from: number };

type FromPrepareWorker =
  | { type: 'prepared'; id: number; meta: DocumentMeta; count: number }
  | { type: 'piece'; id: number; chunks: Chunk[]; passages: string[] }
  | { type: 'error'; id: number; code: string; message: string };

const turn = () => new Promise((resolve) => setImmediate(resolve));

export function createWorkerPreparer({
  limits = DEFAULT_PARSE_LIMITS,
  chunking,
  pieceTokens = 16_384,
}: Partial<PrepareWorkerSettings> & { chunking: ChunkingOptions }): DocumentPreparer & { close(): Promise<void> } {
  const settings: PrepareWorkerSettings = { limits, chunking, pieceTokens };
  let worker: Worker | undefined;
  let next = 0;
  /** The one preparation in the worker: documents go one at a time, so that stopping the worker stops only that one. */
  let current: { id: number; worker: Worker; deliver(m: FromPrepareWorker): void; fail(e: unknown): void } | undefined;

  function started(): Worker {
    if (worker) return worker;
    const w = startTsWorker(new URL('./prepare-worker.ts', import.meta.url), settings);
    w.on('message', (m: FromPrepareWorker) => {
      if (current?.id === m.id) current.deliver(m);
    });
    const lost = (e: unknown) => {
      if (worker === w) worker = undefined;
      if (current?.worker === w) current.fail(e);
    };
    w.on('error', (e) => lost(e));
    w.on('exit', (code) => lost(new Error(`the document reader stopped (exit code ${code})`)));
    return (worker = w);
  }

  /** Replies to the current preparation, one at a time; rejects when the signal aborts or the worker fails. */
  function run(file: DocumentFile, signal: AbortSignal | undefined): Promise<PreparedDocument> {
    const id = next++;
    const w = started();
    const replies: FromPrepareWorker[] = [];
    let waiting: { resolve(m: FromPrepareWorker): void; reject(e: unknown): void } | undefined;
    let failure: unknown;
    const fail = (e: unknown) => {
      failure ??= e;
      waiting?.reject(failure);
    };
    current = {
      id,
      worker: w,
      deliver: (m) => (waiting ? waiting.resolve(m) : replies.push(m)),
      fail: (e) => fail(new AppError('document_unreadable', `${file.source}: ${e instanceof Error ? e.message : String(e)}`, { cause: e })),
    };
    const onAbort = () => {
      fail(signal!.reason);
      // The worker may be deep in a long preparation: stopping it frees its CPU for questions. A fresh one loads
      // meanwhile, ready for the next document.
      if (worker === w) worker = undefined;
      void w.terminate();
      started();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const reply = (): Promise<FromPrepareWorker> => {
      if (failure !== undefined) return Promise.reject(failure);
      const m = replies.shift();
      if (m) return Promise.resolve(m);
      return new Promise((resolve, reject) => {
        waiting = {
          resolve: (r) => {
            waiting = undefined;
            resolve(r);
          },
          reject,
        };
      });
    };
    const asError = (m: Extract<FromPrepareWorker, { type: 'error' }>) =>
      new AppError(m.code in ERROR_CODES ? (m.code as ErrorCode) : 'document_unreadable', m.message);

    return (async () => {
      try {
        signal?.throwIfAborted();
        w.postMessage({ type: 'prepare', id, file } satisfies ToPrepareWorker);
        const head = await reply();
        if (head.type === 'error') throw asError(head);
        if (head.type !== 'prepared') throw new Error(`document reader: unexpected ${head.type}`);
        const chunks: Chunk[] = [];
        const passages: string[] = [];
        while (chunks.length < head.count) {
          w.postMessage({ type: 'more', id, from: chunks.length } satisfies ToPrepareWorker);
          const piece = await reply();
          if (piece.type !== 'piece') throw new Error(`document reader: unexpected ${piece.type}`);
          for (const c of piece.chunks) chunks.push(c);
          for (const p of piece.passages) passages.push(p);
          // Questions get their turn between pieces.
          await turn();
          if (failure !== undefined) throw failure;
        }
        return { meta: head.meta, chunks, passages };
      } finally {
        signal?.removeEventListener('abort', onAbort);
        if (current?.id === id) current = undefined;
      }
    })();
  }

  const inTurn = oneAtATime(run);

  // Loading the parsers and the word segmenter takes a while: the worker starts now, not with the first document.
  started();

  return {
    prepare(file, options) {
      const signal = options?.signal;
      const result = inTurn(file, signal);
      if (!signal) return result;
      // One still waiting for its turn is let go at once.
      const aborted = new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
      return Promise.race([result, aborted]);
    },
    async close() {
      const w = worker;
      worker = undefined;
      await w?.terminate();
    },
  };
}
