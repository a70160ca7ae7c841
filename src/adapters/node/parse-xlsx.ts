/** @module parse-xlsx: a workbook's visible sheets as text, each row a line with its column headers, numbers as Excel shows them. */
import { format, getFormatFromId, isDateFormat } from 'numfmt';
import { openOoxmlPackage, relationshipId, type OoxmlPackage } from './parse-ooxml-package.js';
import { parseBudget, type ParseBudget, type ParseLimits } from './parse-limits.js';
import { cellText, tableLines } from './parse-table-rows.js';

const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;
/** Ids 0–58 are the built-in formats of the Chinese locale; past them numfmt would guess. */
const LAST_BUILT_IN_FORMAT = 58;
/** Days from 1900-01-00 to 1904-01-01, for workbooks dated from 1904. */
const DAYS_1904 = 1462;
/** Counted for every stored cell besides its characters, so that a sheet of empty-looking cells is bounded too. */
const CELL_COST = 8;
const INVALID = '\u0000invalid';

interface Sheet {
  name: string;
  relationship: string;
  hidden: boolean;
}

interface Workbook {
  sheets: Sheet[];
  date1904: boolean;
}

/** One `name` line per visible sheet, then its rows ("县名：枣强；新建公园：17座。"); sheets apart by a blank line. */
export async function xlsxText(source: string, bytes: Uint8Array, limits: ParseLimits): Promise<string> {
  const budget = parseBudget(source, limits);
  const pkg = await openOoxmlPackage(source, bytes, limits, budget);
  const main = await pkg.mainPart();
  const rels = [...(await pkg.relationships(main)).entries()];
  const partOf = (type: RegExp) => rels.find(([, r]) => type.test(r.type) && pkg.has(r.target))?.[1].target;
  const workbook = await readWorkbook(pkg, main);
  const sharedStrings = partOf(SHARED_STRINGS);
  const stylesPart = partOf(STYLES);
  const strings = sharedStrings ? await readSharedStrings(pkg, sharedStrings) : [];
  const styles = stylesPart ? await readNumberFormats(pkg, stylesPart) : () => 'General';
  const display = (cell: RawCell) => cellText(unescapeXstring(shown(cell, strings, styles, workbook.date1904)));

  const out: string[] = [];
  for (const sheet of workbook.sheets) {
    const rel = rels.find(([id]) => id === sheet.relationship)?.[1];
    if (sheet.hidden || !rel || !WORKSHEET.test(rel.type) || !pkg.has(rel.target)) continue;
    const rows = await readSheet(pkg, rel.target, display, budget);
    const lines = tableLines(rows, (chars) => budget.spend(chars));
    if (lines.length) out.push([sheet.name, ...lines].join('\n'));
  }
  return out.join('\n\n');
}

async function readWorkbook(pkg: OoxmlPackage, part: string): Promise<Workbook> {
  const book: Workbook = { sheets: [], date1904: false };
  await pkg.read(part, {
    open(name, a) {
      if (name === 'workbookPr') book.date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name === 'sheet') {
        book.sheets.push({ name: a.name ?? '', relationship: relationshipId(a) ?? '', hidden: Boolean(a.state) && a.state !== 'visible' });
      }
    },
  });
  return book;
}

/** The shared strings, each the text of its runs without phonetic guides (`rPh`). */
async function readSharedStrings(pkg: OoxmlPackage, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  await pkg.read(part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = phonetic === 0;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(current);
    },
  });
  return strings;
}

/** The number format pattern of each cell style (`s` attribute). */
async function readNumberFormats(pkg: OoxmlPackage, part: string): Promise<(style: number) => string> {
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellStyles = false;
  await pkg.read(part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'cellXfs') inCellStyles = true;
      else if (name === 'xf' && inCellStyles) styleFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellStyles = false;
    },
  });
  return (style) => {
    const id = styleFormats[style] ?? 0;
    return custom.get(id) ?? (id <= LAST_BUILT_IN_FORMAT ? getFormatFromId(id, 'zh-CN') : 'General');
  };
}

interface RawCell {
  type: string;
  style: number;
  /** `<v>`, or the text of an inline string. */
  value: string;
}

