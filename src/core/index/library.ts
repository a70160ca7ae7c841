/** @module library: adds and removes documents at run time — durable file first, then incremental index, then persist. */
import type { IndexedDocument } from './corpus-index.js';
import type { FailedDocument } from './failed-documents.js';
import { AppError } from '../errors.js';
import { embedAndAdd, type IndexingDeps } from './sync-corpus.js';
import { prepareDocument } from '../ingest/prepare-document.js';
import { sanitizeDocumentName } from './document-name.js';

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

  /** Stores and indexes a document; `replaced` tells whether a document of that name was there before. */
  function add(name: string, bytes: Uint8Array, defaultExtension?: string): Promise<{ record: DocumentRecord; replaced: boolean }> {
    const source = sanitizeDocumentName(name, defaultExtension);
    return serial(async () => {
      const hash = await deps.hash(bytes);
      const same = deps.index.listDocuments().find((d) => d.meta.hash === hash);
      if (same) {
        throw new AppError('duplicate_document', `The same content is already in the corpus as ${same.meta.source}.`, {
          details: toRecord(same),
        });
      }
      // Read it before anything is written: an unreadable upload changes nothing.
      const parsed = await deps.parse(source, bytes);
      const prepared = prepareDocument({ source, hash, bytes: bytes.length, ...parsed }, deps.tokenizer, deps.chunking);
      const replaced = deps.index.document(source) !== undefined;
      // A document it replaces is kept until the new one is persisted, to be put back if anything fails.
      const previous = replaced ? await deps.store.read(source) : undefined;
      try {
        await deps.store.write(source, bytes);
        await embedAndAdd([prepared], deps);
        await deps.persist();
      } catch (error) {
        await restore(source, previous);
        if (isStorageFull(error)) throw new AppError('storage_full', `The disk is full: ${source} was not stored, and the corpus is as it was.`, { cause: error });
        throw error;
      }
      deps.index.failed.delete(source);
      return { record: toRecord(deps.index.document(source)!), replaced };
    });
  }

  /**
   * Undoes an add that failed part-way (a full disk, a model error): the new document leaves the index and the corpus
   * folder, and the one it replaced, if any, comes back. The persisted index was never switched, so it needs nothing.
   */
  async function restore(source: string, previous: Uint8Array | undefined): Promise<void> {
    deps.index.removeDocument(source);
    if (!previous) {
      await deps.store.remove(source, { discard: true }).catch(() => undefined);
      return;
    }
    await deps.store.write(source, previous);
    const parsed = await deps.parse(source, previous);
    const prepared = prepareDocument({ source, hash: await deps.hash(previous), bytes: previous.length, ...parsed }, deps.tokenizer, deps.chunking);
    await embedAndAdd([prepared], deps);
  }

  function remove(id: string): Promise<DocumentRecord> {
    return serial(async () => {
      const doc = find(id);
      if (!doc) throw new AppError('not_found', `No document with id ${id}.`);
      const record = toRecord(doc);
      deps.index.removeDocument(doc.meta.source);
      await deps.store.remove(doc.meta.source);
      await deps.persist();
      return record;
    });
  }

  /** Resolves when every mutation started so far has finished (for graceful shutdown). */
  const idle = () => serial(async () => undefined);

  return { list, failed, find, add, remove, idle };
}
