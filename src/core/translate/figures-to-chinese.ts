/**
 * @module figures-to-chinese: the figures and units of an English question as the Chinese documents write them —
 * 20 billion yuan → 200亿元, 1.5 million → 150万, 60 percent → 60%, 10,000 mu → 1万亩, 2022 → 2022年, 10th → 第10, third → 第三.
 */
import type { Piece } from './english-words.js';
import { toChineseNumeral } from '../normalize/chinese-numerals.js';

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, hundred: 100 };

/** English units and the Chinese measure words the documents use for them. */
export const UNITS: Record<string, string> = {
  yuan: '元', rmb: '元', renminbi: '元', mu: '亩', hectare: '公顷', hectares: '公顷', ton: '吨', tons: '吨', tonne: '吨',
  tonnes: '吨', kilometre: '公里', kilometres: '公里', kilometer: '公里', kilometers: '公里', km: '公里', percent: '%',
  percentage: '%', people: '人', persons: '人', person: '人', households: '户', household: '户', times: '倍',
  megawatt: '兆瓦', megawatts: '兆瓦', mw: '兆瓦',
};

export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};
/** Ordinal words, as ranks (third in the city → 第三); first is the dictionary's (第一, 首先, first half → 上半年). */
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A day of a month (0 for January) as the documents write it: 2月16日. */
const monthDay = (month: number, day: number) => `${month + 1}月${day}日`;

/** A number as the documents write it: no trailing zeros, at most 4 decimals. */
export const plain = (n: number): string => String(Number(n.toFixed(4)));

/** A value in Chinese magnitudes: 2e10 → 200亿, 1.5e6 → 150万, 800 → 800. */
export function inChineseMagnitude(value: number): string {
  if (value >= 1e8) return `${plain(value / 1e8)}亿`;
  if (value >= 1e4) return `${plain(value / 1e4)}万`;
  return plain(value);
}

export interface ChineseFigures {
  /** Chinese search terms for the figures (200亿元, 60%, 2022年, 第10). */
  terms: string[];
  /** The pieces read as figures or units (not to be translated again). */
  used: Set<number>;
  /** The measure word a number answer should carry (亩, 元, %), when the question names one. */
  unit?: string;
  /** A count the question gives for a list (What four kinds … → 4). */
  count?: number;
}

