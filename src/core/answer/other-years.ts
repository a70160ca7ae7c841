/**
 * @module other-years: an answer about other years than the one the question asks about (2023年…排第几 answered with
 * 2022年…综合排名第19位): it names years, and none of them is the question's. Left to the model: a question that asks
 * for a time (2015年提出的目标要在哪一年实现 wants another year), an answer that names none, and one that speaks of the
 * report's own year (今年, 年内, 当年: a report's 今年 is its own year, so 今年…比2022年提高 may answer a 2023 question).
 * A question about last year (去年) is not answered by one that speaks of the report's own year and of no earlier one.
 * Nor is a question about a year the report never names by one about the report's own year (`unnamedYearFor`).
 */
import { ASKS_TIME, namesOnlyOthers, yearsIn } from './time-words.js';

/** The year a report is written in, or the one a sentence is about, named without its number. */
const OWN_YEAR = /今年|本年|年内|当年|同年/;
/** Last year as a report says it: the year before its own. */
const LAST_YEAR = /去年|上一年|上年度/;
/** The report's own year, and the whole of it (全年). */
const THIS_YEAR = /今年|全年|年内|本年|当年/;
/** An earlier year: 去年, 上年, 前年, 过去, 一年来, or a year in figures (a report's 去年 is 2021年 if it is of 2022). */
const EARLIER = /去年|上年|前年|过去|一年来|\d{4}\s*年/;

/** `question` and `answer` folded. */
export function otherYearsOnly(question: string, answer: string): boolean {
  if (ASKS_TIME.test(question)) return false;
  // 去年签约了多少个项目 is not answered by 力争全年招商项目达到50个: the report's own year only.
  if (LAST_YEAR.test(question)) return THIS_YEAR.test(answer) && !EARLIER.test(answer);
  if (OWN_YEAR.test(answer)) return false;
  const asked = yearsIn(question);
  if (!asked.size) return false;
  return namesOnlyOthers(asked, yearsIn(answer));
}

/**
 * The report's own year as a report says it: 今年, 本年, 年内, 全年, but not another year's whole (去年全年, 明年全年) or a
 * span of years (三年内, 五年内), nor 当年 or 同年 (a sentence's year).
 */
const REPORT_YEAR = /今年|本年|(?<![去上前明次后\d〇零一二两三四五六七八九十几多近])(?:年内|全年)/;
/** Another year than the report's, said without its number: the question may ask about it (a report's 去年 is 2021). */
const YEAR_WORDS = /去年|上年|前年|明年|后年|次年/;

/**
 * For one question, read once, whether an answer speaks of its report's own year (确保年内新增高新技术企业5家), names
 * none of the years the question asks about, nor another year in words, and its document names none of them anywhere
 * (`documentNames`): a report that never names 2023 says nothing of what is planned for 2023, nor for 2021
 * (枣强县2023年计划新增多少家高新技术企业, from a report of 2022). Left to the model: a question that asks for a time, or
 * names no year. Text folded.
 */
export function unnamedYearFor(question: string): (answer: string, documentNames: (year: string) => boolean) => boolean {
  const asked = ASKS_TIME.test(question) ? new Set<string>() : yearsIn(question);
  if (!asked.size) return () => false;
  return (answer, documentNames) => {
    if (!REPORT_YEAR.test(answer) || YEAR_WORDS.test(answer)) return false;
    const named = yearsIn(answer);
    return ![...asked].some((year) => named.has(year) || documentNames(year));
  };
}
