/** @module zip-limits: refuses a zip-based document (docx, xlsx, pptx) that would inflate past the caps, before a parser does. */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../core/errors.js';
import { overLimit, type ParseLimits } from './parse-limits.js';

/** Parts smaller than this are not ratio-checked: they cannot exhaust memory, and small XML parts compress very well. */
const RATIO_GRACE_BYTES = 1024 * 1024;

/** A zip whose directory passed the caps, and its entries (parts and folders) in directory order. */
export interface CheckedZip {
  zip: ZipFile;
  entries: Entry[];
}

/**
 * Reads the central directory (no inflating) and refuses too many parts, too large a part, too large a total or too
 * high a compression ratio.
 */
export async function readZipDirectory(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<CheckedZip> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await yauzl.fromBufferPromise(buffer, { validateEntrySizes: false });
  if (zip.entryCount > limits.maxEntries) throw overLimit(source, `it has ${zip.entryCount} parts`, limits, 'maxEntries');
  const entries: Entry[] = [];
  let total = 0;
  for await (const entry of zip.eachEntry()) {
    const { fileName, uncompressedSize, compressedSize } = entry;
    if (uncompressedSize > limits.maxEntryBytes) throw overLimit(source, `${fileName} would inflate to ${uncompressedSize} bytes`, limits, 'maxEntryBytes');
    const ratio = uncompressedSize / Math.max(1, compressedSize);
    if (uncompressedSize > RATIO_GRACE_BYTES && ratio > limits.maxCompressionRatio) {
      throw overLimit(source, `${fileName} would inflate ${Math.round(ratio)} times`, limits, 'maxCompressionRatio');
    }
    total += uncompressedSize;
    entries.push(entry);
  }
  if (total > limits.maxUncompressedBytes) throw overLimit(source, `its parts would inflate to ${total} bytes`, limits, 'maxUncompressedBytes');
  return { zip, entries };
}

/**
 * The directory check, then each part inflated as a counted stream that is dropped: for parsers (jszip under mammoth)
 * that trust the declared sizes and would otherwise inflate a part that lies about its size whole.
 */
export async function checkZipLimits(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<void> {
  const { zip, entries } = await readZipDirectory(source, bytes, limits);
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const parts = inflateAsDeclared(source, zip, entry);
    while (!(await parts.next()).done);
  }
}

/** A part's inflated bytes, refused as soon as they pass the size its directory entry declares. */
export async function* inflateAsDeclared(source: string, zip: ZipFile, entry: Entry): AsyncGenerator<Buffer> {
  let seen = 0;
  const stream: Readable = await zip.openReadStreamPromise(entry);
  // Leaving the loop early destroys the stream, so a lying part stops inflating at its declared size.
  for await (const chunk of stream) {
    seen += (chunk as Buffer).length;
    if (seen > entry.uncompressedSize) {
      throw new AppError(
        'document_too_large',
        `${source}: ${entry.fileName} inflates beyond the ${entry.uncompressedSize} bytes its zip directory declares.`,
      );
    }
    yield chunk as Buffer;
  }
}