function shown(cell: RawCell, strings: string[], styles: (style: number) => string, date1904: boolean): string {
  switch (cell.type) {
    case 's':
      return strings[Number(cell.value)] ?? '';
    case 'inlineStr':
    case 'str':
    case 'd':
      return cell.value;
    case 'b':
      return cell.value === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    default:
      return cell.value === '' ? '' : formatNumber(cell.value, styles(cell.style), date1904);
  }
}

/** As Excel shows it: 17, 0.3 (not 0.30000000000000004), 12.34%, 2024/3/5, ¥1,200.00; whole numbers in full. */
export function formatNumber(raw: string, pattern: string, date1904 = false): string {
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  if (/^general$/i.test(pattern)) return Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : format('General', n);
  const value = date1904 && isDateFormat(pattern) ? n + DAYS_1904 : n;
  const text = format(pattern, value, { locale: 'zh-CN', throws: false, invalid: INVALID });
  return text === INVALID ? formatNumber(raw, 'General') : text;
}

/** `_x000D_` and the like: characters XML cannot carry, escaped (ECMA-376 ST_Xstring). */
const unescapeXstring = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const COLUMN = /^([A-Z]+)(\d+)?$/;

/** `B3` → column 1, row 2 (from 0). */
function cellRef(ref: string): { column: number; row?: number } | undefined {
  const m = COLUMN.exec(ref.toUpperCase().replace(/\$/g, ''));
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]) column = column * 26 + ch.charCodeAt(0) - 64;
  return { column: column - 1, row: m[2] === undefined ? undefined : Number(m[2]) - 1 };
}

/**
 * The sheet's non-empty cells by row and column, merged areas filled with their first cell's value (a county merged
 * down beside its towns names each of their rows). Every stored cell is spent from the budget.
 */
async function readSheet(
  pkg: OoxmlPackage,
  part: string,
  display: (cell: RawCell) => string,
  budget: ParseBudget,
): Promise<Map<number, string>[]> {
  const rows = new Map<number, Map<number, string>>();
  const merges: string[] = [];
  let row = -1;
  let nextColumn = 0;
  let column = 0;
  let cell: RawCell | undefined;
  let inValue = false;
  let phonetic = 0;
  let width = 0;
  const store = (r: number, c: number, value: string) => {
    budget.spend(value.length + CELL_COST);
    let cells = rows.get(r);
    if (!cells) rows.set(r, (cells = new Map()));
    cells.set(c, value);
  };
  await pkg.read(part, {
    open(name, a) {
      if (name === 'row') {
        row = a.r ? Number(a.r) - 1 : row + 1;
        nextColumn = 0;
      } else if (name === 'c') {
        column = (a.r ? cellRef(a.r)?.column : undefined) ?? nextColumn;
        nextColumn = column + 1;
        cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), value: '' };
      } else if (name === 'rPh') phonetic++;
      else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) inValue = phonetic === 0;
      else if (name === 'mergeCell' && a.ref) merges.push(a.ref);
    },
    text(text) {
      if (inValue && cell) cell.value += text;
    },
    close(name) {
      if (name === 'v' || name === 't') inValue = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const value = display(cell);
        if (value) {
          store(row, column, value);
          width = Math.max(width, column + 1);
        }
        cell = undefined;
      }
    },
  });
  const rowNumbers = [...rows.keys()].sort((a, b) => a - b);
  for (const ref of merges) fillMerge(ref, rows, rowNumbers, width, store, budget);
  return rowNumbers.map((r) => rows.get(r)!);
}

/** Copies a merged area's value into the area's other cells, within the rows that exist and the sheet's width. */
function fillMerge(
  ref: string,
  rows: Map<number, Map<number, string>>,
  rowNumbers: number[],
  width: number,
  store: (r: number, c: number, value: string) => void,
  budget: ParseBudget,
): void {
  const [from, to] = ref.split(':').map(cellRef);
  if (!from || !to || from.row === undefined || to.row === undefined) return;
  const value = rows.get(from.row)?.get(from.column);
  if (!value) return;
  const lastColumn = Math.min(to.column, width - 1);
  for (let i = firstAtLeast(rowNumbers, from.row); i < rowNumbers.length && rowNumbers[i] <= to.row; i++) {
    budget.checkTime();
    const cells = rows.get(rowNumbers[i])!;
    for (let c = from.column; c <= lastColumn; c++) if (!cells.has(c)) store(rowNumbers[i], c, value);
  }
}

function firstAtLeast(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
