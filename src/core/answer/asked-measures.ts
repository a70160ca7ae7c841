/**
 * @module asked-measures: the measure a figure question asks for, and whether an answer states a figure in it. A
 * question about money (总投资是多少, 收入是多少元) is not answered by a passage that gives no sum of money, however well
 * it names the project; nor is 占地多少亩 by one that gives no area, 哪一年召开的 by one that names no year, nor 增长了
 * 百分之几 by one that gives no share. All text is folded (simplified, lower case).
 */
import { NUM } from './answer-types.js';

export type Measure = 'money' | 'area' | 'length' | 'weight' | 'volume' | 'power' | 'people' | 'year' | 'percent';

/** A figure: digits (2,790,060 too) or Chinese numerals, then 余 or 多, then a myriad, before a unit. */
const FIGURE = `(?:\\d{1,3}(?:,\\d{3})+|${NUM})\\s*(?:余|多)?\\s*(?:万|亿|千|百)?\\s*(?:余|多)?\\s*`;

/** A question about the year (哪一年, 何年, 几几年). */
const ASKS_YEAR = /哪一?年|何年|几几年|哪个年份|什么年份/;
/**
 * A year, in digits or Chinese numerals (2022年, 嘉靖九年, 一九八五年; four digits alone, not four of a longer number
 * such as the 13710 of a system's name), a decade or century, or a year named from another (次年, 同年, 今年).
 */
const YEAR = /\d{2,4}\s*年|(?<!\d)\d{4}(?!\d)|[〇零一二两三四五六七八九十百]{1,4}\s*年|年代|世纪|[次同翌去今明前当元初]年/;

/** A question that asks for a percentage in words (百分之多少, 百分之几, 多少个百分点, 百分比是多少). */
const ASKS_PERCENT = /百分之(?:多少|几)|(?:多少|几)\s*(?:%|个?百分点)|百分比(?:是|为)?(?:多少|几)/;
/** A share: a percentage, 百分之…, percentage points, or tenths (三成). */
const PERCENT = /\d\s*%|百分之|百分点|[0-9一二两三四五六七八九]\s*成(?![为立员功长果])/;

/**
 * People a count can name instead of 人 (多少群众, 几名学生): the figure is a number of people. Not 农户 or 家庭, which
 * count households.
 */
const PEOPLE = '群众|村民|居民|市民|游客|旅客|乘客|观众|学生|职工|员工|工人|农民|干部|党员|教师|医生|患者|儿童|选手|球员|士兵|人员';

/**
 * Words for money in general: what something costs, a project's investment, funds, which an answer states as a sum
 * (10亿元以上项目) without the word.
 */
const MONEY_IN_GENERAL = '投资|资金|基金(?!会)|资本|金额|经费|成本|费用|价格|售价|造价|价值|多少钱|花费|开支|支出';
/** Words for the money of a thing (生产总值, 收入, 利润), which an answer names with its sum (see asked-attributes). */
const MONEY_OF_A_THING = '收入|产值|总值|gdp|营收|营业额|利润|税收|预算|估值|市值|票房|融资|奖金|工资|薪|资产|存款|贷款|债务|补贴|捐款|捐赠|赔偿|罚款|募款|筹款';
const MONEY_ASKS = new RegExp(`${MONEY_IN_GENERAL}|${MONEY_OF_A_THING}`, 'g');
const THING_WORD = new RegExp(`^(?:${MONEY_OF_A_THING})$`);

interface MeasureRule {
  measure: Measure;
  /** Attribute words that ask for this measure when the question names no unit (人口 for people, none for a year). */
  asks?: RegExp;
  /** Units the question can name after 多少 or 几, as a regular expression's alternatives (none for a year). */
  units?: string;
  /** A figure in this measure. */
  stated: RegExp;
}

const MEASURES: MeasureRule[] = [
  {
    measure: 'money',
    asks: new RegExp(MONEY_ASKS.source),
    units: '万元|亿元|元|美元|块钱|钱',
    // 63美元, 30亿越南盾; 注册资本5000万, 斥资77亿: a myriad with no word after it is a sum of money.
    stated: new RegExp(`${FIGURE}[\\u4e00-\\u9fa5]{0,2}?(?:元|圆|镑|美金|法郎|卢布|里拉|马克|比索|卢比|盾)|\\d\\s*(?:万|亿)(?![\\u4e00-\\u9fa5])|[$¥￥]\\s*\\d`),
  },
  {
    measure: 'area',
    asks: /面积|占地/,
    units: '万亩|亩|平方公里|平方米|平方|公顷|英亩',
    stated: new RegExp(`${FIGURE}(?:平方|亩|英亩|公顷|km2|km²|㎡|m²)`),
  },
  {
    measure: 'length',
    asks: /长度|全长|多长|距离|多远|宽度|多宽|深度|多深|高度|多高|海拔|身高|直径|半径|周长|里程|射程|体长|跨度|水深|落差/,
    units: '公里|千米|米|厘米|毫米|公尺|公分|英尺|英里|英寸|海里',
    stated: new RegExp(`${FIGURE}(?:米|公里|千米|厘米|毫米|公尺|公分|英尺|英里|英寸|呎|吋|海里|里|km|cm|mm|m(?![a-z]))`),
  },
  {
    measure: 'weight',
    asks: /体重|重量|多重|吨位|排水量|载重/,
    units: '万吨|吨|公斤|千克|斤|克|磅',
    stated: new RegExp(`${FIGURE}(?:吨|斤|公斤|千克|克|磅|盎司|kg|t(?![a-z]))`),
  },
  {
    // 多少立方米, 库容多大: not 多少方面 or 几方, a number of sides.
    measure: 'volume',
    asks: /体积|容积|库容|蓄水量/,
    units: '(?:万|亿)?(?:立方|升|毫升|公升)',
    stated: new RegExp(`${FIGURE}(?:立方|方(?![面式法案向针位便])|升|毫升|公升|m3|m³)`),
  },
  { measure: 'power', asks: /装机|功率/, units: '千瓦|兆瓦|万千瓦|瓦', stated: new RegExp(`${FIGURE}(?:瓦|千瓦|兆瓦|kw|mw|gw|马力)`) },
  {
    // 多少人遇难, 几名, 多少群众受灾, 多少人口: a population is stated as 27.6万人, 5万观众, 人口达2,790,060 or 员工约1.2万.
    measure: 'people',
    asks: /人口/,
    units: `个?(?:人|${PEOPLE})|名|位`,
    stated: new RegExp(`${FIGURE}(?:人|名|位|口|${PEOPLE})|(?:人口|人数|${PEOPLE})[^,;。]{0,6}?\\d`),
  },
  // Asked by its own question words (ASKS_YEAR, ASKS_PERCENT).
  { measure: 'year', stated: YEAR },
  { measure: 'percent', stated: PERCENT },
];
/** Each measure's units, right at the start of a text (what follows 多少 or 几). */
const NAMED = new Map(MEASURES.flatMap((r) => (r.units === undefined ? [] : [[r.measure, new RegExp(`^(?:${r.units})`)] as const])));

