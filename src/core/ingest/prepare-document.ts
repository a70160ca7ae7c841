/** @module prepare-document: text → clutter-free lines, metadata and tokenised chunks (everything but vectors). */
import type { Chunk, DocumentMeta, PreparedDocument } from '../types.js';
import type { Tokenizer } from '../ports.js';
import { AppError } from '../errors.js';
import { findClutter } from './find-clutter.js';
import { extractDate, extractPlace, extractTitle } from './extract-metadata.js';
import { chunkDocument, type ChunkingOptions } from '../chunk/chunk-document.js';
import { foldText } from '../normalize/fold-text.js';

export type { PreparedDocument };

export interface DocumentInput {
  source: string;
  text: string;
  hash: string;
  bytes: number;
  title?: string;
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
  const fallbackTitle = input.source.replace(/\.[^.]+$/, '');
  const title = input.title?.trim() || extractTitle(lines, fallbackTitle);
  const meta: DocumentMeta = {
    source: input.source,
    hash: input.hash,
    bytes: input.bytes,
    title,
    date: extractDate(lines),
    place: extractPlace(text),
    places: [...new Set(tokenizer.places(foldText(text)))].sort(),
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
