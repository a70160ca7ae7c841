/**
 * @module bm25-index: an incremental Okapi BM25 index over token lists, keyed by small non-negative integers.
 *
 * Built for millions of entries: postings are packed in typed arrays by term (keys ascending, term frequencies
 * beside them); entries added since the last packing sit in small maps and are folded in once there are enough of
 * them; removals are applied at the next read. It persists as the packed arrays themselves.
 */
import { AppError } from '../errors.js';
import { layoutOf, packParts, readArray, unpack, type ByteSource, type PackedArray } from '../index/binary-pack.js';
import { runInSlices, runToEnd } from '../time-slices.js';

export interface Bm25Options {
  k1: number;
  b: number;
}

/** One term's BM25 contribution; shared by every implementation so that scores agree to the last digit. */
export function bm25Term(idf: number, tf: number, length: number, averageLength: number, { k1, b }: Bm25Options): number {
  return (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
}

export function bm25Idf(entries: number, df: number): number {
  return Math.log(1 + (entries - df + 0.5) / (df + 0.5));
}

export const CHUNK_BM25: Bm25Options = { k1: 1.2, b: 0.75 };
export const DOCUMENT_BM25: Bm25Options = { k1: 1.2, b: 0.3 };

/** Entries added since the last packing that trigger the next one. */
const PACK_EVERY = 50_000;
/** Old postings read (and packed) per step of `packSteps`. */
const BLOCK_POSTINGS = 1 << 18;
const MAX_TF = 65_535;
const ABSENT = -1;

interface Extremes {
  maxTf: number;
  minLength: number;
}

/** One query term's postings (packed or recent) as a search visits them. */
interface QueryTerm {
  /** Its idf times its query weight. */
  weight: number;
  k1plus1: number;
  keys: ArrayLike<number>;
  tfs: ArrayLike<number>;
  /** The most it adds to any entry's score. */
  bound: number;
  /** Its frequency in one entry (0 when absent). */
  tf(key: number): number;
}

interface Header {
  options: Bm25Options;
  terms: string[];
  count: number;
  totalLength: number;
}

function grow<T extends Int32Array | Float64Array | Uint32Array | Uint8Array>(array: T, size: number, fill?: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  if (fill !== undefined) next.fill(fill, array.length);
  next.set(array);
  return next;
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Live entries holding each term. */
  private dfs: Uint32Array = new Uint32Array(0);
  /** Packed postings of term t: positions offsets[t]..offsets[t+1] of the keys (ascending) and tfs arrays. */
  private offsets: Uint32Array = new Uint32Array(1);
  /** The packed keys and tfs of one term: views on arrays in memory, or read from the index file. */
  private packed: (t: number) => { keys: Int32Array; tfs: Uint16Array } = () => ({ keys: new Int32Array(0), tfs: new Uint16Array(0) });
  /** Entries added since the last packing: term → key → tf, and each such entry's terms. */
  private recent = new Map<number, Map<number, number>>();
  private recentTerms = new Map<number, number[]>();
  /** Packed entries removed since the last packing. */
  private removed = new Set<number>();
  /** Token count per key (ABSENT when the key holds nothing). */
  private lengths: Int32Array = new Int32Array(0);
  private count = 0;
  private totalLength = 0;
  /** The length part of each key's BM25 denominator, for the average length it was computed with. */
  private norms: Float64Array = new Float64Array(0);
  /** Bumped by every addition and removal; `norms` are valid for `normsVersion`. */
  private version = 0;
  private normsVersion = -1;
  /** Scratch space for `search`: scores by key, and which keys the current search touched. */
  private scores: Float64Array = new Float64Array(0);
  private touchedAt: Uint32Array = new Uint32Array(0);
  private searchNumber = 0;
  /** Per packed term, the highest tf and lowest entry length among its postings: what bounds its contribution. */
  private readonly extremes = new Map<number, Extremes>();
  /** Per packed term, how many of its entries are among `removed`. */
  private readonly removedDfs = new Map<number, number>();

  constructor(private readonly options: Bm25Options = CHUNK_BM25) {}

  get averageLength(): number {
    return this.count ? this.totalLength / this.count : 1;
  }

  get size(): number {
    return this.count;
  }

  length(key: number): number {
    return this.has(key) ? this.lengths[key] : 0;
  }

  has(key: number): boolean {
    return key >= 0 && key < this.lengths.length && this.lengths[key] !== ABSENT;
  }

  add(key: number, tokens: string[]): void {
    runToEnd(this.addSteps(key, tokens));
  }

  /**
   * `add` as steps: the entry is searchable after the first step (it is added before anything yields); a packing that
   * the addition brings due follows, a block of terms per step. `entry` is the tokens, or their counts and total.
   */
  *addSteps(key: number, entry: string[] | { counts: ReadonlyMap<string, number>; length: number }): Generator<void, void> {
    if (!Number.isInteger(key) || key < 0) throw new RangeError(`BM25 keys are non-negative integers, not ${key}`);
    // A packed key added again: its old postings go first (removals are otherwise left out until the next packing).
    if (this.has(key)) this.remove(key);
    if (this.removed.has(key)) this.settle();
    let tf: ReadonlyMap<string, number>;
    let length: number;
    if (Array.isArray(entry)) {
      const counts = new Map<string, number>();
      for (const t of entry) counts.set(t, (counts.get(t) ?? 0) + 1);
      [tf, length] = [counts, entry.length];
    } else {
      [tf, length] = [entry.counts, entry.length];
    }
    const ids: number[] = [];
    for (const [term, n] of tf) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.terms.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        this.dfs = grow(this.dfs, id + 1);
      }
      let list = this.recent.get(id);
      if (!list) this.recent.set(id, (list = new Map()));
      list.set(key, Math.min(n, MAX_TF));
      this.dfs[id]++;
      ids.push(id);
    }
    this.recentTerms.set(key, ids);
    this.lengths = grow(this.lengths, key + 1, ABSENT);
    this.lengths[key] = length;
    this.version++;
    this.count++;
    this.totalLength += length;
    if (this.recentTerms.size >= PACK_EVERY) yield* this.packSteps();
  }

  remove(key: number): void {
    if (!this.has(key)) return;
    const ids = this.recentTerms.get(key);
    if (ids) {
      for (const id of ids) {
        const list = this.recent.get(id)!;
        list.delete(key);
        if (!list.size) this.recent.delete(id);
        this.dfs[id]--;
      }
      this.recentTerms.delete(key);
    } else {
      this.removed.add(key);
      this.removedDfs.clear();
    }
    this.version++;
    this.count--;
    this.totalLength -= this.lengths[key];
    this.lengths[key] = ABSENT;
  }

  /** Applies pending removals now (before a packed key is added again). */
  private settle(): void {
    if (this.removed.size) this.pack();
  }

  /** Folds recent entries into the packed arrays and drops removed ones. */
  pack(): void {
    runToEnd(this.packSteps());
  }

  /**
   * `pack` as steps, for `toPartsInSlices`: the new arrays are built aside, a block of terms per step, and take over
   * in the last step, so the index answers from the old ones (pending removals left out) until then.
   */
  private *packSteps(): Generator<void, void> {
    const termCount = this.terms.length;
    const packedTerms = this.offsets.length - 1;
    const gone = new Uint8Array(this.lengths.length);
    for (const key of this.removed) gone[key] = 1;
    const oldOffsets = this.offsets;
    const dfs = this.dfs.slice();
    const sizes = new Uint32Array(termCount);
    // Old postings are read a block of terms at a time (a block's keys and tfs in one read each when in a file).
    const blocks: { from: number; to: number; keys: Int32Array; tfs: Uint16Array }[] = [];
    // A block is bounded by its old and recent postings together: a large document just added is packed in steps too.
    const recentSize = (t: number) => this.recent.get(t)?.size ?? 0;
    for (let from = 0; from < packedTerms; ) {
      let to = from + 1;
      for (let recent = recentSize(from); to < packedTerms && oldOffsets[to + 1] - oldOffsets[from] + recent + recentSize(to) <= BLOCK_POSTINGS; to++) recent += recentSize(to);
      const block = { from, to, ...this.range(from, to) };
      blocks.push(block);
      for (let t = from, p = 0; t < to; t++) {
        let n = 0;
        for (const end = oldOffsets[t + 1] - oldOffsets[from]; p < end; p++) {
          if (gone[block.keys[p]]) dfs[t]--;
          else n++;
        }
        sizes[t] = n;
      }
      from = to;
      yield;
    }
    for (const [t, list] of this.recent) sizes[t] += list.size;
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t] + sizes[t];
    const keys = new Int32Array(offsets[termCount]);
    const tfs = new Uint16Array(offsets[termCount]);
    const recentInto = (t: number, start: number) => {
      let at = start;
      const list = this.recent.get(t);
      if (!list) return;
      let sorted = true;
      for (const [key, tf] of list) {
        if (at > offsets[t] && key < keys[at - 1]) sorted = false;
        keys[at] = key;
        tfs[at++] = tf;
      }
      if (!sorted) {
        const order = Array.from({ length: at - offsets[t] }, (_, i) => offsets[t] + i).sort((x, y) => keys[x] - keys[y]);
        const k = order.map((q) => keys[q]);
        const f = order.map((q) => tfs[q]);
        keys.set(k, offsets[t]);
        tfs.set(f, offsets[t]);
      }
    };
    for (const block of blocks) {
      for (let t = block.from, p = 0; t < block.to; t++) {
        let at = offsets[t];
        for (const end = oldOffsets[t + 1] - oldOffsets[block.from]; p < end; p++) {
          if (gone[block.keys[p]]) continue;
          keys[at] = block.keys[p];
          tfs[at++] = block.tfs[p];
        }
        recentInto(t, at);
      }
      yield;
    }
    for (let t = packedTerms, done = 0; t < termCount; t++) {
      recentInto(t, offsets[t]);
      done += recentSize(t);
      if (done >= BLOCK_POSTINGS) {
        done = 0;
        yield;
      }
    }
    this.dfs = dfs;
    this.inMemory(offsets, keys, tfs);
    this.recent.clear();
    this.recentTerms.clear();
    this.removed.clear();
    this.removedDfs.clear();
  }

  /** Number of entries containing the term. */
  df(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.liveDf(id);
  }

  /** Every term some entry holds, with the number of entries holding it. */
  *vocabulary(): Generator<[string, number]> {
    for (let id = 0; id < this.terms.length; id++) {
      const df = this.liveDf(id);
      if (df > 0) yield [this.terms[id], df];
    }
  }

  /** A term's df less its entries removed since the last packing (counted once per term until the next removal). */
  private liveDf(id: number): number {
    if (!this.removed.size || id >= this.offsets.length - 1) return this.dfs[id];
    let gone = this.removedDfs.get(id);
    if (gone === undefined) {
      const { keys } = this.packed(id);
      gone = 0;
      if (lookupsAreCheaper(this.removed.size, keys.length)) {
        for (const key of this.removed) if (positionIn(keys, key) >= 0) gone++;
      } else {
        for (const key of keys) if (this.removed.has(key)) gone++;
      }
      this.removedDfs.set(id, gone);
    }
    return this.dfs[id] - gone;
  }

  idf(term: string): number {
    return bm25Idf(this.count, this.df(term));
  }

  /** Entries holding the term, by ascending key, with its frequency in each. */
  *postings(term: string): Generator<{ key: number; tf: number }> {
    const id = this.termIds.get(term);
    if (id === undefined) return;
    const recent = [...(this.recent.get(id) ?? [])].sort((a, b) => a[0] - b[0]);
    let r = 0;
    if (id < this.offsets.length - 1) {
      const { keys, tfs } = this.packed(id);
      for (let p = 0; p < keys.length; p++) {
        for (; r < recent.length && recent[r][0] < keys[p]; r++) yield { key: recent[r][0], tf: recent[r][1] };
        if (this.lengths[keys[p]] !== ABSENT) yield { key: keys[p], tf: tfs[p] };
      }
    }
    for (; r < recent.length; r++) yield { key: recent[r][0], tf: recent[r][1] };
  }

  termFrequency(term: string, key: number): number {
    const id = this.termIds.get(term);
    if (id === undefined || !this.has(key)) return 0;
    const recent = this.recent.get(id)?.get(key);
    if (recent !== undefined) return recent;
    if (id >= this.offsets.length - 1) return 0;
    const { keys, tfs } = this.packed(id);
    return tfIn(keys, tfs, key);
  }

  /**
   * BM25 scores of the entries that share a term with the query: all of them, or the best `limit` (ties broken by
   * the smaller key). Repeated query terms count once; `weights` scales a term's contribution (1 when absent).
   * With a limit, terms are visited from the highest possible contribution down, and once the terms left cannot
   * lift an entry that none of the earlier ones holds into the best `limit`, the rest are only looked up for the
   * entries still in the running (MaxScore). The scores are then summed again in the query's order, so they are
   * the exhaustive scores to the last digit.
   */
  search(queryTokens: string[], weights?: ReadonlyMap<string, number>, limit?: number): Map<number, number> {
    if (limit !== undefined) return this.searchBest(queryTokens, weights, limit);
    const terms = this.queryTerms(queryTokens, weights);
    const { scores, touched } = this.accumulate(terms, this.begin());
    // Entries removed since the last packing are still in the postings, scoring 0 (their length part is infinite).
    return new Map(touched.filter((k) => this.lengths[k] !== ABSENT).map((k) => [k, scores[k]]));
  }

  /** Starts a search: the scratch arrays cover every key, and no key counts as touched. */
  private begin(): number {
    this.scores = grow(this.scores, this.lengths.length);
    this.touchedAt = grow(this.touchedAt, this.lengths.length);
    return ++this.searchNumber;
  }

  /** Adds the terms' postings to the scores of search `search`, appending keys touched for the first time. */
  private accumulate(terms: QueryTerm[], search: number, touched: number[] = []): { scores: Float64Array; touched: number[] } {
    const { scores, touchedAt, norms } = this;
    for (const { weight, k1plus1, keys, tfs } of terms) {
      // The hot loop of a large corpus (a common term has postings in most chunks), so it is written out.
      for (let p = 0, end = keys.length; p < end; p++) {
        const key = keys[p];
        const tf = tfs[p];
        const s = (weight * tf * k1plus1) / (tf + norms[key]);
        if (touchedAt[key] !== search) {
          touchedAt[key] = search;
          scores[key] = s;
          touched.push(key);
        } else scores[key] += s;
      }
    }
    return { scores, touched };
  }

  private searchBest(queryTokens: string[], weights: ReadonlyMap<string, number> | undefined, limit: number): Map<number, number> {
    const terms = this.queryTerms(queryTokens, weights);
    const order = [...terms].sort((x, y) => y.bound - x.bound);
    // Scores summed in another order differ in the last digits: every cut keeps a margin far above that.
    const below = (score: number, threshold: number) => score < threshold * (1 - 1e-9);
    let rest = terms.reduce((sum, t) => sum + t.bound, 0);
    let reach = 0;
    const touched: number[] = [];
    const search = this.begin();
    const { scores, touchedAt, norms } = this;
    let running: number[] | undefined;
    let next = 0;
    // Every term is scanned until the terms left cannot lift an entry none of the scanned ones holds to the limit-th
    // best score so far (which can only grow): from then on, only the entries still in the running are scored.
    for (; next < order.length && !running; next++) {
      const term = order[next];
      rest -= term.bound;
      reach += term.bound;
      this.accumulate([term], search, touched);
      if (touched.length < limit || below(reach, rest)) continue;
      const threshold: number = scores[best(touched, scores, limit)[0]];
      if (below(rest, threshold)) running = touched.filter((k) => !below(scores[k] + rest, threshold));
    }
    running ??= touched;
    const stamp = this.begin();
    for (; next < order.length && running.length > limit; next++) {
      const term = order[next];
      rest -= term.bound;
      const { weight, k1plus1, keys, tfs } = term;
      if (lookupsAreCheaper(running.length, keys.length)) {
        for (const key of running) scores[key] += this.scoreOf(term, key);
      } else {
        for (const key of running) touchedAt[key] = stamp;
        for (let p = 0, end = keys.length; p < end; p++) {
          const key = keys[p];
          if (touchedAt[key] !== stamp) continue;
          const tf = tfs[p];
          scores[key] += (weight * tf * k1plus1) / (tf + norms[key]);
        }
      }
      const threshold: number = scores[best(running, scores, limit)[0]];
      running = running.filter((k) => !below(scores[k] + rest, threshold));
    }
    // The entries left in the running, scored exactly as an exhaustive search sums them (removed ones left out).
    running = running.filter((k) => this.lengths[k] !== ABSENT);
    const exact = new Map<number, number>();
    for (const key of running) {
      let score = 0;
      for (const term of terms) score += this.scoreOf(term, key);
      exact.set(key, score);
    }
    if (running.length <= limit) return exact;
    for (const [key, score] of exact) scores[key] = score;
    return new Map(best(running, scores, limit).map((k) => [k, scores[k]]));
  }

  /** What one term adds to one entry's score, found by a lookup (the scans write the same arithmetic out). */
  private scoreOf({ weight, k1plus1, tf: tfOf }: QueryTerm, key: number): number {
    const tf = tfOf(key);
    return tf ? (weight * tf * k1plus1) / (tf + this.norms[key]) : 0;
  }

  /** BM25 scores of every key (0 where no query term occurs), as a new array indexed by key. */
  scoreAll(queryTokens: string[], weights?: ReadonlyMap<string, number>): Float64Array {
    const scores = new Float64Array(this.lengths.length);
    const terms = this.queryTerms(queryTokens, weights);
    const { norms } = this;
    for (const { weight, k1plus1, keys, tfs } of terms) {
      for (let p = 0, end = keys.length; p < end; p++) {
        const key = keys[p];
        const tf = tfs[p];
        scores[key] += (weight * tf * k1plus1) / (tf + norms[key]);
      }
    }
    return scores;
  }

  /**
   * The query's distinct terms with postings, in its order: packed postings, then recent ones, each with its weighted
   * idf. A key scores `weight · tf · (k1 + 1) / (tf + norms[key])`: `bm25Term`'s arithmetic, with the length part of
   * the denominator computed once per key and average length.
   */
  private queryTerms(queryTokens: string[], weights: ReadonlyMap<string, number> | undefined): QueryTerm[] {
    const { k1, b } = this.options;
    const avg = this.averageLength;
    if (this.normsVersion !== this.version) {
      this.norms = new Float64Array(this.lengths.length);
      for (let key = 0; key < this.lengths.length; key++) {
        const length = this.lengths[key];
        this.norms[key] = length === ABSENT ? Infinity : k1 * (1 - b + (b * length) / avg);
      }
      this.normsVersion = this.version;
    }
    const k1plus1 = k1 + 1;
    // The most a posting can add: the highest tf over the lowest length part, which no single posting exceeds.
    const bound = (weight: number, { maxTf, minLength }: Extremes) => (weight * maxTf * k1plus1) / (maxTf + k1 * (1 - b + (b * minLength) / avg));
    const out: QueryTerm[] = [];
    for (const term of new Set(queryTokens)) {
      const id = this.termIds.get(term);
      if (id === undefined || !this.liveDf(id)) continue;
      const weight = this.idf(term) * (weights?.get(term) ?? 1);
      if (id < this.offsets.length - 1) {
        const { keys, tfs } = this.packed(id);
        let extremes = this.extremes.get(id);
        if (!extremes) this.extremes.set(id, (extremes = extremesOf(keys, tfs, this.lengths)));
        out.push({ weight, k1plus1, keys, tfs, bound: bound(weight, extremes), tf: (key) => tfIn(keys, tfs, key) });
      }
      const recent = this.recent.get(id);
      if (recent?.size) {
        const keys = [...recent.keys()];
        const tfs = [...recent.values()];
        out.push({ weight, k1plus1, keys, tfs, bound: bound(weight, extremesOf(keys, tfs, this.lengths)), tf: (key) => recent.get(key) ?? 0 });
      }
    }
    return out;
  }

  /** The packed index as parts to write one after another. */
  toParts(): Uint8Array[] {
    this.pack();
    return this.packedParts();
  }

  /** `toParts`, giving the event loop a turn every few milliseconds while packing (seconds at a million entries). */
  async toPartsInSlices(sliceMs?: number): Promise<Uint8Array[]> {
    await runInSlices(this.packSteps(), sliceMs);
    return this.packedParts();
  }

  private packedParts(): Uint8Array[] {
    const header: Header = { options: this.options, terms: this.terms, count: this.count, totalLength: this.totalLength };
    const { keys, tfs } = this.range(0, this.offsets.length - 1);
    return packParts(header, [this.offsets, keys, tfs, this.lengths]);
  }

  private inMemory(offsets: Uint32Array, keys: Int32Array, tfs: Uint16Array): void {
    this.offsets = offsets;
    this.extremes.clear();
    this.packed = (t) => ({ keys: keys.subarray(offsets[t], offsets[t + 1]), tfs: tfs.subarray(offsets[t], offsets[t + 1]) });
    this.range = (from, to) => ({ keys: keys.subarray(offsets[from], offsets[to]), tfs: tfs.subarray(offsets[from], offsets[to]) });
  }

  /** The packed postings of terms `from` to `to` (excluded), one after another (read when they live in a file). */
  private range: (from: number, to: number) => { keys: Int32Array; tfs: Uint16Array } = () => ({ keys: new Int32Array(0), tfs: new Uint16Array(0) });

  /** Reads what `toParts` wrote (the arrays stay views on `bytes`). */
  static fromBytes(bytes: Uint8Array, what = 'BM25 index'): Bm25Index {
    const { header, arrays } = unpack(bytes, what);
    const [offsets, keys, tfs, lengths] = arrays as [Uint32Array, Int32Array, Uint16Array, Int32Array, ...PackedArray[]];
    const index = Bm25Index.withHeader(header as Header, offsets, lengths);
    index.inMemory(offsets, keys, tfs);
    return index;
  }

  /**
   * What `toParts` wrote, with only the term table and entry lengths read now: a term's postings are read from
   * `source` when a question needs them (the most recent ones kept, up to `cacheBytes`).
   */
  static fromSource(source: ByteSource, what = 'BM25 index', cacheBytes = 64 * 1024 * 1024): Bm25Index {
    const { header, arrays, end } = layoutOf(source, what);
    const [offsetsAt, keysAt, tfsAt, lengthsAt] = arrays;
    if (!lengthsAt || source.bytes(end - 1, end).length !== 1) throw new AppError('index_corrupt', `${what}: arrays cut short`);
    const offsets = readArray<Uint32Array>(source, 'Uint32Array', offsetsAt.offset, offsetsAt.length);
    const lengths = readArray<Int32Array>(source, 'Int32Array', lengthsAt.offset, lengthsAt.length);
    const index = Bm25Index.withHeader(header as Header, offsets, lengths);
    const cache = new Map<number, { keys: Int32Array; tfs: Uint16Array }>();
    let cached = 0;
    index.packed = (t) => {
      let hit = cache.get(t);
      if (hit) {
        cache.delete(t);
        cache.set(t, hit);
        return hit;
      }
      const n = offsets[t + 1] - offsets[t];
      hit = {
        keys: readArray<Int32Array>(source, 'Int32Array', keysAt.offset + 4 * offsets[t], n),
        tfs: readArray<Uint16Array>(source, 'Uint16Array', tfsAt.offset + 2 * offsets[t], n),
      };
      cache.set(t, hit);
      cached += 6 * n;
      for (const [old, value] of cache) {
        if (cached <= cacheBytes || old === t) break;
        cache.delete(old);
        cached -= 6 * value.keys.length;
      }
      return hit;
    };
    index.range = (from, to) => ({
      keys: readArray<Int32Array>(source, 'Int32Array', keysAt.offset + 4 * offsets[from], offsets[to] - offsets[from]),
      tfs: readArray<Uint16Array>(source, 'Uint16Array', tfsAt.offset + 2 * offsets[from], offsets[to] - offsets[from]),
    });
    return index;
  }

  private static withHeader(h: Header, offsets: Uint32Array, lengths: Int32Array): Bm25Index {
    const index = new Bm25Index(h.options);
    h.terms.forEach((term, id) => {
      index.termIds.set(term, id);
      index.terms.push(term);
    });
    index.offsets = offsets;
    index.lengths = lengths;
    index.count = h.count;
    index.totalLength = h.totalLength;
    index.dfs = new Uint32Array(h.terms.length);
    for (let t = 0; t < h.terms.length; t++) index.dfs[t] = offsets[t + 1] - offsets[t];
    return index;
  }
}

