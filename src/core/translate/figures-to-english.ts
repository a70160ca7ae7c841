/**
 * @module figures-to-english: the figures, dates and names of a quoted Chinese answer said in English, read off the
 * quote mechanically (200亿元 → 20 billion yuan, 2月25日 → 25 February, 刘新营 → Liu Xinying), never made up.
 */
import { pinyin } from 'pinyin-pro';
import { MONTHS, plain } from './figures-to-chinese.js';
import { parseChineseNumeral } from '../normalize/chinese-numerals.js';

/** Measure words and their English (an empty string: the number stands alone, 50个 → 50). */
const MEASURES: [string, string][] = [
  ['平方公里', 'km²'], ['公里', 'km'], ['公顷', 'hectares'], ['兆瓦', 'MW'], ['元', 'yuan'], ['亩', 'mu'], ['吨', 'tonnes'],
  ['人', 'people'], ['户', 'households'], ['倍', 'times'], ['%', '%'], ['个', ''], ['家', ''], ['项', ''], ['名', ''],
  ['座', ''], ['件', ''], ['条', ''], ['所', ''], ['批', ''], ['起', ''], ['次', ''], ['位', ''], ['套', 'sets'],
];
const MEASURE = MEASURES.map(([m]) => m.replace('%', '%')).join('|');
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(万亿|亿|万|千)?(${MEASURE})`, 'g');
const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
const CAPITAL = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface EnglishFigure {
  /** The figure as the quote writes it (200亿元), and where. */
  chinese: string;
  at: number;
  english: string;
  /** Its measure word (元, 亩, %). */
  unit: string;
}

/**
 * A value in English with only digits the quote holds: 200亿 → 20 billion (20 is in 200); 407.09亿 → 407.09 hundred
 * million, since 40.709 would be a figure no citation shows.
 */
function inEnglish(number: string, magnitude: string | undefined, grounded: (digits: string) => boolean): string {
  if (!magnitude) return number;
  const value = Number(number) * MAGNITUDE[magnitude];
  for (const [scale, name] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']] as const) {
    if (value < scale) continue;
    const digits = plain(value / scale);
    if (grounded(digits)) return `${digits} ${name}`;
    break;
  }
  // 45万 is 450 thousand, a number no citation shows: said in words (four hundred fifty thousand), which hold no digits.
  const whole = Math.round(value);
  const words = Math.abs(whole - value) < 1e-9 * value ? inWords(whole) : undefined;
  if (words && words.split(' ').length <= MAX_WORDS) return words;
  return `${number} ${magnitude === '亿' ? 'hundred million' : magnitude === '万' ? 'ten thousand' : magnitude === '千' ? 'thousand' : 'trillion'}`;
}

const ONES = `- one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen
  nineteen`.split(/\s+/).map((w) => (w === '-' ? '' : w));
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** A figure said in words is no longer than this (forty billion seven hundred nine million). */
const MAX_WORDS = 8;

/** 1 to 999 in words (one hundred twenty-one). */
function hundredsInWords(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest < 20 ? ONES[rest] : `${TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${ONES[rest % 10]}` : ''}`;
  return [hundreds ? `${ONES[hundreds]} hundred` : '', tail].filter(Boolean).join(' ');
}

/** A whole number below a thousand trillion in words (1,121,000 → one million one hundred twenty-one thousand); else undefined. */
export function inWords(value: number): string | undefined {
  if (!Number.isInteger(value) || value <= 0 || value >= 1e15) return undefined;
  const parts: string[] = [];
  let rest = value;
  for (const [scale, name] of [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand'], [1, '']] as const) {
    const group = Math.floor(rest / scale);
    rest -= group * scale;
    if (group) parts.push(`${hundredsInWords(group)}${name ? ` ${name}` : ''}`);
  }
  return parts.join(' ');
}

/** The figures of a quote in English; `grounded(digits)`: whether a citation shows those digits. */
export function figuresToEnglish(quote: string, grounded: (digits: string) => boolean): EnglishFigure[] {
  return [...quote.matchAll(FIGURE)].map(({ 0: chinese, 1: number, 2: magnitude, 3: unit, index }) => {
    const english = MEASURES.find(([m]) => m === unit)![1];
    const value = inEnglish(number, magnitude, grounded);
    return { chinese, at: index, unit, english: unit === '%' ? `${value}%` : english ? `${value} ${english}` : value };
  });
}

const SMALL_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** A place in a ranking in English: 19 → 19th, 22 → 22nd; 1 to 10 in words (third). */
function ordinal(n: number): string {
  if (n <= 10) return SMALL_ORDINALS[n];
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * The places in a ranking a quote states, in English: 第19位 → 19th, 第十九名 → 19th, 第三 → third, 倒数第一 → last;
 * `grounded(digits)`: whether a citation shows those digits.
 */
export function ranksToEnglish(quote: string, grounded: (digits: string) => boolean): EnglishFigure[] {
  return [...quote.matchAll(/(倒数)?第\s*(\d{1,4}|[一二三四五六七八九十百]+)\s*(?:位|名)?/g)].flatMap(({ 0: chinese, 1: fromEnd, 2: place, index }) => {
    const n = /\d/.test(place) ? Number(place) : parseChineseNumeral(place);
    if (!n || (/\d/.test(place) && !grounded(place))) return [];
    const english = fromEnd ? (n === 1 ? 'last' : `${ordinal(n)} from last`) : ordinal(n);
    return [{ chinese, at: index, unit: '', english }];
  });
}

/** Dates of a quote in English: 2015年2月25日 → 25 February 2015, 4月 → April, 2022年 → 2022. */
export function datesToEnglish(quote: string): string[] {
  const out: string[] = [];
  for (const [, year, month, day] of quote.matchAll(/(?:(\d{4})年)?(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?/g)) {
    if (!year && !month) continue;
    const m = month && Number(month) >= 1 && Number(month) <= 12 ? CAPITAL(MONTHS[Number(month) - 1]) : undefined;
    out.push([day, m, year].filter(Boolean).join(' '));
  }
  return out;
}

/** A Chinese name in pinyin, surname first: 刘新营 → Liu Xinying. */
export function nameInPinyin(name: string): string {
  const [surname, ...given] = pinyin(name, { toneType: 'none', type: 'array', v: true });
  return given.length ? `${CAPITAL(surname)} ${CAPITAL(given.join(''))}` : CAPITAL(surname);
}

const PLACE_ENDINGS: Record<string, string> = { 县: 'County', 市: 'City', 区: 'District', 省: 'Province', 镇: 'Town', 乡: 'Township', 村: 'Village' };

/** A Chinese place name in pinyin: 平陆县 → Pinglu County, 衡水 → Hengshui, x区 → District X. */
export function placeInPinyin(place: string): string {
  const ending = PLACE_ENDINGS[place.at(-1)!];
  const base = ending && place.length > 1 ? place.slice(0, -1) : place;
  if (/^[a-z]$/i.test(base)) return ending ? `${ending} ${base.toUpperCase()}` : base.toUpperCase();
  const sound = CAPITAL(pinyin(base, { toneType: 'none', type: 'array', v: true }).join(''));
  return ending ? `${sound} ${ending}` : sound;
}
