/**
 * @module passage-stats: what a retrieved passage and each of its sentences hold of the question, computed once per
 * passage for all of its windows.
 */
import { keywordMatch } from './keyword-match.js';
import type { PassageContext } from './answer-windows.js';
import type { FeatureContext } from './feature-context.js';
import { isWordChar, type PreparedQuestion } from './prepare-question.js';
import { SHAPE_PATTERNS, type ShapePattern } from './answer-shapes.js';

function charShare(p: PreparedQuestion, text: string): number {
  if (!p.chars.size) return 0;
  let found = 0;
  for (const c of p.chars) if (text.includes(c)) found++;
  return found / p.chars.size;
}

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

export interface SentenceStats {
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

export interface PassageStats {
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

/** The weighted share of the question's keywords (of those `only` marks) the text holds; 1 when there are none. */
export function coverage(p: PreparedQuestion, text: string, only?: boolean[]): number {
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
export function shareWithin(at: number[][], length: number, start: number, end: number): number {
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