/** Reads the figures of an English question's pieces. */
export function figuresToChinese(pieces: Piece[]): ChineseFigures {
  const terms: string[] = [];
  const used = new Set<number>();
  let unit: string | undefined;
  let count: number | undefined;
  const word = (i: number) => (pieces[i]?.kind === 'word' ? pieces[i].norm : undefined);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (p.kind === 'number' && /^(?:st|nd|rd|th)$/.test(word(i + 1) ?? '')) {
      // The 14th Five-Year Plan is 十四五 in the documents (“十四五”规划, “十四五”末), not 第14.
      const plan = word(i + 2) === 'five-year' ? 1 : word(i + 2) === 'five' && word(i + 3) === 'year' ? 2 : 0;
      const numeral = plan && word(i + 2 + plan) === 'plan' ? toChineseNumeral(Number(p.norm)) : undefined;
      if (numeral) {
        terms.push(`${numeral}五`);
        for (let k = i; k <= i + 2 + plan; k++) used.add(k);
        i += 2 + plan;
        continue;
      }
      // On the 16th is a day of the month (16日), as a report dates what happened (16日在会宁县召开): no word follows.
      const day = word(i - 1) === 'the' && word(i - 2) === 'on' && Number(p.norm) <= 31 && pieces[i + 2]?.kind !== 'word';
      terms.push(day ? `${p.norm}日` : `第${p.norm}`);
      used.add(i).add(i + 1);
      i++;
      continue;
    }
    if (p.kind === 'number') {
      let value = Number(p.norm);
      let j = i + 1;
      // 26 February is 2月26日, as February 26 is (below).
      const monthAfter = pieces[j]?.capital ? MONTHS.indexOf(word(j) ?? '') : -1;
      if (monthAfter >= 0 && /^\d{1,2}$/.test(p.norm) && value >= 1 && value <= 31) {
        terms.push(monthDay(monthAfter, value));
        used.add(i).add(j);
        i = j;
        continue;
      }
      // 40.7-billion-yuan (a package) is 40.7 billion yuan: its scale and unit are the word's two parts.
      const [scaleWord, unitPart, ...rest] = (word(j) ?? '').split('-');
      const hyphened = !rest.length && unitPart !== undefined && SCALES[scaleWord] !== undefined && UNITS[unitPart] !== undefined;
      const scale = SCALES[hyphened ? scaleWord : (word(j) ?? '')];
      if (scale) {
        value *= scale;
        if (!hyphened) j++;
      }
      if (pieces[j]?.kind === 'percent' || word(j) === 'percent' || (word(j) === 'per' && word(j + 1) === 'cent')) {
        terms.push(`${p.norm}%`);
        used.add(i).add(j);
        if (word(j) === 'per') used.add(j + 1);
        continue;
      }
      const unitWord = UNITS[hyphened ? unitPart : (word(j) ?? '')];
      const month = MONTHS.indexOf(word(i - 1) ?? '');
      if (month >= 0 && value >= 1 && value <= 31) terms.push(monthDay(month, value));
      else if (/^(?:19|20)\d\d$/.test(p.norm) && !scale && !unitWord) {
        terms.push(`${p.norm}年`);
        // The end of 2014 is 2014年底, as the end of the year is 年底 (not 到底, to the end).
        if (word(i - 1) === 'of' && (word(i - 2) === 'end' || word(i - 2) === 'close')) {
          terms.push('年底');
          used.add(i - 1).add(i - 2);
        }
      }
      else {
        // 10,000 mu is 1万亩 in most documents, 10000亩 in some tables: both are searched.
        // 100 million yuan is also written 亿元 (超亿元项目, 亿元以上).
        const bare = inChineseMagnitude(value) === '1亿' ? '亿' : '';
        for (const written of new Set([scale ? '' : p.norm, inChineseMagnitude(value), bare])) if (written) terms.push(`${written}${unitWord ?? ''}`);
      }
      for (let k = i; k < j; k++) used.add(k);
      if (unitWord) used.add(j);
      continue;
    }
    if (p.kind !== 'word') continue;
    if (MONTHS.includes(p.norm) && p.capital) {
      // February 26 is 2月26日 (read at its number); February and February 2015 are 2月 (the year is read at its number).
      const next = pieces[i + 1];
      if (next?.kind !== 'number' || /^(?:19|20)\d\d$/.test(next.norm)) terms.push(`${MONTHS.indexOf(p.norm) + 1}月`);
      used.add(i);
    } else if (UNITS[p.norm] && !used.has(i)) {
      unit ??= UNITS[p.norm];
      used.add(i);
    } else if (ORDINALS[p.norm] && word(i + 1) !== 'half' && NUMBER_WORDS[word(i - 1) ?? ''] === undefined && pieces[i - 1]?.kind !== 'number') {
      // Third in the city is 全市第三; not the second half (下半年), nor one third or 2 thirds (a fraction).
      terms.push(`第${toChineseNumeral(ORDINALS[p.norm])}`);
      used.add(i);
    } else if (NUMBER_WORDS[p.norm] !== undefined && p.norm !== 'one') {
      // What four kinds of zones → a list of 4; the number word itself is no search term. Not one with a capital after
      // the first word: a part of a name or slogan ('Three New, Three Strong' district), which counts nothing asked.
      if (!p.capital || i === 0) count ??= NUMBER_WORDS[p.norm];
      used.add(i);
    }
  }
  return { terms, used, unit, count };
}
