/**
 * @module timeless-answers: a when-question (什么时候完成, 哪天开的) is not answered by a passage that says no time at
 * all: no date, no year, season, festival or period, and no word that places a thing in time (之前, 以后, 当时, 初, 末).
 * The net is wide on purpose: 十四五末, 早期 and 平日早上 answer when-questions too, so only an answer with none of these
 * is refused. All text is folded (simplified, lower case).
 */
import { ASKS_TIME } from './time-words.js';

/**
 * Any way a text places something in time, from a date in figures to a time of day, a holiday or a single character
 * such as 前, 后, 初 or 期.
 */
const TIME =
  /[0-9〇零一二三四五六七八九十百千两]+\s*(?:年|月|日|号|世纪|年代|点|时|天|周|岁)|今年|明年|去年|当年|同年|次年|翌年|隔年|年底|年内|年中|季度|年间|至今|目前|现在|近年|早日|尽快|随即|立即|开始|早上|上午|中午|下午|晚上|凌晨|平日|周末|假日|之际|[期时末初前后朝春夏秋冬夜节旬]/;

/** Whether `answer` says no time at all, for a when-question (`question` and `answer` folded). */
export function timeless(question: string, answer: string): boolean {
  return ASKS_TIME.test(question) && !TIME.test(answer);
}
