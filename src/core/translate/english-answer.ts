/**
 * @module english-answer: the answer to an English question — the quoted Chinese sentence kept verbatim in a short
 * English frame, the figure or name it gives said in English first — and the refusals in English.
 */
import type { Answer } from '../types.js';
import type { EnglishQuestion } from './translate-question.js';
import { datesToEnglish, figuresToEnglish, nameInPinyin, placeInPinyin, ranksToEnglish, type EnglishFigure } from './figures-to-english.js';
import { RANK_ASKED } from './english-question-kind.js';
import { peopleInQuote } from './people-in-quote.js';
import { askedMeasure, statesMeasure } from '../answer/asked-measures.js';

/** What the frame reads from the corpus: its place names, and whether it uses a word. */
export interface FrameContext {
  placeNames: readonly string[];
  known: (term: string) => boolean;
}

/** What the engine says when it cannot answer, in the asker's language. */
export interface Replies {
  notFound: string;
  nothingAbout(names: string[]): string;
  /** The note before an answer whose question misspelt a name. */
  readAs(corrections: { from: string; to: string }[]): string;
}

export const ENGLISH_REPLIES: Replies = {
  notFound: 'Sorry, I found nothing in the documents that answers this question.',
  nothingAbout: (names) => `Sorry, the documents say nothing about ${names.map((n) => `“${n}”`).join(', ')}.`,
  readAs: (corrections) => `(${corrections.map((c) => `“${c.from}” read as “${c.to}”`).join(', ')}) `,
};

/** Figures said in English before the quote, at most this many. */
const MAX_FIGURES = 3;
/** Figures at least this close to the question's words, relative to the closest, are said. */
const NEAR = 0.6;
const ADMINISTRATIVE = /^[\u4e00-\u9fff]{2,}[省市县区]$|^[a-z][区县市]$/;
const stripMarkers = (s: string) => s.replace(/\[\d+\]/g, '');

/**
 * Where the quoted document is about: a place the question names and the passage holds, else a county, city or
 * district its title names.
 */
