/**
 * @module unexplained-slogans: a question that asks what a numbered slogan or counted group stands for (“六张清单”具体是
 * 哪六张, “五个进一步”指什么, 三大传统文化是哪三个) is not answered by a passage that only names it (做实做细“六张清单”,
 * 用好用活…). The passage answers when, at some mention, it spells it out: a definition follows (“两业”,就是… / 四基地,
 * 即…), or the items stand in an enumeration before it (产业化、规模化…的“五化”要求) or in the two clauses after it.
 * A mention that is itself one of a pair or a list (挖掘三大传统文化和红色文化资源) spells nothing out. All text is folded
 * (simplified, quotes as `"`).
 */
import { parseChineseNumeral } from '../normalize/chinese-numerals.js';
import { COUNTERS } from './asked-measures.js';
import { escapeRegExp } from './keyword-match.js';

/** A slogan begins with one count (六张清单, 十抓落实, 10件实事, 一湖三城), not with a run of numerals (五六式, 二三四). */
const COUNT = /^(?:\d+|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])(?![一二两三四五六七八九十\d])/;
/** The question says how many items it wants (哪十个, 哪三城). */
const ASKED_COUNT = /哪([一二两三四五六七八九十\d]+)/;
/** Right after a mention: a definition. */
const DEFINED = /^"?\s*[,:]?\s*(?:即|就是|是指|指的是|指|包括|包含|分别是|分别为|为|是|既是|:|\()/;
/** Clause breaks: an enumeration before a mention is in its clause. */
const CLAUSE = /[,;。!?]/;
/** A mention joined to another thing: one item of a pair or list, not the one spelled out. */
const JOINED_AFTER = /^"?\s*(?:和|与|及|、|等)/;
const JOINED_BEFORE = /(?:和|与|及|、)"?$/;

/**
 * What the slogan is, asked within a few words after it (“…”联系点具体指什么, “9+3”招商机制里的“9”和“3”分别代表什么),
 * but not when or where it was or who said it.
 */
const ASKS_ITEMS = '[^?]{0,16}?(?:具体|分别|各|都|究竟|到底)?(?:是指|指的是|指|是|代表|包括|包含|有)(?:哪(?!一?年|天|里|儿|位|个人|国)|什么(?!时候|时间|地方|人))';

/**
 * A counted group asked about without quotes, for more than one item (三大特色产业是哪三个, 12家龙头领军企业是哪几家), not
 * an ordinal (第五大湖泊是哪一个).
 */
const COUNTED_GROUP = new RegExp(
  `(?<![第\\d零〇一二两三四五六七八九十])((?:\\d+|[一二两三四五六七八九十]+)(?:大|个|家|项|种|条|张|件|类|座|支)[\\u4e00-\\u9fa5]{1,8}?)(?:具体|分别|都|究竟|到底)?(?:是指|指的是|是|包括|包含|有)(?:哪些|哪几|哪[两二三四五六七八九十\\d])`,
);

/** A count as a number (三 → 3, 10 → 10). */
const countOf = (numeral: string) => Number(numeral) || parseChineseNumeral(numeral);
/** How many items the question asks for (哪三个 → 3), if it says. */
const askedCount = (question: string) => {
  const numeral = question.match(ASKED_COUNT)?.[1];
  return numeral === undefined ? undefined : countOf(numeral);
};
/** The count a slogan begins with (三扩大 → 3). */
const leadCount = (slogan: string) => countOf(slogan.match(COUNT)![0]);
/** The slogan's own word after its count (三扩大 → 扩大), of two characters or more, between it and the 哪 that asks. */
const ownWordBetween = (slogan: string, between: string) => {
  const own = slogan.replace(COUNT, '');
  return own.length >= 2 && between.includes(own);
};
/**
 * Between a quoted slogan and the 哪 that asks for as many things: a verb asking for its items (指扩大, 是, 包括), or
 * the slogan's own word (“三扩大”具体扩大哪三样, “四创建”创建哪四个).
 */
const ITEMS_VERB = /指|是|包括|包含|分别/;
const asksOwnItems = (slogan: string, between: string) => ITEMS_VERB.test(between) || ownWordBetween(slogan, between);

/** Asking for several things without counting them (哪几项, 哪些). */
const ASKED_SEVERAL = /哪(?:几|些)/;

/**
 * The quoted slogan a question asks to spell out by asking for as many things as it counts (“三扩大”指扩大哪三个方面),
 * or for several of its own kind (“四创建”具体要创建哪几项): the one nearest before 哪N or 哪几, with a verb asking for
 * items or the slogan's own word between them (not “三个一批”活动在哪三个县开展), for two things or more (哪一年 asks for
 * no items). Several things are asked of a slogan of two or more only with its own word (not “四创建”工作是由哪些部门牵头的).
 */
