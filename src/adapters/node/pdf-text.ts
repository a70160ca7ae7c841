/** @module pdf-text: a PDF's text with pdf.js (unpdf), refused past the page cap and abandoned at the deadline. */
import { extractText, getDocumentProxy } from 'unpdf';
import { overLimit, tookTooLong, type ParseLimits } from './parse-limits.js';
import type { ParsedDocument } from '../../core/types.js';
import { joinPages } from '../../core/ingest/join-pages.js';
import { propertyDate, propertyTitle } from '../../core/ingest/document-properties.js';

/**
 * Kangxi radicals (and the few supplementary radicals NFKC maps), CJK compatibility ideographs and Latin ligatures,
 * which PDF fonts often map glyphs to: NFKC turns them into the characters they stand for (⼀⼆ → 一二). Only these:
 * NFKC over the whole text would also turn full-width Chinese punctuation (，：) into ASCII and ㎡ into m2.
 */
const COMPATIBILITY_CHARACTERS = /[\u2E80-\u2FDF\uF900-\uFAFF\uFB00-\uFB06\u{2F800}-\u{2FA1F}]/gu;

export const unifyCompatibilityCharacters = (text: string): string =>
  text.replace(COMPATIBILITY_CHARACTERS, (c) => c.normalize('NFKC'));

/** PDF dates are `D:YYYYMMDDHHmmSS…`. */
const PDF_DATE = /^D:(\d{4})(\d{2})(\d{2})/;

/** Pages joined by blank lines, compatibility characters unified, each page's start kept; title and date from the document information. */
export async function pdfText(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<ParsedDocument> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    // The page count comes from the page tree, before any page is read.
    if (pdf.numPages > limits.maxPdfPages) throw overLimit(source, `it has ${pdf.numPages} pages`, limits, 'maxPdfPages');
    const { text } = await untilAborted(extractText(pdf, { mergePages: false }), deadline);
    // Unified page by page (one character for one), so that the page offsets hold in the text as indexed.
    const joined = joinPages(text.map((page, i) => ({ number: i + 1, text: unifyCompatibilityCharacters(page) })));
    const info = ((await untilAborted(pdf.getMetadata(), deadline).catch(() => undefined))?.info ?? {}) as { Title?: unknown; CreationDate?: unknown };
    const created = typeof info.CreationDate === 'string' ? info.CreationDate.match(PDF_DATE) : null;
    return {
      ...joined,
      title: propertyTitle(typeof info.Title === 'string' ? unifyCompatibilityCharacters(info.Title) : undefined),
      date: created ? propertyDate(`${created[1]}-${created[2]}-${created[3]}`) : undefined,
    };
  } catch (e) {
    if (deadline.aborted && e === deadline.reason) {
      throw tookTooLong(source, limits);
    }
    throw e;
  } finally {
    // Also stops the page work still running after a deadline.
    await pdf.destroy();
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    // Handled here whatever happens: after an abort, destroying the document rejects the work.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
