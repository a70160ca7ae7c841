/**
 * @module inline-preparer: the DocumentPreparer that reads and prepares a document on the calling thread (tests,
 * command-line tools, and the worker thread of the Node preparer).
 */
import type { DocumentPreparer, Tokenizer } from '../ports.js';
import type { ParsedDocument } from '../types.js';
import type { ChunkingOptions } from '../chunk/chunk-document.js';
import { prepareDocument } from './prepare-document.js';

/** Text (and a title, date and pages where the format has them) out of a document's bytes. */
export type ParseFn = (source: string, bytes: Uint8Array) => Promise<ParsedDocument>;

export interface InlinePreparerSettings {
  parse: ParseFn;
  tokenizer: Tokenizer;
  chunking: ChunkingOptions;
}

export function createInlinePreparer({ parse, tokenizer, chunking }: InlinePreparerSettings): DocumentPreparer {
  return {
    async prepare({ source, bytes, hash, modifiedAt }, options) {
      options?.signal?.throwIfAborted();
      const parsed = await parse(source, bytes);
      options?.signal?.throwIfAborted();
      return prepareDocument({ source, hash, bytes: bytes.length, ...(modifiedAt === undefined ? {} : { modifiedAt }), ...parsed }, tokenizer, chunking);
    },
  };
}
