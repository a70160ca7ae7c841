/**
 * @module english-question-kind: what an English question asks for (how many → a number, who → a person, when → a
 * date, which … → a list), as the Chinese question words the answer stage reads (多少, 谁, 什么时候, 哪些).
 */
import type { Piece } from './english-words.js';

export type EnglishKind = 'number' | 'percent' | 'person' | 'year' | 'date' | 'place' | 'list' | 'which' | 'why' | 'how' | 'yesno' | 'what';

const CHINESE_NUMERALS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The question's words in lower case, joined by single spaces, for phrase tests. */
const textOf = (pieces: Piece[]) => ` ${pieces.filter((p) => p.kind === 'word' || p.kind === 'number').map((p) => p.norm).join(' ')} `;

/** Nouns for people a which- or name-question asks for (which official, the full name of the county head). */
const PEOPLE = 'person|official|leader|cadre|secretary|mayor|head|reporter|journalist|author|editor|director|chairman|governor|magistrate';
/**
 * Up to two words before that noun (which Hengshui official), none of them an auxiliary or an article: which county did
 * Secretary Li visit asks for a place.
 */
const BEFORE_PEOPLE = '(?:(?!(?:do|does|did|is|are|was|were|will|would|has|have|had|can|could|the|a|an|of)\\b)[a-z-]+ ){0,2}?';

/** Nouns of a measured quantity, wherever a what-question names them. */
const MEASURED = 'gdp|output|capacity|budget|cost|price|length|distance|height|volume|quantity';
/**
 * The measures a what-question asks for after a form of be (what was District X's per capita GDP): also nouns that may
 * start a compound (income sources), which a form of be rules out.
 */
const MEASURES = `${MEASURED}|revenue|income|population|area`;
/** The words right after what (or what is the) that ask for a figure: the measures but those compound starters. */
const MEASURE_HEADS = `total|number|amount|value|size|sum|figure|scale|investment|count|${MEASURED}`;
/** An auxiliary after a measure and the words that qualify it (what annual coal output is…), not a verb (what boosted output). */
const AUXILIARY_AFTER = '(?= (?:is|was|are|were|will|would|does|did|do|has|have|had|can|could|should) )';

/** Nouns for a place in a ranking (what position, what ranking). */
const RANK_NOUNS = 'place|position|rank|ranking';
/** Verbs of a place in a ranking (ranked, placed, came); not take place, where an event is. */
const RANK_VERBS = 'rank|ranks|ranked|ranking|(?<!(?:take|takes|taken|took|taking) )place|placed|places|finish|finished|stand|stands|stood|come|comes|came';
/** Verbs a place asked for by its noun is held by (what rank did it hold, what place did it take). */
const HELD_VERBS = 'hold|holds|held|take|takes|took|occupy|occupies|occupied';
/**
 * Where or in what place something ranks, placed or came (where did District X rank among…, what place did it come
 * in), or what rank it held: a place in a ranking, which the Chinese asks as 第几; not where a thing comes from, nor
 * where a meeting was held or took place.
 */
const RANKED = new RegExp(
  ` (?:where (?:[a-z0-9'-]+ ){1,10}?(?:${RANK_VERBS})|what (?:${RANK_NOUNS}) (?:[a-z0-9'-]+ ){1,10}?(?:${RANK_VERBS}|${HELD_VERBS}))\\b(?! (?:from|to|up|out|back)\\b)`,
);

/** Nouns a when-question asks with after by what (by what point, stage, time): said by the question words. */
export const BY_WHAT: ReadonlySet<string> = new Set(['point', 'stage', 'time']);

/** How the Chinese asks for a place in a ranking. */
export const RANK_ASKED = '第几';

/** Words that pick a date out of several (the last day, the exact date). */
const DATE_ADJECTIVES = 'last|first|final|exact|opening|closing';

/** The auxiliary or form of be right after a question's first word (when was, where will). */
const LEADING_VERB = '(?:is|are|was|were|will|would|do|does|did|has|have|had|can|could|should|shall|must|might|may)\\b';

