/**
 * @module nameless-headings: a who-question answered by a heading — a title and its subtitle, lines without a sentence
 * in them (虎年新春第一会 奏响发展最强音 / ——枣强…大会精神解读 for 这篇稿子的记者是谁) — that names nobody. A heading says
 * what a text is about, not who did it. A byline ((作者中共平陆县委副书记、政府县长 翟纪亭), (通讯员 聂小明)) stays an
 * answer, and so does a single line or clause (杨慧主持会议), which a window of whole clauses often is: the answer model
 * weighs those. Nor is a question for a list answered by a heading that lists nothing.
 */
import { answerKind, ROLES } from './analyze-question.js';
import { SURNAMES } from '../normalize/surnames.js';

/**
 * Where a sentence or clause ends (folded text is half-width): a heading has none. A colon between figures is a time
 * of day, as a dateline writes it (26.02.2015 14:28), not a clause's end.
 */
const CLAUSE = /[,。;!?]|(?<!\d):|:(?!\d)/;
/** A title and a name after it (县长 翟纪亭, 记者刘金桥). */
export const TITLED_NAME = new RegExp(`(?:${ROLES.source})[、\\s]*[${SURNAMES}][\\u4e00-\\u9fff]`);
/** The titles of those who write, report or edit a text, as a byline gives them (记者, 通讯员, 作者…). */
export const WRITER_TITLES = '记者|通讯员|作者|编辑|摄影|撰稿|责编';
/** A byline's title, as a regular expression's source: one of `titles`, after 本报 at times (本报记者). */
export const bylineTitle = (titles = WRITER_TITLES) => `(?:本报)?(?:${titles})`;
/** A byline in brackets, as a regular expression's source: (记者刘金桥、李国涛), (作者…县长 翟纪亭), (通讯员 聂小明). */
export const bylineInBrackets = (titles = WRITER_TITLES) => `\\(\\s*${bylineTitle(titles)}[^)]{0,40}\\)`;
/** A byline's opening, whoever it names, at a line's start or in brackets ((通讯员 聂小明), 本报记者…). */
const BYLINE_OPENING = new RegExp(`(?:^|\\n|\\()\\s*${bylineTitle()}`);

/** A heading: two lines or more, with no sentence or clause in them. */
const isHeading = (answer: string) => !CLAUSE.test(answer) && answer.split('\n').filter((line) => line.trim()).length >= 2;

/**
 * A speech's title on a line of its own (在X区2024年…动员部署大会上的讲话(第2/3页), ——在全县…会议上的总结讲话), a page
 * marker and the salutation after it (同志们, 朋友们:) at most: it says at which meeting a speech was given, not who gave it.
 */
const SPEECH_TITLE = /^[\s—-]*在[^,。;!?\n]*(?:上|时)的[\u4e00-\u9fff]{0,2}(?:讲话|致辞|发言|演讲|报告)\s*(?:\(第?\s*\d+\s*\/\s*\d+\s*页\))?\s*(?:同志们[、,\s]*(?:朋友们)?\s*[:,!]?)?\s*$/;

/** `question` and `answer` folded. */
export function namelessHeading(question: string, answer: string): boolean {
  return answerKind(question) === 'person' && headingNamesNobody(answer);
}

/**
 * Whether a folded answer is a heading that names nobody, whatever the question: a title and its subtitle, or a speech's
 * title alone.
 */
export const headingNamesNobody = (answer: string) => (isHeading(answer) || SPEECH_TITLE.test(answer)) && !TITLED_NAME.test(answer) && !BYLINE_OPENING.test(answer);

/**
 * Whether a question for a list (受到表彰的先进单位有哪些) is answered by a heading that lists nothing: no items set
 * apart (、) in it, only the topic of the text (`question` and `answer` folded).
 */
export function itemlessHeading(question: string, answer: string): boolean {
  return answerKind(question) === 'list' && isHeading(answer) && !answer.includes('、');
}
