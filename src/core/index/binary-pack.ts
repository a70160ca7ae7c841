/**
 * @module binary-pack: a small container for persisted index parts: a JSON header, then typed arrays, each aligned
 * to 8 bytes. Reading copies nothing: the arrays are views on the bytes read from disk.
 */
import { AppError } from '../errors.js';

export type PackedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array | Float32Array;

const KINDS = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float64Array, Float32Array } as const;
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

/** Where each array of a packed file starts (byte offset in the file) and how long it is, from its first bytes. */
export function layoutOf(source: ByteSource, what: string): { header: unknown; arrays: { kind: Kind; length: number; offset: number }[]; end: number } {
  const first = source.bytes(0, 8);
  const size = packedLength(first, what);
  const head = 'needs' in size ? source.bytes(0, size.needs) : first;
  if ('needs' in size && head.length < size.needs) throw new AppError('index_corrupt', `${what}: header cut short`);
  const jsonLength = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4, true);
  const layout = JSON.parse(new TextDecoder().decode(head.subarray(8, 8 + jsonLength))) as Layout;
  let at = 8 + jsonLength + pad8(8 + jsonLength);
  const arrays = layout.arrays.map(({ kind, length }) => {
    const bytes = length * (KINDS[kind]?.BYTES_PER_ELEMENT ?? 1);
    const entry = { kind, length, offset: at };
    at += bytes + pad8(bytes);
    return entry;
  });
  return { header: layout.header, arrays, end: at };
}

/** An array of `kind` read from `source` (a copy, aligned). */
export function readArray<T extends PackedArray>(source: ByteSource, kind: Kind, offset: number, length: number): T {
  const Type = KINDS[kind];
  const bytes = source.bytes(offset, offset + length * Type.BYTES_PER_ELEMENT);
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  return new Type(aligned.buffer, 0, Math.floor(bytes.length / Type.BYTES_PER_ELEMENT)) as T;
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

/**
 * How many bytes the header and arrays of a packed file take (what may follow them is the writer's own), given its
 * first `8 + header` bytes; `undefined` while `head` is too short to tell (8 bytes always tell how long it must be).
 */
export function packedLength(head: Uint8Array, what: string): { needs: number } | { length: number } {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  if (head.length < 8 || view.getUint32(0, true) !== MAGIC) throw new AppError('index_corrupt', `${what}: not an index part`);
  const jsonLength = view.getUint32(4, true);
  if (head.length < 8 + jsonLength) return { needs: 8 + jsonLength };
  let layout: Layout;
  try {
    layout = JSON.parse(new TextDecoder().decode(head.subarray(8, 8 + jsonLength))) as Layout;
  } catch {
    throw new AppError('index_corrupt', `${what}: header unreadable`);
  }
  let length = 8 + jsonLength + pad8(8 + jsonLength);
  for (const { kind, length: n } of layout.arrays) {
    const bytes = n * (KINDS[kind]?.BYTES_PER_ELEMENT ?? 1);
    length += bytes + pad8(bytes);
  }
  return { length };
}

/** Reads what `packParts` wrote; `what` names the file in errors. */
export function unpack(bytes: Uint8Array, what: string): { header: unknown; arrays: PackedArray[] } {
  const broken = (why: string) => new AppError('index_corrupt', `${what}: ${why}`);
  if (bytes.byteOffset % 8) bytes = bytes.slice();
  if (bytes.length < 8) throw broken('too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw broken('not an index part');
  const jsonLength = view.getUint32(4, true);
  if (8 + jsonLength > bytes.length) throw broken('header cut short');
  let layout: Layout;
  try {
    layout = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + jsonLength))) as Layout;
  } catch {
    throw broken('header unreadable');
  }
  let at = 8 + jsonLength + pad8(8 + jsonLength);
  const arrays = layout.arrays.map(({ kind, length }) => {
    const Type = KINDS[kind];
    if (!Type) throw broken(`unknown array type ${kind}`);
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw broken('arrays cut short');
    const array = new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
    at += byteLength + pad8(byteLength);
    return array;
  });
  return { header: layout.header, arrays };
}
