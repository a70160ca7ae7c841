/** @module document-name: safe corpus file names for uploaded documents (no paths, no control characters). */
import { AppError } from '../errors.js';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.xlsx', '.csv', '.pptx', '.pdf'] as const;

/**
 * Longest name in UTF-8 bytes: file systems cap a name at 255 bytes (not characters: a Chinese character takes 3), and
 * an atomic write adds about 25 for its temporary file beside it.
 */
export const MAX_NAME_BYTES = 200;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

/** The longest start of `text` within `limit` UTF-8 bytes, never cutting a character in two. */
function cutToBytes(text: string, limit: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    used += bytes(ch);
    if (used > limit) break;
    out += ch;
  }
  return out;
}

/**
 * The last path segment of `name`, without control or reserved characters, lone surrogates (a file system would store
 * them as something else, and the name would change after a restart) or leading dots, at most `MAX_NAME_BYTES`, with a
 * supported extension (`defaultExtension` is added when there is none).
 */
export function sanitizeDocumentName(name: string, defaultExtension?: string): string {
  let base = (name.split(/[\\/]/).pop() ?? '')
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .trim();
  if (!base) throw new AppError('bad_request', 'The document name is empty or invalid.');
  if (!DOCUMENT_EXTENSIONS.some((e) => base.toLowerCase().endsWith(e))) {
    if (!defaultExtension) {
      throw new AppError('unsupported_format', `Supported formats: ${DOCUMENT_EXTENSIONS.join(' ')}`);
    }
    base += defaultExtension;
  }
  if (bytes(base) > MAX_NAME_BYTES) {
    const ext = base.slice(base.lastIndexOf('.'));
    base = cutToBytes(base.slice(0, base.length - ext.length), MAX_NAME_BYTES - bytes(ext)).replace(/[.\s]+$/, '') + ext;
  }
  return base;
}
