/**
 * @module uploads: the corpus folder and the upload folder seen as one DocumentStore. Uploaded documents are named
 * `uploads/<name>`, so they never share a name with a corpus file; the corpus folder is read, never written: a corpus
 * document cannot be deleted through the API (the folder is version-controlled, and a deleted file would come back at
 * the next checkout anyway).
 */
import type { DocumentStore } from '../ports.js';
import { AppError } from '../errors.js';

/** The first segment of every uploaded document's source. */
export const UPLOADS = 'uploads';

/** The source an uploaded document gets from its (sanitised) file name. */
export const uploadSource = (name: string): string => `${UPLOADS}/${name}`;

export const isUploadSource = (source: string): boolean => source.startsWith(`${UPLOADS}/`);

/**
 * Lists, reads and writes both folders: `corpus` as it is (its sources are paths relative to it), `uploads` under
 * `uploads/`. Writes go to the upload folder only; removing a corpus document is refused with `corpus_document`.
 */
export function corpusWithUploads(corpus: DocumentStore, uploads: DocumentStore): DocumentStore {
  const inner = (source: string) => source.slice(UPLOADS.length + 1);
  return {
    async list(known) {
      const knownUploads = known && new Map([...known].filter(([s]) => isUploadSource(s)).map(([s, l]) => [inner(s), l]));
      const [own, uploaded] = await Promise.all([corpus.list(known), uploads.list(knownUploads)]);
      const named = uploaded.map((l) => ({ ...l, source: uploadSource(l.source) }));
      return [...own, ...named].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    },
    read: (source) => (isUploadSource(source) ? uploads.read(inner(source)) : corpus.read(source)),
    async write(source, bytes) {
      if (!isUploadSource(source)) throw new AppError('corpus_document', `${source} is a file of the corpus folder (CORPUS_DIR), which the server never writes.`);
      await uploads.write(inner(source), bytes);
    },
    async remove(source, options) {
      if (!isUploadSource(source)) {
        throw new AppError(
          'corpus_document',
          `${source} is a file of the corpus folder (CORPUS_DIR), which the server never changes: delete it there and restart the server (or run npm run index, then restart).`,
        );
      }
      return uploads.remove(inner(source), options);
    },
  };
}
