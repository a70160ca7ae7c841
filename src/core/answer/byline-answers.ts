/**
 * @module byline-answers: a who-question that does not ask who wrote or reported a text (…动员大会是谁主持的) is not
 * answered by a passage whose only named people are its byline's ((记者刘金桥、李国涛)2月25日,…召开…动员大会): a byline
 * says who reported the meeting, not who chaired it. A byline that gives an official's title ((作者中共平陆县委副书记、
 * 政府县长 翟纪亭)) names that official, and a name with a title or a verb outside it (市长杨慧主持会议) is an answer.
 * A byline alone answers only a who-question: 平陆县长用哪句话来催大家办事抓紧 is not answered by (作者中共平陆县委副书记、
 * 政府县长 翟纪亭). All text is folded (simplified, lower case).
 */
import { answerKind, ASKS_WRITER } from './analyze-question.js';
import { bylineInBrackets, TITLED_NAME, WRITER_TITLES } from './nameless-headings.js';
import { SURNAMES } from '../normalize/surnames.js';

/** A byline in brackets: (记者刘金桥、李国涛), (通讯员 聂小明), (本报记者…). */
const BYLINE = new RegExp(bylineInBrackets(), 'g');
/** An answer that is a byline and nothing else. */
const WHOLE_BYLINE = new RegExp(`^\\s*${BYLINE.source}\\s*$`);
/** The titles of those who write (记者, 作者, 通讯员…): a byline with no other title names only writers. */
const WRITERS = new RegExp(WRITER_TITLES, 'g');
/** A name that did something (杨慧主持会议, 李谦指出): a surname, a given name, a verb a meeting's report uses. */
const ACTING_NAME = new RegExp(`[${SURNAMES}][\\u4e00-\\u9fff]{1,2}(?:同志|主持|出席|讲话|指出|强调|表示|说)`);

/** Whether `answer` names people only in a byline, for a who-question that does not ask who wrote (both folded). */
export function bylineOnly(question: string, answer: string): boolean {
  return answerKind(question) === 'person' && !ASKS_WRITER.test(question) && namesOnlyInBylines(answer);
}

/** Whether a folded answer names people only in bylines that name only writers, whatever the question. */
export function namesOnlyInBylines(answer: string): boolean {
  const bylines = answer.match(BYLINE);
  if (!bylines) return false;
  // Bylines with an official's title stay (作者…县长 翟纪亭); those that name only writers go.
  const rest = answer.replace(BYLINE, (byline) => (TITLED_NAME.test(byline.replace(WRITERS, '')) ? byline : ''));
  return !TITLED_NAME.test(rest) && !ACTING_NAME.test(rest);
}

/** Whether `answer` is a byline alone, for a question that asks for no person (both folded). */
export function bylineAlone(question: string, answer: string): boolean {
  return answerKind(question) !== 'person' && WHOLE_BYLINE.test(answer);
}
