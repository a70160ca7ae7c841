/** @module extract-metadata: title, date and place of a document, where its text states them. */
import type { Line } from './find-clutter.js';
import { foldText } from '../normalize/fold-text.js';
import { looksLikeHash } from './document-properties.js';

const PAGE_SUFFIX = /\s*[(（]第?\s*\d+\s*[/／]\s*\d+\s*页[)）]\s*$/;
/** The slide marker a deck's text starts each slide with (第1页：title). */
const SLIDE_PREFIX = /^第\d+页[：:]\s*/;
const TERMINAL = /[。！？!?；;，,]$/;

export function extractTitle(lines: Line[], fallback: string): string {
  for (const line of lines) {
    if (line.clutter) continue;
    const t = line.text.replace(PAGE_SUFFIX, '').replace(SLIDE_PREFIX, '').replace(/^[-—–·•\s]+/, '').trim();
    if (t.length >= 4 && t.length <= 80 && !TERMINAL.test(t) && !/^\d/.test(t)) return t;
  }
  return fallback;
}

/** Characters of a fallback title cut from the first line. */
const FALLBACK_LENGTH = 30;

/**
 * The title when no line looks like one: the file's name, unless it is a hash (001_583cfe85666f49d1), then the start
 * of the first line that is not clutter.
 */
export function fallbackTitle(source: string, lines: Line[]): string {
  const name = source.split('/').pop()!.replace(/\.[^.]+$/, '');
  if (!looksLikeHash(name)) return name;
  const first = lines.find((l) => !l.clutter && /[\p{L}\p{N}]/u.test(l.text))?.text.trim() ?? '';
  if (!first) return '未命名文档';
  const chars = [...first];
  return chars.length > FALLBACK_LENGTH ? `${chars.slice(0, FALLBACK_LENGTH).join('')}…` : first;
}

const DATE_PATTERNS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, (m) => iso(m[1], m[2], m[3])],
  [/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/, (m) => iso(m[1], m[2], m[3])],
  [/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (m) => iso(m[3], m[2], m[1])],
];

function iso(y: string, mo: string, d: string): string {
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** The first full date stated near the top of the document (a dateline), if any. */
export function extractDate(lines: Line[]): string | undefined {
  for (const line of lines.slice(0, 12)) {
    for (const [re, fmt] of DATE_PATTERNS) {
      const m = line.text.match(re);
      if (m) return fmt(m);
    }
  }
  return undefined;
}

const PLACE = /([\u4e00-\u9fa5]{2,3}?)(县|市|区)(?![\u4e00-\u9fa5]{0,1}(长|委|级))/g;
const NOT_PLACE_PREFIX = /^(全|我|本|该|各|省|市|县|区|城|地|新|园|示范|中心|开发|试验|片|景|社|农业|工业|产业|两|三|四|五|六|七|八|九|十)/;
/** Words that end a phrase before 县/市/区 without naming one: 厚筑全市, 在全县, 水湖片区, 城区, 各区. */
const NOT_PLACE_INSIDE = /[全在各本该我此其每片城园社景街郊省]|的|和|与|及/;
/** …and kinds of zone: 产业集中区, 老区. */
const NOT_PLACE_END = /[中老]$/;

/**
 * The place the document is about: the most frequent `XX县/市/区` it names (at least twice) that `isPlace` (the word
 * segmenter's place names) accepts.
 */
export function extractPlace(text: string, isPlace: (folded: string) => boolean = () => true): string | undefined {
  const counts = new Map<string, number>();
  for (const m of foldText(text).matchAll(PLACE)) {
    if (NOT_PLACE_PREFIX.test(m[1]) || NOT_PLACE_INSIDE.test(m[1]) || NOT_PLACE_END.test(m[1]) || !isPlace(m[0])) continue;
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  }
  let best: string | undefined;
  let bestCount = 1;
  for (const [place, n] of counts) if (n > bestCount) [best, bestCount] = [place, n];
  if (!best) return undefined;
  const at = foldText(text).indexOf(best);
  return text.slice(at, at + best.length);
}
