/**
 * @module window-features: what the answer model knows about a candidate window — how it was retrieved, how much of
 * the question it and its sentence hold, whether it has the shape of the answer asked for, how long it is — and about
 * the question as a whole (for the decision to refuse). Every feature is general: nothing names a question or corpus.
 */
import type { QuestionAnalysis, QuestionType } from './analyze-question.js';
import { QUESTION_TYPES } from './analyze-question.js';
import { answerTypeScore } from './answer-types.js';
import { buildKeywords, keywordMatch, type Keyword } from './keyword-match.js';
import type { AnswerWindow, PassageContext } from './answer-windows.js';
import { QUESTION_WORDS, STOPWORDS } from '../normalize/stopwords.js';

export interface FeatureContext {
  /** Inverse document frequency of a term over chunks. */
  idf(term: string): number;
  /** Whether the document `source` contains the term anywhere. */
  documentHas(source: string, term: string): boolean;
  /** Whether the term names some document's subject (平陆 for the 平陆 speech). */
  isFocus(term: string): boolean;
  /**
   * Documents containing the term, among those the question is answered from: the documents it names when it names
   * some (so that documents about other things do not change its answer), else the whole corpus. 0: unknown word.
   */
  documentDf(term: string): number;
  /** Folded heading or title (cached by the caller). */
  foldLabel(text: string): string;
  places(folded: string): string[];
}

/** Answer shapes, each tested on a window and crossed with the question type. */
const NUM = /\d/;
const QUANTITY = /\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿|千|百)?\s*(?:%|个|项|家|名|位|人|次|件|条|所|座|批|种|亩|元|吨|户|台|辆|倍|年|天|公里|米|平方|千瓦|兆瓦|万|亿|岁|届|场|部|本|首|集|张|公斤|克|英尺|英里|美元|港元|日元|欧元|小时|分钟|秒)/;
const YEAR = /\d{3,4}\s*年|[一二三四五六七八九〇零]{4}年/;
const MONTH_DAY = /\d{1,2}\s*月\s*\d{1,2}\s*日|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const PERIOD = /世纪|年代|时期|朝|期间|初|末|之后|以前|之前|以后/;
const TITLE_NAME = /(书记|县长|市长|区长|省长|主任|主席|局长|部长|总统|总理|国王|皇帝|教授|导演|作家|编剧|演员|歌手|教练|队长|创始人|董事长|总经理|校长|院长|记者|作者|主持人?)/;
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
const SHAPE_PATTERNS = { NUM, QUANTITY, YEAR, MONTH_DAY, PERIOD, TITLE_NAME, NAME_DOT, LATIN, QUOTED, DEFINITION, CHINESE_COUNT, CAUSE, MANNER, NEGATION, LOCATED };
type ShapePattern = keyof typeof SHAPE_PATTERNS;

const SHAPES = ['number', 'quantity', 'unit', 'year', 'monthday', 'period', 'title', 'name_dot', 'place', 'list', 'quoted', 'latin', 'definition', 'count', 'cause', 'manner', 'negation', 'located'] as const;

const RETRIEVAL = ['retrieval', 'keyword', 'vector', 'vector_gap', 'document', 'rank_0', 'rank_1', 'rank_inverse', 'neighbour'] as const;
const LEXICAL = [
  'cover_window', 'cover_sentence', 'cover_passage', 'cover_context', 'content_window', 'content_sentence', 'exact_window',
  'bigram_window', 'bigram_sentence', 'common_run', 'density', 'title_cover', 'heading_cover', 'missing_document', 'missing_sentence_idf',
  'best_sentence', 'sentence_margin', 'chars_window', 'chars_sentence', 'local_sentence', 'local_chars', 'local_best', 'local_margin',
  'slot_left', 'slot_right', 'slot_between',
] as const;
const SHAPE = [
  'length', 'log_length', 'whole_sentence', 'starts_sentence', 'ends_sentence', 'clauses', 'two_sentences', 'first_sentence',
  'document_start', 'novel', 'novel_share', 'echo_only', 'answer_type', 'cover_x_novel', 'type_x_cover', 'in_title',
  'heading_line', 'enumerator',
] as const;

