/** @module parse-docx: a .docx's text with mammoth, its tables a line per row with the column headers ("县名：枣强；新建公园：17座。"). */
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { parseBudget, type ParseLimits } from './parse-limits.js';
import { blockText, breakBlocks } from './parse-html.js';
import { cellText, tableLines } from './parse-table-rows.js';
import { checkZipLimits } from './zip-limits.js';
import type { ParsedDocument } from '../../core/types.js';
import { openOoxmlPackage } from './parse-ooxml-package.js';
import { coreProperties } from './parse-core-properties.js';

/** Word's own cap on a table's columns; a span past it can only come from a hostile file. */
const MAX_COLUMNS = 63;

/**
 * Paragraphs a line each; a table, merged cells filled, as rows under its first row's headers. Title and date from the
 * package's core properties.
 */
export async function docxText(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<ParsedDocument> {
  await checkZipLimits(source, bytes, limits);
  const budget = parseBudget(source, limits);
  const { value: html } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    // Images carry no text: they are not read at all.
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  const $ = cheerio.load(html, null, false);
  // Note marks ([1]) in the text and the ↑ links back from the notes.
  $('a[href^="#footnote-"], a[href^="#endnote-"], img').remove();
  breakBlocks($);
  $('table')
    .filter((_, table) => $(table).parents('table').length === 0)
    .each((_, table) => {
      const cells = $(table)
        .find('tr')
        .filter((_, tr) => $(tr).closest('table').is(table))
        .toArray()
        .map((tr) =>
          $(tr)
            .children('td,th')
            .toArray()
            .map((td) => ({ text: cellText($(td).text()), across: Number($(td).attr('colspan')), down: Number($(td).attr('rowspan')) })),
        );
      const lines = tableLines(placeCells(cells), (chars) => budget.spend(chars));
      $(table).replaceWith($('<div></div>').text(`\n${lines.join('\n')}\n`));
    });
  const properties = await coreProperties(await openOoxmlPackage(source, bytes, limits, budget));
  return { text: blockText($), ...properties };
}

interface Cell {
  text: string;
  /** Columns and rows it spans (`colspan`, `rowspan`; NaN for one). */
  across: number;
  down: number;
}

/** The rows of a table, each cell's text placed in every row and column its spans cover. */
function placeCells(table: Cell[][]): Map<number, string>[] {
  const rows = table.map(() => new Map<number, string>());
  const taken = table.map(() => new Set<number>());
  table.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (taken[r].has(column)) column++;
      const across = span(cell.across, MAX_COLUMNS);
      const down = span(cell.down, table.length - r);
      for (let dr = 0; dr < down; dr++) {
        for (let dc = 0; dc < across; dc++) {
          taken[r + dr].add(column + dc);
          if (cell.text) rows[r + dr].set(column + dc, cell.text);
        }
      }
      column += across;
    }
  });
  return rows;
}

const span = (value: number, most: number) => Math.min(most, Math.max(1, Math.floor(value) || 1));
