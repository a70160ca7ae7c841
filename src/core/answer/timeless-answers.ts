/**
 * @module timeless-answers: a when-question (什么时候完成, 哪天开的) is not answered by a passage that says no time at
 * all: no date, no year, season, festival or period, and no word that places a thing in time (之前, 以后, 当时, 初, 末).
 * The net is wide on purpose: 十四五末, 早期 and 平日早上 answer when-questions too, so only an answer with none of these
 * is refused, but for the times the question states itself, which an answer that repeats them adds nothing to. A
 * question for a day (几月几号开的, 哪天召开) is answered only by a day (the heading 在X区2024年…大会上的讲话, 新春伊始 and 10月份
 * do not), and one for a month (几月份见效) only by a month or a day (旬调度 does not). All text is folded (simplified,
 * lower case).
 */
import { ASKS_DAY, ASKS_MONTH, ASKS_TIME } from './time-words.js';
import { charPairs } from '../normalize/char-pairs.js';

/**
 * Any way a text places something in time, from a date in figures to a time of day, a holiday or a single character
 * such as 前, 后, 初 or 期.
 */
const TIMES =
  /[0-9〇零一二三四五六七八九十百千两]+\s*(?:年|月|日|号|世纪|年代|点|时|天|周|岁)|今年|明年|去年|当年|同年|次年|翌年|隔年|年底|年内|年中|季度|年间|至今|目前|现在|近年|早日|尽快|随即|立即|开始|早上|上午|中午|下午|晚上|凌晨|平日|周末|假日|之际|[期时末初前后朝春夏秋冬夜节旬]/g;

/**
 * Common words whose character of TIMES places nothing in time (只争朝夕, 走在前列, 关键环节, 厉行节约, 不忘初心, 寄予
 * 期望, 落后): blanked before the answer is read. Not where the character ends a time word the text writes before it
 * (此前|进行, 会前|提出, 春节|能够, 唐朝|鲜卑, 年初|步入).
 */
const TIMELESS_WORDS =
  /只争朝夕|(?<![唐宋元明清汉秦隋晋周商夏南北王本当])朝(?:着|向|气|鲜)|(?<![此之以久会节事赛战课饭前后年月日天晚早提目当生])前(?:进|列|提|景|途|沿|线)|落后|(?<![此之以然今日前])后劲|环节|细节|调节|(?<![春秋庆诞午宵明阳夕节日季时])节(?:约|能|奏)|(?<![年月当起最])初(?:心|衷|步)|(?<![学同长短近远初中末定])期(?:待|望|盼)/g;

/** A day's or a month's number, in figures or in Chinese numerals (25, 二十五, 两). */
const NUMBER = '[0-9〇零一二三四五六七八九十两]+';

/**
 * A time as fine as a day: a day of the month (25日, 2月25号, 初十, 廿一; not 1号煤矿), a day said in words (当天, 次日,
 * 上班第一天), a festival, a weekday, or a date in a case's name (“6.30”案).
 */
const DAYS = new RegExp(
  `${NUMBER}\\s*日|月\\s*${NUMBER}\\s*号|${NUMBER}\\s*号(?![\\u4e00-\\u9fff])|初[一二三四五六七八九十]|廿|[今昨明前后当次翌同隔]天|[当次翌同本]日|第[0-9一二三四五六七八九十]+天|` +
    `除夕|元旦|春节|元宵|端午|中秋|国庆|清明|重阳|七夕|腊八|圣诞|(?:劳动|儿童|妇女|青年|建军|建党|教师|情人|感恩|复活)节|周[一二三四五六日末]|星期|礼拜|` +
    `["“'‘「](?:1[0-2]|0?[1-9])[.·・](?:[12]\\d|3[01]|0?[1-9])["”'’」]`,
  'g',
);

/** A time as fine as a month: a day, a month (3月份, 正月), part of a month (月底, 上旬) or of a year (年底, 年初). */
const MONTHS = new RegExp(`${DAYS.source}|${NUMBER}\\s*月|[正腊冬]月|月[底初中末份]|[上中下]旬|年[底初末]|岁末`, 'g');

/**
 * Which characters of `answer` lie in a stretch of two characters or more that the question holds too (one character,
 * 春 or 前, is a word of its own). A character is in such a stretch exactly when it and a neighbour are two characters
 * of the question in a row, so the question's pairs of characters (`pairs`) say it, in time linear in the answer.
 */
function echoed(pairs: ReadonlySet<string>, answer: string): boolean[] {
  const inPair = (i: number) => i >= 0 && i + 1 < answer.length && pairs.has(answer.slice(i, i + 2));
  return Array.from({ length: answer.length }, (_, k) => inPair(k - 1) || inPair(k));
}

/**
 * Whether `answer` says no time at all, for a when-question, but for times in words the question says itself (枣强虎年
 * 新春第一会是哪天开的 is not answered by the heading 虎年新春第一会 奏响发展最强音), nor, for a question for a day or a
 * month, by any coarser time. `question` and `answer` folded.
 */
export function timeless(question: string, answer: string): boolean {
  return timelessFor(question)(answer);
}

/** `timeless` for one question, read once, for each of its candidate windows. */
export function timelessFor(question: string): (answer: string) => boolean {
  if (!ASKS_TIME.test(question)) return () => false;
  const pairs = charPairs(question);
  const times = ASKS_DAY.test(question) ? DAYS : ASKS_MONTH.test(question) ? MONTHS : TIMES;
  return (text) => {
    const answer = text.replace(TIMELESS_WORDS, (word) => ' '.repeat(word.length));
    const marked = echoed(pairs, answer);
    for (const time of answer.matchAll(times)) {
      for (let k = time.index; k < time.index + time[0].length; k++) if (!marked[k]) return false;
    }
    return true;
  };
}
