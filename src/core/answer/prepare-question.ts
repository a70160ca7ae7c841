/** @module prepare-question: the question as the window features need it, prepared once for all windows. */
import type { QuestionAnalysis, QuestionType } from './analyze-question.js';
import { QUESTION_TYPES } from './analyze-question.js';
import { buildKeywords, type Keyword } from './keyword-match.js';
import type { FeatureContext } from './feature-context.js';
import { QUESTION_WORDS, STOPWORDS } from '../normalize/stopwords.js';
import { charPairs } from '../normalize/char-pairs.js';

/** The question, prepared once for all windows. */
export interface PreparedQuestion {
  q: QuestionAnalysis;
  keywords: Keyword[];
  /** Keyword is not a document's subject: a content word. */
  content: boolean[];
  totalWeight: number;
  contentWeight: number;
  maxIdf: number;
  bigrams: Set<string>;
  chars: Set<string>;
  typeIndex: number;
  /** Keywords right before and right after the question word, nearest first (the answer fills the gap between them). */
  left: Keyword[];
  right: Keyword[];
}

/** A Han character, a digit or a lower-case Latin letter (text is folded). */
export function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
}

/** Character bigrams of folded text, without question words and function-word pairs. */
function bigramsOf(folded: string): Set<string> {
  return charPairs(folded, (b) => isWordChar(b[0]) && isWordChar(b[1]) && !QUESTION_WORDS.test(b) && !STOPWORDS.has(b));
}

/** The folded question without the words that only ask (具体, 一共): its characters and pairs are what is matched. */
const withoutAsking = (q: QuestionAnalysis) => q.asking.reduce((text, word) => text.split(word).join(' '), q.folded);

/** The question word: where the answer goes in a sentence that says the same. */
const WH = /为什么|为何|怎么|如何|怎样|什么|多少|多大|多长|多高|多久|哪[一个些里儿年天位种家国座所条]?|谁|几[个年月日天号次位名项种家岁]?|何[时地处人种]?/;

/** The question's keywords before and after its question word, nearest first. */
function slotContext(folded: string, keywords: Keyword[]): { left: Keyword[]; right: Keyword[] } {
  const wh = WH.exec(folded);
  if (!wh) return { left: [], right: [] };
  const placed = keywords.map((k) => ({ k, at: folded.indexOf(k.term) })).filter((x) => x.at >= 0);
  const left = placed.filter((x) => x.at + x.k.term.length <= wh.index).sort((a, b) => b.at - a.at);
  const right = placed.filter((x) => x.at >= wh.index + wh[0].length).sort((a, b) => a.at - b.at);
  return { left: left.slice(0, 2).map((x) => x.k), right: right.slice(0, 2).map((x) => x.k) };
}

export function prepareQuestion(q: QuestionAnalysis, ctx: FeatureContext): PreparedQuestion {
  const keywords = buildKeywords(
    q.keywords,
    q.tokens,
    (k) => Math.max(0.5, ctx.idf(k)) * (q.quoted.includes(k) ? 2 : 1) * (ctx.isFocus(k) ? 0.3 : 1),
    { quoted: q.quoted, titles: q.roles },
  );
  const content = keywords.map((k) => !ctx.isFocus(k.term));
  const matched = withoutAsking(q);
  const chars = new Set([...matched].filter((c) => isWordChar(c) && !QUESTION_WORDS.test(c) && !STOPWORDS.has(c)));
  return {
    q,
    keywords,
    content,
    totalWeight: keywords.reduce((a, k) => a + k.weight, 0) || 1,
    contentWeight: keywords.reduce((a, k, n) => a + (content[n] ? k.weight : 0), 0),
    maxIdf: Math.max(1, ...keywords.map((k) => ctx.idf(k.term))),
    bigrams: bigramsOf(matched),
    chars,
    typeIndex: QUESTION_TYPES.indexOf(q.type as QuestionType),
    ...slotContext(q.folded, keywords),
  };
}
