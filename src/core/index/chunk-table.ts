/**
 * @module chunk-table: the chunks of an index by id. Chunks loaded from disk stay packed — offsets in typed arrays and
 * the texts in one UTF-8 block, decoded when a question needs them — so a million chunks load in a second and cost
 * about their UTF-8 size; chunks added since are kept as objects until the next save.
 */
import type { Chunk } from '../types.js';
import { packParts, unpack, type ByteSource } from './binary-pack.js';
import { AppError } from '../errors.js';
import { LruCache } from '../lru-cache.js';
import { runInSlices, runToEnd } from '../time-slices.js';

/** A chunk as the index keeps it: its search tokens live in the BM25 index only. */
export type StoredChunk = Omit<Chunk, 'tokens'>;

interface Packed {
  ids: Int32Array;
  sources: Int32Array;
  headings: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** Byte offsets of each text in `text` (length n + 1). */
  textAt: Float64Array;
  text: ByteSource;
  sourceNames: string[];
  headingNames: string[];
}

const NONE = -1;
/** Packed chunks kept decoded: the ones questions keep coming back to. */
const DECODED = 20_000;
/** Packed chunks whose texts `toParts` copies per read (and per step). */
const RUN_SLOTS = 4096;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export class ChunkTable {
  private packed?: Packed;
  /** Packed slot of each id, NONE when the id is not packed (or was removed). */
  private slotOf: Int32Array = new Int32Array(0);
  private packedLive = 0;
  private readonly loose = new Map<number, StoredChunk>();
  private readonly decoded = new LruCache<number, StoredChunk>(DECODED);

  get size(): number {
    return this.packedLive + this.loose.size;
  }

  private slot(id: number): number {
    return id >= 0 && id < this.slotOf.length ? this.slotOf[id] : NONE;
  }

  add(chunk: StoredChunk): void {
    this.remove(chunk.id);
    this.loose.set(chunk.id, chunk);
  }

  remove(id: number): boolean {
    if (this.loose.delete(id)) return true;
    if (this.slot(id) === NONE) return false;
    this.slotOf[id] = NONE;
    this.packedLive--;
    return true;
  }

  get(id: number): StoredChunk | undefined {
    const loose = this.loose.get(id);
    if (loose) return loose;
    const s = this.slot(id);
    if (s === NONE) return undefined;
    let chunk = this.decoded.get(id);
    if (!chunk) this.decoded.set(id, (chunk = this.decode(s)));
    return chunk;
  }

  private decode(s: number): StoredChunk {
    const p = this.packed!;
    const heading = p.headings[s];
    return {
      id: p.ids[s],
      source: p.sourceNames[p.sources[s]],
      ...(heading === NONE ? {} : { heading: p.headingNames[heading] }),
      start: p.starts[s],
      end: p.ends[s],
      text: decoder.decode(p.text.bytes(p.textAt[s], p.textAt[s + 1])),
    };
  }

  /** Every chunk, packed ones first (in id order), then those added since. */
  *values(): Generator<StoredChunk> {
    const p = this.packed;
    if (p) for (let s = 0; s < p.ids.length; s++) if (this.slot(p.ids[s]) === s) yield this.decode(s);
    yield* this.loose.values();
  }

  /** The table as parts to write one after another; packed texts are copied as bytes, not decoded. */
  toParts(): Uint8Array[] {
    return runToEnd(this.partsSteps());
  }

  /** `toParts`, giving the event loop a turn every few milliseconds (it takes seconds at a million chunks). */
  toPartsInSlices(sliceMs?: number): Promise<Uint8Array[]> {
    return runInSlices(this.partsSteps(), sliceMs);
  }

  private *partsSteps(): Generator<void, Uint8Array[]> {
    const p = this.packed;
    const live: number[] = [];
    if (p) for (let s = 0; s < p.ids.length; s++) if (this.slot(p.ids[s]) === s) live.push(s);
    const loose = [...this.loose.values()].sort((a, b) => a.id - b.id);
    const n = live.length + loose.length;
    const ids = new Int32Array(n);
    const sources = new Int32Array(n);
    const headings = new Int32Array(n);
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    const textAt = new Float64Array(n + 1);
    const sourceNames: string[] = [];
    const headingNames: string[] = [];
    const sourceIds = new Map<string, number>();
    const headingIds = new Map<string, number>();
    const intern = (names: string[], ids: Map<string, number>, name: string) => {
      let id = ids.get(name);
      if (id === undefined) ids.set(name, (id = names.push(name) - 1));
      return id;
    };
    const texts: Uint8Array[] = [];
    let bytes = 0;
    const put = (i: number, c: Omit<StoredChunk, 'text'>, textLength: number) => {
      ids[i] = c.id;
      sources[i] = intern(sourceNames, sourceIds, c.source);
      headings[i] = c.heading === undefined ? NONE : intern(headingNames, headingIds, c.heading);
      starts[i] = c.start;
      ends[i] = c.end;
      bytes += textLength;
      textAt[i + 1] = bytes;
    };
    // Packed texts are copied a run of neighbouring live slots at a time (up to RUN_SLOTS of them per read), not
    // chunk by chunk.
    for (let i = 0; i < live.length; ) {
      const c = p!;
      let j = i;
      while (j + 1 < live.length && live[j + 1] === live[j] + 1 && j + 1 - i < RUN_SLOTS) j++;
      texts.push(c.text.bytes(c.textAt[live[i]], c.textAt[live[j] + 1]));
      for (; i <= j; i++) {
        const s = live[i];
        const heading = c.headings[s];
        put(
          i,
          { id: c.ids[s], source: c.sourceNames[c.sources[s]], heading: heading === NONE ? undefined : c.headingNames[heading], start: c.starts[s], end: c.ends[s] },
          c.textAt[s + 1] - c.textAt[s],
        );
      }
      yield;
    }
    // Chunks added since the last save, encoded one at a time (tens of thousands after a large upload: 0.4 s at once).
    for (let i = 0; i < loose.length; i++) {
      const text = encoder.encode(loose[i].text);
      texts.push(text);
      put(live.length + i, loose[i], text.length);
      yield;
    }
    const head = packParts({ sourceNames, headingNames, textBytes: bytes }, [ids, sources, headings, starts, ends, textAt]);
    const pad = (8 - (bytes % 8)) % 8;
    return [...head, ...texts, new Uint8Array(pad)];
  }

  /** Reads what `toParts` wrote; the arrays and texts stay views on `bytes`. */
  static fromBytes(bytes: Uint8Array, what = 'chunk table'): ChunkTable {
    if (bytes.byteOffset % 8) bytes = bytes.slice();
    const { end } = unpack(bytes, what);
    const texts = bytes.subarray(end);
    return ChunkTable.fromParts(bytes.subarray(0, end), { bytes: (start, stop) => texts.subarray(start, stop) }, texts.length, what);
  }

  /**
   * The table from its header and arrays (`head`) with the texts elsewhere: `texts` serves the `textBytes` bytes that
   * follow them in the file, so a large corpus's texts need not be in memory.
   */
  static fromParts(head: Uint8Array, texts: ByteSource, textBytes: number, what = 'chunk table'): ChunkTable {
    if (head.byteOffset % 8) head = head.slice();
    const { header, arrays } = unpack(head, what);
    const { sourceNames, headingNames, textBytes: wanted } = header as { sourceNames: string[]; headingNames: string[]; textBytes: number };
    const [ids, sources, headings, starts, ends, textAt] = arrays as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Float64Array];
    if (textBytes < wanted || textAt[ids.length] !== wanted) {
      throw new AppError('index_corrupt', `${what}: texts cut short`);
    }
    const table = new ChunkTable();
    table.packed = { ids, sources, headings, starts, ends, textAt, text: texts, sourceNames, headingNames };
    let maxId = -1;
    for (const id of ids) maxId = Math.max(maxId, id);
    table.slotOf = new Int32Array(maxId + 1).fill(NONE);
    ids.forEach((id, s) => (table.slotOf[id] = s));
    table.packedLive = ids.length;
    return table;
  }
}