function countedSlogan(question: string): string | undefined {
  const counted = ASKED_COUNT.exec(question);
  const count = askedCount(question);
  const ask = counted && count !== undefined && count >= 2 ? counted : ASKED_SEVERAL.exec(question);
  if (!ask) return undefined;
  const before = question.slice(0, ask.index);
  const last = [...before.matchAll(/"([^"]{1,20})"/g)].pop();
  if (!last || !COUNT.test(last[1])) return undefined;
  const between = before.slice(last.index! + last[0].length);
  const lead = leadCount(last[1]) ?? 0;
  const asks = ask === counted ? lead === count && asksOwnItems(last[1], between) : lead >= 2 && ownWordBetween(last[1], between);
  return asks ? last[1] : undefined;
}

/** The numbered slogans and groups the question asks to be spelled out: quoted and asked about, or counted. */
function askedSlogans(question: string): string[] {
  const quoted = [...question.matchAll(/"([^"]{1,20})"/g)]
    .map((m) => m[1])
    .filter((t) => COUNT.test(t) && new RegExp(`"${escapeRegExp(t)}"${ASKS_ITEMS}`).test(question));
  const counted = countedSlogan(question);
  if (counted && !quoted.includes(counted)) quoted.push(counted);
  const group = question.replace(/"[^"]*"/g, '"').match(COUNTED_GROUP)?.[1];
  return group && COUNT.test(group) ? [...quoted, group] : quoted;
}

/** Whether a mention is inside quotes: an odd number of them before it (folded quotes are all `"`). */
const insideQuotes = (before: string) => (before.match(/"/g)?.length ?? 0) % 2 === 1;

/** An item of a list of counted things (…、21个易地扶贫搬迁点、14个整村推进项目, 3300户危窑危房改造), not 5G or 2022年. */
const COUNTED_ITEM = new RegExp(`^(?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)\\s*(?:万|亿)?(?:${COUNTERS}|大)`);

/**
 * Whether the items of the slogan stand in its clause before it (产业化、规模化…的“五化”要求): an enumeration, but not of
 * counted things, of which the mention is one more (完成3300户危房改造、21个搬迁点、4个市级9个县级试点村建设).
 */
const spelledBefore = (clause: string) => {
  const parts = clause.split('、');
  return parts.length > 1 && !parts.slice(1).some((part) => COUNTED_ITEM.test(part));
};

function spelledOut(slogan: string, items: number, answer: string): boolean | undefined {
  let mentioned = false;
  for (let at = answer.indexOf(slogan); at >= 0; at = answer.indexOf(slogan, at + 1)) {
    mentioned = true;
    const before = answer.slice(0, at);
    const after = answer.slice(at + slogan.length);
    // A part of a longer quoted term (“三统筹三扩大四创建”活动 names 三扩大, and spells out none of its parts).
    if (insideQuotes(before) && !(before.endsWith('"') && after.startsWith('"'))) continue;
    if (!JOINED_BEFORE.test(before) && spelledBefore(before.split(CLAUSE).pop()!)) return true;
    if (JOINED_AFTER.test(after)) continue;
    if (DEFINED.test(after)) return true;
    // Items in one of the two clauses after it (要搞好"四个衔接",把…与A、B、C以及D结合起来; 做优"三量",按照…要求,盘活存量、
    // 扩大增量、强化变量), not counting the separators inside other quoted terms, nor those of another term's own items
    // in brackets (满足群众"五位"(学位、床位…)). The mention's own closing quote is left out first, so that quotes pair up.
    const clauses = after.replace(/^"/, '').replace(/"[^"]*"(?:\([^)]*\))?/g, '"').replace(/^\s*,/, '').split(CLAUSE).slice(0, 2);
    const separators = Math.max(...clauses.map((c) => c.match(/、|以及/g)?.length ?? 0));
    if (separators >= Math.max(1, items - 1)) return true;
  }
  return mentioned ? false : undefined;
}

/**
 * The slogan the question asks to be spelled out that the answer names but does not spell out (else undefined). An
 * answer that does not name it at all may give its items in other words, and is left to the model.
 */
export function unexplainedSlogan(question: string, answer: string): string | undefined {
  return sloganItems(question).find(({ slogan, items }) => spelledOut(slogan, items, answer) === false)?.slogan;
}

/** The slogans the question asks to be spelled out, each with as many items as the question or the slogan counts. */
function sloganItems(question: string): { slogan: string; items: number }[] {
  const asked = askedCount(question);
  return askedSlogans(question).map((slogan) => ({ slogan, items: asked || leadCount(slogan) || 2 }));
}

/**
 * For one question, read once, whether a candidate window spells out the slogans it asks about: one at least, and
 * none named without being spelled out (false for every window when the question asks for no slogan).
 */
export function spellsOutFor(question: string): (answer: string) => boolean {
  const slogans = sloganItems(question);
  if (!slogans.length) return () => false;
  return (answer) => {
    let spelled = false;
    for (const { slogan, items } of slogans) {
      const said = spelledOut(slogan, items, answer);
      if (said === false) return false;
      if (said) spelled = true;
    }
    return spelled;
  };
}