function placeOf(answer: Answer, question: EnglishQuestion, placeNames: readonly string[]): string | undefined {
  const first = answer.citations[0];
  const named = question.names.find((n) => first.text.includes(n.to) || first.title.includes(n.to));
  if (named) return named.from.replace(/(?:'s|’s)$/, '');
  const inTitle = placeNames.filter((p) => ADMINISTRATIVE.test(p) && first.title.includes(p)).sort((a, b) => b.length - a.length)[0];
  return inTitle && placeInPinyin(inTitle);
}

/**
 * The figures nearest the question's words (27人死亡 after 交通事故 for traffic deaths, not the 13 killed in the
 * crimes before it), in the quote's order.
 */
function nearest(figures: EnglishFigure[], quote: string, terms: string[]): EnglishFigure[] {
  const closeness = (f: EnglishFigure) =>
    terms.reduce((sum, term) => {
      let best = Infinity;
      for (let at = quote.indexOf(term); at >= 0; at = quote.indexOf(term, at + 1)) {
        best = Math.min(best, at >= f.at + f.chinese.length ? at - f.at - f.chinese.length : Math.max(0, f.at - at - term.length));
      }
      return sum + (best === Infinity ? 0 : 1 / (1 + best / 4));
    }, 0);
  const scored = figures.map((f) => ({ f, score: closeness(f) }));
  const top = Math.max(0, ...scored.map((s) => s.score));
  return scored.filter((s) => s.score >= NEAR * top).map((s) => s.f);
}

/** The question's Chinese words (not its question words), to find the figure or name it asks about. */
const termsOf = (question: EnglishQuestion) => question.query.split(/\s+/).filter((t) => /^[\u4e00-\u9fff]{2,}$/.test(t) && t !== question.asks);

/** The figures (or ranks, or names) nearest the question's words, at most MAX_FIGURES, said in English; none if none. */
function sayNearest(figures: EnglishFigure[], quote: string, question: EnglishQuestion): string | undefined {
  const said = nearest(figures, quote, termsOf(question)).slice(0, MAX_FIGURES).map((f) => f.english);
  return said.length ? said.join(', ') : undefined;
}

/** Whether the question states a figure's number itself (23 in “among the 23 counties” for 23个). */
function statedIn(question: string, chinese: string): boolean {
  const number = chinese.match(/\d+(?:\.\d+)?/)?.[0];
  return number !== undefined && new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?!\\d|\\.\\d)`).test(question);
}

/** The figure, date or name the quote gives, in English, for the kinds of question that ask for one. */
function leadOf(quote: string, question: EnglishQuestion, grounded: (digits: string) => boolean, { placeNames, known }: FrameContext): string | undefined {
  if (question.asks === RANK_ASKED) {
    return sayNearest(ranksToEnglish(quote, grounded), quote, question);
  }
  if (question.kind === 'number' || question.kind === 'percent') {
    const figures = figuresToEnglish(quote, grounded);
    const unit = question.kind === 'percent' ? '%' : question.unit;
    // The unit the question names, else the measure its Chinese asks for (收入 … 多少: a sum of money, not the area beside it).
    const measure = unit ? undefined : askedMeasure(question.query);
    const measured = unit ? figures.filter((f) => f.unit === unit) : measure ? figures.filter((f) => statesMeasure(measure, f.chinese)) : figures;
    // Not a figure the question states itself (among the 23 first-class counties: the answer is another number).
    const wanted = (measured.length ? measured : figures).filter((f) => !statedIn(question.question, f.chinese));
    return sayNearest(wanted.length ? wanted : measured.length ? measured : figures, quote, question);
  }
  if (question.kind === 'year' || question.kind === 'date') return datesToEnglish(quote)[0];
  if (question.kind === 'person') {
    const places = new Set(placeNames);
    // Each name as a figure-like span, so that the one nearest the question's title (书记, 县长) is said first.
    const people = peopleInQuote(quote, known)
      .filter((n) => !places.has(n))
      .map((chinese) => ({ chinese, at: quote.indexOf(chinese), unit: '', english: nameInPinyin(chinese) }));
    return sayNearest(people, quote, question);
  }
  return undefined;
}

/** The title, cut before a number no citation shows (the answer states no figure it does not cite). */
function titleOf(title: string, grounded: (digits: string) => boolean): string {
  const ungrounded = [...title.matchAll(/\d+(?:\.\d+)?/g)].find((m) => !grounded(m[0]));
  return ungrounded ? `${title.slice(0, ungrounded.index).trimEnd()}…` : title;
}

/**
 * An engine's answer to the Chinese form of an English question, framed in English:
 * `50, 20 billion yuan, 60% — From «以最优作风…» (Pinglu): 力争全年招商项目达到50个…[1]`. Refusals are already
 * English (the engine said them with ENGLISH_REPLIES).
 */
export function frameInEnglish(answer: Answer, question: EnglishQuestion, context: FrameContext): Answer {
  if (!answer.found || !answer.citations.length) return { ...answer, language: 'en' };
  const quoted = answer.answer;
  // The note on a misspelt name comes before the quote; the quote itself ends with its marker.
  const note = quoted.match(/^\([^)]*\) /)?.[0] ?? '';
  const quote = quoted.slice(note.length);
  const grounded = (digits: string) => answer.citations.some((c) => c.text.includes(digits));
  const lead = leadOf(stripMarkers(quote), question, grounded, context);
  const place = placeOf(answer, question, context.placeNames);
  const source = `From «${titleOf(answer.citations[0].title, grounded)}»${place ? ` (${place})` : ''}: `;
  return { ...answer, answer: `${note}${lead ? `${lead} — ` : ''}${source}${quote}`, language: 'en' };
}
