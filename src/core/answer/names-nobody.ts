/**
 * @module names-nobody: windows that cannot answer a who-question whatever the answer model thinks of them, left out
 * of its candidates so that a window naming someone is weighed in their place: a heading that names nobody
 * (nameless-headings), and a passage whose only named people are its byline's when the question does not ask who wrote
 * (byline-answers).
 */
import type { QuestionAnalysis } from './analyze-question.js';
import { namelessHeading } from './nameless-headings.js';
import { bylineOnly } from './byline-answers.js';

/** Whether the window's folded `text` names nobody who could answer the question. */
export function namesNobody(q: Pick<QuestionAnalysis, 'kind' | 'folded'>, text: string): boolean {
  if (q.kind !== 'person') return false;
  return namelessHeading(q.folded, text) || bylineOnly(q.folded, text);
}