/** The window features by what they say, for ablations (`npm run train -- --without slot`). */
export const FEATURE_GROUPS: Record<string, readonly string[]> = {
  retrieval: RETRIEVAL,
  coverage: LEXICAL.filter((n) => !n.startsWith('slot_')),
  slot: LEXICAL.filter((n) => n.startsWith('slot_')),
  shape: SHAPE,
  answer_type: QUESTION_TYPES.flatMap((t) => SHAPES.map((s) => `${t}×${s}`)),
};

/** Names of the window features, in the order of the vectors `windowFeatures` fills. */
export const WINDOW_FEATURES: readonly string[] = [
  ...RETRIEVAL,
  ...LEXICAL,
  ...SHAPE,
  ...QUESTION_TYPES.flatMap((t) => SHAPES.map((s) => `${t}×${s}`)),
];

/** Names of the question features, scored against the windows by the refusal option. */
export const QUESTION_FEATURES: readonly string[] = [
  'bias', 'keywords', 'unknown_words', 'max_idf_unknown', 'best_vector', 'best_keyword_cover', 'log_windows', 'question_length',
  'subject_missed', ...QUESTION_TYPES.map((t) => `type_${t}`),
];

const index = (names: readonly string[]) => Object.fromEntries(names.map((n, i) => [n, i])) as Record<string, number>;
const W = index(WINDOW_FEATURES);
const TYPE_OFFSET = RETRIEVAL.length + LEXICAL.length + SHAPE.length;

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
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
}

/** Character bigrams of folded text, without question words and function-word pairs. */
function bigramsOf(folded: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < folded.length; i++) {
    const b = folded.slice(i, i + 2);
    if (!isWordChar(b[0]) || !isWordChar(b[1]) || QUESTION_WORDS.test(b) || STOPWORDS.has(b)) continue;
    out.add(b);
  }
  return out;
}

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
    q.quoted,
  );
  const content = keywords.map((k) => !ctx.isFocus(k.term));
  const chars = new Set([...q.folded].filter((c) => isWordChar(c) && !QUESTION_WORDS.test(c) && !STOPWORDS.has(c)));
  return {
    q,
    keywords,
    content,
    totalWeight: keywords.reduce((a, k) => a + k.weight, 0) || 1,
    contentWeight: keywords.reduce((a, k, n) => a + (content[n] ? k.weight : 0), 0),
    maxIdf: Math.max(1, ...keywords.map((k) => ctx.idf(k.term))),
    bigrams: bigramsOf(q.folded),
    chars,
    typeIndex: QUESTION_TYPES.indexOf(q.type as QuestionType),
    ...slotContext(q.folded, keywords),
  };
}

/** Whether the text has a character the question does not, within `from`..`to`. */
function novelIn(p: PreparedQuestion, text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(text.length, to); i++) if (isWordChar(text[i]) && !p.chars.has(text[i])) return true;
  return false;
}

/** Where a keyword (or its synonym) occurs in the text: start and end, or undefined. */
function locate(k: Keyword, text: string): { start: number; end: number } | undefined {
  for (const term of [k.term, ...k.synonyms]) {
    const at = text.indexOf(term);
    if (at >= 0) return { start: at, end: at + term.length };
  }
  return undefined;
}

const SLOT_REACH = 16;

/**
 * The answer's slot: the window has new words right after a keyword that precedes the question word (…的别名是 → 别称黄莺),
 * right before one that follows it, or between the two.
 */
function slots(p: PreparedQuestion, text: string): [number, number, number] {
  let left = 0;
  let right = 0;
  let between = 0;
  p.left.forEach((k, n) => {
    const at = locate(k, text);
    if (at && novelIn(p, text, at.end, at.end + SLOT_REACH)) left = Math.max(left, n === 0 ? 1 : 0.6);
    if (!at) return;
    for (const r of p.right) {
      const to = locate(r, text);
      if (to && to.start > at.end && to.start - at.end <= 3 * SLOT_REACH && novelIn(p, text, at.end, to.start)) between = 1;
    }
  });
  p.right.forEach((k, n) => {
    const at = locate(k, text);
    if (at && novelIn(p, text, at.start - SLOT_REACH, at.start)) right = Math.max(right, n === 0 ? 1 : 0.6);
  });
  return [left, right, between];
}

