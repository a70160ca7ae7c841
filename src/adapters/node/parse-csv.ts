/** @module parse-csv: a CSV (or tab-separated) file as text, each row a line with its column headers. */
import Papa from 'papaparse';
import { decodeText } from './decode-text.js';
import { parseBudget, type ParseLimits } from './parse-limits.js';
import { cellText, tableLines } from './parse-table-rows.js';

/** Rows as "县名：枣强；新建公园：17座。"; the encoding as for text files (Excel saves Chinese CSV in GB18030). */
export function csvText(source: string, bytes: Uint8Array, limits: ParseLimits): string {
  const budget = parseBudget(source, limits);
  const rows: Map<number, string>[] = [];
  // The delimiter is guessed from the first rows (comma, tab, semicolon, bar).
  Papa.parse<string[]>(decodeText(bytes, source), {
    skipEmptyLines: 'greedy',
    step({ data }) {
      budget.checkTime();
      const row = new Map<number, string>();
      data.forEach((raw, column) => {
        const value = cellText(raw);
        if (!value) return;
        budget.spend(value.length);
        row.set(column, value);
      });
      rows.push(row);
    },
  });
  return tableLines(rows, (chars) => budget.spend(chars)).join('\n');
}
