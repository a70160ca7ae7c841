/** @module prepared-upload: a document already cleaned, chunked and tokenised (on Node, by jieba), ready for a remote index. */
import type { PreparedDocument } from '../ingest/prepare-document.js';

export interface PreparedUpload {
  document: { source: string; hash: string; bytes: number; title: string; date?: string; place?: string; places?: string[] };
  chunks: { start: number; end: number; heading?: string; text: string; tokens: string[] }[];
  /** What to embed for each chunk. */
  passages: string[];
}

export function toUpload(prepared: PreparedDocument): PreparedUpload {
  const { source, hash, bytes, title, date, place, places } = prepared.meta;
  return {
    document: { source, hash, bytes, title, ...(date ? { date } : {}), ...(place ? { place } : {}), places: places ?? [] },
    chunks: prepared.chunks.map(({ start, end, heading, text, tokens }) => ({ start, end, ...(heading ? { heading } : {}), text, tokens })),
    passages: prepared.passages,
  };
}