/**
 * Questions whose figure need not be an amount of the attribute: a time (多长时间), a rank (第几), a multiple or a share
 * (多少倍, 有多少的…来自, 比例), or a change (增长多少), which a percentage answers as well as a sum.
 */
const NOT_AN_AMOUNT = /时间|多久|第几|排名|倍|多少的|比例|比重|百分|占比|率|增长|增速|增幅|涨幅|降幅|下降|提高|降低|上升|增加|减少|翻|相当于|幅度/;

/** 多少 or 几, before the unit or measure word the question names. */
const AFTER_HOW_MUCH = /(?:多少|几)/g;
/** Measure words that count things (个, 项, 家…), as a regular expression's alternatives. */
export const COUNTERS = '个|项|家|名|位|人|次|件|条|所|座|批|种|户|台|辆|只|头|套|栋|处|株|棵|艘|架|部|本|篇|场|届|期|轮|例|块|张|份|门|层';
/** A measure word that counts things or times (多少个项目, 每几年): the figure is a count, not an amount. */
const COUNTED = new RegExp(`^(?:${COUNTERS}|倍|年|天|月|日|岁|成|分|号)`);
/** 前 or 第 right before 多少 or 几: the figure asked for is a place in a ranking (前多少名, 第几位). */
const RANK_BEFORE = /[前第]$/;
/** How much, how big, high, long… (多少, 几, 多大, 多高), but not 几乎, nor 许多 or 很多 before an adjective. */
const HOW = /多少|几(?!乎)|(?<![许很太最更好])多(?:大|高|长|重|远|深|宽)/;

/**
 * The measure a figure question asks for: the unit it names (多少亩), else the one its attribute implies (总投资), a
 * year or a percentage.
 */
export function askedMeasure(question: string): Measure | undefined {
  if (ASKS_YEAR.test(question)) return 'year';
  if (ASKS_PERCENT.test(question)) return 'percent';
  for (const m of question.matchAll(AFTER_HOW_MUCH)) {
    // 前多少名, 第几位: a rank, which 三十强 or 第3 states, not a number of people.
    if (RANK_BEFORE.test(question.slice(0, m.index))) return undefined;
    const after = question.slice(m.index! + m[0].length);
    const named = MEASURES.find((r) => NAMED.get(r.measure)?.test(after));
    if (named) return named.measure;
    if (COUNTED.test(after)) return undefined;
  }
  if (!HOW.test(question) || NOT_AN_AMOUNT.test(question)) return undefined;
  return MEASURES.find((r) => r.asks?.test(question))?.measure;
}

/**
 * The words of a question that ask for the measure: its attribute words (总投资, 装机) and 多少 or 几 with a unit it
 * names (多少兆瓦), which say what is asked, not what of.
 */
export function askingWords(measure: Measure): RegExp | undefined {
  const rule = MEASURES.find((r) => r.measure === measure)!;
  const named = rule.units && `(?:多少|几)(?:${rule.units})`;
  const words = [rule.asks?.source, named].filter((w): w is string => w !== undefined);
  return words.length ? new RegExp(words.join('|')) : undefined;
}

/**
 * The words of a money question that name the thing whose money it asks about (生产总值 → 总值; 收入), in order; not
 * those for money in general (投资, 资金). Read as the measure reads them: 投资产业 names 投资, not 资产.
 */
export function moneyThings(question: string): string[] {
  return [...question.matchAll(MONEY_ASKS)].map((m) => m[0]).filter((w) => THING_WORD.test(w));
}

/** The answer states a figure in the measure. */
export function statesMeasure(measure: Measure, answer: string): boolean {
  return MEASURES.find((r) => r.measure === measure)!.stated.test(answer);
}

/** The measure the question asks for (`askedMeasure`), when the answer states no figure in it (else undefined). */
export function missingMeasure(question: string, answer: string, measure = askedMeasure(question)): Measure | undefined {
  return measure && !statesMeasure(measure, answer) ? measure : undefined;
}