function charShare(p: PreparedQuestion, text: string): number {
  if (!p.chars.size) return 0;
  let found = 0;
  for (const c of p.chars) if (text.includes(c)) found++;
  return found / p.chars.size;
}

/** A numbered or dashed heading (（一）…, 一、…, ——…). */
const ENUMERATOR = /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|——|第[一二三四五六七八九十]+[，,、])/;
const SENTENCE_CLOSED = /[。！？!?…;；]["”’」』)）]*\s*$/;

/** Longest run of characters the question and the text share, as a share of the question's word characters. */
function commonRun(question: string, text: string): number {
  let best = 0;
  const prev = new Uint16Array(text.length + 1);
  const cur = new Uint16Array(text.length + 1);
  for (let i = 1; i <= question.length; i++) {
    for (let j = 1; j <= text.length; j++) {
      cur[j] = question[i - 1] === text[j - 1] && isWordChar(question[i - 1]) ? prev[j - 1] + 1 : 0;
      if (cur[j] > best) best = cur[j];
    }
    prev.set(cur);
  }
  return best;
}

interface SentenceStats {
  chars: number;
  /** A line that does not end like a sentence (a heading, a title, a byline). */
  line: boolean;
  cover: number;
  content: number;
  bigram: number;
  commonRun: number;
  missingIdf: number;
  /** Keyword and character credit weighted by how few of the passage's sentences hold each (`localWeights`). */
  local: number;
  localChars: number;
}

interface PassageStats {
  /** The document's folded title. */
  title: string;
  cover: number;
  titleCover: number;
  headingCover: number;
  missingDocument: number;
  /** Keyword credit from outside a window: the heading, the passage, the document's subject. */
  fallback: number[];
  contentFallback: number[];
  sentences: SentenceStats[];
  bestSentence: number;
  secondSentence: number;
  bestLocal: number;
  secondLocal: number;
  /** Characters the question lacks (`novel`) before each offset of the passage: a window's count is a difference. */
  novelBefore: Uint32Array;
  /** Where each of the question's bigrams (`p.bigrams` order) and characters (`p.chars` order) starts in the passage. */
  bigramAt: number[][];
  charAt: number[][];
  /** Which answer shapes occur anywhere in the passage: one that does not cannot occur in a window of it. */
  shapesPresent: Record<ShapePattern, boolean>;
}

function coverage(p: PreparedQuestion, text: string, only?: boolean[]): number {
  let covered = 0;
  let total = 0;
  p.keywords.forEach((k, n) => {
    if (only && !only[n]) return;
    total += k.weight;
    covered += k.weight * keywordMatch(k, text);
  });
  return total ? covered / total : 1;
}

function bigramShare(p: PreparedQuestion, text: string): number {
  if (!p.bigrams.size) return 0;
  let found = 0;
  for (const b of p.bigrams) if (text.includes(b)) found++;
  return found / p.bigrams.size;
}

/** Where `part` starts in `text`, every time (overlapping ones too). */
export function occurrences(text: string, part: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) out.push(at);
  return out;
}

/** The share of the parts (their starts in the passage, `at`) that lie wholly within start..end. */
function shareWithin(at: number[][], length: number, start: number, end: number): number {
  if (!at.length) return 0;
  let found = 0;
  for (const starts of at) {
    for (const s of starts) {
      if (s >= start && s + length <= end) {
        found++;
        break;
      }
    }
  }
  return found / at.length;
}

/**
 * Within-passage weights: a part (keyword or character) that most of the passage's sentences hold, like the
 * article's subject, tells little about which sentence answers; one that a single sentence holds tells much
 * (the inverse sentence frequency, `presence[part][sentence]` ∈ [0, 1]). Parts the passage lacks weigh nothing.
 */
function localWeights(presence: number[][], base: (part: number) => number): number[] {
  const count = presence[0]?.length ?? 0;
  return presence.map((row, n) => {
    const df = row.reduce((a, m) => a + (m > 0 ? 1 : 0), 0);
    return df ? base(n) * Math.log((count + 1) / (df + 0.5)) : 0;
  });
}

/** Each sentence's share of the weighted parts (`presence[part][sentence]`). */
function localShares(presence: number[][], weights: number[], count: number): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  return Array.from({ length: count }, (_, s) => (total ? presence.reduce((a, row, n) => a + weights[n] * row[s], 0) / total : 0));
}

