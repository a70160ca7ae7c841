/**
 * @module writer-bylines: who wrote a text is said by its byline (本报记者 焦明瑞, (作者…县长 翟纪亭), (责编:candy、李琳)),
 * wherever in the document it stands: a question that asks who wrote, reported or edited a text it names (这篇文章的作者
 * 是谁, 那篇报道是哪位记者写的, 《…》一文的作者) is answered by the byline of the document it is about, not by a sentence
 * of the text that the answer model weighs above it. All text is folded (simplified, lower case).
 */
import type { QuestionAnalysis } from './analyze-question.js';
import { bylineInBrackets, bylineTitle } from './nameless-headings.js';

/** A piece of writing a question names: an article, a report, a 稿, a title in 《》. */
const A_TEXT = /文章|报道|稿|一文|本文|原文|全文|[这那此该]篇|新闻|消息|通讯|评论|解读|《[^》]+》/;

/**
 * The bylines that answer a question, by the writer it asks for (an editor, a photographer, a reporter, or whoever
 * wrote): in brackets ((记者刘金桥、李国涛)) and on a short line of their own (本报记者 焦明瑞), with those titles.
 */
const ANSWERING: readonly { asks: RegExp; byline: RegExp }[] = [
  { asks: /编辑|责编/, titles: '责编|编辑' },
  { asks: /摄影/, titles: '摄影' },
  { asks: /记者|通讯员/, titles: '记者|通讯员' },
  { asks: /./, titles: '作者|记者|撰稿|通讯员' },
].map(({ asks, titles }) => ({
  asks,
  byline: new RegExp(`${bylineInBrackets(titles)}|(?<=^|\\n)[ \\t]*${bylineTitle(titles)}[ \\t:：]*[^\\n]{1,30}(?=\\n|$)`),
}));

/**
 * The bylines that answer the question (a pattern for `bylineIn`), if it asks who wrote, reported or edited a text it
 * names (a who-question, `asksWriter`), in its Chinese or as asked (`namesText`: an English question's article or
 * report, which its Chinese loses); else undefined.
 */
export function writerAsked(q: Pick<QuestionAnalysis, 'kind' | 'asksWriter' | 'folded' | 'namesText'>): RegExp | undefined {
  if (q.kind !== 'person' || !q.asksWriter || !(q.namesText || A_TEXT.test(q.folded))) return undefined;
  return ANSWERING.find(({ asks }) => asks.test(q.folded))!.byline;
}

/** Where the first of `bylines` (from `writerAsked`) is in a folded text, if any. */
export function bylineIn(text: string, bylines: RegExp): { start: number; end: number } | undefined {
  const m = bylines.exec(text);
  return m ? { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].trimEnd().length } : undefined;
}
