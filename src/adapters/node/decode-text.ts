/** @module decode-text: a text file's bytes as a string, by byte-order mark, else UTF-8, else GB18030; binary is refused. */
import { AppError } from '../../core/errors.js';

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte))?.encoding;
}

/**
 * Binary, or UTF-16 without a mark: a NUL, or more than 1% control characters other than tab, line and page breaks
 * and DOS's end-of-file mark (which old Chinese text files carry).
 */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && (c < 0x09 || c > 0x0d) && c !== 0x1a) || c === 0x7f) controls++;
  }
  return controls > text.length / 100;
}

/** The text, byte-order mark dropped; GB18030 (a superset of GBK) is the usual encoding of Chinese text files. */
export function decodeText(bytes: Uint8Array, source = 'the file'): string {
  const bom = bomEncoding(bytes);
  for (const encoding of bom ? [bom] : ['utf-8', 'gb18030']) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    if (!looksBinary(text)) return text;
  }
  throw new AppError('text_encoding_unsupported', `${source}: not text in UTF-8, UTF-16 with a byte-order mark, or GB18030.`);
}
