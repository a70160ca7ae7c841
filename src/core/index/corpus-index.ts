/** @module corpus-index: the in-memory searchable corpus: documents, chunks, BM25 (chunk and document level), vectors. */
import type { Chunk, DocumentMeta } from '../types.js';
import type { VectorIndex } from '../ports.js';
import { Bm25Index, CHUNK_BM25, DOCUMENT_BM25 } from '../retrieve/bm25-index.js';
import type { Corpus, CorpusView, LoadedChunk } from './corpus.js';
import { focusOf } from './focus.js';
import { ChunkTable, type StoredChunk } from './chunk-table.js';
import { runInSlices, runToEnd } from '../time-slices.js';
import { FailedDocuments } from './failed-documents.js';

export interface IndexedDocument {
  meta: DocumentMeta;
  chunkIds: number[];
  /** Small integer key of the document in the document-level BM25. */
  key: number;
}

const FOCUS_CACHE = 50_000;

interface PersistedDocuments {
  nextId: number;
  nextDocKey: number;
  documents: IndexedDocument[];
}

/** The whole index in memory (Node): it is its own view, so every read is immediate. */
export class CorpusIndex implements Corpus, CorpusView {
  chunkBm25 = new Bm25Index(CHUNK_BM25);
  /** Each document as one bag of tokens: which document a question is about. */
  documentBm25 = new Bm25Index(DOCUMENT_BM25);
  private byId = new ChunkTable();
  private readonly documents = new Map<string, IndexedDocument>();
  private readonly byKey = new Map<number, IndexedDocument>();
  private nextDocKey = 0;
  private readonly placeCounts = new Map<string, number>();
  /** `placeNames()`, until the next document is added or removed. */
  private placeList?: readonly string[];
  /** `focus` by term, until the next document is added or removed. */
  private readonly focusCache = new Map<string, { source: string; share: number } | undefined>();
  /** Chunks of a document being added, not answerable until the document is whole. */
  private readonly staged = new Set<number>();
  /** Corpus files the last sync could not index, kept beside the index so that the document listing can show them. */
  readonly failed = new FailedDocuments();

  constructor(
    readonly vectors: VectorIndex,
    private nextChunkId = 0,
  ) {}

  get chunkCount(): number {
    return this.byId.size;
  }

  get nextId(): number {
    return this.nextChunkId;
  }

  /** Reserves `n` consecutive chunk ids. */
  allocateIds(n: number): number[] {
    const ids = Array.from({ length: n }, (_, i) => this.nextChunkId + i);
    this.nextChunkId += n;
    return ids;
  }

  /** Adds a document whose chunks carry ids from `allocateIds`, with their vectors when given, replacing one of that source. */
  addDocument(meta: DocumentMeta, chunks: Chunk[], vectors?: Float32Array[]): void {
    runToEnd(this.addDocumentSteps(meta, chunks, vectors));
  }

  /**
   * `addDocument` a few milliseconds at a time, so that questions are answered meanwhile (a 15 MB upload is some 28k
   * chunks: seconds of graph insertion). Nothing of it is answerable until it is whole; when `signal` aborts first, what
   * was added goes again and the document it would replace stays.
   */
  async addDocumentInSlices(meta: DocumentMeta, chunks: Chunk[], vectors?: Float32Array[], signal?: AbortSignal): Promise<void> {
    const steps = this.addDocumentSteps(meta, chunks, vectors, signal);
    try {
      await runInSlices(steps);
    } catch (error) {
      await runInSlices(this.unstageSteps(chunks.map((c) => c.id)));
      throw error;
    }
  }

  /**
   * Each chunk's text, postings and vector, a step each, kept out of answers (`staged`) until the last step: that one
   * takes out the document it replaces and makes this one answerable at once, then packs postings if that fell due.
   */
  private *addDocumentSteps(meta: DocumentMeta, chunks: Chunk[], vectors?: Float32Array[], signal?: AbortSignal): Generator<void, void> {
    const counts = new Map<string, number>();
    let length = 0;
    for (let i = 0; i < chunks.length; i++) {
      signal?.throwIfAborted();
      const { tokens, ...chunk } = chunks[i];
      this.staged.add(chunk.id);
      this.byId.add(chunk);
      yield* this.chunkBm25.addSteps(chunk.id, tokens);
      if (vectors) this.vectors.add(chunk.id, vectors[i]);
      if (chunk.id >= this.nextChunkId) this.nextChunkId = chunk.id + 1;
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      length += tokens.length;
      yield;
    }
    signal?.throwIfAborted();
    if (this.documents.has(meta.source)) this.removeDocument(meta.source);
    this.focusCache.clear();
    this.placeList = undefined;
    const doc: IndexedDocument = { meta, chunkIds: chunks.map((c) => c.id), key: this.nextDocKey++ };
    for (const id of doc.chunkIds) this.staged.delete(id);
    for (const p of meta.places ?? []) this.placeCounts.set(p, (this.placeCounts.get(p) ?? 0) + 1);
    this.documents.set(meta.source, doc);
    this.byKey.set(doc.key, doc);
    // The document's postings go in before anything yields: the document is whole the moment it is answerable.
    yield* this.documentBm25.addSteps(doc.key, { counts, length });
  }

