/**
 * @module asked-nouns: a what-question that asks for a kind of thing by its noun (以什么形式召开, 采用何种模式, 受到了哪种
 * 音乐风格的影响) is answered by a text that names that kind, or one of the same (会议采取广播电视大会形式召开 for 用什么方式
 * 开的). The answer stage weighs those windows where any is found. All text is folded (simplified).
 */

/**
 * Nouns a question asks for a kind of thing by, each with those an answer may name the same kind by. 形式主义 is no
 * 形式 (a word of its own, everywhere in these reports).
 */
const KINDS: readonly (readonly string[])[] = [['形式(?!主义)', '方式', '模式', '形态'], ['风格'], ['主题'], ['称号', '头衔', '荣誉'], ['口号'], ['身份'], ['名义']];
/** 什么 asking for a kind, not 为什么 (why). */
const ASKED = new RegExp(`(?:(?<!为)什么|何种|哪种|哪一种|怎样的)\\s*(?:[\\u4e00-\\u9fa5]{0,4}?)(${KINDS.flat().join('|')})`);
/** Each kind's nouns, as one pattern. */
const NAMED = KINDS.map((kind) => new RegExp(kind.join('|')));

/** The nouns an answer may name the kind asked for by (形式, 方式…), as one pattern, if the question asks for one. */
export function askedKind(question: string): RegExp | undefined {
  const noun = question.match(ASKED)?.[1];
  return noun === undefined ? undefined : NAMED.find((named) => named.test(noun));
}

/**
 * For one question, read once, whether a candidate window names the kind of thing it asks for (true for every window
 * when it asks for none).
 */
export function namesAskedKindFor(question: string): (text: string) => boolean {
  const named = askedKind(question);
  return named ? (text) => named.test(text) : () => true;
}
