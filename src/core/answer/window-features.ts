/**
 * @module window-features: what the answer model knows about a candidate window — how it was retrieved, how much of
 * the question it and its sentence hold, whether it has the shape of the answer asked for, how long it is — and about
 * the question as a whole (for the decision to refuse). Every feature is general: nothing names a question or corpus.
 */
import { QUESTION_TYPES } from './analyze-question.js';
import { answerTypeScore } from './answer-types.js';
import { keywordMatch } from './keyword-match.js';
import type { AnswerWindow, PassageContext } from './answer-windows.js';
import type { FeatureContext } from './feature-context.js';
import type { PreparedQuestion } from './prepare-question.js';
import { SHAPES, shapeScores } from './answer-shapes.js';
import { coverage, shareWithin, type PassageStats } from './passage-stats.js';
import { slots } from './answer-slots.js';

const RETRIEVAL = ['retrieval', 'keyword', 'vector', 'vector_gap', 'document', 'rank_0', 'rank_1', 'rank_inverse', 'neighbour'] as const;
const LEXICAL = [
  'cover_window', 'cover_sentence', 'cover_passage', 'cover_context', 'content_window', 'content_sentence', 'exact_window',
  'bigram_window', 'bigram_sentence', 'common_run', 'density', 'title_cover', 'heading_cover', 'missing_document', 'missing_sentence_idf',
  'best_sentence', 'sentence_margin', 'chars_window', 'chars_sentence', 'local_sentence', 'local_chars', 'local_best', 'local_margin',
  'slot_left', 'slot_right', 'slot_between', 'typed_clause',
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

/** A numbered or dashed heading (（一）…, 一、…, ——…). */
const ENUMERATOR = /^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.、]|——|第[一二三四五六七八九十]+[，,、])/;

export interface WindowScoringInput {
  p: PreparedQuestion;
  /** Stats per passage, computed once (`passageStats`). */
  stats: (passage: PassageContext) => PassageStats;
  /** The best cosine among the retrieved passages. */
  bestVector: number;
  /** Places named in a span of a passage (found once per passage). */
  placesIn: (passage: PassageContext, start: number, end: number) => string[];
  maxLength: number;
  /** `typedClause`'s score of each clause met so far (windows overlap: most clauses are met many times). */
  clauses?: Map<string, number>;
}

/** Where a sentence's clauses end. */
const CLAUSE_END = /[，,；;。！？!?：:\n]/;

/**
 * How much of the question the clause holding the answer's kind holds (完成投资100亿元 for 今年要完成多少投资, not a
 * clause of 今年 and 枣强 beside another with a number): over the window's clauses, the best product of the clause's
 * answer-type score and its share of the question's content words (of all its words when every word is a subject's).
 * `places`: those the window names; `memo`: each clause's score, kept across the question's windows.
 */
export function typedClause(p: PreparedQuestion, folded: string, places: string[], memo?: Map<string, number>): number {
  let best = 0;
  for (const clause of folded.split(CLAUSE_END)) {
    if (clause.length < 2) continue;
    let score = memo?.get(clause);
    if (score === undefined) {
      score = clauseScore(p, clause, places);
      memo?.set(clause, score);
    }
    best = Math.max(best, score);
  }
  return best;
}

function clauseScore(p: PreparedQuestion, clause: string, places: string[]): number {
  if (!p.keywords.length) return 0;
  const cover = coverage(p, clause, p.contentWeight ? p.content : undefined);
  return cover > 0 ? answerTypeScore(p.q, clause, places.filter((place) => clause.includes(place))) * cover : 0;
}

/** The feature vector of one window, in `WINDOW_FEATURES` order, written into `f` (zeros, `WINDOW_FEATURES.length` long). */
export function windowFeatures(w: AnswerWindow, input: WindowScoringInput, f: Float32Array): Float32Array {
  const { p } = input;
  // Every question has a type, so the shapes below always ask which places the window names.
  const places = input.placesIn(w.passage, w.span.start, w.span.end);
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
  f[W.typed_clause] = typedClause(p, folded, places, input.clauses);

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
    const s = shapeScores(p, folded, places, ps.shapesPresent);
    const at = TYPE_OFFSET + p.typeIndex * SHAPES.length;
    for (let i = 0; i < s.length; i++) f[at + i] = s[i];
  }
  return f;
}

/**
 * The question's own features (for the refusal option), given its windows' features (one after another in
 * `windows`); `subjectMissed`: the question names a document's subject and none of that document's passages was
 * retrieved.
 */
export function questionFeatures(p: PreparedQuestion, ctx: FeatureContext, windows: Float32Array, bestVector: number, subjectMissed: boolean): Float32Array {
  const f = new Float32Array(QUESTION_FEATURES.length);
  let unknown = 0;
  let maxUnknown = 0;
  const known = (term: string) => ctx.documentDf(term) > 0;
  for (const k of p.keywords) {
    // A phrase whose every word the corpus has (a quoted slogan, 一局变三局) is not unknown, though never one token.
    if (!known(k.term) && !k.synonyms.some(known) && !(k.parts.length > 1 && k.parts.every(known))) {
      unknown += k.weight;
      maxUnknown = Math.max(maxUnknown, k.weight / p.maxIdf);
    }
  }
  const width = WINDOW_FEATURES.length;
  const count = windows.length / width;
  let bestCover = 0;
  for (let i = 0; i < count; i++) bestCover = Math.max(bestCover, windows[i * width + W.cover_context]);
  f[0] = 1;
  f[1] = Math.min(10, p.keywords.length) / 10;
  f[2] = unknown / p.totalWeight;
  f[3] = maxUnknown;
  f[4] = bestVector;
  f[5] = bestCover;
  f[6] = Math.log1p(count);
  f[7] = Math.min(60, p.q.folded.length) / 60;
  f[8] = subjectMissed ? 1 : 0;
  if (p.typeIndex >= 0) f[9 + p.typeIndex] = 1;
  return f;
}

