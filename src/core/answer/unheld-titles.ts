/**
 * @module unheld-titles: the titles a who-question asks about (衡水市纪委书记是谁) that none of the passages found for it
 * holds, or that the answer gives no one. Those passages cannot say who holds the title; another title beside a name
 * (市委书记李谦) is not the answer, nor is the deputy's (县委副书记 翟纪亭 for 县委书记是谁).
 */
import { answerKind, ROLES, type QuestionAnalysis } from './analyze-question.js';
import { SURNAMES } from '../normalize/surnames.js';

/** Titles a text names with a verb as often as with the noun (由…主持, 著, 报道): not required to stand in the passages. */
const SAID_WITH_A_VERB = new Set(['作者', '记者', '主持人']);

/** `passages`: the folded text of the passages found for the question. */
export function unheldTitles(q: QuestionAnalysis, passages: string[]): string[] {
  if (q.kind !== 'person') return [];
  return [...new Set(q.roles)].filter((role) => !SAID_WITH_A_VERB.has(role) && !passages.some((p) => p.includes(role)));
}

/** Words before a title that make it everyone's who holds it (市政府各副市长, 全体县委委员, 历任县长), naming no one. */
const EVERY = /(?:各|全体|历任|每位|每名)$/;

/** Before a title, a character that makes it another one: the deputy's (副书记) or the general's (总书记). */
const OTHER_TITLE = new Set(['副', '总']);

/**
 * Whether a text gives the title itself, not only inside another (副书记 and 总书记 hold 书记 only as theirs), nor only
 * to everyone who holds it (各副市长对分管工作负责, 县长们).
 */
function givesTitle(text: string, title: string): boolean {
  for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
    if (OTHER_TITLE.has(text[at - 1]) && !OTHER_TITLE.has(title[0])) continue;
    if (EVERY.test(text.slice(Math.max(0, at - 2), at)) || text[at + title.length] === '们') continue;
    return true;
  }
  return false;
}

/** The titles a who-question asks about that its answer must give someone (not those said with a verb). */
function askedTitles(question: string): string[] {
  if (answerKind(question) !== 'person') return [];
  return [...new Set([...question.matchAll(ROLES)].map(([title]) => title))].filter((title) => !SAID_WITH_A_VERB.has(title));
}

/**
 * Someone whose name a question asks for by surname and title (何县长,全名叫什么; 王书记是谁; 环县那位何县长叫什么名字),
 * after the start, a 的, 位, a place's 县 or a conjunction (so not 平陆县长, a place's), the title not a committee's
 * (曹县委书记 is 曹县's): the surname and the title, as the question says them. Not someone the question only mentions
 * (何县长的秘书是谁 asks for another).
 */
const SURNAMED = new RegExp(
  `(?<=^|[的位县市区省,、和与及跟同"])([${SURNAMES}])(?![县市区省]委)${ROLES.source}(?=的?,?(?:(?:全名|名字|姓名)?(?:叫|是)(?:什么|啥|谁|哪位)|(?:叫什么|叫啥)?名字))`,
  'g',
);

/**
 * Whether an answer says someone's surname only with the title the question gives it (何县长回顾总结了… for 何县长的全名
 * 是什么): it says no more of the name than the question. A name spaced out (县长 何 伟) says more; so may a word the
 * surname's character is part of (如何, 任何): the check is left lax there.
 */
function surnameOnly(question: string, answer: string): string | undefined {
  if (answerKind(question) !== 'person') return undefined;
  for (const [named, surname, title] of question.matchAll(SURNAMED)) {
    const fuller = new RegExp(`${surname}\\s*(?!${title[0]})[\\u4e00-\\u9fa5]`);
    if (!fuller.test(answer)) return named;
  }
  return undefined;
}

/**
 * The title a who-question asks about that the answer gives no one, or the surname and title it names someone by that
 * the answer says no more of (`question` and `answer` folded), if any.
 */
export function untitledAnswer(question: string, answer: string): string | undefined {
  return askedTitles(question).find((title) => !givesTitle(answer, title)) ?? surnameOnly(question, answer);
}

/**
 * For one who-question asking about a title, read once, whether a candidate window gives every title asked about
 * (true for every window when it asks about none): the answer must (`untitledAnswer`), so where some window does, the
 * model weighs those (会上,枣强县委书记刘新营…作动员 rather than the report's lead for 枣强县委书记是谁).
 */
export function givesTitlesFor(question: string): (text: string) => boolean {
  const titles = askedTitles(question);
  return titles.length ? (text) => titles.every((title) => givesTitle(text, title)) : () => true;
}