  /** Takes out chunks added for a document that was never registered, a step each. */
  private *unstageSteps(ids: number[]): Generator<void, void> {
    for (const id of ids) {
      if (!this.staged.delete(id)) continue;
      this.byId.remove(id);
      this.chunkBm25.remove(id);
      this.vectors.remove(id);
      yield;
    }
  }

  removeDocument(source: string): boolean {
    const doc = this.documents.get(source);
    if (!doc) return false;
    this.focusCache.clear();
    this.placeList = undefined;
    for (const id of doc.chunkIds) {
      this.byId.remove(id);
      this.chunkBm25.remove(id);
      this.vectors.remove(id);
    }
    this.documentBm25.remove(doc.key);
    for (const p of doc.meta.places ?? []) {
      const n = (this.placeCounts.get(p) ?? 1) - 1;
      if (n > 0) this.placeCounts.set(p, n);
      else this.placeCounts.delete(p);
    }
    this.documents.delete(source);
    this.byKey.delete(doc.key);
    return true;
  }

  /** Gives a document new metadata (title, date, pages, places), keeping its chunks and vectors. */
  replaceMeta(meta: DocumentMeta): boolean {
    const doc = this.documents.get(meta.source);
    if (!doc) return false;
    this.countPlaces(doc.meta.places, -1);
    this.countPlaces(meta.places, 1);
    doc.meta = meta;
    this.placeList = undefined;
    return true;
  }

  private countPlaces(places: string[] | undefined, by: 1 | -1): void {
    for (const p of places ?? []) {
      const n = (this.placeCounts.get(p) ?? 0) + by;
      if (n > 0) this.placeCounts.set(p, n);
      else this.placeCounts.delete(p);
    }
  }

  /** Every place some document names (the same array until a document is added or removed). */
  placeNames(): readonly string[] {
    return (this.placeList ??= [...this.placeCounts.keys()]);
  }

  /** Whether some document names this place. */
  isKnownPlace(term: string): boolean {
    return this.placeCounts.has(term);
  }

  chunk(id: number): StoredChunk | undefined {
    return this.byId.get(id);
  }

  document(source: string): IndexedDocument | undefined {
    return this.documents.get(source);
  }

  listDocuments(): IndexedDocument[] {
    return [...this.documents.values()];
  }

  allChunks(): Iterable<StoredChunk> {
    return this.byId.values();
  }

  /**
   * The index as files: documents as JSON, chunks and both BM25 indexes as packed arrays (vectors are saved by
   * their own index). `restore` reads them back without re-tokenising anything.
   */
  /** The index as files' contents, packing postings and texts in slices so that questions are answered meanwhile. */
  async toParts(): Promise<{ documents: Uint8Array[]; chunks: Uint8Array[]; chunkBm25: Uint8Array[]; documentBm25: Uint8Array[] }> {
    return {
      documents: await runInSlices(this.documentsJson()),
      chunks: await this.byId.toPartsInSlices(),
      chunkBm25: await this.chunkBm25.toPartsInSlices(),
      documentBm25: await this.documentBm25.toPartsInSlices(),
    };
  }

  /**
   * The PersistedDocuments as `JSON.stringify` writes them, in UTF-8 parts of a thousand documents each, one part per
   * step (tens of MB at 100k documents).
   */
  private *documentsJson(): Generator<void, Uint8Array[]> {
    const encoder = new TextEncoder();
    const documents = this.listDocuments();
    const parts = [encoder.encode(`{"nextId":${JSON.stringify(this.nextChunkId)},"nextDocKey":${JSON.stringify(this.nextDocKey)},"documents":[`)];
    for (let i = 0; i < documents.length; i += 1000) {
      const json = documents.slice(i, i + 1000).map((d) => JSON.stringify(d)).join(',');
      parts.push(encoder.encode(i ? `,${json}` : json));
      yield;
    }
    parts.push(encoder.encode(']}'));
    return parts;
  }

  /**
   * Reads chunks and postings from their persisted form from now on (after a save): the same content as the index
   * holds, packed, so what was added since the last load stops taking memory and older files can be closed.
   */
  adoptPacked(files: { chunks: ChunkTable; chunkBm25: Bm25Index; documentBm25: Bm25Index }): void {
    if (files.chunks.size !== this.byId.size) throw new Error(`adoptPacked: ${files.chunks.size} chunks saved, ${this.byId.size} held`);
    this.byId = files.chunks;
    this.chunkBm25 = files.chunkBm25;
    this.documentBm25 = files.documentBm25;
    this.focusCache.clear();
  }

