/**
 * @module library-documents: the console's documents on Node: the run-time library (list, upload, delete) and, from
 * the index in memory, a document's passages.
 */
import type { Library } from '../../core/index/library.js';
import { documentId, toRecord } from '../../core/index/library.js';
import type { CorpusIndex } from '../../core/index/corpus-index.js';
import type { ConsoleDocuments } from './console-types.js';

export function libraryDocuments(library: Library, index?: CorpusIndex): ConsoleDocuments {
  return {
    async list() {
      return { documents: library.list(), failed: library.failed() };
    },
    upload: (name, bytes, signal) => library.add(name, bytes, undefined, { signal }),
    remove: (id) => library.remove(id),
    ...(index && {
      async chunks(id: string) {
        const doc = index.listDocuments().find((d) => documentId(d.meta.hash) === id);
        if (!doc) return undefined;
        const chunks = doc.chunkIds.flatMap((c) => {
          const chunk = index.chunk(c);
          return chunk ? [{ heading: chunk.heading, text: chunk.text, start: chunk.start, end: chunk.end }] : [];
        });
        return { record: toRecord(doc), chunks };
      },
    }),
  };
}
