/** @module engine: answers questions over a Corpus; wired with a Tokenizer and an Embedder. */
import type { Embedder, Tokenizer } from './ports.js';
import type { Answer, ChatMessage, Citation, RelatedPassage, SearchHit, Span, StageTimings } from './types.js';
import { AppError } from './errors.js';
import type { Corpus, CorpusView, LoadedChunk } from './index/corpus.js';
import { namesSubject } from './index/focus.js';
import { hybridSearch, type FusionWeights, type ScoredChunk } from './retrieve/hybrid-search.js';
import { scopedView } from './retrieve/scoped-view.js';
import { analyzeQuestion, type QuestionAnalysis } from './answer/analyze-question.js';
import { selectAnswer, type AnswerCandidate, type AnswerDecision, type SelectionContext } from './answer/select-answer.js';
import { checkAnswerModel, type AnswerModel } from './answer/answer-model.js';
import bundledModel from './answer/answer-model.json' with { type: 'json' };
import { rewriteFollowUp } from './answer/rewrite-followup.js';
import { correctNames, NameIndex, type NameCorrection } from './answer/correct-names.js';
import { unnamedPlaces } from './answer/unnamed-places.js';
import { qualifyingRegions } from './answer/qualifying-regions.js';
import { unheldTitles } from './answer/unheld-titles.js';
import { bylineIn, writerAsked } from './answer/writer-bylines.js';
import { LruCache } from './lru-cache.js';
import { detectSmallTalk, smallTalkReply } from './chat/small-talk.js';
import { createBatchingEmbedder } from './batching-embedder.js';
import { inAskersScript } from './normalize/askers-script.js';
import { foldText } from './normalize/fold-text.js';
import { PLACE_SUFFIX } from './normalize/place-suffix.js';
import { synonymsOf } from './normalize/synonyms.js';
import { inLatinScript, mostlyLatin } from './normalize/script.js';
import type { TranslationSources } from './translate/translator.js';
import { compoundUse } from './translate/gloss-index.js';
import { corpusTranslator } from './translate/corpus-translator.js';
import { chooseQuery, type EnglishQuestion } from './translate/translate-question.js';
import { ENGLISH_REPLIES, frameInEnglish, type Replies } from './translate/english-answer.js';

export interface EngineSettings {
  topK: number;
  /** Candidates from each retriever before fusion. */
  candidates: number;
  weights: FusionWeights;
  /** Answer only when the model's probability that a window answers is at least this (default: the model's own threshold). */
  minConfidence?: number;
  /** Passages searched for the answering sentence. */
  answerPassages: number;
  maxQuestionLength: number;
  queryCacheSize: number;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  topK: 5,
  candidates: 50,
  weights: { keyword: 0.45, vector: 0.35, document: 0.35 },
  answerPassages: 5,
  maxQuestionLength: 1000,
  queryCacheSize: 1000,
};

export interface AskOptions {
  topK?: number;
  /** Earlier user turns, oldest first, for follow-up questions. */
  history?: string[];
  signal?: AbortSignal;
  /** Filled with the time each stage took. */
  timings?: StageTimings;
}

export interface EngineComponents {
  tokenizer: Tokenizer;
  embedder: Embedder;
  corpus: Corpus;
  settings?: Partial<EngineSettings>;
  /** The answer model; by default the one `npm run train` wrote (answer-model.json). */
  answerModel?: AnswerModel;
  /**
   * The places the corpus names, for reading a misspelt one (平路 → 平陆); the same array while they are unchanged.
   */
  placeNames?: () => readonly string[];
  /**
   * English questions: the dictionary and the corpus's words. The translator is built from them once per corpus
   * (again when `placeNames` hands a new array, i.e. documents changed); without them English questions are asked as
   * they are.
   */
  translation?: TranslationSources;
}

export type Engine = ReturnType<typeof createEngine>;

