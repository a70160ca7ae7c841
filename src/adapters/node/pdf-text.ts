/** @module pdf-text: a PDF's text with pdf.js (unpdf), refused past the page cap and abandoned at the deadline. */
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../../core/errors.js';
import { LIMIT_SETTINGS, overLimit, type ParseLimits } from './parse-limits.js';

/** Pages joined by blank lines. */
export async function pdfText(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<string> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    // The page count comes from the page tree, before any page is read.
    if (pdf.numPages > limits.maxPdfPages) throw overLimit(source, `it has ${pdf.numPages} pages`, limits, 'maxPdfPages');
    const { text } = await untilAborted(extractText(pdf, { mergePages: false }), deadline);
    return text.join('\n\n');
  } catch (e) {
    if (deadline.aborted && e === deadline.reason) {
      throw new AppError('document_timeout', `${source}: reading took longer than ${LIMIT_SETTINGS.timeoutMs} (${limits.timeoutMs} ms).`);
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
