/**
 * @module asked-ranks: a question for a place in a ranking (在全市排第几, 处于什么位置, 名次如何) is answered only by a text
 * that states one: 第三, 倒数第一, 首位, 前列, 榜首, 垫底. A passage about the same figures that states no place
 * (总体还是处于中下水平, 增速取得了好成绩) does not say it. A question that gives the place and asks for what holds it
 * (面积排名第17位的岛屿是哪一个) asks for no place. All text is folded (simplified).
 */

/**
 * Asking for a place in a ranking: 排第几, 排名第几, 第几名, or 第几 ending the question (an English question's Chinese
 * words end so); not 第几期 or 第几届, an ordinal of another thing.
 */
const ASKS_RANK = /(?:排|列|居|位于?)[^,。?]{0,4}?第几|第几\s*(?:名|位|\??$)|排名(?:如何|怎样|怎么样|多少)|名次|(?:排|居|位列|位居|处于|位于|位置)(?:在)?(?:什么|哪个|何种?)(?:位置|名次|位次)|排在(?:哪|什么)/;
/** A place in a ranking, as texts state it. */
const RANK = /第\s*[\d一二两三四五六七八九十百]+|倒数|首位|末位|榜首|前列|后列|垫底|居首|冠军|亚军|季军|前\s*[\d一二两三四五六七八九十]+\s*(?:名|位|强)|[\d一二两三四五六七八九十百]+\s*强/;

/** Whether a folded question asks for a place in a ranking. */
export const asksRank = (question: string) => ASKS_RANK.test(question);

/** Whether a folded text states a place in a ranking. */
export const statesRank = (text: string) => RANK.test(text);

/** `question` and `answer` folded: the question asks for a place in a ranking and the answer states none. */
export function unrankedAnswer(question: string, answer: string): boolean {
  return asksRank(question) && !statesRank(answer);
}
