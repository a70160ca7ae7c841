/** @module analyze-question: what kind of answer a question wants and which words must be matched. */
import type { Tokenizer } from '../ports.js';
import { foldText } from '../normalize/fold-text.js';
import { DEICTIC, PRESSING, QUESTION_WORDS, STOPWORDS } from '../normalize/stopwords.js';
import { DATE_WORD, DAY_NUMBER, WHICH_DAY } from './time-words.js';
import { parseChineseNumeral } from '../normalize/chinese-numerals.js';

export type AnswerKind = 'number' | 'person' | 'date' | 'list' | 'place' | 'fact';

/** What the question word asks for, finer than AnswerKind: the answer model weighs answer shapes per type. */
export const QUESTION_TYPES = ['number', 'year', 'date', 'person', 'place', 'list', 'what', 'why', 'how', 'yesno', 'other'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionAnalysis {
  question: string;
  folded: string;
  kind: AnswerKind;
  type: QuestionType;
  /** Search tokens (BM25): the question's words without those that point at the moment of asking. */
  tokens: string[];
  /** Words that only ask (名字 in 叫什么名字, 具体, 到底): no search term or keyword, and no pair of characters to match. */
  asking: string[];
  /** Every word of the question as the tokenizer cuts it (name correction keeps a name from being read across one). */
  words: string[];
  /** Content words the answering sentence should contain, longest first, without overlaps. */
  keywords: string[];
  /** Measure word a number answer should carry (个, 家, 万亩, %). */
  unit?: string;
  /** How many items a list answer should have (哪三大 → 3), when the question says. */
  count?: number;
  /** Terms the question puts in quotes (“三扩大”). */
  quoted: string[];
  /** Place names the question mentions. */
  places: string[];
  /** The list asks for places (哪些地方). */
  wantsPlaces: boolean;
  /** The noun a 什么-question asks about (什么机制 → 机制). */
  whatNoun?: string;
  /** Official titles the question names (县长, 市委书记): a 谁-answer has one of them next to a name. */
  roles: string[];
  /** It asks who wrote or reported (是谁写的, 作者, 哪位记者): a byline's names answer it, as they answer no other. */
  asksWriter: boolean;
  /**
   * The question as asked names a text its Chinese loses (an English question's article or report: see
   * translate-question); set by the engine, never read from the Chinese.
   */
  namesText?: boolean;
}

/** Words that ask who wrote or reported a text (是谁写的, 作者是谁, 撰稿, 记者是谁), not 接受记者采访. */
export const ASKS_WRITER = /谁写|写的|作者|撰写|撰稿|执笔|署名|记者(?!采访)|通讯员|编辑|责编|谁之手|出自谁/;

/** Official titles, longest first so that 县委书记 wins over 书记. */
export const ROLES =
  /([县市区省]委副书记|[县市区省]委书记|纪委书记|政法委书记|组织部长|宣传部长|统战部长|常务副[县市区省]长|副[县市区省]长|书记|县长|市长|区长|省长|州长|镇长|乡长|村长|主任|主席|局长|部长|厅长|处长|董事长|总经理|校长|院长|记者|作者|主持人)/g;

const KIND_PATTERNS: [AnswerKind, RegExp][] = [
  // Not 23日期间 (a span of days) nor 几号线 (a line's number): see time-words.
  ['date', new RegExp(`何时|什么时候|${WHICH_DAY}|几月几[日号]|哪年|哪一年|什么时间|哪个月|${DATE_WORD}|${DAY_NUMBER}`)],
  ['person', /谁|哪位|何人|什么人|哪个人|姓名|叫(?:什么|啥)名字/],
  ['list', /哪些|哪几|哪[一二两三四五六七八九十\d]+|包括什么|包括哪|有什么|分别是|指的是什么|指什么|什么是|内容是什么|是哪/],
  ['number', /多少|几[个项家名位次年月天万千百亿种条件批所座人倍]?|多大|多高|多长|多重|多快|比例|百分之几|增长率|贡献率|占比/],
  ['place', /哪里|在哪|何地|什么地方|哪个地方/],
];

const TYPE_PATTERNS: [QuestionType, RegExp][] = [
  ['year', /哪[一]?年|何年|几几年|什么年代|哪个年代/],
  ['date', new RegExp(`何时|什么时候|${WHICH_DAY}|几月|几日|${DAY_NUMBER}|什么时间|哪个月|${DATE_WORD}|多久|多长时间`)],
  ['why', /为什么|为何|原因|何故|怎么会/],
  ['person', /谁|哪位|何人|什么人|哪个人|姓名|叫(?:什么|啥)名字/],
  ['place', /哪里|哪儿|在哪|何地|何处|什么地方|哪个地方|哪[个一]?(?:国|省|市|县|城市|地区|国家)/],
  ['number', /多少|几[个项家名位次年月天万千百亿种条件批所座人倍岁]|多大|多高|多长|多重|多快|多远|多深|多宽|比例|百分之几|增长率|占比|第几/],
  ['list', /哪些|哪几|哪[一二两三四五六七八九十\d]+|包括什么|包括哪|分别是/],
  ['how', /如何|怎么|怎样|什么方式|什么办法|什么方法/],
  ['yesno', /是否|是不是|有没有|能否|可否|吗$|吗[?？]?$/],
  ['what', /什么|何|哪/],
];

/** The question type: the first pattern that matches, in the order above (哪一年 is a year before it is a 哪). */
function questionType(folded: string): QuestionType {
  for (const [t, re] of TYPE_PATTERNS) if (re.test(folded)) return t;
  return 'other';
}

const UNIT = /(?:多少|几)(万亩|万元|亿元|万人|万吨|平方公里|公里|个|项|家|名|位|人|次|件|条|所|座|批|种|亩|元|吨|户|台|辆|倍|年|天)/;
const RATE = /率|比例|百分|占比/;

/** Longest-first keyword list with no keyword contained in a longer one. */
function distinctKeywords(tokens: string[]): string[] {
  const sorted = [...new Set(tokens)].sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (const t of sorted) if (!out.some((o) => o.includes(t))) out.push(t);
  return out;
}

/**
 * A title followed by 叫什么 or 叫啥 asks for a person's name (县委书记叫什么, 何县长,全名叫什么, 县长的全名是什么), as
 * 这个项目叫什么 does not.
 */
const TITLE_NAMED = new RegExp(`${ROLES.source}(?:的)?,?(?:(?:名字|全名|姓名)(?:叫|是)|叫)(?:什么|啥)`);

/**
 * 名字 and 姓名 in 叫什么名字, 名字是什么 or 姓名 only ask for a name, as 谁 does: the answer says the name, not the word
 * (县长张赤峰 answers 县长叫什么名字), so they are no keyword to match and no term to search for. 名字的由来 keeps it.
 */
const ASKS_NAME = /(?<=什么|啥)(?:名字|姓名)|(?:名字|姓名)(?=(?:叫|是)(?:什么|啥|谁))|姓名(?=[?？。]|$)/;

/** The kind of answer a folded question asks for, by its question words (a list of a slogan's items aside). */
export function answerKind(folded: string): AnswerKind {
  if (TITLE_NAMED.test(folded)) return 'person';
  return KIND_PATTERNS.find(([, re]) => re.test(folded))?.[0] ?? 'fact';
}

export function analyzeQuestion(question: string, tokenizer: Tokenizer): QuestionAnalysis {
  const folded = foldText(question.trim());
  const asksName = TITLE_NAMED.test(folded);
  let kind = answerKind(folded);

  const quoted = [...folded.matchAll(/"([^"]{1,20})"/g)].map((m) => m[1]);
  // “三扩大”是什么 asks for the three things a numbered slogan stands for.
  const sloganCount = quoted.map((q) => q.match(/^([一二两三四五六七八九十])/)?.[1]).find(Boolean);
  if (sloganCount && kind === 'fact') kind = 'list';
  const numeral = folded.match(/哪([一二两三四五六七八九十\d]+)/)?.[1] ?? sloganCount;
  const count = numeral ? Number(numeral) || parseChineseNumeral(numeral) : undefined;
  const unit = RATE.test(folded) && kind === 'number' ? '%' : folded.match(UNIT)?.[1];
  let type = asksName ? 'person' : questionType(folded);
  // …and, when it stands for two things or more, its type says so: the window's shapes are scored as a list's, not as
  // any “what”'s (“三强”目标是什么 wants 强产争先、强城争优、强村争效).
  if (sloganCount && sloganCount !== '一' && type === 'what') type = 'list';

  const words = tokenizer.tokenize(folded);
  // Search for the topic: a word pointing at the moment of asking would find any sentence that holds it.
  const nameWord = ASKS_NAME.exec(folded)?.[0];
  const asking = [...new Set(words.filter((t) => PRESSING.has(t) || t === nameWord))];
  const tokens = words.filter((t) => !DEICTIC.has(t) && !asking.includes(t));
  // 衡水市长 is 衡水 + 市长, whatever the word segmenter thinks (衡水市 + 长是): titles are cut out first.
  const roleSpans = [...folded.matchAll(ROLES)].map((m) => ({ role: m[0], start: m.index!, end: m.index! + m[0].length }));
  const crossesRole = (t: string) => {
    const at = folded.indexOf(t);
    return at >= 0 && roleSpans.some((r) => at < r.end && at + t.length > r.start && !(at <= r.start && at + t.length >= r.end));
  };
  const keywords = distinctKeywords([
    ...roleSpans.map((r) => r.role),
    ...tokens.filter((t) => !STOPWORDS.has(t) && !QUESTION_WORDS.test(t) && (t.length > 1 || /\d/.test(t)) && !crossesRole(t)),
  ]);
  for (const q of quoted) if (!keywords.includes(q)) keywords.unshift(q);
  const wantsPlaces = /地方|哪里|城市|地区/.test(folded);
  // 哪些地方 only says the answer is places; the word itself need not appear.
  if (wantsPlaces) for (const w of ['地方', '城市', '地区']) if (keywords.includes(w)) keywords.splice(keywords.indexOf(w), 1);
  const places = [...new Set(tokenizer.places(folded))];
  return {
    question,
    folded,
    kind,
    type,
    tokens,
    asking,
    words,
    keywords,
    unit,
    count,
    quoted,
    places,
    wantsPlaces,
    roles: roleSpans.map((r) => r.role),
    asksWriter: ASKS_WRITER.test(folded),
    whatNoun: nameWord ? undefined : folded.match(/什么([\u4e00-\u9fa5]{1,4}?)(?:[?？。]|$)/)?.[1],
  };
}
