/**
 * @module echoed-dates: a when-question is not answered by a passage whose only dates are the ones the question names
 * itself (衡水2015年的动员大会是什么时候召开的 → 确保2015年各项工作实现良好开局 says no more than the question). All text is
 * folded (simplified, lower case).
 */
import { ASKS_TIME } from './time-words.js';

/** Not within a longer number: 5日 is no part of 25日, nor 1月 of 11月. */
const WHOLE = '(?<![0-9〇零一二三四五六七八九十])';
/**
 * A date or its parts as a text writes them in figures: 2015-02-25, a year of two digits or more with what part of it
 * (2015年, 2015年底, 2015年上半年, 二〇一五年; one-character spans such as 一年, 两年 are no years), a month with its part
 * (2月, 2月下旬), a day, a century.
 */
const DATE_PART = new RegExp(
  `${WHOLE}(?:\\d{4}\\s*[-/.]\\s*\\d{1,2}(?:\\s*[-/.]\\s*\\d{1,2})?|(?:公元前?)?[0-9〇零一二三四五六七八九]{2,4}\\s*年(?:代|初|底|末|中|内|上半年|下半年)?|[0-9一二三四五六七八九十]{1,3}\\s*(?:月(?:初|底|末|上旬|中旬|下旬)?|日|号|世纪))`,
  'g',
);
/** Times a text says other than in figures (春节, 正月初七, 第一季度, 当天): an answer that says one says more than the dates. */
const OTHER_TIME = /春节|元旦|元宵|清明|端午|中秋|国庆|正月|腊月|初[一二三四五六七八九十]|季度|[上中下]旬|当天|次日|翌日|前夕|上午|下午|晚上|凌晨/;

const datesIn = (text: string): Set<string> => new Set((text.match(DATE_PART) ?? []).map((date) => date.replace(/\s+/g, '')));

/** Whether `answer` names dates, all of them ones `question`, a when-question, names itself, and no other time. */
export function echoedDate(question: string, answer: string): boolean {
  if (!ASKS_TIME.test(question) || OTHER_TIME.test(answer)) return false;
  const dates = datesIn(answer);
  if (!dates.size) return false;
  const asked = datesIn(question);
  return [...dates].every((date) => asked.has(date));
}
