/**
 * @module echoed-counts: a question that counts things (多少个, 几家) or asks for a figure in a measure (多少亿元, 面积有
 * 多大) is not answered by a passage whose every number is one the question states itself (衡水湖片区那36个村里,有多少个是
 * 省级重点村 → …特别是衡水湖片区36个村,都要成为…示范村): it repeats what the question counts within, not how many. A
 * count answered by naming the things (A、B、C) is answered. Dates and times are no numbers here (echoed-dates reads
 * those). All text is folded (simplified, lower case).
 */
import { askedMeasure, COUNTERS, type Measure } from './asked-measures.js';
import { asksCount, LISTED, TIME_UNITS } from './asked-counts.js';
import { parseChineseNumeral } from '../normalize/chinese-numerals.js';

/**
 * A number: digits (1,980 and 0.5 too) not of a date or a time (2022年, 8月, 10时), or Chinese numerals before a
 * measure word, a village or a myriad (三十六个, 三十六村), each read as its value.
 */
const NUMBER = new RegExp(
  `(?<![\\d.,])(\\d+(?:[.,]\\d+)*)(?![\\d.,]*\\s*(?:${TIME_UNITS}))|([零〇一二两三四五六七八九十百千]+)\\s*(?:余|多)?\\s*(?:${COUNTERS}|村|亩|万|亿)`,
  'g',
);

const numbersIn = (text: string): Set<number> =>
  new Set(
    [...text.matchAll(NUMBER)]
      .map((m) => (m[1] !== undefined ? Number(m[1].replace(/,/g, '')) : parseChineseNumeral(m[2])))
      .filter((n): n is number => n !== undefined && Number.isFinite(n)),
  );

/**
 * What a count or figure question asks for (`count`, or the measure: `money`…) when every number `answer` states is one
 * the question states itself and it lists nothing; else undefined. `measure` and `counts`: what the question asks for,
 * as `askedMeasure` and `asksCount` read it.
 */
export function echoedCount(question: string, answer: string, measure: Measure | undefined = askedMeasure(question), counts = asksCount(question)): string | undefined {
  if (!counts && (!measure || measure === 'year' || measure === 'percent')) return undefined;
  if (counts && LISTED.test(answer)) return undefined;
  const stated = numbersIn(answer);
  if (!stated.size) return undefined;
  const asked = numbersIn(question);
  return [...stated].every((n) => asked.has(n)) ? (measure ?? 'count') : undefined;
}
