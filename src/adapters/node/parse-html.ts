/** @module parse-html: the text of an HTML page (or of mammoth's HTML for a .docx), a line per block. */
import * as cheerio from 'cheerio';

const BLOCK = 'p,div,section,article,li,h1,h2,h3,h4,h5,h6,tr,br,blockquote,pre,table,ul,ol,dd,dt';

/** Puts a line break around every block element, so that `.text()` keeps blocks apart. */
export function breakBlocks($: cheerio.CheerioAPI): void {
  $(BLOCK).each((_, el) => {
    $(el).before('\n').after('\n');
  });
}

/**
 * The text of the body (or of the whole fragment), lines without trailing spaces, runs of blank lines squeezed. Lines
 * are trimmed one by one: a regex for spaces before a line break backtracks over every space of a long run (a page
 * padded with half a megabyte of spaces took minutes).
 */
export function blockText($: cheerio.CheerioAPI): string {
  const text = $('body').length ? $('body').text() : $.root().text();
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A page's text without scripts, styles and navigation, and its title (`<title>`, else the first `<h1>`). */
export function htmlToText(html: string): { text: string; title?: string } {
  const $ = cheerio.load(html);
  const title = ($('title').first().text() || $('h1').first().text()).trim() || undefined;
  $('script,style,noscript,template,svg,nav,header,footer,aside,form,iframe,button').remove();
  breakBlocks($);
  return { text: blockText($), title };
}
