/**
 * @module library: adds and removes documents at run time. An upload is prepared, embedded and added to the index,
 * the index persisted, and the file written into the upload folder last (as `uploads/<name>`, never among the corpus
 * folder's files): that write is the moment the upload counts.
 * Until then a failure, an abort (the client went away, the upload's time limit) or a crash leaves no trace: nothing
 * answerable, no file for the next start to index, the document it would replace as it was.
 */
import type { IndexedDocument } from './corpus-index.js';
import type { FailedDocument } from './failed-documents.js';
import type { Span } from '../types.js';
import { AppError, isAppError } from '../errors.js';
import { embedAndAdd, type IndexingDeps } from './sync-corpus.js';
import { sanitizeDocumentName } from './document-name.js';
import { uploadSource } from './uploads.js';

export interface DocumentRecord {
  id: string;
  source: string;
  title: string;
  chunks: number;
  bytes: number;
  indexedAt: string;
  date?: string;
  place?: string;
}

export interface LibraryDeps extends IndexingDeps {
  hash(bytes: Uint8Array): Promise<string>;
  /** Writes the index durably (a new generation). */
  persist(): Promise<void>;
}

export const documentId = (hash: string) => hash.slice(0, 16);

/** No space left on the device, or over a disk quota. */
const isStorageFull = (error: unknown) => ['ENOSPC', 'EDQUOT'].includes((error as { code?: string })?.code ?? '');

/** Why an upload stopped when its signal aborted: the reason given (a time limit), else the client's leaving. */
const abandoned = (signal: AbortSignal): AppError =>
  isAppError(signal.reason) ? signal.reason : new AppError('timeout', 'The upload was stopped before it was stored (the client went away); nothing was stored.', { cause: signal.reason });

/** How far an add got after its document entered the index: persisting, persisted, writing the file. */
type Step = 'persist' | 'persisted' | 'write';

export interface AddOptions {
  /** Aborts the upload (the client went away, or its time limit passed); honoured until the file is written. */
  signal?: AbortSignal;
}

export function toRecord(doc: IndexedDocument): DocumentRecord {
  const { meta } = doc;
  return {
    id: documentId(meta.hash),
    source: meta.source,
    title: meta.title,
    chunks: doc.chunkIds.length,
    bytes: meta.bytes,
    indexedAt: new Date(meta.indexedAt).toISOString(),
    ...(meta.date ? { date: meta.date } : {}),
    ...(meta.place ? { place: meta.place } : {}),
  };
}

export type Library = ReturnType<typeof createLibrary>;

