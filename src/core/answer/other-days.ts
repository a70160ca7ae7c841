/**
 * @module other-days: an answer about other months than the day the question asks about (7月20日那场暴雨造成多少人死亡
 * answered with 今年至6月底…13人死亡, a count of the first half-year): it names months, and none of them is the
 * question's. Left to the model: a question that asks for a time, names no day, or an answer that names no month.
 */
import { ASKS_TIME } from './time-words.js';

/** A day the question names, month and day in figures (7月20日, 7月20号): the month. */
const DAY = /(?<![\d.])(\d{1,2})\s*月\s*\d{1,2}\s*[日号]/g;
/**
 * A month an answer names in figures (6月底, 7月20日, 1-6月; a span of months, 6个月, is none), not a decimal's digits.
 * Months in Chinese numerals (七月) are not read: an answer that names them is left to the model.
 */
const MONTH = /(?<![\d.])(\d{1,2})\s*月/g;

const monthsOf = (text: string, pattern: RegExp): Set<number> => new Set([...text.matchAll(pattern)].map((m) => Number(m[1])));

/** `question` and `answer` folded: whether the question names a day, and the answer months, none the day's. */
export function otherDaysOnly(question: string, answer: string): boolean {
  if (ASKS_TIME.test(question)) return false;
  const asked = monthsOf(question, DAY);
  if (!asked.size) return false;
  const named = monthsOf(answer, MONTH);
  return named.size > 0 && ![...asked].some((month) => named.has(month));
}
