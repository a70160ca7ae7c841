/**
 * @module answer-shapes: the shapes an answer may have (a quantity, a year, a title and name, a place, a list, a
 * cause…), tested on a candidate window and crossed with the question type by the answer model.
 */
import type { PreparedQuestion } from './prepare-question.js';

/** Answer shapes, each tested on a window and crossed with the question type. */
const NUM = /\d/;
const QUANTITY = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿|千|百)?\s*(?:%|个|项|家|名|位|人|次|件|条|所|座|批|种|亩|元|吨|户|台|辆|倍|年|天|公里|米|平方|千瓦|兆瓦|万|亿|岁|届|场|部|本|首|集|张|公斤|克|英尺|英里|美元|港元|日元|欧元|小时|分钟|秒)/;
const YEAR = /\d{3,4}\s*年|[一二三四五六七八九〇零]{4}年/;
const MONTH_DAY = /\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const PERIOD = /世纪|年代|时期|朝|期间|初|末|之后|以前|之前|以后/;
/** Titles by which a text names someone; 同志 after a name (黄继龙同志), not 同志们, the audience a speech addresses. */
const OFFICE_TITLES = '书记|县长|市长|区长|省长|主任|主席|局长|部长|总统|总理|国王|皇帝|教授|导演|作家|编剧|演员|歌手|教练|队长|创始人|董事长|总经理|校长|院长|主持人?|同志(?!们)';
const TITLE_NAME = new RegExp(`(${OFFICE_TITLES}|记者|作者)`);
/** TITLE_NAME but a byline's (记者, 作者), for a question that does not ask who wrote or reported. */
const OFFICE_TITLE = new RegExp(`(${OFFICE_TITLES})`);
const NAME_DOT = /[\u4e00-\u9fff][·•][\u4e00-\u9fff]/;
const LATIN = /[a-z]{2,}/;
const QUOTED = /"[^"]{1,16}"|《[^》]{1,20}》/;
const DEFINITION = /即|就是|是指|指的是|称为|又称|简称|被称|定位|意为|意思/;
const CHINESE_COUNT = /(?:[二两三四五六七八九十百千]|[一二两三四五六七八九][十百千])[一二三四五六七八九十百千]*(?:个|项|家|名|位|次|件|条|所|座|批|种|方面|大)/;
const CAUSE = /因为|由于|因此|所以|为了|原因|导致|以便|从而/;
const MANNER = /通过|采用|利用|借助|以|方式|方法|办法/;
const NEGATION = /不|没有|未|无|非/;
const LOCATED = /位于|坐落|地处|设在|设于|在.{1,12}(?:境内|以东|以西|以南|以北|附近|一带)/;

/** The shape patterns tested on windows; none is anchored, so a match in a window is a match in its passage. */
export const SHAPE_PATTERNS = { NUM, QUANTITY, YEAR, MONTH_DAY, PERIOD, TITLE_NAME, NAME_DOT, LATIN, QUOTED, DEFINITION, CHINESE_COUNT, CAUSE, MANNER, NEGATION, LOCATED };
export type ShapePattern = keyof typeof SHAPE_PATTERNS;

export const SHAPES = ['number', 'quantity', 'unit', 'year', 'monthday', 'period', 'title', 'name_dot', 'place', 'list', 'quoted', 'latin', 'definition', 'count', 'cause', 'manner', 'negation', 'located'] as const;

/** Whether `folded` has the shape, tested only when its passage has it at all (a module-level function: it runs for every window). */
function hasShape(present: Record<ShapePattern, boolean>, name: ShapePattern, folded: string): boolean {
  return present[name] && SHAPE_PATTERNS[name].test(folded);
}

/** The parts of `text` between its 、 (1 without any), counted without making them: this runs for every window. */
export function enumeratedParts(text: string): number {
  let n = 1;
  for (let i = text.indexOf('、'); i >= 0; i = text.indexOf('、', i + 1)) n++;
  return n;
}

/**
 * Which answer shapes the window `folded` has, in `SHAPES` order (`places`: the place names in it; `present`: the
 * shapes its passage has at all).
 */
export function shapeScores(p: PreparedQuestion, folded: string, places: string[], present: Record<ShapePattern, boolean>): number[] {
  const q = p.q;
  const number = hasShape(present, 'NUM', folded);
  const unit = q.unit && folded.includes(q.unit) && number ? 1 : 0;
  const items = enumeratedParts(folded);
  const quoted = present.QUOTED ? QUOTED.exec(folded) : null;
  const title = present.TITLE_NAME ? (q.asksWriter ? TITLE_NAME : OFFICE_TITLE).exec(folded) : null;
  return [
    number ? 1 : 0,
    hasShape(present, 'QUANTITY', folded) ? 1 : 0,
    unit,
    hasShape(present, 'YEAR', folded) ? 1 : 0,
    hasShape(present, 'MONTH_DAY', folded) ? 1 : 0,
    hasShape(present, 'PERIOD', folded) ? 1 : 0,
    title && !p.q.folded.includes(title[0]) ? 1 : 0,
    hasShape(present, 'NAME_DOT', folded) ? 1 : 0,
    places.some((pl) => !q.folded.includes(pl)) ? 1 : 0,
    items >= 3 ? 1 : items === 2 ? 0.5 : 0,
    quoted && !q.folded.includes(quoted[0].slice(1, -1)) ? 1 : 0,
    hasShape(present, 'LATIN', folded) ? 1 : 0,
    hasShape(present, 'DEFINITION', folded) ? 1 : 0,
    hasShape(present, 'CHINESE_COUNT', folded) ? 1 : 0,
    hasShape(present, 'CAUSE', folded) ? 1 : 0,
    hasShape(present, 'MANNER', folded) ? 1 : 0,
    hasShape(present, 'NEGATION', folded) ? 1 : 0,
    hasShape(present, 'LOCATED', folded) ? 1 : 0,
  ];
}
