/** @module document-name: safe corpus file names for uploaded documents (no paths, no control characters). */
import { AppError } from '../errors.js';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx', '.pdf'] as const;

/**
 * The last path segment of `name`, without control or reserved characters or leading dots, at most 120 characters,
 * with a supported extension (`defaultExtension` is added when there is none).
 */
export function sanitizeDocumentName(name: string, defaultExtension?: string): string {
  let base = (name.split(/[\\/]/).pop() ?? '')
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
  if (base.length > 120) {
    const ext = base.slice(base.lastIndexOf('.'));
    base = base.slice(0, 120 - ext.length) + ext;
  }
  return base;
}
