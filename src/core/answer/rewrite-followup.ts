/**
 * @module rewrite-followup: turns a follow-up into a standalone question against the previous one — a new place,
 * year, title or thing (那枣强呢？ 2023年的呢？ 市长呢？ 那劳务创收呢？), or a new question about the same topic
 * (具体有哪些？ 为什么？ 实行什么办法？), one that points back at its year or subject (那一年它的地区生产总值是多少？), or the
 * same question counting something in or out (如果把临空也算进去呢？).
 */
import { foldText } from '../normalize/fold-text.js';
import { ROLES } from './analyze-question.js';
import { QUESTION_WORDS, STOPWORDS } from '../normalize/stopwords.js';

export interface RewriteContext {
  tokenize(folded: string): string[];
  /** Share of a term's occurrences in its most frequent document (1 = it names one document's subject). */
  focus(term: string): number;
  places(folded: string): string[];
}

const PUNCT = /[\s?？!！。.,，、~～…]+/g;
/** A follow-up folded, without its spaces and punctuation: how both kinds of short follow-up are read. */
const bare = (question: string) => foldText(question).replace(PUNCT, '');
const LEAD = /^(那么|那|还有|另外|换成|换作|如果是|要是|至于|再问一下|再问|请问|其中|那其中)/;
const TAIL = /(的情况|的呢|呢|怎么样|如何|又如何|情况如何)$/;
const ASKS_ITSELF = /多少|什么|谁|哪|几|如何|怎么|是否|吗|何时|为什么|为何|怎样/;
const MAX_FOLLOWUP = 16;
/** A term names a topic when most of its occurrences are in one document. */
const TOPIC_SHARE = 0.6;
const YEAR = /^(?:\d{4}年?|今年|去年|前年|明年|上半年|下半年)$/;
const YEAR_IN = /\d{4}年|今年|去年|前年|明年|上半年|下半年/;
/** Where the question word starts, with the verb right before it (是多少, 有几个, 要打造什么). */
const WH_TAIL = /[是有为要]?(?:多少|什么|谁|哪|几|如何|怎么|何时|为什么|为何|怎样)/;
/** A question for a count, its verb, and its unit or the thing counted (是多少万亩, 有几个项目); not 几月几日. */
const COUNT_TAIL = /^([是有为要]?)(?:多少|几(?![月日号点时]))[\u4e00-\u9fff]*$/;
/** A level of government as a follow-up names it (市里, 省级, 县上, 乡镇一级). */
const LEVEL = /^([省市县区乡镇村])(?:里|级|上|一级)$/;
/** The level a question names (县级民生实事, 市里的项目). */
const LEVEL_IN = /[省市县区乡镇村](?:一级|级|里)/;
/** Words a follow-up may have that ask nothing by themselves (具体有哪些: 具体, 有, 都). */
const EMPTY_WORDS = /^(具体|分别|主要|都|又|还|有|是|要|其中|呢|吗|啊|的)$/;

/** The follow-up's new subject (枣强), or undefined when the question stands on its own. */
export function followUpSubject(question: string): string | undefined {
  const q = bare(question);
  if (!q || q.length > MAX_FOLLOWUP) return undefined;
  if (!LEAD.test(q) && !/呢$/.test(q)) return undefined;
  const subject = q.replace(LEAD, '').replace(TAIL, '').replace(/的$/, '');
  if (!subject || ASKS_ITSELF.test(subject)) return undefined;
  return subject;
}

/** A word that is only an official title (县长, 市委书记): what is asked of a topic, never the topic. */
const TITLE = new RegExp(`^(?:${ROLES.source})$`);
const isTitle = (term: string) => TITLE.test(term);

/**
 * The term of a question that plays the subject's role: a place, else the most document-specific word that is no
 * official title (那县长是谁 after 枣强县委书记是谁 asks about 枣强, though one report names most of the 县长).
 */
function topicOf(question: string, ctx: RewriteContext): string | undefined {
  const places = ctx.places(question).filter((p) => question.includes(p));
  if (places.length) return places.sort((a, b) => question.indexOf(a) - question.indexOf(b))[0];
  let best: { term: string; share: number; at: number } | undefined;
  for (const term of ctx.tokenize(question)) {
    if (term.length < 2 || /^\d/.test(term) || isTitle(term)) continue;
    const share = ctx.focus(term);
    const at = question.indexOf(term);
    if (share < TOPIC_SHARE || at < 0) continue;
    if (!best || share > best.share || (share === best.share && at < best.at)) best = { term, share, at };
  }
  return best?.term;
}

/**
 * Rewrites `question` against the earlier user turns (oldest first). Each earlier turn is itself rewritten
 * first, so a chain 平陆招商目标是多少 → 那枣强呢 → 衡水呢 keeps the original question's shape.
 */
export function rewriteFollowUp(question: string, earlier: string[], ctx: RewriteContext): string {
  let previous: string | undefined;
  for (const turn of earlier) previous = previous === undefined ? turn.trim() : rewriteOne(turn, previous, ctx);
  return previous === undefined ? question.trim() : rewriteOne(question, previous, ctx);
}

const firstMatch = (text: string, re: RegExp) => {
  const m = new RegExp(re.source).exec(text);
  return m ? { at: m.index, text: m[0] } : undefined;
};