function extremesOf(keys: ArrayLike<number>, tfs: ArrayLike<number>, lengths: Int32Array): Extremes {
  let maxTf = 0;
  let minLength = Infinity;
  for (let p = 0; p < keys.length; p++) {
    const length = lengths[keys[p]];
    if (length === ABSENT) continue;
    if (tfs[p] > maxTf) maxTf = tfs[p];
    if (length < minLength) minLength = length;
  }
  return { maxTf, minLength };
}

/** Whether `lookups` binary searches in `postings` sorted keys cost less than one pass over them. */
function lookupsAreCheaper(lookups: number, postings: number): boolean {
  return lookups * Math.log2(postings + 2) < postings;
}

/** Where `key` sits in keys sorted ascending (-1 when absent). */
function positionIn(keys: ArrayLike<number>, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The frequency beside `key` in postings sorted by key (0 when absent). */
function tfIn(keys: ArrayLike<number>, tfs: ArrayLike<number>, key: number): number {
  const at = positionIn(keys, key);
  return at < 0 ? 0 : tfs[at];
}

/** The `limit` keys with the highest scores (smaller key first on a tie), by a bounded heap. */
function best(keys: number[], scores: Float64Array, limit: number): number[] {
  // `worse(a, b)`: a ranks below b.
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const k of keys) {
    if (heap.length < limit) {
      heap.push(k);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i], heap[parent])) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (worse(heap[0], k)) {
      heap[0] = k;
      down(0);
    }
  }
  return heap;
}