  /** `openVectors` gets the ids of every chunk, whose vectors it must hold. */
  static restore(
    files: { documents: string; chunks: Uint8Array | ChunkTable; chunkBm25: Uint8Array | Bm25Index; documentBm25: Uint8Array | Bm25Index },
    openVectors: (ids: number[]) => VectorIndex,
  ): CorpusIndex {
    const persisted = JSON.parse(files.documents) as PersistedDocuments;
    const index = new CorpusIndex(openVectors(persisted.documents.flatMap((d) => d.chunkIds)), persisted.nextId);
    index.nextDocKey = persisted.nextDocKey;
    index.byId = files.chunks instanceof ChunkTable ? files.chunks : ChunkTable.fromBytes(files.chunks, 'chunks');
    index.chunkBm25 = files.chunkBm25 instanceof Bm25Index ? files.chunkBm25 : Bm25Index.fromBytes(files.chunkBm25, 'chunk BM25');
    index.documentBm25 = files.documentBm25 instanceof Bm25Index ? files.documentBm25 : Bm25Index.fromBytes(files.documentBm25, 'document BM25');
    for (const doc of persisted.documents) {
      index.documents.set(doc.meta.source, doc);
      index.byKey.set(doc.key, doc);
      for (const p of doc.meta.places ?? []) index.placeCounts.set(p, (index.placeCounts.get(p) ?? 0) + 1);
    }
    return index;
  }

  /**
   * How strongly a term points at one document: the share of its occurrences found in its most frequent
   * document, times whether it occurs at least twice there. 平陆 → 1 (one speech), 目标 → low.
   */
  focus(term: string): { source: string; share: number } | undefined {
    if (this.focusCache.has(term)) return this.focusCache.get(term);
    const focus = focusOf(term, this.documentBm25.postings(term), this.byKey.size);
    const found = focus && { source: this.byKey.get(focus.key)!.meta.source, share: focus.share };
    // A question asks this several times per term; a common term's postings span every document.
    if (this.focusCache.size >= FOCUS_CACHE) this.focusCache.clear();
    this.focusCache.set(term, found);
    return found;
  }

  async view(): Promise<CorpusView> {
    return this;
  }

  keywordScores(tokens: string[], weights?: ReadonlyMap<string, number>, limit?: number): Map<number, number> {
    return this.chunkBm25.search(tokens, weights, limit);
  }

  documentPrior(tokens: string[]): (source: string) => number {
    const scores = this.documentBm25.scoreAll(tokens);
    let max = 0;
    for (let key = 0; key < scores.length; key++) if (scores[key] > max) max = scores[key];
    if (max <= 0) return () => 0;
    return (source) => {
      const key = this.documents.get(source)?.key;
      return key === undefined ? 0 : scores[key] / max;
    };
  }

  idf(term: string): number {
    return this.chunkBm25.idf(term);
  }

  *chunksWith(term: string): Generator<{ id: number; tf: number }> {
    for (const p of this.chunkBm25.postings(term)) if (!this.staged.has(p.key)) yield { id: p.key, tf: p.tf };
  }

  documentDf(term: string): number {
    return this.documentBm25.df(term);
  }

  documentTf(term: string, source: string): number {
    const key = this.documents.get(source)?.key;
    return key === undefined ? 0 : this.documentBm25.termFrequency(term, key);
  }

  async chunks(ids: number[]): Promise<Map<number, LoadedChunk>> {
    const out = new Map<number, LoadedChunk>();
    for (const id of ids) {
      const c = this.staged.has(id) ? undefined : this.byId.get(id);
      if (c) out.set(id, { ...c, title: this.documents.get(c.source)?.meta.title ?? c.source });
    }
    return out;
  }

  async neighbours(ids: number[]): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    for (const id of ids) {
      const c = this.byId.get(id);
      const list = c ? (this.documents.get(c.source)?.chunkIds ?? []) : [];
      const at = list.indexOf(id);
      const around: number[] = [];
      if (at > 0) around.push(list[at - 1]);
      if (at >= 0 && at + 1 < list.length) around.push(list[at + 1]);
      out.set(id, around);
    }
    return out;
  }

  async documentChunks(sources: string[]): Promise<{ id: number; length: number }[]> {
    return sources.flatMap((source) =>
      (this.documents.get(source)?.chunkIds ?? []).filter((id) => !this.staged.has(id)).map((id) => ({ id, length: this.chunkBm25.length(id) })),
    );
  }

  async documentTitles(sources: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const source of sources) {
      const document = this.documents.get(source);
      if (document) out.set(source, document.meta.title);
    }
    return out;
  }

  async titles(limit: number): Promise<string[]> {
    const out: string[] = [];
    for (const d of this.documents.values()) {
      if (out.length >= limit) break;
      out.push(d.meta.title);
    }
    return out;
  }

  async counts(): Promise<{ documents: number; chunks: number }> {
    return { documents: this.documents.size, chunks: this.byId.size - this.staged.size };
  }
}
