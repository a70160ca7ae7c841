/**
 * @module nameless-headings: a who-question answered by a heading — a title or subtitle line, without a clause — that
 * names nobody (枣强…大会精神解读 for 这篇稿子的记者是谁). A heading says what a text is about, not who did it; a
 * byline line names its people after their titles ((作者中共平陆县委副书记、政府县长 翟纪亭)) and stays an answer.
 */
import { answerKind, ROLES } from './analyze-question.js';
import { SURNAMES } from '../normalize/surnames.js';

/** Where a clause ends or a sentence does: a line without any is a heading. */
const CLAUSE = /[，,。；;：:！!？?]/;
/** A title and a name after it (县长 翟纪亭, 记者刘金桥). */
const TITLED_NAME = new RegExp(`(?:${ROLES.source})[、\\s]*[${SURNAMES}][\\u4e00-\\u9fff]`);

/** `question` and `answer` folded. */
export function namelessHeading(question: string, answer: string): boolean {
  return answerKind(question) === 'person' && !CLAUSE.test(answer) && !TITLED_NAME.test(answer);
}
