/**
 * @module grouped-figures: a question about a counted group (一季度11个集中开工项目的总投资是多少) asks for a figure of
 * that group. An answer that names the group in one clause and states a figure in the measure asked for only in
 * another, of the same kind of thing in another scope (精心做好一季度11个集中开工项目的各项准备工作…;力争年内开工项目总投资
 * 200亿元以上), gives another group's figure. A figure of the group's members (其中,A项目总投资10亿元) or of a thing of
 * another kind may be the group's own, and is left to the model. Counts in figures only (11个, not 十一个). All text is
 * folded.
 */
import { COUNTERS, statesMeasure, type Measure } from './asked-measures.js';

/** A count of things in the question (11个), then the words for the things, up to what the question asks of them. */
const GROUP = new RegExp(`(?<![\\d.])(\\d+)\\s*(${COUNTERS})([\\u4e00-\\u9fa5]{2,12}?)(?=的|合计|一共|共|总|全部|计划|是|有|分别|[,?;。!]|$)`, 'g');
/** A text's clauses, each with its closing mark (a clause ends at ; as well as at a full stop). */
const CLAUSE_END = /(?<=[。;!?])/;
/** A clause about the group's members, not another group: 其中…, 分别…. */
const MEMBERS = /^\s*(?:其中|分别)/;
/** Right before the kind of thing: another scope than the group's (年内开工项目, 全县项目, 另外5个项目). */
const OTHER_SCOPE = new RegExp(`(?:年内|全年|今年|全[县市区省]|累计|总计|共|各类|所有|\\d+\\s*(?:${COUNTERS}))[\\u4e00-\\u9fa5]{0,4}$`);

/**
 * The measure the question asks a counted group's figure in, when the answer states it only for another group of the
 * same kind (else undefined). `measure`: what the question asks for, as `askedMeasure` reads it.
 */
export function figureOfAnotherGroup(question: string, answer: string, measure: Measure | undefined): Measure | undefined {
  if (!measure || measure === 'year') return undefined;
  const clauses = answer.split(CLAUSE_END);
  for (const [, count, counter, words] of question.matchAll(GROUP)) {
    const named = new RegExp(`(?<![\\d.])${count}\\s*${counter}`);
    const holding = clauses.filter((c) => named.test(c));
    if (!holding.length || holding.some((c) => statesMeasure(measure, c))) continue;
    // The kind of thing counted: the last two characters of the question's words for it (集中开工项目 → 项目).
    const kind = words.slice(-2);
    const another = (c: string) => {
      for (let at = c.indexOf(kind); at >= 0; at = c.indexOf(kind, at + 1)) if (OTHER_SCOPE.test(c.slice(0, at))) return true;
      return false;
    };
    if (clauses.some((c) => !holding.includes(c) && !MEMBERS.test(c) && statesMeasure(measure, c) && another(c))) return measure;
  }
  return undefined;
}
