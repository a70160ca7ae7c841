/**
 * @module asked-attributes: the thing a sum-of-money question measures (生产总值, 产值, 收入, 利润…), and whether an
 * answer names it. 环县上半年生产总值达到多少亿元 is not answered by 劳务创收达到7.2亿元: the answer states a sum of money,
 * but of another thing. Words for money in general (多少钱, 投资, 资金) name no thing. All text is folded.
 */
import { askingAttributes } from './asked-measures.js';

/** Words that say the same measured thing (GDP is 生产总值 is 经济总量; 收入 of work is 创收). */
const SAME_THING: readonly (readonly string[])[] = [
  ['gdp', '生产总值', '总值', '经济总量'],
  ['收入', '创收', '营收'],
  ['营收', '营业额', '营业收入', '销售额'],
];

/**
 * Money words that name no thing measured but the money itself: how much, what it costs, a project's investment or
 * funds, which an answer states as a sum (10亿元以上项目) without the word.
 */
const ANY_MONEY = new Set(['多少钱', '花费', '费用', '开支', '支出', '价格', '价值', '投资', '资金', '基金', '资本', '金额', '经费', '成本', '造价', '售价']);

/** The words the answer may name for an attribute: itself and those that say the same thing. */
const sayings = (attribute: string): string[] => [attribute, ...SAME_THING.filter((g) => g.includes(attribute)).flat()];

/**
 * Whether the question asks for a sum of money of a thing (`measure` 'money', from `askedMeasure`) that the answer
 * does not name: none of the things it names (生产总值) nor a word for the same thing (GDP) is in the answer.
 */
export function unnamedAttribute(question: string, answer: string, measure: string | undefined): boolean {
  if (measure !== 'money') return false;
  const named = askingAttributes(question, 'money').filter((a) => !ANY_MONEY.has(a));
  return named.length > 0 && !named.some((a) => sayings(a).some((s) => answer.includes(s)));
}
