/** @module pdf-text: a PDF's text with pdf.js (unpdf), refused past the page cap and abandoned at the deadline. */
import { extractText, getDocumentProxy } from 'unpdf';
import { overLimit, tookTooLong, type ParseLimits } from './parse-limits.js';

/**
 * Kangxi radicals (and the few supplementary radicals NFKC maps), CJK compatibility ideographs and Latin ligatures,
 * which PDF fonts often map glyphs to: NFKC turns them into the characters they stand for (⼀⼆ → 一二). Only these:
 * NFKC over the whole text would also turn full-width Chinese punctuation (，：) into ASCII and ㎡ into m2.
 */
const COMPATIBILITY_CHARACTERS = /[\u2E80-\u2FDF\uF900-\uFAFF\uFB00-\uFB06\u{2F800}-\u{2FA1F}]/gu;

export const unifyCompatibilityCharacters = (text: string): string =>
  text.replace(COMPATIBILITY_CHARACTERS, (c) => c.normalize('NFKC'));

/** Pages joined by blank lines, compatibility characters unified. */
export async function pdfText(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<string> {
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    // The page count comes from the page tree, before any page is read.
    if (pdf.numPages > limits.maxPdfPages) throw overLimit(source, `it has ${pdf.numPages} pages`, limits, 'maxPdfPages');
    const { text } = await untilAborted(extractText(pdf, { mergePages: false }), deadline);
    return unifyCompatibilityCharacters(text.join('\n\n'));
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
