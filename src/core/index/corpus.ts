/**
 * @module corpus: what the engine reads from an index, whatever holds it. In memory (Node's CorpusIndex) every call
 * is immediate; a remote store (D1 on Workers) fetches, per question, what that question's terms need.
 */
import type { Chunk } from '../types.js';
import type { VectorIndex } from '../ports.js';

/** A chunk with its document's title, as the answer and its citations need it. */
export interface LoadedChunk extends Omit<Chunk, 'tokens'> {
  title: string;
}

/** Term statistics for one question, answered synchronously once loaded. */
export interface CorpusView {
  /** Chunk-level BM25 scores of the chunks that share a term with the query (at least the best `limit` of them). */
  keywordScores(tokens: string[], weights?: ReadonlyMap<string, number>, limit?: number): Map<number, number>;
  /**
   * Document-level BM25 scores divided by the best one (0 for a document without any query term): which document the
   * question is about, looked up per candidate's source.
   */
  documentPrior(tokens: string[]): (source: string) => number;
  /** Inverse document frequency of a term over chunks. */
  idf(term: string): number;
  /** The chunks that contain the term, with how often. */
  chunksWith(term: string): Iterable<{ id: number; tf: number }>;
  /** Documents that contain the term. */
  documentDf(term: string): number;
  /** Occurrences of the term in one document. */
  documentTf(term: string, source: string): number;
  /** The document a term is most concentrated in, with the share of its occurrences found there. */
  focus(term: string): { source: string; share: number } | undefined;
}

export interface Corpus {
  readonly vectors: VectorIndex;
  /** A view that knows these terms (and any others the implementation already holds). */
  view(terms: string[]): Promise<CorpusView>;
  /** Chunks by id; unknown ids are left out. */
  chunks(ids: number[]): Promise<Map<number, LoadedChunk>>;
  /** For each given chunk, the ids of the chunks right before and after it in its document (one read for all). */
  neighbours(ids: number[]): Promise<Map<number, number[]>>;
  /** These documents' chunks, each with its length in tokens (a question about one document is searched within it). */
  documentChunks(sources: string[]): Promise<{ id: number; length: number }[]>;
  counts(): Promise<{ documents: number; chunks: number }>;
  /** These documents' titles by source; unknown ones are left out. */
  documentTitles(sources: string[]): Promise<Map<string, string>>;
  /** Titles of the first `limit` documents (for a greeting that says what can be asked). */
  titles(limit: number): Promise<string[]>;
}
