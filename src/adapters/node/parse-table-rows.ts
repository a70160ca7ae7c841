/** @module parse-table-rows: a table as one line per row, each value with its column header ("县名：枣强；新建公园：17座。"). */

/** A table's rows, each its non-empty cells by column (from 0). */
export type TableRows = readonly ReadonlyMap<number, string>[];

/** A cell's text on one line: inner line breaks and runs of spaces become one space. */
export const cellText = (text: string): string => text.replace(/\s+/g, ' ').trim();

const ENDS_SENTENCE = /[。！？!?…]$/;
/** Longest column header: a longer first row is text laid out in a table (a boxed paragraph), not names of columns. */
const HEADER_MAX = 40;

/** A row's cells in column order, empty ones left out. */
const cellsOf = (row: ReadonlyMap<number, string>) => [...row].filter(([, v]) => v).sort((a, b) => a[0] - b[0]);

/**
 * The lines of a table whose first row names the columns: each later row becomes "header：value；…。", one sentence, so
 * that the chunker keeps a row whole and never takes it for a heading. A value under an empty header, or under itself,
 * stands alone (the first column of a table without a corner header names its row). Rows above the header that hold
 * one value (a title across the table) are lines of their own; empty cells and rows are skipped, and so is a row that
 * repeats the header. A lone row, or a first row with a cell too long to name a column, has no headers: each row is
 * its values. `spend` is told the length of each line as it is made (a header repeated in every row can make
 * the text far longer than the table).
 */
export function tableLines(rows: TableRows, spend: (chars: number) => void = () => {}): string[] {
  const filled = rows.map(cellsOf).filter((cells) => cells.length > 0);
  const lines: string[] = [];
  const push = (line: string) => {
    spend(line.length);
    lines.push(line);
  };
  let at = 0;
  while (at < filled.length - 1 && new Set(filled[at].map(([, v]) => v)).size === 1) push(filled[at++][0][1]);
  if (at >= filled.length) return lines;
  const header = new Map(filled[at]);
  if (at === filled.length - 1 || filled[at].some(([, v]) => v.length > HEADER_MAX)) {
    for (const cells of filled.slice(at)) push(sentence(cells.map(([, v]) => v)));
    return lines;
  }
  for (const cells of filled.slice(at + 1)) {
    if (cells.every(([column, value]) => header.get(column) === value)) continue;
    push(sentence(cells.map(([column, value]) => {
      const name = header.get(column);
      return name && name !== value ? `${name}：${value}` : value;
    })));
  }
  return lines;
}

function sentence(parts: string[]): string {
  const text = parts.join('；');
  return ENDS_SENTENCE.test(text) ? text : `${text}。`;
}
