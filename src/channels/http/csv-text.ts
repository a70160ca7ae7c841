/**
 * @module csv-text: rows as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a quote, comma or line
 * break). Written here because papaparse's writer pulls node:stream into the Worker bundle. A field that a
 * spreadsheet would run as a formula (= + - @, tab, CR first) gets a leading apostrophe, so a citizen's question
 * typed as =HYPERLINK(…) stays text.
 */

const FORMULA = /^[=+\-@\t\r]/;

function field(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return [columns, ...rows.map((r) => columns.map((c) => r[c]))].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
