/** @module answer-types: how well a piece of text has the kind of answer a question wants (0..1). */
import type { QuestionAnalysis } from './analyze-question.js';
import { enumeratedParts } from './answer-shapes.js';

/** A number: digits, or Chinese numerals (三, 二十, 一百五十). */
export const NUM = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)';
const UNIT_ALTERNATIVES: Record<string, string> = { 人: '(?:人|名|位)', 名: '(?:人|名|位)', 位: '(?:人|名|位)' };
const DIGITS = /\d/;
/** A quantity: digits with a measure word or unit (50个, 200亿元, 60%), not a name like “9+3”. */
const QUANTITY = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿|千|百)?\s*(?:%|个|项|家|名|位|人|次|件|条|所|座|批|种|亩|元|吨|户|台|辆|倍|年|天|公里|米|平方|千瓦|兆瓦|万|亿)/;
/** Chinese numerals with a measure word, but not the article 一个. */
const CHINESE_COUNT = /(?:[二两三四五六七八九十百千]|[一二两三四五六七八九][十百千])[一二三四五六七八九十百千]*(?:个|项|家|名|位|次|件|条|所|座|批|种|方面|大)/;
/** A share (52.6%, 百分之十): the answer to a question about a rate or a change, not about an amount. */
const PERCENT = /\d+(?:\.\d+)?\s*%|百分之[零〇一二两三四五六七八九十百点]+/g;
/**
 * Words of a question without a unit that a share can answer: a change or a part (增长多少, 相当于…的多少). A question
 * about a rate (率, 比例, 百分, 占比) has the unit % (analyzeQuestion) and is scored by it.
 */
const CHANGE = /比重|份额|增长|增速|增幅|涨幅|降幅|下降|提高|降低|上升|增加|减少|翻|相当于|幅度/;
/** A year (2023年): a date, not an amount. */
const YEAR = /\d{4}年/g;
const MONTH_DAY = /\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const YEAR_OR_MONTH = /\d{4}年|\d{1,2}月|[一二三四五六七八九十]{1,3}月/;
/** Titles a name follows (县长张赤峰); those it precedes (张赤峰书记,) are fewer, written in `roleName`. */
const OFFICES = '书记|县长|市长|区长|省长|州长|镇长|乡长|主任|主席|局长|部长|厅长|处长|董事长|总经理|校长|院长|主持人?';
const roleName = (titles: string) => new RegExp(`(${titles})[、,，:：\\s]*[\\u4e00-\\u9fa5]{2,3}|[\\u4e00-\\u9fa5]{2,3}(书记|县长|市长|区长|省长)[、,，\\s]`);
/** A name after its title, a byline's too (记者, 作者). */
const ROLE_NAME = roleName(`${OFFICES}|记者|作者`);
/** A name after its title, not a byline's: whoever wrote the report is not whoever it reports on. */
const OFFICE_NAME = roleName(OFFICES);
const DEFINITION = /"[^"]{1,12}"(即|就是|是|指|为)|(即|就是|是指|指的是|定位(为|是)?|总体定位)/;

/** Patterns built from a question's words, compiled once: answer selection tests them on every window. */
const compiled = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    if (compiled.size > 1000) compiled.clear();
    compiled.set(source, (re = new RegExp(source)));
  }
  return re;
}

function unitPattern(unit: string): RegExp {
  if (unit === '%') return /\d+(?:\.\d+)?\s*%|百分之/;
  const u = UNIT_ALTERNATIVES[unit] ?? unit;
  return pattern(`${NUM}\\s*(?:余|多)?\\s*(?:万|亿)?\\s*${u}`);
}

/** Items of an enumeration: 、-separated parts, quoted terms, or (for places) place names. */
function listItems(folded: string, q: QuestionAnalysis, places: string[]): number {
  if (q.wantsPlaces) return new Set(places).size;
  const separated = enumeratedParts(folded);
  // Quoted terms are items (“纵尺”…“横尺”…), unless they are the question's own terms.
  const quoted = (folded.match(/"[^"]{1,10}"/g) ?? []).filter((t) => !q.keywords.some((k) => t.includes(k))).length;
  return Math.max(separated > 1 ? separated : 0, quoted);
}

/** `places`: the place names in `folded`. */
export function answerTypeScore(q: QuestionAnalysis, folded: string, places: string[]): number {
  switch (q.kind) {
    case 'number':
      if (q.unit && unitPattern(q.unit).test(folded.includes('一个') ? folded.replace(/一个/g, '') : folded)) return 1;
      if (QUANTITY.test(folded)) {
        if (q.unit) return 0.6;
        // 生产总值是多少 asks for an amount: a window whose only figures are shares (贡献率达到52.6%) or years answers
        // another question (a year asked for is a date; 多少年 has a unit).
        const figures = folded.replace(YEAR, '');
        return QUANTITY.test(CHANGE.test(q.folded) ? figures : figures.replace(PERCENT, '')) ? 1 : 0.4;
      }
      if (DIGITS.test(folded)) return 0.4;
      return CHINESE_COUNT.test(folded) ? 0.5 : 0;
    case 'date':
      return MONTH_DAY.test(folded) ? 1 : YEAR_OR_MONTH.test(folded) ? 0.5 : 0;
    case 'person': {
      // The title the question asks about, right next to a name (县长张赤峰, 市长杨慧).
      const asked = q.roles.filter((r) => r !== '作者' && r !== '记者');
      if (asked.some((r) => pattern(`${r}[、,，:：\\s]*[\\u4e00-\\u9fa5]{2,3}|[\\u4e00-\\u9fa5]{2,3}[、,，\\s]*${r}`).test(folded))) return 1;
      return (q.asksWriter ? ROLE_NAME : OFFICE_NAME).test(folded) ? (asked.length ? 0.3 : 1) : 0;
    }
    case 'list': {
      const items = listItems(folded, q, places);
      if (q.count) return Math.min(1, items / q.count);
      return items >= 3 ? 1 : items === 2 ? 0.7 : 0;
    }
    case 'place':
      return places.length > 0 ? 1 : 0;
    default: {
      if (q.whatNoun && folded.includes(q.whatNoun)) {
        // 什么机制 → “9+3”招商机制: a name right before the noun.
        const named = pattern(`("[^"]{1,12}"|[\\da-z+]+)[\\u4e00-\\u9fa5]{0,4}${q.whatNoun}`).test(folded);
        return named ? 1 : 0.6;
      }
      return DEFINITION.test(folded) ? 0.8 : 0.3;
    }
  }
}
