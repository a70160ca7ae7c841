/**
 * @module asked-attributes: the thing a sum-of-money question measures (生产总值, 产值, 收入, 利润…), and whether an
 * answer names it. 环县上半年生产总值达到多少亿元 is not answered by 劳务创收达到7.2亿元: the answer states a sum of money,
 * but of another thing. Words for money in general (多少钱, 投资, 资金) name no thing (asked-measures). All text is folded.
 */
import { moneyThings, type Measure } from './asked-measures.js';

/** Words that say the same measured thing (GDP is 生产总值 is 经济总量; 收入 of work is 创收). */
const SAME_THING: readonly (readonly string[])[] = [
  ['gdp', '生产总值', '总值', '经济总量'],
  ['收入', '创收', '营收'],
  ['营收', '营业额', '营业收入', '销售额'],
];

/** The words the answer may name for an attribute: itself and those that say the same thing. */
const sayings = (attribute: string): string[] => [attribute, ...SAME_THING.filter((g) => g.includes(attribute)).flat()];

/**
 * Whether the question asks for a sum of money of a thing (`measure` 'money', from `askedMeasure`) that the answer
 * does not name: none of the things it names (生产总值) nor a word for the same thing (GDP) is in the answer.
 */
export function unnamedAttribute(question: string, answer: string, measure: Measure | undefined): boolean {
  if (measure !== 'money') return false;
  const named = moneyThings(question);
  return named.length > 0 && !named.some((a) => sayings(a).some((s) => answer.includes(s)));
}
