/** @module prepare-document: text → clutter-free lines, metadata and tokenised chunks (everything but vectors). */
import type { Chunk, DocumentMeta, ParsedDocument, PreparedDocument } from '../types.js';
import type { Tokenizer } from '../ports.js';
import { AppError } from '../errors.js';
import { findClutter } from './find-clutter.js';
import { extractDate, extractPlace, extractTitle, fallbackTitle } from './extract-metadata.js';
import { chunkDocument, type ChunkingOptions } from '../chunk/chunk-document.js';
import { foldText } from '../normalize/fold-text.js';

export type { PreparedDocument };

export interface DocumentInput extends ParsedDocument {
  source: string;
  hash: string;
  bytes: number;
  modifiedAt?: number;
}

export function prepareDocument(
  input: DocumentInput,
  tokenizer: Tokenizer,
  chunking: ChunkingOptions,
  now: number = Date.now(),
): PreparedDocument {
  const text = input.text;
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new AppError('document_unreadable', `${input.source}: no readable text`);
  }
  const lines = findClutter(text);
  const placeSet = new Set(tokenizer.places(foldText(text)));
  const places = [...placeSet].sort();
  const title = input.title?.trim() || extractTitle(lines, fallbackTitle(input.source, lines));
  // A date the text states (a dateline, 发布时间) is the document's; its file's properties only say when a file was made.
  const date = extractDate(lines) ?? input.date;
  const meta: DocumentMeta = {
    source: input.source,
    hash: input.hash,
    bytes: input.bytes,
    title,
    ...(date ? { date } : {}),
    place: extractPlace(text, (p) => placeSet.has(p)),
    ...(input.pages?.length ? { pages: input.pages } : {}),
    places,
    indexedAt: now,
    ...(input.modifiedAt === undefined ? {} : { modifiedAt: input.modifiedAt }),
  };
  const drafts = chunkDocument(text, lines, chunking);
  if (drafts.length === 0) throw new AppError('document_unreadable', `${input.source}: nothing left after cleaning`);
  const chunks: Chunk[] = drafts.map((d) => {
    const original = text.slice(d.start, d.end);
    return {
      id: -1,
      source: input.source,
      start: d.start,
      end: d.end,
      heading: d.heading,
      text: original,
      tokens: tokenizer.tokenize(foldText(original)),
    };
  });
  const passages = chunks.map((c) => foldText(`${title}\n${c.text}`));
  return { meta, chunks, passages };
}
