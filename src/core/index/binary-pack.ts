/**
 * @module binary-pack: a small container for persisted index parts: a JSON header, then typed arrays, each aligned
 * to 8 bytes. Reading copies nothing: the arrays are views on the bytes read from disk.
 */
import { AppError } from '../errors.js';

export type PackedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Int8Array | Float64Array | Float32Array;

const KINDS = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Int8Array, Float64Array, Float32Array } as const;
export type Kind = keyof typeof KINDS;
const MAGIC = 0x5a484450; // "ZHDP"

interface Layout {
  header: unknown;
  arrays: { kind: Kind; length: number }[];
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Bytes of a packed file, in memory or read from disk when asked for. */
export interface ByteSource {
  /** Bytes `[start, end)`. */
  bytes(start: number, end: number): Uint8Array;
}

/**
 * The header of a packed file and where each array starts (byte offset) and ends; `end` is where the arrays stop
 * (what follows them is the writer's own). Only the header is read.
 */
export function layoutOf(source: ByteSource, what: string): { header: unknown; arrays: { kind: Kind; length: number; offset: number }[]; end: number } {
  const broken = (why: string) => new AppError('index_corrupt', `${what}: ${why}`);
  const first = source.bytes(0, 8);
  const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
  if (first.length < 8 || view.getUint32(0, true) !== MAGIC) throw broken('not an index part');
  const jsonLength = view.getUint32(4, true);
  const json = source.bytes(8, 8 + jsonLength);
  if (json.length < jsonLength) throw broken('header cut short');
  let layout: Layout;
  try {
    layout = JSON.parse(new TextDecoder().decode(json)) as Layout;
  } catch {
    throw broken('header unreadable');
  }
  let at = 8 + jsonLength + pad8(8 + jsonLength);
  const arrays = layout.arrays.map(({ kind, length }) => {
    if (!KINDS[kind]) throw broken(`unknown array type ${kind}`);
    const bytes = length * KINDS[kind].BYTES_PER_ELEMENT;
    const entry = { kind, length, offset: at };
    at += bytes + pad8(bytes);
    return entry;
  });
  return { header: layout.header, arrays, end: at };
}

/** An array of `kind` read from `source`: a view on the bytes it returns when they are aligned, else a copy. */
export function readArray<T extends PackedArray>(source: ByteSource, kind: Kind, offset: number, length: number): T {
  const Type = KINDS[kind];
  let bytes = source.bytes(offset, offset + length * Type.BYTES_PER_ELEMENT);
  if (bytes.byteOffset % Type.BYTES_PER_ELEMENT) bytes = bytes.slice();
  return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, Math.floor(bytes.length / Type.BYTES_PER_ELEMENT)) as T;
}

/** The parts to write one after another: nothing is concatenated, so a gigabyte of text is not copied again. */
export function packParts(header: unknown, arrays: PackedArray[]): Uint8Array[] {
  const layout: Layout = { header, arrays: arrays.map((a) => ({ kind: a.constructor.name as Kind, length: a.length })) };
  const json = new TextEncoder().encode(JSON.stringify(layout));
  const head = new Uint8Array(8 + json.length + pad8(8 + json.length));
  const view = new DataView(head.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  head.set(json, 8);
  const parts: Uint8Array[] = [head];
  for (const a of arrays) {
    parts.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    if (pad8(a.byteLength)) parts.push(new Uint8Array(pad8(a.byteLength)));
  }
  return parts;
}

/** Reads what `packParts` wrote, the arrays as views on `bytes`; `what` names the file in errors. */
export function unpack(bytes: Uint8Array, what: string): { header: unknown; arrays: PackedArray[]; end: number } {
  if (bytes.byteOffset % 8) bytes = bytes.slice();
  const { header, arrays, end } = layoutOf({ bytes: (start, stop) => bytes.subarray(start, stop) }, what);
  return {
    header,
    arrays: arrays.map(({ kind, length, offset }) => {
      const Type = KINDS[kind];
      if (offset + length * Type.BYTES_PER_ELEMENT > bytes.length) throw new AppError('index_corrupt', `${what}: arrays cut short`);
      return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, length);
    }),
    end,
  };
}
