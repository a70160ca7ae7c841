/**
 * @module prepare-worker: parses and prepares documents in a worker thread (see worker-preparer). A prepared document
 * goes back in pieces, each when asked for, so that the thread receiving it never decodes more than a piece at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PreparedDocument } from '../../core/types.js';
import { isAppError } from '../../core/errors.js';
import { createInlinePreparer } from '../../core/ingest/inline-preparer.js';
import { createJiebaTokenizer } from './jieba-tokenizer.js';
import { parseDocument } from './parse-document.js';
import type { PrepareWorkerSettings, ToPrepareWorker } from './worker-preparer.js';

const port = parentPort!;
const { limits, chunking, pieceTokens } = workerData as PrepareWorkerSettings;
const preparer = createInlinePreparer({ parse: (source, bytes) => parseDocument(source, bytes, limits), tokenizer: createJiebaTokenizer(), chunking });
/** Prepared documents whose pieces have not all been taken yet. */
const held = new Map<number, PreparedDocument>();

/** Where the piece that starts at chunk `from` ends: after about `pieceTokens` tokens, and at least one chunk. */
function pieceEnd(chunks: PreparedDocument['chunks'], from: number): number {
  let to = from;
  for (let tokens = 0; to < chunks.length && (to === from || tokens + chunks[to].tokens.length <= pieceTokens); to++) tokens += chunks[to].tokens.length;
  return to;
}

port.on('message', async (m: ToPrepareWorker) => {
  if (m.type === 'prepare') {
    try {
      const doc = await preparer.prepare(m.file);
      held.set(m.id, doc);
      port.postMessage({ type: 'prepared', id: m.id, meta: doc.meta, count: doc.chunks.length });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (isAppError(e)) port.postMessage({ type: 'error', id: m.id, code: e.code, message });
      else port.postMessage({ type: 'error', id: m.id, code: 'document_unreadable', message: `${m.file.source}: ${message}` });
    }
  } else if (m.type === 'more') {
    const doc = held.get(m.id);
    if (!doc) return;
    const to = pieceEnd(doc.chunks, m.from);
    port.postMessage({ type: 'piece', id: m.id, chunks: doc.chunks.slice(m.from, to), passages: doc.passages.slice(m.from, to) });
    if (to >= doc.chunks.length) held.delete(m.id);
  }
});
