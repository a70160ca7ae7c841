/** @module manifest: what built a persisted index, and whether it fits the running configuration. */
import type { ChunkingOptions } from '../chunk/chunk-document.js';

/** 3: the vectors also as a compact graph (2: chunks and BM25 postings packed in binary files; 1: one JSON table). */
export const INDEX_FORMAT = 3;

/**
 * 1: documents carry a title that is never a file hash, the date their text or properties state, and page starts
 * (PDF, pptx). An index of an older version is brought up to it at the next start, without embedding anything again
 * unless a document's title changed (titles are part of what is embedded).
 */
export const METADATA_VERSION = 1;

export interface IndexManifest {
  format: number;
  /** The METADATA_VERSION the documents were described with (absent: 0). */
  metadata?: number;
  modelId: string;
  dimensions: number;
  tokenizer: string;
  chunking: ChunkingOptions;
  corpusFingerprint: string;
  documents: number;
  chunks: number;
  createdAt: string;
  /** Each file's size and CRC-32 (hex; absent in indexes written before checksums), checked when the index opens. */
  files: Record<string, { bytes: number; crc32?: string }>;
}

export type BuildSettings = Pick<IndexManifest, 'modelId' | 'dimensions' | 'tokenizer' | 'chunking'>;

/** Human-readable reasons why a manifest cannot serve these settings; empty when it can. */
export function manifestMismatches(manifest: IndexManifest, wanted: BuildSettings): string[] {
  const out: string[] = [];
  if (manifest.format !== INDEX_FORMAT) out.push(`index format ${manifest.format} ≠ ${INDEX_FORMAT}`);
  if (manifest.modelId !== wanted.modelId) out.push(`model ${manifest.modelId} ≠ ${wanted.modelId}`);
  if (manifest.dimensions !== wanted.dimensions) out.push(`dimensions ${manifest.dimensions} ≠ ${wanted.dimensions}`);
  if (manifest.tokenizer !== wanted.tokenizer) out.push(`tokenizer ${manifest.tokenizer} ≠ ${wanted.tokenizer}`);
  if (manifest.chunking.size !== wanted.chunking.size || manifest.chunking.overlap !== wanted.chunking.overlap) {
    out.push(
      `chunking ${manifest.chunking.size}/${manifest.chunking.overlap} ≠ ${wanted.chunking.size}/${wanted.chunking.overlap}`,
    );
  }
  return out;
}