/** A term names a document's subject when at least this share of its occurrences are in that document. */
const FOCUS_SHARE = 0.8;
const CHINESE_REPLIES: Replies = {
  notFound: '抱歉，现有资料中没有找到能回答这个问题的内容。',
  nothingAbout: (names) => `抱歉，现有资料中没有关于“${names.join('、')}”的内容。`,
  readAs: (corrections) => `（${corrections.map((c) => `“${c.from}”按“${c.to}”理解`).join('，')}）`,
};
/** The weight of a translation the documents an English question is about never use. */
const OFF_SUBJECT = 0.25;
/** Passages offered beside a refusal. */
const RELATED = 3;
/** `placeNames` of an engine given none: one array, so that its name index and translator are built once. */
const NO_PLACES: readonly string[] = [];
/** Folded chunk texts (and headings, titles) kept for answer selection. */
const FOLD_CACHE = 20_000;
/** Passages read at each end of a document for its byline (writer-bylines): the seeds' open or close their first two. */
const BYLINE_PASSAGES = 2;

export function createEngine({ tokenizer, embedder: model, corpus, settings: overrides, answerModel, placeNames, translation }: EngineComponents) {
  const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, ...overrides };
  const answering = checkAnswerModel(answerModel ?? (bundledModel as AnswerModel));
  const threshold = settings.minConfidence ?? answering.threshold;
  const embedder = createBatchingEmbedder(model);
  const queryVectors = new LruCache<string, Float32Array>(settings.queryCacheSize);
  const foldedChunks = new LruCache<number, string>(FOLD_CACHE);
  const foldChunk = (id: number, text: string) => {
    let folded = foldedChunks.get(id);
    if (folded === undefined) foldedChunks.set(id, (folded = foldText(text)));
    return folded;
  };
  const foldedLabels = new LruCache<string, string>(FOLD_CACHE);
  const foldLabel = (text: string) => {
    let folded = foldedLabels.get(text);
    if (folded === undefined) foldedLabels.set(text, (folded = foldText(text)));
    return folded;
  };

  /** The trimmed question, or a typed error when it is empty or too long. */
  function validate(question: unknown): string {
    const q = typeof question === 'string' ? question.trim() : '';
    if (!q) throw new AppError('question_empty', 'The question is empty.');
    if (q.length > settings.maxQuestionLength) {
      throw new AppError('question_too_long', `The question is longer than ${settings.maxQuestionLength} characters.`);
    }
    return q;
  }

  async function embedQuery(folded: string, signal?: AbortSignal): Promise<Float32Array> {
    const cached = queryVectors.get(folded);
    if (cached) return cached;
    const [vector] = await embedder.embed([folded], 'query', { signal });
    queryVectors.set(folded, vector);
    return vector;
  }

  /** The document a term is the subject of (平陆 → the 平陆 speech), if any. */
  const focusSource = (view: CorpusView, term: string) => {
    const focus = view.focus(term);
    return focus && focus.share >= FOCUS_SHARE ? focus.source : undefined;
  };

  /**
   * Places the question names that no document mentions (北京市 in a corpus about 平陆 and 枣强), but for the regions
   * that only say where a place the documents know lies (甘肃 of 甘肃环县: `qualifyingRegions`).
   */
  function unknownPlaces(view: CorpusView, analysis: QuestionAnalysis): string[] {
    const inCorpus = (term: string) => view.documentDf(term) > 0;
    const unknown = analysis.places.filter((p) => {
      const base = p.replace(PLACE_SUFFIX, '');
      const words = tokenizer.tokenize(p).filter((t) => t.length >= 2);
      return !inCorpus(p) && !(base.length >= 2 && inCorpus(base)) && words.every((t) => !inCorpus(t));
    });
    const regions = qualifyingRegions(analysis.folded, analysis.places, unknown);
    return unknown.filter((p) => !regions.has(p));
  }

  /** Place-like words (青山县) whose name neither the corpus's words nor the passages found for the question hold. */
  function unnamedIn(view: CorpusView, analysis: QuestionAnalysis, hits: ScoredChunk[]): string[] {
    const inCorpus = (term: string) => view.documentDf(term) > 0 || tokenizer.places(term).includes(term);
    return unnamedPlaces(analysis.folded, inCorpus).filter((p) => !hits.some((h) => foldChunk(h.id, h.chunk.text).includes(p.slice(0, 2))));
  }

  /** Titles a who-question asks about that no passage found holds (纪委书记 of passages that name only 市委书记). */
  function untitledIn(analysis: QuestionAnalysis, hits: ScoredChunk[]): string[] {
    return unheldTitles(analysis, hits.map((h) => foldChunk(h.id, h.chunk.text)));
  }

  /** Terms a view must know to answer a question (its tokens and keywords, their synonyms, the places it names). */
  function termsOf({ tokens, keywords, places }: QuestionAnalysis): string[] {
    return [
      ...new Set([
        ...tokens,
        ...keywords,
        ...[...tokens, ...keywords].flatMap(synonymsOf),
        ...places,
        ...places.flatMap((p) => tokenizer.tokenize(p)),
        ...places.map((p) => p.replace(PLACE_SUFFIX, '')),
      ]),
    ];
  }

  /**
   * Query terms for the chunk-level BM25: synonyms join at half weight (目标 → 力争), and a term that names
   * one document's subject (平陆) counts little, since the document-level score already carries it.
   */
  function expandQuery(view: CorpusView, tokens: string[]): { tokens: string[]; weights: Map<string, number> } {
    const weights = new Map<string, number>();
    for (const t of tokens) weights.set(t, (view.focus(t)?.share ?? 0) >= FOCUS_SHARE ? 0.3 : 1);
    for (const t of tokens) for (const s of synonymsOf(t)) if (!weights.has(s)) weights.set(s, 0.5);
    return { tokens: [...weights.keys()], weights };
  }

  function describe(hit: ScoredChunk): SearchHit {
    const { chunk } = hit;
    return {
      chunkId: hit.id,
      source: chunk.source,
      title: chunk.title,
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
      score: Math.round(hit.score * 1000) / 1000,
    };
  }

  /**
   * Passages worth reading when nothing answers: the best hits that name what the question is about (a place, a
   * document's subject) or hold most of its words (by weight). 今天天气怎么样 shares only 今天 with a report: none.
   */
  function relatedPassages(view: CorpusView, analysis: QuestionAnalysis, hits: ScoredChunk[]): RelatedPassage[] {
    const keywords = analysis.keywords.map((term) => ({ term, weight: view.idf(term), topic: analysis.places.includes(term) || focusSource(view, term) !== undefined }));
    const total = keywords.reduce((a, k) => a + k.weight, 0);
    const related = (h: ScoredChunk) => {
      const text = foldChunk(h.id, h.chunk.text);
      const held = keywords.filter((k) => text.includes(k.term));
      // A place the question names counts in any of its forms (衡水 for the keyword 衡水市).
      const placed = analysis.places.some((place) => text.includes(place));
      return placed || held.some((k) => k.topic) || (total > 0 && held.reduce((a, k) => a + k.weight, 0) >= total / 2);
    };
    return hits
      .filter(related)
      .slice(0, RELATED)
      .map((h) => {
        const { chunkId: _id, ...rest } = describe(h);
        return rest;
      });
  }

  /** Citations numbered from 1, the answering passage first. */
  function toCitations(hits: ScoredChunk[], topK: number, first: number): Citation[] {
    const ordered = [...hits.filter((h) => h.id === first), ...hits.filter((h) => h.id !== first)];
    return ordered.slice(0, topK).map((hit, i) => {
      const { chunkId: _id, ...rest } = describe(hit);
      return { n: i + 1, ...rest };
    });
  }

  /**
   * The answer often sits just before or after the passage that matched best (a lead-in sentence, the
   * next line of a list), so the adjacent chunks of each hit are searched too, at a discount.
   */
  async function withNeighbours(hits: ScoredChunk[]): Promise<AnswerCandidate[]> {
    const top = hits[0]?.score || 1;
    const out = new Map<number, AnswerCandidate>();
    const candidate = (hit: ScoredChunk, rank: number, chunk = hit.chunk, neighbour = false): AnswerCandidate => ({
      chunk,
      retrieval: ((neighbour ? 0.7 : 1) * hit.score) / top,
      rank,
      keyword: hit.keyword,
      vector: hit.vector,
      document: hit.document,
      neighbour,
    });
    hits.forEach((hit, rank) => out.set(hit.id, candidate(hit, rank)));
    const around = new Map<number, { hit: ScoredChunk; rank: number }>();
    const adjacent = await corpus.neighbours(hits.map((h) => h.id));
    hits.forEach((hit, rank) => {
      for (const id of adjacent.get(hit.id) ?? []) if (!out.has(id) && !around.has(id)) around.set(id, { hit, rank });
    });
    for (const [id, chunk] of await corpus.chunks([...around.keys()])) {
      const { hit, rank } = around.get(id)!;
      out.set(id, candidate(hit, rank, chunk, true));
    }
    return [...out.values()];
  }

  async function retrieve(
    view: CorpusView,
    analysis: QuestionAnalysis,
    k: number,
    options: { signal?: AbortSignal; timings?: StageTimings; scoped?: boolean },
  ): Promise<{ hits: ScoredChunk[]; view: CorpusView }> {
    const timings = options.timings ?? {};
    // The question is embedded (in a model worker) while this thread scores the keywords.
    let vector: Promise<Float32Array> | undefined;
    if (corpus.vectors.size > 0) {
      const t = performance.now();
      vector = embedQuery(analysis.folded, options.signal).then((v) => {
        timings.embed = performance.now() - t;
        options.signal?.throwIfAborted();
        return v;
      });
      // Settled by hybridSearch; this keeps a failure during keyword scoring from being reported as unhandled.
      vector.catch(() => undefined);
    }
    const query = { ...expandQuery(view, analysis.tokens), vector };
    const searchOptions = { k, candidates: settings.candidates, weights: settings.weights };
    const hits = await hybridSearch(corpus, view, query, searchOptions, timings);
    // A question that names a document's subject (平陆, 枣强) is answered from that document only (`decide`). Once the
    // search has found that document, it is searched again on its own, with term statistics of its own: its passages
    // then rank and score among themselves, and documents added beside it change nothing of the answer. When it has not,
    // a document the question names by its place is searched all the same (`namedSubjects`).
    if (!options.scoped) return { hits, view };
    const subjects = subjectsOf(view, analysis);
    if (!subjects.size) return { hits, view };
    const found = usableHits(analysis, hits).filter((h) => subjects.has(h.chunk.source));
    const titles = found.length ? new Map(found.map((h) => [h.chunk.source, foldLabel(h.chunk.title)])) : await namedSubjects(view, analysis, hits);
    if (!titles.size) return { hits, view };
    const places = nameIndex();
    const names = (term: string, source: string) => titles.get(source)!.includes(term) || places.has(term) || tokenizer.places(term).includes(term);
    const chunks = await corpus.documentChunks([...titles.keys()].sort());
    if (!chunks.length) return { hits, view };
    const within = chunks.map((c) => c.id);
    // Statistics of a few passages say nothing (every word in one of two passages weighs alike), and the answer stage
    // reads all of them anyway: a document no longer than what it reads is searched as part of the corpus.
    if (chunks.length <= settings.answerPassages) {
      return { hits: found.length ? hits : await hybridSearch(corpus, view, query, { ...searchOptions, within }, {}), view };
    }
    const scoped = scopedView(view, chunks, new Set(titles.keys()), names);
    return { hits: await hybridSearch(corpus, scoped, { ...expandQuery(scoped, analysis.tokens), vector }, { ...searchOptions, within }, {}), view: scoped };
  }

  /**
   * The documents a question names by their place (平陆 → the 平陆 speech) when the search found none of their passages,
   * with their titles. The question is still about them: searched within them, the answer model sees that they lack the
   * answer (平陆's GDP, which the 平陆 speech never gives) where another document's passage would pass for one. A word
   * that is merely most frequent in one document (突破, or 友好 in a treaty's title) names none. Passages found elsewhere
   * that mention the place may well answer: the question is then searched as usual.
   */
  async function namedSubjects(view: CorpusView, analysis: QuestionAnalysis, hits: ScoredChunk[]): Promise<Map<string, string>> {
    const places = nameIndex();
    const named = analysis.tokens.filter((t) => t.length >= 2 && (places.has(t) || tokenizer.places(t).includes(t)));
    const sources = new Set(named.map((t) => focusSource(view, t)).filter((s): s is string => s !== undefined));
    const mentioned = hits.some((h) => named.some((t) => foldChunk(h.chunk.id, h.chunk.text).includes(t)));
    if (!sources.size || mentioned) return new Map();
    const titles = await corpus.documentTitles([...sources]);
    return new Map([...titles].map(([source, title]) => [source, foldLabel(title)]));
  }

  /** The documents whose subject the question names (平陆 → the 平陆 speech). */
  function subjectsOf(view: CorpusView, analysis: QuestionAnalysis): Set<string> {
    return new Set(analysis.tokens.filter(namesSubject).map((term) => focusSource(view, term)).filter((s): s is string => s !== undefined));
  }

  /**
   * Hits an answer may come from. A question in Latin letters (English) is answered only from passages written in them:
   * nothing translates between the scripts, and the English words inside a Chinese passage (a title, a name) do not
   * make it an answer.
   */
  function usableHits(analysis: QuestionAnalysis, hits: ScoredChunk[]): ScoredChunk[] {
    return inLatinScript(analysis.folded) ? hits.filter((h) => mostlyLatin(h.chunk.text)) : hits;
  }

  /** The candidate passages of a question and the answer model's verdict on their windows. */
  async function decide(view: CorpusView, analysis: QuestionAnalysis, hits: ScoredChunk[], explain = false): Promise<{ decision: AnswerDecision; candidates: AnswerCandidate[] }> {
    // A question that names a document's subject (平陆, 枣强) is answered from that document only.
    // When none of that document's passages was found, the answer may still be in another one (an article split into
    // several documents); the model is told, and weighs it in its decision to refuse.
    const usable = usableHits(analysis, hits);
    const subjects = subjectsOf(view, analysis);
    const named = subjects.size ? usable.filter((h) => subjects.has(h.chunk.source)) : usable;
    const subjectMissed = named.length === 0 && usable.length > 0;
    const candidates = await withNeighbours((subjectMissed ? usable : named).slice(0, settings.answerPassages));
    const ctx: SelectionContext = {
      idf: (term) => view.idf(term),
      documentHas: (source, term) => view.documentTf(term, source) > 0,
      isFocus: (term) => focusSource(view, term) !== undefined,
      // A word is unknown when the documents the question names lack it (so that other documents never change the
      // verdict), else when no document uses it.
      documentDf: subjectMissed || subjects.size === 0
        ? (term) => view.documentDf(term)
        : (term) => {
            let df = 0;
            for (const source of subjects) if (view.documentTf(term, source) > 0) df++;
            return df;
          },
      fold: foldChunk,
      foldLabel,
      places: (s) => tokenizer.places(s),
    };
    return { decision: selectAnswer(analysis, candidates, ctx, answering, { explain, subjectMissed }), candidates };
  }

  /**
   * The byline of a document, for a question that asks who wrote, reported or edited it (see writer-bylines): its
   * passage, its offsets in the document and its text, if the document has one. A byline opens or closes a text: only
   * the first and last BYLINE_PASSAGES passages are read, whatever the document's length.
   */
  async function bylineOf(analysis: QuestionAnalysis, source: string): Promise<{ chunk: LoadedChunk; span: Span; text: string } | undefined> {
    const bylines = writerAsked(analysis);
    if (!bylines) return undefined;
    const ids = (await corpus.documentChunks([source])).map((c) => c.id);
    const ends = ids.length <= 2 * BYLINE_PASSAGES ? ids : [...ids.slice(0, BYLINE_PASSAGES), ...ids.slice(-BYLINE_PASSAGES)];
    const chunks = await corpus.chunks(ends);
    for (const id of ends) {
      const chunk = chunks.get(id);
      const at = chunk && bylineIn(foldChunk(id, chunk.text), bylines);
      if (at) return { chunk, span: { start: chunk.start + at.start, end: chunk.start + at.end }, text: chunk.text.slice(at.start, at.end) };
    }
    return undefined;
  }

  /**
   * The answering window among the best hits (and their neighbours), as an Answer; `undefined` when none is good enough.
   * A question that asks who wrote the document the answer is from is answered by its byline, where it has one (see
   * `writerAsked`).
   */
  async function answerFrom(view: CorpusView, analysis: QuestionAnalysis, hits: ScoredChunk[], query: string, topK: number): Promise<Answer | undefined> {
    const { decision, candidates } = await decide(view, analysis, hits);
    const best = decision.best;
    if (!best || decision.probability < threshold) return undefined;
    const chosen = candidates.find((c) => c.chunk.id === best.chunkId)!;
    const byline = await bylineOf(analysis, chosen.chunk.source);
    if (!byline && decision.unstated) return undefined;
    const { chunk, span, text } = byline ?? { chunk: chosen.chunk, span: best.span, text: best.text };
    const ranked = hits.some((h) => h.id === chunk.id)
      ? hits
      : [{ id: chunk.id, chunk, score: chosen.retrieval * (hits[0]?.score ?? 1), keyword: 0, vector: 0, document: 0 }, ...hits];
    const citations = toCitations(ranked, topK, chunk.id);
    citations[0].highlight = span;
    return { answer: `${inAskersScript(query, text)}[1]`, found: true, query, citations };
  }

  /** The corpus's place names: a new array only when documents changed (what the name and translation indexes key on). */
  const currentPlaces = () => placeNames?.() ?? NO_PLACES;
  let names: { list: readonly string[]; index: NameIndex } | undefined;
  const nameIndex = () => {
    const list = currentPlaces();
    if (names?.list !== list) names = { list, index: new NameIndex(list) };
    return names.index;
  };

  /**
   * The question after follow-up rewriting and name correction, its analysis, a view that knows its terms, and the
   * names it corrected.
   */
  async function understand(raw: string, history: string[]): Promise<{ query: string; analysis: QuestionAnalysis; view: CorpusView; corrections: NameCorrection[] }> {
    const rawAnalysis = analyzeQuestion(raw, tokenizer);
    const before = await corpus.view([...history.map((h) => analyzeQuestion(h, tokenizer)), rawAnalysis].flatMap(termsOf));
    const rewritten = rewriteFollowUp(raw, history, {
      tokenize: (s) => tokenizer.tokenize(foldText(s)),
      focus: (term) => before.focus(term)?.share ?? 0,
      places: (s) => tokenizer.places(s),
    });
    const folded = foldText(rewritten);
    const words = rewritten === raw ? rawAnalysis.words : tokenizer.tokenize(folded);
    const { text, corrections } = correctNames(folded, nameIndex(), (term) => before.documentDf(term) > 0, words);
    const query = corrections.length ? text : rewritten;
    // Each question is analysed once: the rewritten one only when the rewrite changed it.
    const analysis = query === raw ? rawAnalysis : analyzeQuestion(query, tokenizer);
    const view = query === raw ? before : await corpus.view(termsOf(analysis));
    return { query, analysis, view, corrections };
  }

  const cleanHistory = (history: string[] = []) => history.map((h) => h.trim()).filter(Boolean);

  /** The corpus's translator (see corpus-translator), built again when `placeNames` hands a new array. */
  const translator = translation ? corpusTranslator(translation, currentPlaces) : async () => undefined;
  /** An English question in Chinese (and its earlier turns), or undefined for a question asked as it is. */
  const translate = async (question: string) => (/[A-Za-z]{2}/.test(question) ? (await translator())?.translate(question) : undefined);
  /**
   * The Chinese of an English question, each word's choice weighed by the documents the question is about (the ones its
   * names are the subject of): a choice those documents never use is likely the wrong sense.
   */
  async function inChinese(english: EnglishQuestion): Promise<string> {
    const choices = english.slots.flat().map((c) => c.term);
    /** Each choice as the words the index cuts it into (a glossary's 专项债 as 专项 债), as the translator counted it. */
    const parts = new Map(choices.map((term) => [term, translation?.tokenize?.(term) ?? []]));
    const view = await corpus.view([...english.anchors, ...choices, ...[...parts.values()].flat()]);
    const sources = [...new Set(english.anchors.map((a) => focusSource(view, a)).filter((s): s is string => s !== undefined))];
    if (!sources.length) return english.query;
    const tf = (term: string) => sources.reduce((n, source) => n + view.documentTf(term, source), 0);
    /** How often the documents use a choice: as one word, else at most as often as its least used word. */
    const uses = (term: string) => tf(term) || compoundUse(parts.get(term) ?? [], tf);
    return chooseQuery(english, (term) => (uses(term) > 0 ? 1 : OFF_SUBJECT), uses);
  }
  const askedAs = async (question: string) => {
    const english = await translate(question);
    return english ? inChinese(english) : question;
  };

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const raw = validate(question);
    const topK = Math.min(20, Math.max(1, options.topK ?? settings.topK));
    const timings = options.timings ?? {};
    const talk = detectSmallTalk(raw);
    if (talk) {
      const [{ documents }, titles] = await Promise.all([corpus.counts(), corpus.titles(2)]);
      return { answer: smallTalkReply(talk, { documents, titles }), found: false, query: raw, citations: [], intent: 'smalltalk' };
    }
    let t = performance.now();
    const english = await translate(raw);
    // An English question asked as it is (over English documents) is refused in English too.
    const say = english || inLatinScript(raw) ? ENGLISH_REPLIES : CHINESE_REPLIES;
    const language = say === ENGLISH_REPLIES ? { language: 'en' as const } : {};
    if (english?.unknown.length) return { answer: say.nothingAbout(english.unknown), found: false, query: english.query, citations: [], ...language };
    const history = await Promise.all(cleanHistory(options.history).map(askedAs));
    const understood = await understand(english ? await inChinese(english) : raw, history);
    const { query, view, corrections } = understood;
    // An English question that names a text (an article, a report) says so, which its Chinese may not.
    const analysis = english?.namesText ? { ...understood.analysis, namesText: true } : understood.analysis;
    timings.rewrite = performance.now() - t;

    const missing = unknownPlaces(view, analysis);
    if (missing.length) return { answer: say.nothingAbout(missing), found: false, query, citations: [], ...language };
    const k = Math.max(topK, settings.answerPassages);
    const { hits, view: searched } = await retrieve(view, analysis, k, { signal: options.signal, timings, scoped: true });
    const unnamed = unnamedIn(view, analysis, hits);
    if (unnamed.length) return { answer: say.nothingAbout(unnamed), found: false, query, citations: [], ...language };
    t = performance.now();
    const answer = untitledIn(analysis, hits).length ? undefined : await answerFrom(searched, analysis, hits, query, topK);
    timings.answer = performance.now() - t;
    // A misspelt name was read as another: the answer says which.
    if (answer && corrections.length) answer.answer = `${say.readAs(corrections)}${answer.answer}`;
    const result = answer ?? { answer: say.notFound, found: false, query, citations: [], related: relatedPassages(view, analysis, hits), ...language };
    return english ? frameInEnglish(result, english, { placeNames: placeNames?.() ?? [], known: (term) => view.documentDf(term) > 0 }) : result;
  }

  /**
   * Everything the answer stage saw for a question: the rewritten query, the hits, every candidate window with its
   * features and score, and the verdict. For training the answer model and for explaining an answer.
   */
  async function inspect(question: string, options: { history?: string[] } = {}) {
    const raw = validate(question);
    const { query, analysis, view } = await understand(await askedAs(raw), await Promise.all(cleanHistory(options.history).map(askedAs)));
    const { hits, view: searched } = await retrieve(view, analysis, Math.max(settings.topK, settings.answerPassages), { scoped: true });
    const missing = [...unknownPlaces(view, analysis), ...unnamedIn(view, analysis, hits)];
    const { decision } = await decide(searched, analysis, hits, true);
    return { query, analysis, missingPlaces: missing, missingTitles: untitledIn(analysis, hits), hits: hits.map(describe), decision, threshold };
  }

  async function chat(messages: ChatMessage[], options: Omit<AskOptions, 'history'> = {}): Promise<Answer> {
    const users = messages.filter((m) => m.role === 'user').map((m) => m.content);
    const last = messages[messages.length - 1];
    if (!last || last.role !== 'user') throw new AppError('bad_request', 'The last message must be the user’s question.');
    return ask(last.content, { ...options, history: users.slice(0, -1) });
  }

  async function search(question: string, k = settings.topK, signal?: AbortSignal): Promise<{ query: string; hits: SearchHit[] }> {
    const query = validate(question);
    const analysis = analyzeQuestion(await askedAs(query), tokenizer);
    const view = await corpus.view(termsOf(analysis));
    const { hits } = await retrieve(view, analysis, Math.min(50, Math.max(1, k)), { signal, scoped: true });
    return { query, hits: hits.slice(0, k).map(describe) };
  }

  return { ask, chat, search, inspect, validate, settings, counts: () => corpus.counts(), translator };
}