/** The previous question with `subject` in the place of the part it stands for. */
function substitute(prev: string, subject: string, ctx: RewriteContext): string {
  if (prev.includes(subject)) return prev;
  if (YEAR.test(subject)) {
    const year = firstMatch(prev, YEAR_IN);
    const named = /^\d{4}$/.test(subject) ? `${subject}年` : subject;
    return year ? prev.slice(0, year.at) + named + prev.slice(year.at + year.text.length) : `${named}${prev}`;
  }
  if (isTitle(subject)) {
    const old = firstMatch(prev, ROLES);
    if (old) return prev.slice(0, old.at) + subject + prev.slice(old.at + old.text.length);
  }
  const topic = topicOf(prev, ctx);
  // Another level of government (市里的呢？ after 枣强县级民生实事有几件): 县级 becomes 市级, or the level follows the place.
  const level = LEVEL.exec(subject)?.[1];
  if (level) {
    const old = firstMatch(prev, LEVEL_IN);
    if (old) return `${prev.slice(0, old.at)}${level}级${prev.slice(old.at + old.text.length)}`;
    if (topic && ctx.places(prev).includes(topic)) return prev.replace(topic, `${topic}${level}级`);
  }
  const isPlace = ctx.places(subject).includes(subject);
  if (topic && (isPlace || !ctx.places(prev).includes(topic))) return prev.replace(topic, subject);
  // 环江工业集中区 after 甜水工业集中区要…: the subject replaces the span that ends as it does.
  for (let k = Math.min(subject.length - 1, 8); k >= 2; k--) {
    const at = prev.indexOf(subject.slice(-k));
    const from = at - (subject.length - k);
    if (at >= 0 && from >= 0) return prev.slice(0, from) + subject + prev.slice(at + k);
  }
  // A new thing about the same place (那劳务创收目标呢 after 环县今年…任务是多少万亩): the place, the year, the thing, the
  // question; a count's unit was the old thing's (羊畜存栏 is counted in 只, not 亩), so the new one asks 多少.
  const tail = firstMatch(prev, WH_TAIL);
  if (topic && tail) {
    const year = YEAR_IN.test(subject) ? '' : (firstMatch(prev, YEAR_IN)?.text ?? '');
    const asks = prev.slice(tail.at);
    const count = COUNT_TAIL.exec(asks);
    return `${topic}${year}${subject}${count ? `${count[1]}多少` : asks}`;
  }
  return `${subject}${prev}`;
}

/** Words that point back at the previous question's year (那一年, 当年) and at its subject (它, 该县, 那里). */
const THAT_YEAR = /那一年|那年|这一年|当年|同年|该年/;
const THAT_SUBJECT = /它们|它|该(?:县|区|市|镇|乡|村|地)|(?:这|那)个(?:县|区|市|镇|乡|村|地方)|那里|那儿/;

/**
 * A question of its own that points back (那一年它的地区生产总值是多少 after x区2022年…排第几): the previous question's
 * year and subject in the place of the words that point at them; undefined when it points at nothing the previous
 * question names.
 */
function pointedBack(q: string, prev: string, ctx: RewriteContext): string | undefined {
  let pointed = q;
  const year = firstMatch(prev, YEAR_IN);
  if (year) pointed = pointed.replace(THAT_YEAR, year.text);
  const topic = topicOf(prev, ctx);
  if (topic) pointed = pointed.replace(THAT_SUBJECT, topic);
  return pointed === q ? undefined : pointed.replace(LEAD, '');
}

/** A follow-up that counts something in or out of what was asked (如果把临空也算进去呢？ 不含临空呢？ 加上利息呢？). */
const CONDITION = /算进去|算在内|计算在内|算上|计入|加进去|加上|包括|包含|不含|不算|扣除|除去|去掉|除外/;

/** The previous question asked again under the follow-up's condition, which goes before its question word. */
function underCondition(question: string, prev: string): string | undefined {
  const q = bare(question).replace(TAIL, '');
  if (!q || q.length > MAX_FOLLOWUP || !CONDITION.test(q) || ASKS_ITSELF.test(q)) return undefined;
  const tail = firstMatch(prev, WH_TAIL);
  const condition = q.replace(/^(?:那么|那)/, '');
  return tail ? `${prev.slice(0, tail.at)}${condition}${prev.slice(tail.at)}` : `${prev}${condition}`;
}

function rewriteOne(question: string, previous: string, ctx: RewriteContext): string {
  const prev = foldText(previous).replace(/[?？!！。]+$/, '');
  const conditional = underCondition(question, prev);
  if (conditional) return conditional;
  const subject = followUpSubject(question);
  if (subject) return substitute(prev, subject, ctx);
  const q = foldText(question).trim().replace(/[?？!！。]+$/, '');
  if (!ASKS_ITSELF.test(q)) return question.trim();
  const pointed = pointedBack(q, prev, ctx);
  if (pointed) return pointed;
  // A question of its own that names no topic asks about the previous question's topic (实行什么办法？).
  if (topicOf(q, ctx)) return question.trim();
  const body = q.replace(LEAD, '');
  const content = ctx.tokenize(body).filter((t) => !STOPWORDS.has(t) && !QUESTION_WORDS.test(t) && !EMPTY_WORDS.test(t));
  // Nothing but a question word (具体有哪些？ 为什么？): the same question, asked further.
  if (!content.length) return `${prev}，${body}`;
  const topic = topicOf(prev, ctx);
  return topic ? `${topic}${body}` : question.trim();
}
