/**
 * @module asked-ranks: a question for a place in a ranking (在全市排第几, 增速在全市处于什么位置, 名次如何) is answered only
 * by a text that states one: 排名第19位, 倒数第一, 居全省首位, 进入前10名, 百强, 垫底. A passage about the same figures
 * that states no place (总体还是处于中下水平) does not say it. A question that gives the place and asks for what holds it
 * (面积排名第17位的岛屿是哪一个), asks for an ordinal of another thing (第几批, 第几期) or where a place lies (该县位于什么
 * 位置) asks for no place in a ranking. All text is folded (simplified, ASCII punctuation).
 */
import { COUNTERS } from './asked-measures.js';
import { ASKS_TIME } from './time-words.js';

const NUMERAL = '[\\d一二两三四五六七八九十百]+';
/** 第几 of another thing than a place in a ranking: 第几批, 第几期, 第几届, 第几次. */
const ORDINAL_OF = `(?!\\s*(?:${COUNTERS}|年|天|季|号))`;
/** Where the question ranks among others (在全市, 在23个县中): 处于什么位置 asks a place in a ranking only then. */
const AMONG = /全[市省国县区]|[县市区省国]中|之中|当中|同类|同行/;

/** Asking for a place in a ranking. */
const ASKS_RANK = new RegExp(
  [
    `(?:排|列|居)[^,。?]{0,4}?第几${ORDINAL_OF}`,
    '第几\\s*(?:名|位)',
    // 第几 ending the question (an English question's Chinese words end so).
    '第几\\s*\\??$',
    '排名(?:如何|怎样|怎么样|多少)|名次',
    '(?:排|居|位列|位居)在?(?:什么|哪个|何种?)(?:位置|名次|位次)',
    '排在(?:哪|什么)',
  ].join('|'),
);
const ASKS_POSITION = /(?:处于|处在|在)[^,。?]{0,3}(?:什么|哪个|何种?)(?:位置|位次)/;

/** A place in a ranking, as texts state it; not any ordinal (第一季度, 第一书记, 第二次) nor 放在首位. */
const RANK = new RegExp(
  [
    `(?:排|居|列|位居|位列|名列|排名)[^,。;]{0,6}?第\\s*${NUMERAL}`,
    `第\\s*${NUMERAL}\\s*(?:名|位)(?![于置])`,
    '倒数第',
    '(?:排|居|列)[^,。;]{0,4}?(?:首位|末位|前列|后列|首)',
    '榜首|垫底|冠军|亚军|季军',
    `前\\s*${NUMERAL}\\s*(?:名|位|强)`,
    `${NUMERAL}\\s*强`,
  ].join('|'),
);

/** Whether a folded question asks for a place in a ranking. */
export const asksRank = (question: string) => ASKS_RANK.test(question) || (ASKS_POSITION.test(question) && AMONG.test(question));

/** Whether a folded text states a place in a ranking. */
export const statesRank = (text: string) => RANK.test(text);

/**
 * For one question, read once, whether a candidate window states a place in a ranking (true for every window when the
 * question asks for none).
 */
export function statesRankFor(question: string): (text: string) => boolean {
  return asksRank(question) ? statesRank : () => true;
}

/** `question` and `answer` folded: the question asks for a place in a ranking and the answer states none. */
export function unrankedAnswer(question: string, answer: string): boolean {
  return asksRank(question) && !statesRank(answer);
}

/**
 * A question for which thing comes first or last by some measure (长江最长的支流是哪一条, 销量最高的报纸是哪一份): 最 and a
 * measure's adjective before 的, and 哪 to choose among things. Not 最初, 最后, 最重要 or 最大的特点是什么 (judgements any
 * text may make in other words), nor the figure of the top thing (最大的企业年产值是多少), which the figure answers.
 */
const ASKS_SUPERLATIVE = /最(?:大|高|长|低|小|深|远|北|南|东|西|畅销|多|少)(?:的|之)/;
/**
 * A text that compares or ranks anything: a superlative of its own (最, 第一, 之一), a first place (居首, 榜首, 冠军), a
 * place (第1大, 仅次于), a comparison (大于, 超过, 以…为主), an order (由大到小, 依次) or a bound (至少, 至多).
 */
const COMPARES =
  /最|第一|第\s*1(?!\d)|之一|首位|居首|之首|榜首|首屈|冠军|之冠|夺冠|仅次|大于|多于|高于|长于|超过|为主|由大到小|从大到小|由高到低|从高到低|由多到少|从多到少|依次|至少|至多/;

/**
 * `question` and `answer` folded: the question asks which thing comes first or last by some measure, and the answer
 * compares nothing (哪一条…河流为长江最长的支流 is not answered by a passage on a province's rivers that ranks none of
 * them). Not a question for a time: the earliest one's date is answered by the date.
 */
export function uncomparedAnswer(question: string, answer: string): boolean {
  return ASKS_SUPERLATIVE.test(question) && question.includes('哪') && !ASKS_TIME.test(question) && !COMPARES.test(answer) && !statesRank(answer);
}
