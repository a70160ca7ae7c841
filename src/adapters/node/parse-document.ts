/** @module parse-document: text out of txt, md, html, docx and pdf bytes, with well-kept parsers, under the parse limits. */
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { AppError } from '../../core/errors.js';
import { decodeText } from './decode-text.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits.js';
import { pdfText } from './pdf-text.js';
import { checkZipLimits } from './zip-limits.js';

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

/** The text (and a title when the format has one); a file past the limits is refused before it is inflated. */
export async function parseDocument(
  source: string,
  bytes: Uint8Array,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<{ text: string; title?: string }> {
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
      case '.docx': {
        await checkZipLimits(source, bytes, limits);
        const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        return { text: value };
      }
      case '.pdf':
        return { text: await pdfText(source, bytes, limits) };
      default:
        throw new AppError('unsupported_format', `${source}: unsupported format ${ext || '(none)'}`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('document_unreadable', `${source}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
