/** @module sync-corpus: brings a CorpusIndex in line with a DocumentStore, embedding only what changed. */
import type { DocumentPreparer, DocumentStore, Embedder } from '../ports.js';
import type { CorpusIndex } from './corpus-index.js';
import type { PreparedDocument } from '../types.js';

/** What turns files into indexed chunks. */
export interface IndexingDeps {
  index: CorpusIndex;
  store: DocumentStore;
  /** Reads and prepares documents (in a worker thread on Node). */
  preparer: DocumentPreparer;
  embedder: Embedder;
}

export interface SyncOptions extends IndexingDeps {
  /** Passages per embedding call. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  onSkip?: (source: string, reason: string) => void;
  signal?: AbortSignal;
  /**
   * Describe every unchanged document again (its metadata was made by an older METADATA_VERSION): the new metadata
   * replaces the old when the chunks come out the same and the title did not change; otherwise it is indexed anew.
   */
  refreshMetadata?: boolean;
}

export interface SyncResult {
  added: string[];
  removed: string[];
  skipped: { source: string; reason: string }[];
  chunksEmbedded: number;
  /** Documents whose metadata was described again, their chunks and vectors kept. */
  redescribed: string[];
}

/**
 * Embeds prepared documents in batches and adds them to the index (replacing older versions), a slice at a time. A
 * document is answerable once it is whole; when `signal` aborts, the one being added is left out entirely.
 */
export async function embedAndAdd(
  prepared: PreparedDocument[],
  options: Pick<SyncOptions, 'index' | 'embedder' | 'batchSize' | 'onProgress' | 'signal'>,
): Promise<number> {
  const passages = prepared.flatMap((p) => p.passages);
  const vectors: Float32Array[] = [];
  const batch = options.batchSize ?? 32;
  options.onProgress?.(0, passages.length);
  for (let i = 0; i < passages.length; i += batch) {
    options.signal?.throwIfAborted();
    for (const v of await options.embedder.embed(passages.slice(i, i + batch), 'passage', { signal: options.signal })) vectors.push(v);
    options.onProgress?.(Math.min(passages.length, i + batch), passages.length);
  }
  let at = 0;
  for (const doc of prepared) {
    const ids = options.index.allocateIds(doc.chunks.length);
    const chunks = doc.chunks.map((c, i) => ({ ...c, id: ids[i] }));
    await options.index.addDocumentInSlices(doc.meta, chunks, vectors.slice(at, at + chunks.length), options.signal);
    at += chunks.length;
  }
  return passages.length;
}

/** Reads, cleans, chunks and embeds documents, then adds them to the index; unreadable ones are skipped with a reason. */
export async function indexDocuments(
  items: { source: string; hash: string; bytes: number; modifiedAt?: number; data: Uint8Array }[],
  options: Omit<SyncOptions, 'store'>,
): Promise<Omit<SyncResult, 'removed' | 'redescribed'>> {
  const skipped: SyncResult['skipped'] = [];
  const prepared: PreparedDocument[] = [];
  for (const item of items) {
    try {
      prepared.push(await options.preparer.prepare({ source: item.source, bytes: item.data, hash: item.hash, modifiedAt: item.modifiedAt }, { signal: options.signal }));
    } catch (e) {
      options.signal?.throwIfAborted();
      const reason = e instanceof Error ? e.message : String(e);
      skipped.push({ source: item.source, reason });
      options.onSkip?.(item.source, reason);
    }
  }
  const chunksEmbedded = await embedAndAdd(prepared, options);
  return { added: prepared.map((p) => p.meta.source), skipped, chunksEmbedded };
}

export async function syncCorpus(options: SyncOptions): Promise<SyncResult> {
  const known = new Map(options.index.listDocuments().map(({ meta }) => [meta.source, meta]));
  const listing = await options.store.list(known);
  const wanted = new Map(listing.map((f) => [f.source, f]));
  const removed: string[] = [];
  for (const doc of options.index.listDocuments()) {
    const f = wanted.get(doc.meta.source);
    if (!f || f.hash !== doc.meta.hash) {
      options.index.removeDocument(doc.meta.source);
      if (!f) removed.push(doc.meta.source);
    }
  }
  const redescribed = options.refreshMetadata ? await redescribe(listing, options) : [];
  const todo = listing.filter((f) => !options.index.document(f.source));
  const items = [];
  for (const f of todo) items.push({ ...f, data: await options.store.read(f.source) });
  const result = await indexDocuments(items, options);
  // Every file not in the index was just tried, so this pass's failures are all the corpus has.
  options.index.failed.replace(result.skipped.map((s) => ({ ...s, bytes: wanted.get(s.source)!.bytes })));
  return { ...result, removed, redescribed };
}

/**
 * Prepares each indexed document again and gives it the new metadata when its chunks are the same and so is its title
 * (part of each embedded passage); a document that differs leaves the index, to be indexed anew. An unreadable one is
 * left as it was.
 */
async function redescribe(listing: { source: string; hash: string }[], options: SyncOptions): Promise<string[]> {
  const done: string[] = [];
  for (const f of listing) {
    const doc = options.index.document(f.source);
    if (!doc) continue;
    options.signal?.throwIfAborted();
    const bytes = await options.store.read(f.source);
    const prepared = await options.preparer.prepare({ source: f.source, bytes, hash: f.hash, modifiedAt: doc.meta.modifiedAt }, { signal: options.signal }).catch(() => undefined);
    if (!prepared) continue;
    const same =
      prepared.meta.title === doc.meta.title &&
      prepared.chunks.length === doc.chunkIds.length &&
      prepared.chunks.every((c, i) => {
        const held = options.index.chunk(doc.chunkIds[i]);
        return held?.start === c.start && held.end === c.end;
      });
    if (same) options.index.replaceMeta({ ...prepared.meta, indexedAt: doc.meta.indexedAt });
    else options.index.removeDocument(f.source);
    done.push(f.source);
  }
  return done;
}

/** SHA-256 over the sorted `source:hash` lines of a corpus listing. */
export async function corpusFingerprint(files: { source: string; hash: string }[]): Promise<string> {
  const lines = files.map((f) => `${f.source}:${f.hash}`).sort().join('\n');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