const RULES: [EnglishKind, RegExp][] = [
  ['number', RANKED],
  // A question led by when or where and its verb asks that, whatever a relative clause in it says (when was the
  // conference, the one whose results…, held); not a clause that sets the scene (when courting investors, …).
  ['date', new RegExp(`^ when ${LEADING_VERB}`)],
  ['place', new RegExp(`^ where ${LEADING_VERB}`)],
  ['percent', / (?:what|which) (?:percentage|percent|proportion|share|rate)\b| how (?:large|big|high|great|much) (?:a |of a )?(?:percentage|proportion|share)\b| how many percent | what per cent /],
  ['number', new RegExp(` how (?:much|many|large|big|high|long|far|fast)\\b| what (?:is|was|were|are|will be) (?:[a-z-]+ ){0,5}?(?:${MEASURES})\\b| what (?:is |was |were |are |will be )?(?:the |its |their )?(?:annual |yearly |combined |overall |planned |expected |new )?(?:${MEASURE_HEADS})\\b| what (?:[a-z-]+ ){0,2}?(?:${MEASURES})${AUXILIARY_AFTER}| what (?:level|${RANK_NOUNS})\\b`)],
  ['person', new RegExp(` who(?:m|se)? | which ${BEFORE_PEOPLE}(?:${PEOPLE})s?\\b| what (?:is )?(?:the )?(?:full )?name of (?:the )?${BEFORE_PEOPLE}(?:${PEOPLE})\\b| what (?:is|was) (?:his|her) (?:full )?name\\b`)],
  // Not a year-end target (年底), a compound the hyphen makes of the year.
  ['year', / (?:what|which|in what|in which) year\b(?!-)/],
  ['date', new RegExp(`^ (?:[a-z0-9]+ ){0,3}?when | (?:what|which) (?:is |was |will be )?(?:the )?(?:(?:${DATE_ADJECTIVES}) (?=\\w+ (?:of|for|to|when|that)\\b))?(?:date|day|month|time)s?\\b| by when | by what (?:${[...BY_WHAT].join('|')})\\b| date $`)],
  ['place', / where | (?:what|which) (?:place|places|county|city|town|township|province|region|area|areas|village)\b/],
  ['why', / why /],
  // A plural after which or what, not a singular in -ss, -us or -is (what status, which basis), nor a verb after a
  // singular (what format was the meeting held in).
  ['list', / (?:which|what) (?!is |was |does |has |are |were )(?:[a-z]+ ){0,2}?(?!(?:was|has|does|goes|its) )[a-z]+[^s'ui]s | what (?:are|were) | list | name the /],
  ['which', / which /],
  ['how', / how /],
  ['yesno', /^ (?:is|are|does|do|did|was|were|will|can|has|have) /],
];

/**
 * A question that asks for a sum of money: how much money (its money no search word: see translate-question), how
 * much … cost, spend, pay, invest, raise; the cost, price or budget of.
 */
const MONEY = / how much money | how much (?:[a-z0-9]+ )*?(?:cost|costs|spend|spends|spent|pay|pays|paid|invest|invests|invested|raise|raises|raised|earn|earns|earned|worth)\b| (?:cost|costs|price|budget) (?:of|for) /;

/** Adjectives a how-question asks a figure with (how long, how large): the question's kind, not a search word. */
export const HOW_ADJECTIVES: ReadonlySet<string> = new Set(['long', 'large', 'big', 'high', 'far', 'fast', 'old', 'often', 'tall', 'wide', 'deep', 'heavy', 'small', 'low']);

/** How long, far, wide, deep or large, as the Chinese asks it; how long of time (how long did it take) is 多久. */
const HOW_MEASURE: [RegExp, string][] = [
  [/ how long (?!(?:[a-z]+ )*?(?:take|takes|took|last|lasts|lasted|stay|stayed|wait|waited|ago|since)\b)/, '多长'],
  [/ how long /, '多久'],
  [/ how far /, '多远'],
  [/ how wide /, '多宽'],
  [/ how deep /, '多深'],
  [/ how (?:large|big) /, '多大'],
];

/** Spans of time a how-many question counts, and how the Chinese asks them (over how many years: 多少年, not 多少个). */
export const SPAN_ASKS: Readonly<Record<string, string>> = { years: '多少年', months: '多少个月', weeks: '多少周', days: '多少天' };

/**
 * What a number question that names no unit asks for, as the Chinese asks it: how long, far or large (多长, 多久, 多远,
 * 多大); things counted (how many projects: 多少个, not the sum they are worth); a sum of money (how much will it cost:
 * 多少元, and the answer's figure in 元); else nothing.
 */
export function unitlessAsk(pieces: Piece[]): { asks: string; unit?: '元' } | undefined {
  const text = textOf(pieces);
  if (RANKED.test(text)) return { asks: RANK_ASKED };
  const how = HOW_MEASURE.find(([re]) => re.test(text))?.[1];
  if (how) return { asks: how };
  const span = text.match(/ how many ([a-z]+) /)?.[1];
  if (span && SPAN_ASKS[span]) return { asks: SPAN_ASKS[span] };
  if (/ how many /.test(text)) return { asks: '多少个' };
  return MONEY.test(text) ? { asks: '多少元', unit: '元' } : undefined;
}

/** A question for a day: what date, which day, what was the exact date, the last day of…; a search for a date. */
const ASKS_DAY = new RegExp(` (?:what|which) (?:is |was |will be )?(?:the )?(?:(?:${DATE_ADJECTIVES}) )?(?:date|day)s?\\b(?!-)| date $`);

/**
 * How a when-question asks for a day (what date, which day, on what day) or a month (in which month), as the Chinese
 * asks it (哪一天, 哪个月: the answer stage then takes only a day, or a month, for an answer); else nothing (什么时候).
 */
export function dateAsk(pieces: Piece[]): string | undefined {
  const text = textOf(pieces);
  if (ASKS_DAY.test(text)) return '哪一天';
  if (/ (?:what|which) months?\b/.test(text)) return '哪个月';
  return undefined;
}

/** The kind of answer an English question asks for. */
export function englishKind(pieces: Piece[]): EnglishKind {
  const text = textOf(pieces);
  for (const [kind, re] of RULES) if (re.test(text)) return kind;
  return 'what';
}

/**
 * The Chinese question words for a kind, as the answer stage reads a Chinese question: 多少 with the unit asked for
 * (多少亩), 哪四 for a list of four.
 */
export function chineseQuestionWords(kind: EnglishKind, unit?: string, count?: number): string {
  switch (kind) {
    case 'percent':
      return '百分之多少';
    case 'number':
      return unit && unit !== '%' ? `多少${unit}` : unit === '%' ? '百分之多少' : '多少';
    case 'person':
      return '是谁';
    case 'year':
      return '哪一年';
    case 'date':
      return '什么时候';
    case 'place':
      return '哪里';
    case 'list':
      return count && count <= 10 ? `哪${CHINESE_NUMERALS[count]}个` : '哪些';
    case 'which':
      return count && count > 1 && count <= 10 ? `哪${CHINESE_NUMERALS[count]}个` : '哪个';
    case 'why':
      return '为什么';
    case 'how':
      return '如何';
    case 'yesno':
      return '是否';
    default:
      return count && count > 1 && count <= 10 ? `哪${CHINESE_NUMERALS[count]}个` : '是什么';
  }
}
