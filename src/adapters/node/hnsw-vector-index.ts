/** @module hnsw-vector-index: the Node VectorIndex on hnswlib-node (inner product over normalised vectors). */
import hnswlib from 'hnswlib-node';
import type { VectorIndex, VectorMatch } from '../../core/ports.js';

export interface HnswOptions {
  m: number;
  efConstruction: number;
  efSearch: number;
}

export const DEFAULT_HNSW: HnswOptions = { m: 16, efConstruction: 200, efSearch: 200 };
const INITIAL_CAPACITY = 1024;

export class HnswVectorIndex implements VectorIndex {
  private readonly index: hnswlib.HierarchicalNSW;
  /** Which labels are in use (1 byte per label: a million of them load in milliseconds). */
  private live: Uint8Array = new Uint8Array(0);
  private liveCount = 0;

  private constructor(
    readonly dimensions: number,
    private readonly options: HnswOptions,
  ) {
    this.index = new hnswlib.HierarchicalNSW('ip', dimensions);
  }

  static create(dimensions: number, options: HnswOptions = DEFAULT_HNSW, capacity = INITIAL_CAPACITY): HnswVectorIndex {
    const v = new HnswVectorIndex(dimensions, options);
    v.index.initIndex({ maxElements: capacity, m: options.m, efConstruction: options.efConstruction, allowReplaceDeleted: false });
    v.index.setEf(options.efSearch);
    return v;
  }

  /**
   * Loads a graph written by `write`, off the event loop (a large graph takes seconds to read); `live` then names the
   * labels that are in use.
   */
  static async read(path: string, dimensions: number, options: HnswOptions = DEFAULT_HNSW): Promise<HnswVectorIndex> {
    const v = new HnswVectorIndex(dimensions, options);
    await v.index.readIndex(path, false);
    v.index.setEf(options.efSearch);
    return v;
  }

  /** The labels in use in a graph just read (deleted ones stay in the file until it is rebuilt). */
  setLive(ids: Iterable<number>): void {
    this.live = new Uint8Array(0);
    this.liveCount = 0;
    for (const id of ids) this.markLive(id);
  }

  /** Candidates kept during a search: higher finds more of the true nearest neighbours, slower. */
  setEfSearch(ef: number): void {
    this.index.setEf(ef);
  }

  private isLive(id: number): boolean {
    return id >= 0 && id < this.live.length && this.live[id] === 1;
  }

  private markLive(id: number): void {
    if (id >= this.live.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.live.length * 2, 1024));
      grown.set(this.live);
      this.live = grown;
    }
    if (this.live[id]) return;
    this.live[id] = 1;
    this.liveCount++;
  }

  get size(): number {
    return this.liveCount;
  }

  /** Labels stored in the graph file, deleted ones included. */
  get storedCount(): number {
    return this.index.getCurrentCount();
  }

  add(id: number, vector: Float32Array): void {
    if (this.isLive(id)) throw new Error(`vector ${id} already present`);
    const count = this.index.getCurrentCount();
    if (count >= this.index.getMaxElements()) this.index.resizeIndex(Math.max(INITIAL_CAPACITY, count * 2));
    this.index.addPoint(Array.from(vector), id);
    this.markLive(id);
  }

  remove(id: number): void {
    if (!this.isLive(id)) return;
    this.live[id] = 0;
    this.liveCount--;
    this.index.markDelete(id);
  }

  search(vector: Float32Array, k: number): VectorMatch[] {
    const n = Math.min(k, this.liveCount);
    if (n === 0) return [];
    const { distances, neighbors } = this.index.searchKnn(Array.from(vector), n);
    return neighbors.map((id, i) => ({ id, score: 1 - distances[i] }));
  }

  vector(id: number): Float32Array {
    return Float32Array.from(this.index.getPoint(id));
  }

  write(path: string): void {
    this.index.writeIndexSync(path);
  }
}
