/** @module ports: the small interfaces the core needs from a runtime; adapters implement them. */
import type { ChatMessage, PreparedDocument } from './types.js';

/** Cuts folded (simplified, half-width, lower-case) text into search tokens. */
export interface Tokenizer {
  /** Identifies the tokenizer and its version; recorded in the index manifest. */
  readonly id: string;
  tokenize(folded: string): string[];
  /** Place names in folded text (e.g. 北京市, 环县); used to refuse questions about places the corpus never names. */
  places(folded: string): string[];
}

/** A question searched against passages, a question compared with other questions (curated answers), or a passage. */
export type EmbedKind = 'query' | 'question' | 'passage';

export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  embed(texts: string[], kind: EmbedKind, options?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}

export interface VectorMatch {
  id: number;
  /** Cosine similarity, higher is closer. */
  score: number;
}

/** Nearest neighbours by cosine similarity. Local indexes answer at once; remote ones (Vectorize) asynchronously. */
export interface VectorIndex {
  readonly size: number;
  add(id: number, vector: Float32Array): void;
  remove(id: number): void;
  search(vector: Float32Array, k: number): Promise<VectorMatch[]> | VectorMatch[];
  /**
   * The vectors of ids in use, in their order, or undefined when one is not held here: what lets chunks taken out be
   * put back without embedding them again. Optional: a remote index (Vectorize) does not hand vectors back.
   */
  vectorsOf?(ids: number[]): Float32Array[] | undefined;
  /**
   * The best `k` of `ids` by inner product with the vector, exactly (a question searched within one document).
   * Optional: without it, the nearest of the whole index that are among `ids` stand in.
   */
  searchAmong?(vector: Float32Array, ids: readonly number[], k: number): Promise<VectorMatch[]> | VectorMatch[];
}

/** Where the corpus lives: lists, reads and writes source documents. */
/** A corpus file as listed: its content hash, size and (where the store knows it) modification time. */
export interface DocumentListing {
  source: string;
  hash: string;
  bytes: number;
  modifiedAt?: number;
}

export interface DocumentStore {
  /**
   * Every document. `known` holds what the index recorded: a file whose size and modification time still match
   * keeps that hash without being read again, so a large corpus is not re-hashed at every start.
   */
  list(known?: ReadonlyMap<string, DocumentListing>): Promise<DocumentListing[]>;
  read(source: string): Promise<Uint8Array>;
  write(source: string, bytes: Uint8Array): Promise<void>;
  /**
   * Takes a document out of the corpus. The file store keeps it in a trash folder that is never indexed, unless
   * `discard` (an upload being undone, which nobody asked to keep). Resolves to what puts the file back where it was
   * (a deletion whose index could not be saved), which does nothing when there is nothing to put back.
   */
  remove(source: string, options?: { discard?: boolean }): Promise<() => Promise<void>>;
}

/** A document's bytes as stored, with their content hash: what a DocumentPreparer reads. */
export interface DocumentFile {
  source: string;
  bytes: Uint8Array;
  hash: string;
  modifiedAt?: number;
}

/**
 * Reads a document and prepares it for indexing (text, clean lines, metadata, chunks, tokens: all but the vectors).
 * The Node server does this in a worker thread, so that a large upload never holds up answering. It rejects with the
 * signal's reason once the signal aborts; an unreadable document rejects with a typed error.
 */
export interface DocumentPreparer {
  prepare(file: DocumentFile, options?: { signal?: AbortSignal }): Promise<PreparedDocument>;
}

/** Small durable state (WeChat delivery keys): survives a restart. */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}


/** What a chat model wrote: the whole text, and whether it ended by itself (not cut off at the token limit). */
export interface ChatCompletion {
  text: string;
  complete: boolean;
}

/**
 * A chat model behind an OpenAI-compatible endpoint (or Workers AI). It rejects with the signal's reason once the
 * signal aborts, and with a typed error (`llm_failed`) when the model cannot be reached or answers with an error.
 */
export interface ChatModel {
  readonly modelId: string;
  complete(messages: ChatMessage[], options: { maxTokens: number; signal: AbortSignal }): Promise<ChatCompletion>;
}

/** Person and place names in folded text (王晓东, 平陆县, 衡水): what a generated answer may name only from its sources. */
export interface NameFinder {
  names(folded: string): string[];
}

/** One dictionary entry: a Chinese headword (simplified characters) and its English senses. */
export interface DictionaryEntry {
  simplified: string;
  english: readonly string[];
  /**
   * Written for the documents' domain (zhida's policy glossary), not taken from a general dictionary: its headword counts
   * as the corpus's when the index holds it as several words (专项债 as 专项 债), and a one-character headword is taken
   * at its word (村 for village), not discounted as ambiguous.
   */
  curated?: boolean;
}

/**
 * A Chinese–English dictionary (CC-CEDICT) as plain entries, read whole when a corpus's translation index is built
 * and not kept: the core keeps only what the corpus uses.
 */
export interface Dictionary {
  /** Names the dictionary and its edition (shown with the index's figures). */
  readonly id: string;
  entries(): Iterable<DictionaryEntry>;
}