export function passageStats(p: PreparedQuestion, passage: PassageContext, ctx: FeatureContext): PassageStats {
  const { chunk } = passage.candidate;
  const heading = chunk.heading ? ctx.foldLabel(chunk.heading) : '';
  const title = ctx.foldLabel(chunk.title);
  const fallback = p.keywords.map((k) =>
    Math.max(0.7 * keywordMatch(k, heading), 0.6 * keywordMatch(k, passage.folded), 0.8 * keywordMatch(k, title), ctx.documentHas(chunk.source, k.term) ? 0.45 : 0),
  );
  const contentFallback = p.keywords.map((k) => Math.max(0.7 * keywordMatch(k, heading), 0.3 * keywordMatch(k, passage.folded)));
  const texts = passage.sentences.map((s) => passage.folded.slice(s.start, s.end));
  const keywordIn = p.keywords.map((k) => texts.map((t) => keywordMatch(k, t)));
  const questionChars = [...p.chars];
  const charIn = questionChars.map((c) => texts.map((t) => (t.includes(c) ? 1 : 0)));
  const local = localShares(keywordIn, localWeights(keywordIn, (n) => p.keywords[n].weight), texts.length);
  const localChars = localShares(charIn, localWeights(charIn, () => 1), texts.length);
  const sentences = passage.sentences.map((_, i) => {
    const text = texts[i];
    let missingIdf = 0;
    p.keywords.forEach((k) => {
      if (keywordMatch(k, text) === 0 && !title.includes(k.term)) missingIdf = Math.max(missingIdf, k.weight);
    });
    return {
      chars: charShare(p, text),
      line: !SENTENCE_CLOSED.test(text) && text.length <= 40,
      cover: coverage(p, text),
      content: p.contentWeight ? coverage(p, text, p.content) : 1,
      bigram: bigramShare(p, text),
      commonRun: commonRun(p.q.folded, text) / Math.max(1, p.chars.size),
      missingIdf: missingIdf / p.maxIdf,
      local: local[i],
      localChars: localChars[i],
    };
  });
  const ranked = sentences.map((s) => s.cover + s.bigram).sort((a, b) => b - a);
  const rankedLocal = sentences.map((s) => s.local + s.localChars).sort((a, b) => b - a);
  const foldedTitle = title;
  const missing = p.keywords.reduce((a, k) => a + (ctx.documentHas(chunk.source, k.term) || title.includes(k.term) ? 0 : k.weight), 0);
  const { folded } = passage;
  const novelBefore = new Uint32Array(folded.length + 1);
  for (let i = 0; i < folded.length; i++) novelBefore[i + 1] = novelBefore[i] + (isWordChar(folded[i]) && !p.chars.has(folded[i]) ? 1 : 0);
  const shapesPresent = Object.fromEntries(Object.entries(SHAPE_PATTERNS).map(([name, re]) => [name, re.test(folded)])) as Record<ShapePattern, boolean>;
  const bigramAt = [...p.bigrams].map((b) => occurrences(folded, b));
  const charAt = [...p.chars].map((c) => occurrences(folded, c));
  return {
    bigramAt,
    charAt,
    novelBefore,
    shapesPresent,
    title: foldedTitle,
    cover: coverage(p, passage.folded),
    titleCover: coverage(p, title),
    headingCover: heading ? coverage(p, heading) : 0,
    missingDocument: missing / p.totalWeight,
    fallback,
    contentFallback,
    sentences,
    bestSentence: ranked[0] ?? 0,
    secondSentence: ranked[1] ?? 0,
    bestLocal: rankedLocal[0] ?? 0,
    secondLocal: rankedLocal[1] ?? 0,
  };
}