export function createLibrary(deps: LibraryDeps) {
  // One mutation at a time: the file, the index and its persisted generation change together.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  function list(): DocumentRecord[] {
    return deps.index
      .listDocuments()
      .map(toRecord)
      .sort((a, b) => a.source.localeCompare(b.source));
  }

  /** Corpus files that could not be indexed, with why. */
  const failed = (): FailedDocument[] => deps.index.failed.list();

  function find(id: string): IndexedDocument | undefined {
    return deps.index.listDocuments().find((d) => documentId(d.meta.hash) === id);
  }

  /** Indexes and stores a document; `replaced` tells whether a document of that name was there before. */
  function add(name: string, bytes: Uint8Array, defaultExtension?: string, { signal }: AddOptions = {}): Promise<{ record: DocumentRecord; replaced: boolean }> {
    const source = uploadSource(sanitizeDocumentName(name, defaultExtension));
    const stopIfAborted = () => {
      if (signal?.aborted) throw abandoned(signal);
    };
    return serial(async () => {
      stopIfAborted();
      const hash = await deps.hash(bytes);
      const same = deps.index.listDocuments().find((d) => d.meta.hash === hash);
      if (same) {
        throw new AppError('duplicate_document', `The same content is already in the corpus as ${same.meta.source}.`, {
          details: toRecord(same),
        });
      }
      const replaced = deps.index.document(source) !== undefined;
      // A document it replaces is kept until the new one is stored, to be put back if anything fails.
      const previous = replaced ? await deps.store.read(source) : undefined;
      try {
        // Read in a worker before anything changes: an unreadable upload changes nothing. Until it is whole, the new
        // document is not answerable, and the one it replaces stays.
        const prepared = await deps.preparer.prepare({ source, bytes, hash }, { signal });
        await embedAndAdd([prepared], { ...deps, signal });
      } catch (error) {
        stopIfAborted();
        throw error;
      }
      let step: Step = 'persist';
      try {
        await deps.persist();
        step = 'persisted';
        stopIfAborted();
        step = 'write';
        await deps.store.write(source, bytes);
      } catch (error) {
        await restore(source, previous, step);
        if (isStorageFull(error)) throw new AppError('storage_full', `The disk is full: ${source} was not stored, and the corpus is as it was.`, { cause: error });
        stopIfAborted();
        throw error;
      }
      deps.index.failed.delete(source);
      return { record: toRecord(deps.index.document(source)!), replaced };
    });
  }

  /**
   * Undoes an add that failed or was stopped after the new document entered the index: it leaves the index (and the
   * corpus folder, if the write got that far), the one it replaced comes back, and the index is persisted again when
   * the new one had been (a failure then is left to the next save, or to the next start, which indexes the folder).
   */
  async function restore(source: string, previous: Uint8Array | undefined, step: Step): Promise<void> {
    deps.index.removeDocument(source);
    if (step === 'write') {
      if (previous) await deps.store.write(source, previous).catch(() => undefined);
      else await deps.store.remove(source, { discard: true }).catch(() => undefined);
    }
    if (previous) {
      const prepared = await deps.preparer.prepare({ source, bytes: previous, hash: await deps.hash(previous) });
      await embedAndAdd([prepared], deps);
    }
    if (step !== 'persist') await deps.persist().catch(() => undefined);
  }

  /**
   * Deletes an uploaded document: its file goes to the trash, it leaves the index, and the index is persisted. When
   * that fails (a full disk), the file comes back and so does the document, with the vectors it had: the corpus is as
   * it was. A document of the corpus folder is refused by the store (`corpus_document`) before anything changes.
   */
  function remove(id: string): Promise<DocumentRecord> {
    return serial(async () => {
      const doc = find(id);
      if (!doc) throw new AppError('not_found', `No document with id ${id}.`);
      const record = toRecord(doc);
      const { source } = doc.meta;
      const vectors = deps.index.vectors.vectorsOf?.(doc.chunkIds);
      const spans = doc.chunkIds.map((c) => deps.index.chunk(c));
      let putBack: (() => Promise<void>) | undefined;
      try {
        putBack = await deps.store.remove(source);
        deps.index.removeDocument(source);
        await deps.persist();
      } catch (error) {
        if (putBack) await reinstate(doc, spans, vectors, putBack);
        if (isStorageFull(error)) throw new AppError('storage_full', `The disk is full: ${source} was not deleted, and the corpus is as it was.`, { cause: error });
        throw error;
      }
      return record;
    });
  }

  /**
   * Undoes a deletion whose index could not be persisted: the file back from the trash, and the document back in the
   * index as it was read again, with its old vectors when the chunks came out the same (else embedded again). The
   * persisted index still holds it, so nothing is saved. One whose file was already gone stays out, as the next start
   * would leave it.
   */
  async function reinstate(doc: IndexedDocument, spans: (Span | undefined)[], vectors: Float32Array[] | undefined, putBack: () => Promise<void>): Promise<void> {
    const { meta } = doc;
    await putBack();
    const bytes = await deps.store.read(meta.source).catch(() => undefined);
    if (!bytes) return;
    const prepared = await deps.preparer.prepare({ source: meta.source, bytes, hash: meta.hash, modifiedAt: meta.modifiedAt });
    const same = vectors && prepared.chunks.length === spans.length && prepared.chunks.every((c, i) => c.start === spans[i]?.start && c.end === spans[i]?.end);
    if (!same) {
      await embedAndAdd([{ ...prepared, meta }], deps);
      return;
    }
    const ids = deps.index.allocateIds(prepared.chunks.length);
    await deps.index.addDocumentInSlices(meta, prepared.chunks.map((c, i) => ({ ...c, id: ids[i] })), vectors);
  }

  /** Resolves when every mutation started so far has finished (for graceful shutdown). */
  const idle = () => serial(async () => undefined);

  return { list, failed, find, add, remove, idle };
}
