/**
 * @module unheld-titles: the titles a who-question asks about (衡水市纪委书记是谁) that none of the passages found for it
 * holds. Those passages cannot say who holds the title; another title beside a name (市委书记李谦) is not the answer.
 */
import type { QuestionAnalysis } from './analyze-question.js';

/** Titles a text names with a verb as often as with the noun (由…主持, 著, 报道): not required to stand in the passages. */
const SAID_WITH_A_VERB = new Set(['作者', '记者', '主持人']);

/** `passages`: the folded text of the passages found for the question. */
export function unheldTitles(q: QuestionAnalysis, passages: string[]): string[] {
  if (q.kind !== 'person') return [];
  return [...new Set(q.roles)].filter((role) => !SAID_WITH_A_VERB.has(role) && !passages.some((p) => p.includes(role)));
}
