/** @module parse-document: text out of txt, md, html, docx and pdf bytes, with well-kept parsers. */
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { AppError } from '../../core/errors.js';

/** UTF-8 when valid (BOM dropped), else GB18030, the usual encoding of Chinese text files. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const BLOCK = 'p,div,section,article,li,h1,h2,h3,h4,h5,h6,tr,br,blockquote,pre,table,ul,ol,dd,dt';

function htmlToText(html: string): { text: string; title?: string } {
  const $ = cheerio.load(html);
  const title = ($('title').first().text() || $('h1').first().text()).trim() || undefined;
  $('script,style,noscript,template,svg,nav,header,footer,aside,form,iframe,button').remove();
  $(BLOCK).each((_, el) => {
    $(el).before('\n').after('\n');
  });
  const text = ($('body').length ? $('body').text() : $.root().text()).replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n{3,}/g, '\n\n');
  return { text: text.trim(), title };
}

function markdownTitle(text: string): string | undefined {
  return text.match(/^#\s+(.+)$/m)?.[1].trim();
}

export async function parseDocument(source: string, bytes: Uint8Array): Promise<{ text: string; title?: string }> {
  const ext = source.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  try {
    switch (ext) {
      case '.txt':
        return { text: decodeText(bytes) };
      case '.md':
      case '.markdown': {
        const text = decodeText(bytes);
        return { text, title: markdownTitle(text) };
      }
      case '.html':
      case '.htm':
        return htmlToText(decodeText(bytes));
      case '.docx': {
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        return { text: value };
      }
      case '.pdf': {
        const pdf = await getDocumentProxy(new Uint8Array(bytes));
        const { text } = await extractText(pdf, { mergePages: false });
        return { text: (text as string[]).join('\n\n') };
      }
      default:
        throw new AppError('unsupported_format', `${source}: unsupported format ${ext || '(none)'}`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('document_unreadable', `${source}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
