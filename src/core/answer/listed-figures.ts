/**
 * @module listed-figures: a figure question (平陆抽水蓄能电站的装机容量是多少) is not answered by a list whose figures
 * in the measure asked for belong to other items (抓好中电神头100兆瓦农光互补光伏发电、杭泰100兆瓦…、抽水蓄能电站、…):
 * in an enumeration each figure is its own item's. Only clauses that enumerate (A、B、C) are read so: a figure in a
 * clause of its own (它的面积约为0.304平方公里) is the question's subject's as often as not. All text is folded
 * (simplified, lower case).
 */
import { askedMeasure, askingWords, statesMeasure, type Measure } from './asked-measures.js';
import { charPairs } from '../normalize/char-pairs.js';

/** Where a clause ends: not at the comma of a figure's thousands (1,980米). */
const CLAUSE_END = /[;!?。\n]|,(?!\d{3})/;
/** Characters that tie words together or ask, not a subject's: a pair of characters with one says nothing of it. */
const GLUE = /[的是多少么什哪几吗呢了在有和与及为要把被将也都就个年]/;
const WORD_PAIR = /^[\u4e00-\u9fffa-z0-9]{2}$/;

/**
 * The question's pairs of characters, without the words that ask for the measure (the unit of 多少兆瓦 too: every
 * item states it) and the glue between words.
 */
function subjectPairs(question: string, asks: RegExp | undefined): Set<string> {
  const subject = asks ? question.replace(new RegExp(asks.source, 'g'), '|') : question;
  return charPairs(subject, (pair) => WORD_PAIR.test(pair) && !GLUE.test(pair));
}

/**
 * The measure `question` asks for (`askedMeasure`), when every figure `answer` states in it stands in an item of an
 * enumeration that shares no pair of characters with the question's subject (both folded); else undefined.
 */
export function listedElsewhere(question: string, answer: string, measure = askedMeasure(question)): Measure | undefined {
  if (!measure || measure === 'year') return undefined;
  const clauses = answer.split(CLAUSE_END).filter((clause) => statesMeasure(measure, clause));
  if (!clauses.length || clauses.some((clause) => !clause.includes('、'))) return undefined;
  const pairs = subjectPairs(question, askingWords(measure));
  if (!pairs.size) return undefined;
  const items = clauses.flatMap((clause) => clause.split('、')).filter((item) => statesMeasure(measure, item));
  return items.every((item) => ![...pairs].some((pair) => item.includes(pair))) ? measure : undefined;
}
