/**
 * @module hnsw-file: reads the graph file hnswlib writes (saveIndex, format of hnswlib 0.8): its header, the compact
 * graph derived from it, and single exact vectors straight from the file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../core/errors.js';
import { quantize, type CompactGraphArrays, type CompactGraphHeader } from '../../core/index/compact-graph.js';
import { packParts, type PackedArray } from '../../core/index/binary-pack.js';
import { writePartsDurable } from './atomic-write.js';
import { runInSlices, runToEnd } from '../../core/time-slices.js';

const HEADER_BYTES = 96;
const NONE = 0xffffffff;

/** Where things are in an hnswlib file. */
export interface HnswFileLayout extends CompactGraphHeader {
  count: number;
  /** Bytes per node on the bottom level: links, vector, label. */
  nodeBytes: number;
  /** Where the vector starts within a node's bytes. */
  vectorOffset: number;
  fileBytes: number;
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let at = 0; at < into.length; ) {
    const n = readSync(fd, into, at, into.length - at, position + at);
    if (n === 0) throw new AppError('index_corrupt', 'vectors: file cut short');
    at += n;
  }
}

export function readHnswLayout(fd: number, dimensions: number): HnswFileLayout {
  const fileBytes = fstatSync(fd).size;
  if (fileBytes < HEADER_BYTES) throw new AppError('index_corrupt', 'vectors: file cut short');
  const head = Buffer.alloc(HEADER_BYTES);
  readFully(fd, head, 0);
  const size = (at: number) => Number(head.readBigUInt64LE(at));
  const count = size(16);
  const nodeBytes = size(24);
  const labelOffset = size(32);
  const vectorOffset = size(40);
  const maxLevel = head.readInt32LE(48);
  const entry = head.readUInt32LE(52);
  const maxM = size(56);
  const maxM0 = size(64);
  if (vectorOffset !== 4 + 4 * maxM0 || labelOffset !== vectorOffset + 4 * dimensions || nodeBytes !== labelOffset + 8) {
    throw new AppError('index_corrupt', `vectors: not an hnswlib graph of ${dimensions}-dimensional vectors`);
  }
  if (HEADER_BYTES + count * nodeBytes + 4 * count > fileBytes) throw new AppError('index_corrupt', 'vectors: file cut short');
  return { dimensions, maxM, maxM0, maxLevel, entry: entry === NONE ? -1 : entry, count, nodeBytes, vectorOffset, fileBytes };
}

/**
 * Nodes read per block while deriving the compact graph (about 4.5 MB at 512 dimensions: a read of 16k nodes held
 * the event loop for about 0.1 s while a large upload was merged).
 */
const BLOCK_NODES = 2048;
/** Nodes quantised per step of `compactSteps` (a few milliseconds). */
const STEP_NODES = 256;

export interface CompactGraphFile {
  header: HnswFileLayout;
  arrays: CompactGraphArrays;
  /**
   * The hnswlib file's bytes, when it is small enough for its exact vectors to be kept in memory and was read whole
   * while the graph was derived (in slices), so that searching it does not read it again in one go.
   */
  whole?: Uint8Array;
}

/** Reads an hnswlib file once, from start to end, into the compact graph (links kept, vectors quantised). */
export function compactFromHnswFile(path: string, dimensions: number): CompactGraphFile {
  return runToEnd(compactSteps(path, dimensions));
}

/**
 * `compactFromHnswFile` as steps of a few hundred nodes (seconds at a million nodes); with `keepWhole`, a file of at
 * most IN_MEMORY_BYTES is read into one buffer kept as `whole`.
 */
