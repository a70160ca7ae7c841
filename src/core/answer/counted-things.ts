/**
 * @module counted-things: a question that counts things it names (多少个先进集体, 几起抢劫案, 多少间房屋) is not answered by
 * a passage that states no number beside them: one that counts other things (2000余名党员干部, 5起杀人案) or names them
 * uncounted (群众房屋…损毁严重). Any two characters in a row of the words after the measure word, or the last before
 * where they may end (the things themselves: 改造提升重点村要成为… → 村), in one clause with a count, are enough:
 * 多少起火灾事故 is left to the model beside 405起各类交通事故, 几起命案 beside 5起杀人案. People, households and times
 * (多少人参加, 几户, 几次) are followed by a verb or a description, not by the things, and are not read; nor is a question
 * that asks two counts, either of which the answer may give. All text is folded.
 */
import { COUNTERS } from './asked-measures.js';
import { COUNT_STATED, LISTED, NOT_A_COUNT } from './asked-counts.js';

/**
 * The measure words of things, with those of incidents and rooms (几起案件, 多少间房屋); not of people, households or
 * times, whose words after them are a verb or a description (多少人参加, 多少户危险的窑洞, 几次会议).
 */
const THING_COUNTERS = [...COUNTERS.split('|').filter((c) => !['人', '名', '位', '次', '户'].includes(c)), '起', '间', '宗'].join('|');
/** A count asked of things (多少个先进集体), and up to twelve characters after the measure word. */
const COUNTED_THING = new RegExp(`(?:多少|几)(?:${THING_COUNTERS})([\\u4e00-\\u9fa5]{1,12})`);
/** Where the words for the things end for sure: a particle that ends a question. */
const AFTER_THING = /[呢吗啊呀吧]/;
/**
 * Where they may end: a verb of being or having, a conjunction or a particle (重点村要成为…, 项目有…). These are characters
 * of words too (主要产业, 重要项目, 参与), so the words go on past them: the character before one is only one more piece
 * to look for, as the things themselves may end there (改造提升重点村要成为示范村 → 村).
 */
const MAY_END = /[了是有和与及被受将要在]/g;
/** A count asked: a question that asks two (几起命案，死了多少人) is not read. */
const COUNT_ASKED = /多少|几(?!乎)/g;
/** How far before the things a count of them stands (405起各类交通事故), and how far after (羊只饲养量达到180万只). */
const BEFORE = 12;
const AFTER = 8;
/** Read past the end of that stretch, so that a figure cut there is read whole (a year, 2023年, is no count). */
const FIGURE_TAIL = 6;
/** A count, as asked-counts reads one, or Chinese numerals before the measure words of incidents and rooms (三起, 二十间). */
const COUNT = new RegExp(`${COUNT_STATED.source}|[零〇一二两三四五六七八九十百千万]+\\s*(?:余|多)?\\s*(?:起|间|宗)`, 'g');
/**
 * A clause's end: a count and the things it counts stand in one clause. Not a colon, which joins a label to its value
 * (a table row's 新建口袋公园:23座).
 */
const CLAUSE_MARK = /[,;。!?、]/;

/**
 * The words for the things a count question counts (多少个先进集体 → 先进集体), if it counts things it names, not a place
 * in an order (第几个, 哪几个).
 */
export function countedThing(question: string): string | undefined {
  if (NOT_A_COUNT.test(question) || (question.match(COUNT_ASKED)?.length ?? 0) > 1) return undefined;
  const words = question.match(COUNTED_THING)?.[1].split(AFTER_THING)[0];
  return words || undefined;
}

/** Whether a count starts in `text` before offset `end`. */
const countBefore = (text: string, end: number) => [...text.matchAll(COUNT)].some((m) => m.index < end);

/** Whether `text` states a count within the clause around `at` (`length` characters), before or after it. */
function countedAt(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - BEFORE), at).split(CLAUSE_MARK).pop()!;
  const after = text.slice(at + length, at + length + AFTER + FIGURE_TAIL).split(CLAUSE_MARK)[0];
  return countBefore(before, before.length) || countBefore(after, AFTER);
}

/**
 * Whether a count question's answer counts none of the things it names. An answer that names them and lists things
 * (A、B、C) may count them by naming them; one that lists only other things (5起杀人案、405起各类交通事故, asked 几起抢劫案)
 * does not.
 */
export function uncountedThing(question: string, answer: string): boolean {
  const thing = countedThing(question);
  if (!thing) return false;
  const ends = [...thing.matchAll(MAY_END)].filter((m) => m.index > 0).map((m) => thing[m.index - 1]);
  const pieces = [...Array.from({ length: thing.length - 1 }, (_, k) => thing.slice(k, k + 2)), ...ends, thing.slice(-1)];
  const named = pieces.filter((piece) => answer.includes(piece));
  if (named.length && LISTED.test(answer)) return false;
  for (const piece of named) {
    for (let at = answer.indexOf(piece); at >= 0; at = answer.indexOf(piece, at + 1)) if (countedAt(answer, at, piece.length)) return false;
  }
  return true;
}
