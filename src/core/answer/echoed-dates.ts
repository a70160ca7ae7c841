/**
 * @module echoed-dates: a when-question is not answered by a passage whose only dates are the ones the question names
 * itself (衡水2015年的动员大会是什么时候召开的 → 确保2015年各项工作实现良好开局 says no more than the question). All text is
 * folded (simplified, lower case).
 */

/** A question about a time: when, which year, month or day. */
const ASKS_TIME = /什么时候|何时|几时|什么时间|哪一?年|何年|哪个?月|几月|哪一?天|哪一?日|几号/;
/**
 * A date's parts as a text writes them: a year of two digits or more (2015年, 二〇一五年; 一年, 两年 are spans), a month,
 * a day, a decade or a century.
 */
const DATE_PART = /(?:公元前?)?(?:[0-9〇零一二三四五六七八九]{2,4}\s*年代?|[0-9一二三四五六七八九十]{1,3}\s*(?:月|日|号|世纪))/g;

/** Whether `answer` names dates, and every one of them is named by `question`, a when-question. */
export function echoedDate(question: string, answer: string): boolean {
  if (!ASKS_TIME.test(question)) return false;
  const dates = answer.match(DATE_PART) ?? [];
  return dates.length > 0 && dates.every((date) => question.includes(date.replace(/\s+/g, '')));
}
