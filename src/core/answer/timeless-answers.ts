/**
 * @module timeless-answers: a when-question (什么时候完成, 哪天开的) is not answered by a passage that says no time at
 * all: no date, no year, season, festival or period, and no word that places a thing in time (之前, 以后, 当时, 初, 末).
 * The net is wide on purpose: 十四五末, 早期 and 平日早上 answer when-questions too, so only an answer with none of these
 * is refused, but for the times the question states itself, which an answer that repeats them adds nothing to. A
 * question for a day (几月几号开的) is not answered by years alone either (the heading 在X区2024年…大会上的讲话). All
 * text is folded (simplified, lower case).
 */
import { ASKS_DAY, ASKS_TIME } from './time-words.js';
import { charPairs } from '../normalize/char-pairs.js';

/**
 * Any way a text places something in time, from a date in figures to a time of day, a holiday or a single character
 * such as 前, 后, 初 or 期.
 */
const TIMES =
  /[0-9〇零一二三四五六七八九十百千两]+\s*(?:年|月|日|号|世纪|年代|点|时|天|周|岁)|今年|明年|去年|当年|同年|次年|翌年|隔年|年底|年内|年中|季度|年间|至今|目前|现在|近年|早日|尽快|随即|立即|开始|早上|上午|中午|下午|晚上|凌晨|平日|周末|假日|之际|[期时末初前后朝春夏秋冬夜节旬]/g;

/** A time no finer than a year: 2024年, 二〇二二年, 今年, 当年. */
const YEAR_ONLY = /^(?:[0-9〇零一二三四五六七八九十百千两]+\s*年|[今明去当同次翌隔近]年|年间)$/;

/**
 * Which characters of `answer` lie in a stretch of two characters or more that `question` holds too (one character,
 * 春 or 前, is a word of its own). A character is in such a stretch exactly when it and a neighbour are two characters
 * of the question in a row, so the question's pairs of characters say it, in time linear in the two texts.
 */
function echoed(question: string, answer: string): boolean[] {
  const pairs = charPairs(question);
  const inPair = (i: number) => i >= 0 && i + 1 < answer.length && pairs.has(answer.slice(i, i + 2));
  return Array.from({ length: answer.length }, (_, k) => inPair(k - 1) || inPair(k));
}

/**
 * Whether `answer` says no time at all, for a when-question, but for times in words the question says itself (枣强虎年
 * 新春第一会是哪天开的 is not answered by the heading 虎年新春第一会 奏响发展最强音), nor, for a question for a day, by
 * years alone. `question` and `answer` folded.
 */
export function timeless(question: string, answer: string): boolean {
  if (!ASKS_TIME.test(question)) return false;
  const marked = echoed(question, answer);
  const asksDay = ASKS_DAY.test(question);
  for (const time of answer.matchAll(TIMES)) {
    if (asksDay && YEAR_ONLY.test(time[0])) continue;
    for (let k = time.index; k < time.index + time[0].length; k++) if (!marked[k]) return false;
  }
  return true;
}
