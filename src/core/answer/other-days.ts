/**
 * @module other-days: a figure asked of a day (7月20日那场暴雨造成多少人死亡) is not answered by a passage about other
 * months (今年至6月底…13人死亡, a count of the first half-year): it names months in figures, none of them one the
 * question names, and not the day itself (20日, 7·20). Only for a question asking for a count or a measure: the day of a
 * meeting says when it met, and what it asks of later months answers other questions (2月16日的大会要求民生实事何时开工
 * → 4月份开工). Left to the model: a question that asks for a time or names no day, an answer that names no month in
 * figures, or one that says a month in words (七月, 当月).
 */
import { ASKS_TIME, MONTH_IN_WORDS, monthsIn, namesOnlyOthers } from './time-words.js';

/** A day the question names, month and day in figures (7月20日, 7月20号). */
const DAY = /(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

/** Whether `answer` names the day `month`/`day` itself: 20日, 20号, 7·20, 7.20 (not 120日, 7.205). */
const namesDay = (answer: string, month: string, day: string) =>
  new RegExp(`(?<![\\d.])(?:${day}\\s*[日号]|${month}\\s*[·.]\\s*${day}(?![\\d]))`).test(answer);

/**
 * `question` and `answer` folded; `asksFigure`: the question asks for a count or a measure. Whether the question names
 * a day, and the answer months, none the question's, nor the day.
 */
export function otherDaysOnly(question: string, answer: string, asksFigure: boolean): boolean {
  if (!asksFigure || ASKS_TIME.test(question) || MONTH_IN_WORDS.test(answer)) return false;
  const days = [...question.matchAll(DAY)];
  if (!days.length || days.some(([, month, day]) => namesDay(answer, month, day))) return false;
  return namesOnlyOthers(monthsIn(question), monthsIn(answer));
}
