/** @module parse-document: text out of txt, md, html, docx, xlsx, csv, pptx and pdf bytes, with well-kept parsers, under the parse limits. */
import { AppError } from '../../core/errors.js';
import type { ParsedDocument } from '../../core/types.js';
import { decodeText } from './decode-text.js';
import { csvText } from './parse-csv.js';
import { docxText } from './parse-docx.js';
import { htmlToText } from './parse-html.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits.js';
import { pptxText } from './parse-pptx.js';
import { xlsxText } from './parse-xlsx.js';
import { pdfText } from './pdf-text.js';

function markdownTitle(text: string): string | undefined {
  return text.match(/^#\s+(.+)$/m)?.[1].trim();
}

/**
 * The text, and the title, date and pages where the format has them; a file past the limits is refused before it is
 * inflated.
 */
export async function parseDocument(source: string, bytes: Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedDocument> {
  const ext = source.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  try {
    switch (ext) {
      case '.txt':
        return { text: decodeText(bytes, source) };
      case '.md':
      case '.markdown': {
        const text = decodeText(bytes, source);
        return { text, title: markdownTitle(text) };
      }
      case '.html':
      case '.htm':
        return htmlToText(decodeText(bytes, source));
      case '.docx':
        return await docxText(source, bytes, limits);
      case '.xlsx':
        return { text: await xlsxText(source, bytes, limits) };
      case '.csv':
        return { text: csvText(source, bytes, limits) };
      case '.pptx':
        return await pptxText(source, bytes, limits);
      case '.pdf':
        return await pdfText(source, bytes, limits);
      default:
        throw new AppError('unsupported_format', `${source}: unsupported format ${ext || '(none)'}`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('document_unreadable', `${source}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
