/**
 * @module hnsw-vector-index: the Node VectorIndex on hnswlib-node (inner product over normalised vectors).
 *
 * A persisted index is searched as a compact graph (links plus 8-bit codes, re-scored with the exact vectors read
 * from hnswlib's file), so a million chunks load in about a second and take a third of the memory; hnswlib holds
 * what was added since. A save keeps the files of the compact graph (linked) and writes what was added as a small
 * hnswlib file of its own; once that passes MERGE_SHARE of the graph, both are merged into new files.
 */
import { closeSync, copyFileSync, linkSync, openSync, readFileSync } from 'node:fs';
import hnswlib from 'hnswlib-node';
import type { VectorIndex, VectorMatch } from '../../core/ports.js';
import { AppError } from '../../core/errors.js';
import { CompactGraph } from '../../core/index/compact-graph.js';
import { unpack } from '../../core/index/binary-pack.js';
import { exactVectorReader, readHnswLayout, writeCompactGraph, type CompactGraphFile, type HnswFileLayout } from './hnsw-file.js';
import { runInSlices } from '../../core/time-slices.js';
import { bestAmong, topMatches } from '../../core/retrieve/best-among.js';

export interface HnswOptions {
  m: number;
  efConstruction: number;
  efSearch: number;
}

export const DEFAULT_HNSW: HnswOptions = { m: 16, efConstruction: 200, efSearch: 200 };
const INITIAL_CAPACITY = 1024;
/** Vectors added since the compact graph was written, as a share of it, above which a save merges them in. */
const MERGE_SHARE = 0.05;

/**
 * The files of a persisted vector index: hnswlib's graph with the exact vectors, the compact graph, and (when
 * `hasAdded`) the vectors added since, in hnswlib's format.
 */
export interface VectorFiles {
  vectors: string;
  graph: string;
  added: string;
  hasAdded?: boolean;
}

interface Snapshot {
  graph: CompactGraph;
  files: VectorFiles;
  fd: number;
}

/** Opens the compact graph at `files.graph`, reading exact vectors from `files.vectors`. */
function openSnapshot(files: VectorFiles, dimensions: number): Snapshot {
  const { header, arrays } = unpack(readFileSync(files.graph), 'vector graph');
  const [level0, upperAt, upper, labels, scales, codes] = arrays as [Uint32Array, Int32Array, Uint32Array, Uint32Array, Float32Array, Int8Array];
  return snapshotOf(files, dimensions, { header: header as HnswFileLayout, arrays: { level0, upperAt, upper, labels, scales, codes } });
}

