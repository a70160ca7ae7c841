/** @module console-types: what the admin console reads and changes, beside the conversation log and curated answers. */
import type { DocumentRecord } from '../../core/index/library.js';
import type { FailedDocument } from '../../core/index/failed-documents.js';

export interface ConsoleChunk {
  heading?: string;
  text: string;
  start: number;
  end: number;
}

/** Document management as the console uses it (Node: the library; Worker: the D1 library, without uploads). */
export interface ConsoleDocuments {
  list(): Promise<{ documents: DocumentRecord[]; failed?: FailedDocument[] }>;
  /** Absent where documents are pushed prepared (`npm run push`, the Worker). */
  upload?(name: string, bytes: Uint8Array, signal?: AbortSignal): Promise<{ record: DocumentRecord; replaced: boolean }>;
  remove(id: string): Promise<DocumentRecord>;
  /** A document's passages as indexed, in order; absent where the index is not in memory. */
  chunks?(id: string): Promise<{ record: DocumentRecord; chunks: ConsoleChunk[] } | undefined>;
}
