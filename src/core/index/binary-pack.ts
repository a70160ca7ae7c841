/**
 * @module binary-pack: a small container for persisted index parts: a JSON header, then typed arrays, each aligned
 * to 8 bytes. Reading copies nothing: the arrays are views on the bytes read from disk.
 */
import { AppError } from '../errors.js';

export type PackedArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array | Float32Array;

const KINDS = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float64Array, Float32Array } as const;
type Kind = keyof typeof KINDS;
const MAGIC = 0x5a484450; // "ZHDP"

interface Layout {
  header: unknown;
  arrays: { kind: Kind; length: number }[];
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

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