function shapes(p: PreparedQuestion, folded: string, places: (s: string) => string[], present: Record<ShapePattern, boolean>): number[] {
  const q = p.q;
  const has = (name: ShapePattern) => present[name] && SHAPE_PATTERNS[name].test(folded);
  const unit = q.unit && folded.includes(q.unit) && has('NUM') ? 1 : 0;
  const items = folded.split('、').length;
  const quoted = present.QUOTED ? QUOTED.exec(folded) : null;
  const title = present.TITLE_NAME ? TITLE_NAME.exec(folded) : null;
  return [
    has('NUM') ? 1 : 0,
    has('QUANTITY') ? 1 : 0,
    unit,
    has('YEAR') ? 1 : 0,
    has('MONTH_DAY') ? 1 : 0,
    has('PERIOD') ? 1 : 0,
    title && !p.q.folded.includes(title[0]) ? 1 : 0,
    has('NAME_DOT') ? 1 : 0,
    places(folded).some((pl) => !q.folded.includes(pl)) ? 1 : 0,
    items >= 3 ? 1 : items === 2 ? 0.5 : 0,
    quoted && !q.folded.includes(quoted[0].slice(1, -1)) ? 1 : 0,
    has('LATIN') ? 1 : 0,
    has('DEFINITION') ? 1 : 0,
    has('CHINESE_COUNT') ? 1 : 0,
    has('CAUSE') ? 1 : 0,
    has('MANNER') ? 1 : 0,
    has('NEGATION') ? 1 : 0,
    has('LOCATED') ? 1 : 0,
  ];
}

export interface WindowScoringInput {
  p: PreparedQuestion;
  /** Stats per passage, computed once (`passageStats`). */
  stats: (passage: PassageContext) => PassageStats;
  /** The best cosine among the retrieved passages. */
  bestVector: number;
  /** Places named in a span of a passage (found once per passage). */
  placesIn: (passage: PassageContext, start: number, end: number) => string[];
  maxLength: number;
}