/** The compact graph of `files` (already in memory), reading exact vectors from `files.vectors`. */
function snapshotOf(files: VectorFiles, dimensions: number, { header, arrays, whole }: CompactGraphFile): Snapshot {
  const fd = openSync(files.vectors, 'r');
  try {
    const layout = readHnswLayout(fd, dimensions);
    if (header.count !== layout.count || header.dimensions !== dimensions) {
      throw new AppError('index_corrupt', `vector graph: ${header.count} nodes of ${header.dimensions} dimensions, vectors hold ${layout.count} of ${dimensions}`);
    }
    let graph: CompactGraph;
    try {
      graph = new CompactGraph(header, arrays, exactVectorReader(fd, layout, undefined, whole));
    } catch (cause) {
      throw new AppError('index_corrupt', `vector graph: ${cause instanceof Error ? cause.message : cause}`, { cause });
    }
    return { graph, files, fd };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

export class HnswVectorIndex implements VectorIndex {
  /** What was read from disk (or last saved), searched as a compact graph. */
  private snapshot?: Snapshot;
  /** What was added since, in hnswlib. */
  private index!: hnswlib.HierarchicalNSW;
  /** Labels added to `index`, in order. */
  private added: number[] = [];
  /**
   * The live vectors `index` holds (so also which labels it holds), kept here too: reading them back from hnswlib
   * (`getPoint`, a JS array per vector) took ~0.1 ms each, so ranking a document of thousands of passages just
   * uploaded held the event loop for most of a second.
   */
  private pending = new Map<number, Float32Array>();
  private liveAdded = 0;
  /** Which labels are in use (1 byte per label: a million of them load in milliseconds). */
  private live: Uint8Array = new Uint8Array(0);
  private liveCount = 0;
  /** What the last `write` left in its files, for `adopt`. */
  private written?: { upTo: number; merged?: CompactGraphFile };
  private readonly isLive = (id: number) => id >= 0 && id < this.live.length && this.live[id] === 1;

  private constructor(
    readonly dimensions: number,
    private readonly options: HnswOptions,
    capacity = INITIAL_CAPACITY,
  ) {
    this.index = this.emptyIndex(capacity);
  }

  private emptyIndex(capacity: number): hnswlib.HierarchicalNSW {
    const index = new hnswlib.HierarchicalNSW('ip', this.dimensions);
    index.initIndex({ maxElements: capacity, m: this.options.m, efConstruction: this.options.efConstruction, allowReplaceDeleted: false });
    index.setEf(this.options.efSearch);
    return index;
  }

  static create(dimensions: number, options: HnswOptions = DEFAULT_HNSW, capacity = INITIAL_CAPACITY): HnswVectorIndex {
    return new HnswVectorIndex(dimensions, { ...options }, capacity);
  }

  /** Opens persisted files written by `write`; `setLive` then names the labels that are in use. */
  static async open(files: VectorFiles, dimensions: number, options: HnswOptions = DEFAULT_HNSW): Promise<HnswVectorIndex> {
    const v = new HnswVectorIndex(dimensions, { ...options });
    v.snapshot = openSnapshot(files, dimensions);
    if (files.hasAdded) {
      try {
        await v.index.readIndex(files.added, false);
      } catch (cause) {
        closeSync(v.snapshot.fd);
        throw new AppError('index_corrupt', `added vectors unreadable (${cause instanceof Error ? cause.message : cause})`, { cause });
      }
      v.index.setEf(options.efSearch);
      for (const id of v.index.getIdsList()) {
        v.added.push(id);
        try {
          v.pending.set(id, Float32Array.from(v.index.getPoint(id)));
        } catch {
          // deleted before the file was written: never live again
        }
      }
      v.added.sort((a, b) => a - b);
    }
    return v;
  }

  /** The labels in use in an index just opened (deleted ones stay in the files until they are rewritten). */
  setLive(ids: Iterable<number>): void {
    this.live = new Uint8Array(0);
    this.liveCount = 0;
    for (const id of ids) this.markLive(id);
    this.liveAdded = 0;
    for (const id of this.added) {
      if (this.isLive(id)) this.liveAdded++;
      else {
        this.pending.delete(id);
        try {
          this.index.markDelete(id);
        } catch {
          // deleted already
        }
      }
    }
  }

  /** Candidates kept during a search: higher finds more of the true nearest neighbours, slower. */
  setEfSearch(ef: number): void {
    this.options.efSearch = ef;
    this.index.setEf(ef);
  }

  private markLive(id: number): void {
    if (id >= this.live.length) this.live = grown(this.live, id);
    if (this.live[id]) return;
    this.live[id] = 1;
    this.liveCount++;
  }

  get size(): number {
    return this.liveCount;
  }

  /** Vectors held, deleted ones included. */
  get storedCount(): number {
    return (this.snapshot?.graph.count ?? 0) + this.index.getCurrentCount();
  }

  add(id: number, vector: Float32Array): void {
    if (this.isLive(id)) throw new Error(`vector ${id} already present`);
    const count = this.index.getCurrentCount();
    if (count >= this.index.getMaxElements()) this.index.resizeIndex(Math.max(INITIAL_CAPACITY, count * 2));
    this.index.addPoint(Array.from(vector), id);
    this.pending.set(id, Float32Array.from(vector));
    this.added.push(id);
    this.liveAdded++;
    this.markLive(id);
  }

  remove(id: number): void {
    if (!this.isLive(id)) return;
    this.live[id] = 0;
    this.liveCount--;
    if (this.pending.delete(id)) {
      this.index.markDelete(id);
      this.liveAdded--;
    }
  }

  /** `ids` (in their order) as those added since the last merge, held in memory, and those in the compact graph. */
  private split(ids: readonly number[]): { added: number[]; inGraph: number[] } {
    const added: number[] = [];
    const inGraph: number[] = [];
    for (const id of ids) (this.pending.has(id) ? added : inGraph).push(id);
    return { added, inGraph };
  }

  /** Those added since the last merge from memory, the others from the compact graph's file. */
  vectorsOf(ids: number[]): Float32Array[] | undefined {
    if (!ids.every(this.isLive)) return undefined;
    const { inGraph } = this.split(ids);
    const saved = inGraph.length === 0 ? [] : this.snapshot?.graph.vectorsOf(inGraph);
    if (!saved) return undefined;
    let next = 0;
    return ids.map((id) => this.pending.get(id) ?? saved[next++]);
  }

  /**
   * Exactly, by every vector of `ids`: those added since the last merge from memory, the others scored in place in
   * the compact graph's file (no copies: a document of 28k passages is ranked in tens of milliseconds).
   */
  searchAmong(vector: Float32Array, ids: readonly number[], k: number): VectorMatch[] {
    const live = ids.filter(this.isLive);
    const { added, inGraph } = this.split(live);
    const saved = inGraph.length === 0 ? [] : this.snapshot?.graph.nearestAmong(vector, inGraph, k);
    if (!saved) {
      const allowed = new Set(live);
      return this.search(vector, this.liveCount).filter((m) => allowed.has(m.id)).slice(0, k);
    }
    const fresh = bestAmong(vector, added, added.map((id) => this.pending.get(id)!), k);
    return topMatches(k, (offer) => [...saved, ...fresh].forEach((m) => offer(m.id, m.score)));
  }

  search(vector: Float32Array, k: number): VectorMatch[] {
    const n = Math.min(k, this.liveCount);
    if (n === 0) return [];
    const found = this.snapshot ? this.snapshot.graph.search(vector, n, this.options.efSearch, this.isLive) : [];
    if (this.liveAdded > 0) {
      const { distances, neighbors } = this.index.searchKnn(Array.from(vector), Math.min(n, this.liveAdded));
      if (!this.snapshot) return neighbors.map((id, i) => ({ id, score: 1 - distances[i] }));
      neighbors.forEach((id, i) => found.push({ id, score: 1 - distances[i] }));
      found.sort((a, b) => b.score - a.score || a.id - b.id);
    }
    return found.slice(0, n);
  }

  /**
   * Writes the index to `files`. Without a compact graph yet, hnswlib's file and its compact graph are written. With
   * one, its files are linked, not copied, and what was added since goes to `files.added`, until that passes
   * MERGE_SHARE of the graph: then both are merged into new files. Tells whether `files.added` was written.
   */
  async write(files: VectorFiles): Promise<boolean> {
    const upTo = this.added.length;
    const snapshot = this.snapshot;
    if (snapshot && this.liveAdded <= MERGE_SHARE * snapshot.graph.count) {
      linkOrCopy(snapshot.files.vectors, files.vectors);
      linkOrCopy(snapshot.files.graph, files.graph);
      const hasAdded = this.liveAdded > 0;
      if (hasAdded) await this.index.writeIndex(files.added);
      this.written = { upTo };
      return hasAdded;
    }
    if (!snapshot) {
      await this.index.writeIndex(files.vectors);
    } else {
      const merged = new hnswlib.HierarchicalNSW('ip', this.dimensions);
      await merged.readIndex(snapshot.files.vectors, false);
      merged.resizeIndex(snapshot.graph.count + upTo);
      // Adding tens of thousands of points to a large graph takes a minute: questions are answered between slices.
      await runInSlices(this.mergeSteps(merged, snapshot.graph.arrays.labels, this.added.slice(0, upTo)));
      await merged.writeIndex(files.vectors);
    }
    // The graph just derived is searched after the rename as it is, not read back.
    this.written = { upTo, merged: await writeCompactGraph(files.vectors, files.graph, this.dimensions, true) };
    return false;
  }

  /** Into `merged` (the saved graph, read again): its removed labels marked deleted, then the live added points, a step each. */
  private *mergeSteps(merged: hnswlib.HierarchicalNSW, savedLabels: Uint32Array, added: number[]): Generator<void, void> {
    for (const label of savedLabels) {
      if (this.isLive(label)) continue;
      try {
        merged.markDelete(label);
      } catch {
        // already deleted in the file
      }
    }
    yield;
    for (const id of added) {
      if (this.isLive(id)) merged.addPoint(Array.from(this.pending.get(id)!), id);
      yield;
    }
  }

  /**
   * The files last written now live at `files` (their folder was renamed): search them from now on. After a merge,
   * hnswlib keeps only what was added after the files were written.
   */
  adopt(files: VectorFiles): void {
    const written = this.written;
    if (!written) throw new Error('adopt: nothing was written');
    this.written = undefined;
    if (!written.merged) {
      // Linked: the same graph, now under the new folder.
      this.snapshot!.files = files;
      return;
    }
    const next = snapshotOf(files, this.dimensions, written.merged);
    const later = this.added.slice(written.upTo).filter((id) => this.isLive(id));
    const previous = this.pending;
    this.index = this.emptyIndex(Math.max(INITIAL_CAPACITY, later.length));
    this.added = [];
    this.pending = new Map();
    this.liveAdded = later.length;
    for (const id of later) {
      const vector = previous.get(id)!;
      this.index.addPoint(Array.from(vector), id);
      this.pending.set(id, vector);
      this.added.push(id);
    }
    if (this.snapshot) closeSync(this.snapshot.fd);
    this.snapshot = next;
  }
}

function grown(a: Uint8Array, id: number): Uint8Array {
  const b = new Uint8Array(Math.max(id + 1, a.length * 2, 1024));
  b.set(a);
  return b;
}
