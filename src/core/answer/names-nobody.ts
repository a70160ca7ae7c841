/**
 * @module names-nobody: windows that cannot answer a who-question whatever the answer model thinks of them, left out
 * of its candidates so that a window naming someone is weighed in their place: a heading that names nobody
 * (nameless-headings), a passage whose only named people are its byline's when the question does not ask who wrote
 * (byline-answers), and a window with no letter at all, in any script (a dateline: 26.02.2015 14:28).
 */
import { answerKind, ASKS_WRITER, type QuestionAnalysis } from './analyze-question.js';
import { headingNamesNobody } from './nameless-headings.js';
import { namesOnlyInBylines } from './byline-answers.js';

/** A letter of any script: a name has some. */
const LETTER = /\p{L}/u;

/**
 * Whether a window's folded text names nobody who could answer the question: the question read once, for each of its
 * candidate windows. The heading and byline checks read the kind of the question's folded text (`answerKind`), which
 * for an English question's Chinese form may differ from its analysed kind.
 */
export function namesNobodyFor(q: Pick<QuestionAnalysis, 'kind' | 'folded'>): (text: string) => boolean {
  if (q.kind !== 'person') return () => false;
  const person = answerKind(q.folded) === 'person';
  const byWriters = person && !ASKS_WRITER.test(q.folded);
  return (text) => !LETTER.test(text) || (person && headingNamesNobody(text)) || (byWriters && namesOnlyInBylines(text));
}
