/**
 * @module grouped-figures: a question about a counted group (一季度11个集中开工项目的总投资是多少) asks for a figure of
 * that group. An answer that names the group in one sentence and states a figure in the measure asked for only in others
 * that speak of the same kind of thing without its count (精心做好一季度11个集中开工项目的各项准备工作…;力争年内开工项目
 * 总投资200亿元以上) gives another group's figure. A figure in a sentence that does not speak of that kind of thing may be
 * the group's own (该校有3个校区。总面积达500亩), and is left to the model. All text is folded.
 */
import { statesMeasure, type Measure } from './asked-measures.js';

/** A count of things in figures (11个, 3所), not part of a larger number or a decimal. */
const GROUP = /(?<![\d.])(\d+)\s*(个|项|家|座|所|条|处|批)/g;
/** The sentences of a text, each with its closing mark. */
const SENTENCE_END = /(?<=[。;!?])/;

/**
 * The measure the question asks a counted group's figure in, when the answer states it only for another group of the
 * same kind (else undefined). `measure`: what the question asks for, as `askedMeasure` reads it.
 */
export function figureOfAnotherGroup(question: string, answer: string, measure: Measure | undefined): Measure | undefined {
  if (!measure || measure === 'year') return undefined;
  const sentences = answer.split(SENTENCE_END);
  for (const [, count, counter] of question.matchAll(GROUP)) {
    const named = new RegExp(`(?<![\\d.])${count}\\s*${counter}([\\u4e00-\\u9fa5]{2,12}?)(?:的|[,;。、!?]|$)`);
    const holding = sentences.filter((s) => named.test(s));
    if (!holding.length || holding.some((s) => statesMeasure(measure, s))) continue;
    // The kind of thing counted: the last two characters of the words after the count (集中开工项目 → 项目).
    const kind = holding[0].match(named)![1].slice(-2);
    if (sentences.some((s) => !holding.includes(s) && s.includes(kind) && statesMeasure(measure, s))) return measure;
  }
  return undefined;
}