/** The feature vector of one window, in `WINDOW_FEATURES` order. */
export function windowFeatures(w: AnswerWindow, input: WindowScoringInput): Float32Array {
  const { p } = input;
  const places = () => input.placesIn(w.passage, w.span.start, w.span.end);
  const f = new Float32Array(WINDOW_FEATURES.length);
  const { passage } = w;
  const c = passage.candidate;
  const ps = input.stats(passage);
  const folded = passage.folded.slice(w.span.start, w.span.end);
  const sentence = ps.sentences[w.sentence];
  const last = ps.sentences[w.sentence + w.sentenceCount - 1];

  f[W.retrieval] = c.retrieval;
  f[W.keyword] = c.keyword;
  f[W.vector] = c.vector;
  f[W.vector_gap] = c.vector - input.bestVector;
  f[W.document] = c.document;
  f[W.rank_0] = c.rank === 0 ? 1 : 0;
  f[W.rank_1] = c.rank === 1 ? 1 : 0;
  f[W.rank_inverse] = 1 / (1 + c.rank);
  f[W.neighbour] = c.neighbour ? 1 : 0;

  let covered = 0;
  let context = 0;
  let content = 0;
  let exact = 0;
  let echoed = 0;
  p.keywords.forEach((k, n) => {
    const m = keywordMatch(k, folded);
    covered += k.weight * m;
    context += k.weight * Math.max(m, ps.fallback[n]);
    if (p.content[n]) content += k.weight * Math.max(m, ps.contentFallback[n]);
    if (m === 1) {
      exact++;
      echoed += k.term.length;
    }
  });
  const length = w.span.end - w.span.start;
  const novel = ps.novelBefore[w.span.end] - ps.novelBefore[w.span.start];

  f[W.cover_window] = covered / p.totalWeight;
  f[W.cover_sentence] = Math.max(sentence.cover, last.cover);
  f[W.cover_passage] = ps.cover;
  f[W.cover_context] = context / p.totalWeight;
  f[W.content_window] = p.contentWeight ? content / p.contentWeight : 1;
  f[W.content_sentence] = Math.max(sentence.content, last.content);
  f[W.exact_window] = p.keywords.length ? exact / p.keywords.length : 0;
  f[W.bigram_window] = shareWithin(ps.bigramAt, 2, w.span.start, w.span.end);
  f[W.bigram_sentence] = Math.max(sentence.bigram, last.bigram);
  f[W.common_run] = Math.max(sentence.commonRun, last.commonRun);
  f[W.density] = Math.min(1, echoed / Math.max(1, length));
  f[W.title_cover] = ps.titleCover;
  f[W.heading_cover] = ps.headingCover;
  f[W.missing_document] = ps.missingDocument;
  f[W.missing_sentence_idf] = Math.min(sentence.missingIdf, last.missingIdf);
  const own = Math.max(sentence.cover + sentence.bigram, last.cover + last.bigram);
  f[W.best_sentence] = own >= ps.bestSentence ? 1 : 0;
  f[W.sentence_margin] = own - (own >= ps.bestSentence ? ps.secondSentence : ps.bestSentence);
  f[W.chars_window] = shareWithin(ps.charAt, 1, w.span.start, w.span.end);
  f[W.chars_sentence] = Math.max(sentence.chars, last.chars);
  f[W.local_sentence] = Math.max(sentence.local, last.local);
  f[W.local_chars] = Math.max(sentence.localChars, last.localChars);
  const ownLocal = Math.max(sentence.local + sentence.localChars, last.local + last.localChars);
  f[W.local_best] = ownLocal >= ps.bestLocal ? 1 : 0;
  f[W.local_margin] = ownLocal - (ownLocal >= ps.bestLocal ? ps.secondLocal : ps.bestLocal);
  [f[W.slot_left], f[W.slot_right], f[W.slot_between]] = slots(p, folded);

  f[W.length] = length / input.maxLength;
  f[W.log_length] = Math.log1p(length);
  f[W.whole_sentence] = w.startsSentence && w.endsSentence && w.sentenceCount === 1 ? 1 : 0;
  f[W.starts_sentence] = w.startsSentence ? 1 : 0;
  f[W.ends_sentence] = w.endsSentence ? 1 : 0;
  f[W.clauses] = Math.min(6, w.clauses) / 6;
  f[W.two_sentences] = w.sentenceCount === 2 ? 1 : 0;
  f[W.first_sentence] = w.sentence === 0 ? 1 : 0;
  f[W.document_start] = w.sentence === 0 && c.chunk.start === 0 ? 1 : 0;
  f[W.novel] = Math.min(novel, 20) / 20;
  f[W.novel_share] = novel / Math.max(1, length);
  f[W.echo_only] = novel < 2 ? 1 : 0;
  const type = answerTypeScore(p.q, folded, places);
  f[W.answer_type] = type;
  f[W.cover_x_novel] = f[W.cover_context] * f[W.novel];
  f[W.type_x_cover] = type * f[W.cover_context];
  f[W.in_title] = ps.title.includes(folded) ? 1 : 0;
  f[W.heading_line] = w.sentenceCount === 1 && sentence.line ? 1 : 0;
  f[W.enumerator] = ENUMERATOR.test(folded) ? 1 : 0;

  if (p.typeIndex >= 0) {
    const s = shapes(p, folded, places, ps.shapesPresent);
    const at = TYPE_OFFSET + p.typeIndex * SHAPES.length;
    for (let i = 0; i < s.length; i++) f[at + i] = s[i];
  }
  return f;
}

/**
 * The question's own features (for the refusal option), given its windows' features; `subjectMissed`: the question
 * names a document's subject and none of that document's passages was retrieved.
 */
export function questionFeatures(p: PreparedQuestion, ctx: FeatureContext, windows: Float32Array[], bestVector: number, subjectMissed: boolean): Float32Array {
  const f = new Float32Array(QUESTION_FEATURES.length);
  let unknown = 0;
  let maxUnknown = 0;
  for (const k of p.keywords) {
    if (ctx.documentDf(k.term) === 0 && !k.synonyms.some((s) => ctx.documentDf(s) > 0)) {
      unknown += k.weight;
      maxUnknown = Math.max(maxUnknown, k.weight / p.maxIdf);
    }
  }
  let bestCover = 0;
  for (const w of windows) bestCover = Math.max(bestCover, w[W.cover_context]);
  f[0] = 1;
  f[1] = Math.min(10, p.keywords.length) / 10;
  f[2] = unknown / p.totalWeight;
  f[3] = maxUnknown;
  f[4] = bestVector;
  f[5] = bestCover;
  f[6] = Math.log1p(windows.length);
  f[7] = Math.min(60, p.q.folded.length) / 60;
  f[8] = subjectMissed ? 1 : 0;
  if (p.typeIndex >= 0) f[9 + p.typeIndex] = 1;
  return f;
}