function* compactSteps(path: string, dimensions: number, keepWhole = false): Generator<void, CompactGraphFile> {
  const fd = openSync(path, 'r');
  try {
    const layout = readHnswLayout(fd, dimensions);
    const whole = keepWhole && layout.fileBytes <= IN_MEMORY_BYTES ? new Uint8Array(layout.fileBytes) : undefined;
    if (whole) readFully(fd, whole.subarray(0, HEADER_BYTES), 0);
    const { count, nodeBytes, vectorOffset, maxM0, maxM } = layout;
    const width0 = maxM0 + 1;
    const arrays: CompactGraphArrays = {
      level0: new Uint32Array(count * width0),
      upperAt: new Int32Array(count).fill(-1),
      upper: new Uint32Array(0),
      labels: new Uint32Array(count),
      scales: new Float32Array(count),
      codes: new Int8Array(count * dimensions),
    };
    // nodeBytes is a multiple of 4, so each node's words line up in the block.
    const block = whole ? undefined : new Uint8Array(Math.min(BLOCK_NODES, Math.max(count, 1)) * nodeBytes);
    for (let first = 0; first < count; first += BLOCK_NODES) {
      const nodes = Math.min(BLOCK_NODES, count - first);
      const from = HEADER_BYTES + first * nodeBytes;
      const bytes = whole ? whole.subarray(from, from + nodes * nodeBytes) : block!.subarray(0, nodes * nodeBytes);
      readFully(fd, bytes, from);
      const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      const floats = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
      for (let k = 0; k < nodes; k++) {
        const node = first + k;
        const w = (k * nodeBytes) / 4;
        const links = words[w] & 0xffff;
        if (links > maxM0) throw new AppError('index_corrupt', `vectors: node ${node} has ${links} links`);
        arrays.level0[node * width0] = links;
        arrays.level0.set(words.subarray(w + 1, w + 1 + links), node * width0 + 1);
        const v = floats.subarray(w + vectorOffset / 4, w + vectorOffset / 4 + dimensions);
        arrays.scales[node] = quantize(v, arrays.codes, node * dimensions);
        const labelWord = w + (vectorOffset + 4 * dimensions) / 4;
        if (words[labelWord + 1] !== 0) throw new AppError('index_corrupt', `vectors: node ${node} has a label beyond 2^32`);
        arrays.labels[node] = words[labelWord];
        if (k % STEP_NODES === STEP_NODES - 1) yield;
      }
    }
    // The upper levels: per node, a byte count and that many bytes of (count, links…) per level.
    const tailStart = HEADER_BYTES + count * nodeBytes;
    const tail = whole ? whole.subarray(tailStart) : new Uint8Array(layout.fileBytes - tailStart);
    readFully(fd, tail, tailStart);
    const view = new DataView(tail.buffer, tail.byteOffset, tail.length);
    const levelWords = maxM + 1;
    const chunks: Uint32Array[] = [];
    let upperLength = 0;
    for (let node = 0, at = 0; node < count; node++) {
      if (at + 4 > tail.length) throw new AppError('index_corrupt', 'vectors: upper levels cut short');
      const bytes = view.getUint32(at, true);
      at += 4;
      if (bytes === 0) continue;
      if (bytes % (4 * levelWords) || at + bytes > tail.length) throw new AppError('index_corrupt', `vectors: node ${node} has broken upper levels`);
      const list = new Uint32Array(bytes / 4);
      for (let i = 0; i < list.length; i++) list[i] = view.getUint32(at + 4 * i, true);
      arrays.upperAt[node] = upperLength;
      chunks.push(list);
      upperLength += list.length;
      at += bytes;
      if (node % (4 * STEP_NODES) === 0) yield;
    }
    arrays.upper = new Uint32Array(upperLength);
    for (let i = 0, at = 0; i < chunks.length; at += chunks[i].length, i++) arrays.upper.set(chunks[i], at);
    return { header: layout, arrays, whole };
  } finally {
    closeSync(fd);
  }
}

/** The compact graph as parts of a packed file. */
export function compactParts(graph: { header: HnswFileLayout; arrays: CompactGraphArrays }): Uint8Array[] {
  const { level0, upperAt, upper, labels, scales, codes } = graph.arrays;
  const arrays: PackedArray[] = [level0, upperAt, upper, labels, scales, codes];
  return packParts(graph.header, arrays);
}

/**
 * Derives the compact graph of the hnswlib file at `vectorsPath` and writes it, flushed, to `graphPath`; with
 * `keepWhole`, for a graph about to be searched, the file's bytes come back too (see `CompactGraphFile.whole`).
 */
export async function writeCompactGraph(vectorsPath: string, graphPath: string, dimensions: number, keepWhole = false): Promise<CompactGraphFile> {
  const graph = await runInSlices(compactSteps(vectorsPath, dimensions, keepWhole));
  await writePartsDurable(graphPath, compactParts(graph));
  return graph;
}

/** hnswlib files up to this size are read whole, so that exact vectors are views, not reads. */
const IN_MEMORY_BYTES = 128 * 1024 * 1024;

/**
 * Reads exact vectors of nodes from an open hnswlib file: from memory when the file is small (a read per vector
 * would cost more than the search; `read` when it already was), else from the file (the page cache keeps the busy
 * ones).
 */
export function exactVectorReader(fd: number, layout: HnswFileLayout, inMemoryBytes = IN_MEMORY_BYTES, read?: Uint8Array): (node: number) => Float32Array {
  if (layout.fileBytes <= inMemoryBytes) {
    let whole = read;
    if (whole?.length !== layout.fileBytes) {
      whole = new Uint8Array(layout.fileBytes);
      readFully(fd, whole, 0);
    }
    const words = new Float32Array(whole.buffer, whole.byteOffset, Math.floor(whole.length / 4));
    const at = (HEADER_BYTES + layout.vectorOffset) / 4;
    const stride = layout.nodeBytes / 4;
    return (node) => words.subarray(at + node * stride, at + node * stride + layout.dimensions);
  }
  const bytes = new Uint8Array(4 * layout.dimensions);
  const vector = new Float32Array(bytes.buffer);
  return (node) => {
    readFully(fd, bytes, HEADER_BYTES + node * layout.nodeBytes + layout.vectorOffset);
    return vector;
  };
}
