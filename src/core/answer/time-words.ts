/**
 * @module time-words: how a question asks for a time, and the years a text names — shared by the question's analysis
 * and the checks of what an answer states. All text is folded (simplified, half-width, lower case).
 */

/** 几号 asking for a day, not a number (几号线, 几号楼, 几号文, 第几号令). */
export const DAY_NUMBER = '(?<!第)几号(?![线楼院门文令室车])';
/** 日期 asking for a date, not 日 + 期间 (1935年2月23日期间). */
export const DATE_WORD = '日期(?!间)';

/** Which day or days (哪天, 哪一天, 哪几天, 哪些日子), not 哪日报. */
export const WHICH_DAY = '哪[一几些]?(?:天|日(?!报))';

/** A question about a day (几月几号, 哪一天, 哪几天, 什么日期), which a year does not answer. */
export const ASKS_DAY = new RegExp(`几月几[日号]|${WHICH_DAY}|(?:什么|哪个|哪一)日期|日期[是为]|${DAY_NUMBER}`);

/** A question about a month (哪个月, 几月份), which a year or a season does not answer; not 几月几号 (a day). */
export const ASKS_MONTH = /哪一?个?月|几月(?!几)/;

/** A question about a time: when, on which date, in which year, month or day (not 哪一年龄段, 几号线, 23日期间). */
export const ASKS_TIME = new RegExp(`什么时候|何时|几时|什么时间|哪一?年(?!龄|级)|何年|哪个年份|什么年份|几几年|什么年代|${ASKS_MONTH.source}|${ASKS_DAY.source}`);

/** What joins the two ends of a span of years or months (2021-2023年, 1至8月), as a regular expression's source. */
const TO = '(?:-|—|–|~|至|到)';
const DIGIT_YEAR = /(?<!\d)((?:1[5-9]|20)\d\d)\s*年(?!代)/g;
const NUMERAL_YEAR = /(?<![〇零一二三四五六七八九])([一二][〇零一二三四五六七八九]{3})\s*年(?!代)/g;
/**
 * A span of years written with both ends (2021-2023年, 2021至2023年, 2019/2020年), the last year written short at times
 * (1997-98年, 1999-00年赛季, 2021-23年): every year in it is named.
 */
const SPAN = new RegExp(`(?<!\\d)((?:1[5-9]|20)\\d\\d)\\s*年?\\s*(?:${TO}|/)\\s*((?:1[5-9]|20)?\\d\\d)(?!\\d)\\s*年`, 'g');
const NUMERALS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** Whether a text names times (`named`: years or months), none of them one a question asks about (`asked`). */
export const namesOnlyOthers = <T>(asked: Set<T>, named: Set<T>): boolean => named.size > 0 && ![...asked].some((time) => named.has(time));

const DIGIT_MONTH = /(?<![\d.])(\d{1,2})\s*月/g;
/** A span of months written with both ends (1-6月, 1至8月): every month in it is named. */
const MONTH_SPAN = new RegExp(`(?<![\\d.])(\\d{1,2})\\s*月?\\s*${TO}\\s*(\\d{1,2})\\s*月`, 'g');
/** A month said in words (七月, 十二月) or by where it stands (当月, 本月, 同月, 上月, 下月), not in figures. */
export const MONTH_IN_WORDS = /[一二三四五六七八九十]月|当月|本月|同月|上月|下月/;

/** The months a text names in figures, 1 to 12 (6月底, 7月20日, 3月份, and each month of 1-6月); 6个月 is a span, no month. */
export function monthsIn(text: string): Set<number> {
  const months = new Set<number>();
  const add = (month: number) => month >= 1 && month <= 12 && months.add(month);
  for (const m of text.matchAll(DIGIT_MONTH)) add(Number(m[1]));
  for (const m of text.matchAll(MONTH_SPAN)) for (let month = Number(m[1]); month <= Number(m[2]); month++) add(month);
  return months;
}

/** The years a text names, as four digits (2022年, 2022 年, 二〇二二年, and each year of 2021-2023年); decades are none. */
export function yearsIn(text: string): Set<string> {
  const years = new Set<string>();
  for (const m of text.matchAll(DIGIT_YEAR)) years.add(m[1]);
  for (const m of text.matchAll(NUMERAL_YEAR)) years.add([...m[1]].map((c) => NUMERALS[c]).join(''));
  for (const m of text.matchAll(SPAN)) {
    const from = Number(m[1]);
    // A last year written short is in the century of the first, or the next one's (1999-00).
    const short = m[2].length === 2 ? from - (from % 100) + Number(m[2]) : Number(m[2]);
    const to = short < from && m[2].length === 2 ? short + 100 : short;
    if (to > from && to - from <= 50) for (let y = from; y <= to; y++) years.add(String(y));
  }
  return years;
}
