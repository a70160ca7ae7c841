/**
 * @module asked-counts: a question that counts things (多少个项目, 几家企业) is not answered by a passage that states no
 * number of anything — only a date (8月上旬) — nor lists the things (A、B、C). All text is folded (simplified, lower case).
 */
import { COUNTERS } from './asked-measures.js';

/** A count asked in a measure word of things (个, 项, 家…), not of a time (多少年, 几天). */
const ASKS_COUNT = new RegExp(`(?:多少|几)(?:${COUNTERS})`);
/** Questions about an order, not an amount (第几个, 排名, 哪几个). */
export const NOT_A_COUNT = /第|排名|哪/;
/** Units of a date or a time after digits (2022年, 8月, 10时): digits before them are no count. */
export const TIME_UNITS = '年|月|日|号|时|点|分|秒';
/**
 * A number of something: digits that are not a date or a time (2022年, 8月, 10时), or Chinese numerals before a
 * measure word or a myriad (十项, 三大, 两千).
 */
export const COUNT_STATED = new RegExp(
  `\\d+(?:\\.\\d+)?(?![\\d.]*\\s*(?:${TIME_UNITS}))|[零〇一二两三四五六七八九十百千万]+\\s*(?:余|多)?\\s*(?:${COUNTERS}|支|类|大|方面|亩|万|亿|千|百)`,
);
/** Things listed (A、B、C): a count answered by naming them. */
export const LISTED = /、[^、]{1,20}、/;

/** Whether the question counts things (多少个项目, 几家), not asks for a place in an order (第几个, 哪几个). */
export const asksCount = (question: string) => ASKS_COUNT.test(question) && !NOT_A_COUNT.test(question);

/** Whether a count question's answer states no number of anything and lists nothing (`counts`: `asksCount(question)`). */
export function uncounted(question: string, answer: string, counts = asksCount(question)): boolean {
  return counts && !COUNT_STATED.test(answer) && !LISTED.test(answer);
}
