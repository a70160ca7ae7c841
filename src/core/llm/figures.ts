/**
 * @module figures: the numbers in folded text with their units (50个, 200亿元 → 2e10 元, 百分之六十 → 60 %, 二〇二三年 →
 * 2023 年), so that a figure in a generated answer can be looked up in a passage however either writes it.
 */
import { CHINESE_NUMERAL_CHARS, parseChineseNumeral } from '../normalize/chinese-numerals.js';

export interface Figure {
  value: number;
  /** The measure word or unit after the number (个, 元, 亩, %, 年); '' when none follows. */
  unit: string;
  /** The text it was read from, for saying what did not check out. */
  text: string;
}

/** Longest first, so that 平方公里 is not read as 平方 or 公里's 公. */
const UNITS = [
  '平方公里', '平方千米', '个百分点', '百分点', '平方米', '立方米', '千瓦时', '公里', '千米', '千瓦', '兆瓦', '公顷', '公斤', '千克',
  '小时', '分钟', '季度', '周年', '人次', '美元', '%', '‰',
  ...'个项家名位人次件条所座批种年月日号天亩元吨户台辆倍米岁届期套间栋层处张份篇部场支队',
];
const UNIT = `(${UNITS.map((u) => u.replace(/[%‰]/g, '\\$&')).join('|')})?`;
const MULTIPLIER = '([十百千万亿]*)';
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 };
/** 多 and 余 (200多亿元, 50余个) sit between a number and its multiplier or unit. */
const ABOUT = '(?:多|余)?';
const ARABIC = new RegExp(`(?<![\\d.])(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+(?:\\.\\d+)?)${ABOUT}${MULTIPLIER}${ABOUT}${UNIT}`, 'g');
const PERCENT_WORDS = new RegExp(`百分之([${CHINESE_NUMERAL_CHARS}]+|\\d+(?:\\.\\d+)?)`, 'g');
const HAN_NUMERAL = new RegExp(`([${CHINESE_NUMERAL_CHARS}]+)${ABOUT}${UNIT}`, 'g');
const ISO_DATE = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;
const DIGIT_ONLY = /^[零〇一二三四五六七八九]{2,}$/;
const PLAIN_DIGITS = '零一二三四五六七八九';

const scale = (multiplier: string) => [...multiplier].reduce((v, ch) => v * MULTIPLIERS[ch], 1);

/** 二〇二三 → 2023 (a year, digit by digit); 二百 → 200; undefined when the run is no number (万 alone). */
function readHan(run: string): number | undefined {
  if (DIGIT_ONLY.test(run)) return Number([...run].map((ch) => (ch === '〇' ? 0 : PLAIN_DIGITS.indexOf(ch))).join(''));
  return parseChineseNumeral(run);
}

/**
 * Every figure in folded text. Digits always count; Chinese numerals only with a unit after them and never for 一
 * alone (一批, 一流, 进一步 and 千方百计 are words, not figures).
 */
export function figuresIn(folded: string): Figure[] {
  const out: Figure[] = [];
  let text = folded.replace(ISO_DATE, (_m, y: string, mo: string, d: string) => `${y}年${Number(mo)}月${Number(d)}日`);
  text = text.replace(PERCENT_WORDS, (m, n: string) => {
    const value = /\d/.test(n) ? Number(n) : readHan(n);
    if (value === undefined) return m;
    out.push({ value, unit: '%', text: m });
    return ' ';
  });
  text = text.replace(ARABIC, (m, digits: string, multiplier: string, unit: string | undefined) => {
    out.push({ value: Number(digits.replace(/,/g, '')) * scale(multiplier), unit: unit ?? '', text: m });
    return ' ';
  });
  for (const m of text.matchAll(HAN_NUMERAL)) {
    const [whole, run, unit] = m;
    if (!unit || run === '一' || /^[十百千万亿]$/.test(run)) continue;
    const value = readHan(run);
    if (value !== undefined) out.push({ value, unit, text: whole });
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether `figure` is among `known`: the same value with the same unit (a bare number matches the value alone). */
export function hasFigure(known: Figure[], figure: Figure): boolean {
  return known.some((k) => close(k.value, figure.value) && (figure.unit === '' || k.unit === figure.unit));
}
