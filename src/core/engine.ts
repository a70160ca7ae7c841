/** @module engine: answers questions over a CorpusIndex; wired with a Tokenizer and an Embedder. */
import type { Embedder, Tokenizer } from './ports.js';
import type { Answer, ChatMessage, Citation, SearchHit, StageTimings } from './types.js';
import { AppError } from './errors.js';
import type { CorpusIndex } from './index/corpus-index.js';
import { hybridSearch, type FusionWeights, type ScoredChunk } from './retrieve/hybrid-search.js';
import { analyzeQuestion } from './answer/analyze-question.js';
import { selectAnswer, type AnswerCandidate } from './answer/select-answer.js';
import { rewriteFollowUp } from './answer/rewrite-followup.js';
import { LruCache } from './lru-cache.js';
import { createBatchingEmbedder } from './batching-embedder.js';
import { foldText } from './normalize/fold-text.js';
import { synonymsOf } from './normalize/synonyms.js';

export interface EngineSettings {
  topK: number;
  /** Candidates from each retriever before fusion. */
  candidates: number;
  weights: FusionWeights;
  /** Below this answer confidence the engine says it found nothing. */
  minConfidence: number;
  /** Below this coverage of the question's content words (not its place names) the engine says it found nothing. */
  minContentCoverage: number;
  answerMaxLength: number;
  /** Passages searched for the answering sentence. */
  answerPassages: number;
  maxQuestionLength: number;
  queryCacheSize: number;
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  topK: 5,
  candidates: 50,
  weights: { keyword: 0.45, vector: 0.35, document: 0.35 },
  minConfidence: 0.5,
  minContentCoverage: 0.5,
  answerMaxLength: 150,
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
  index: CorpusIndex;
  settings?: Partial<EngineSettings>;
}

export type Engine = ReturnType<typeof createEngine>;

const FOCUS_SHARE = 0.8;
/** Folded chunk texts kept for answer selection. */
const FOLD_CACHE = 20_000;
const PLACE_SUFFIX = /[省市县区州镇乡村]$/;
const NOT_FOUND = '抱歉，现有资料中没有找到能回答这个问题的内容。';

export function createEngine({ tokenizer, embedder: model, index, settings: overrides }: EngineComponents) {
  const settings: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, ...overrides };
  const embedder = createBatchingEmbedder(model);
  const queryVectors = new LruCache<string, Float32Array>(settings.queryCacheSize);
  const foldedChunks = new LruCache<number, string>(FOLD_CACHE);
  const foldChunk = (id: number, text: string) => {
    let folded = foldedChunks.get(id);
    if (folded === undefined) foldedChunks.set(id, (folded = foldText(text)));
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

  const inCorpus = (term: string) => index.documentBm25.df(term) > 0;

  /** Places the question names that no document mentions (北京市 in a corpus about 平陆 and 枣强). */
  function unknownPlaces(places: string[]): string[] {
    return places.filter((p) => {
      const base = p.replace(PLACE_SUFFIX, '');
      return !inCorpus(p) && !(base.length >= 2 && inCorpus(base)) && tokenizer.tokenize(p).every((t) => !inCorpus(t));
    });
  }

  function describe(hit: ScoredChunk): SearchHit {
    const chunk = index.chunk(hit.id)!;
    return {
      chunkId: hit.id,
      source: chunk.source,
      title: index.document(chunk.source)?.meta.title ?? chunk.source,
      text: chunk.text,
      start: chunk.start,
      end: chunk.end,
      score: Math.round(hit.score * 1000) / 1000,
    };
  }

  /** Citations numbered from 1, the answering passage first. */
  function toCitations(hits: ScoredChunk[], topK: number, first: number): Citation[] {
    const ordered = [...hits.filter((h) => h.id === first), ...hits.filter((h) => h.id !== first)];
    return ordered.slice(0, topK).map((hit, i) => {
      const { chunkId: _id, ...rest } = describe(hit);
      return { n: i + 1, ...rest };
    });
  }

  /** The document a term is the subject of: at least 80% of its occurrences are there. */
  function focusSource(term: string): string | undefined {
    const focus = index.focus(term);
    return focus && focus.share >= FOCUS_SHARE ? index.documentByKey(focus.key)?.meta.source : undefined;
  }

  function focusDocuments(tokens: string[]): Set<string> {
    return new Set(tokens.map(focusSource).filter((s): s is string => s !== undefined));
  }

  /**
   * The answer often sits just before or after the passage that matched best (a lead-in sentence, the
   * next line of a list), so the adjacent chunks of each hit are searched too, at a discount.
   */
  function withNeighbours(hits: ScoredChunk[]): AnswerCandidate[] {
    const top = hits[0]?.score || 1;
    const out = new Map<number, AnswerCandidate>();
    for (const hit of hits) out.set(hit.id, { chunk: index.chunk(hit.id)!, retrieval: hit.score / top });
    for (const hit of hits) {
      const chunk = index.chunk(hit.id)!;
      const ids = index.document(chunk.source)?.chunkIds ?? [];
      const at = ids.indexOf(hit.id);
      for (const id of [ids[at - 1], ids[at + 1]]) {
        const neighbour = id === undefined ? undefined : index.chunk(id);
        if (neighbour && !out.has(id)) out.set(id, { chunk: neighbour, retrieval: (0.7 * hit.score) / top });
      }
    }
    return [...out.values()];
  }

  /**
   * Query terms for the chunk-level BM25: synonyms join at half weight (目标 → 力争), and a term that names
   * one document's subject (平陆) counts little, since the document-level score already carries it.
   */
  function expandQuery(tokens: string[]): { tokens: string[]; weights: Map<string, number> } {
    const weights = new Map<string, number>();
    for (const t of tokens) weights.set(t, (index.focus(t)?.share ?? 0) >= FOCUS_SHARE ? 0.3 : 1);
    for (const t of tokens) for (const s of synonymsOf(t)) if (!weights.has(s)) weights.set(s, 0.5);
    return { tokens: [...weights.keys()], weights };
  }

  async function retrieve(query: string, k: number, signal?: AbortSignal, timings: StageTimings = {}) {
    const analysis = analyzeQuestion(query, tokenizer);
    let t = performance.now();
    const vector = index.vectors.size > 0 ? await embedQuery(analysis.folded, signal) : undefined;
    timings.embed = performance.now() - t;
    signal?.throwIfAborted();
    const hits = await hybridSearch(
      index,
      { ...expandQuery(analysis.tokens), vector },
      { k, candidates: settings.candidates, weights: settings.weights },
      timings,
    );
    return { analysis, hits };
  }

  async function ask(question: string, options: AskOptions = {}): Promise<Answer> {
    const raw = validate(question);
    const topK = Math.min(20, Math.max(1, options.topK ?? settings.topK));
    const timings = options.timings ?? {};
    let t = performance.now();
    const query = rewriteFollowUp(raw, (options.history ?? []).map((h) => h.trim()).filter(Boolean), {
      tokenize: (s) => tokenizer.tokenize(foldText(s)),
      focus: (term) => index.focus(term)?.share ?? 0,
      places: (s) => tokenizer.places(s),
    });
    timings.rewrite = performance.now() - t;

    const { analysis, hits } = await retrieve(query, Math.max(topK, settings.answerPassages), options.signal, timings);
    t = performance.now();
    const missing = unknownPlaces(analysis.places);
    if (missing.length) {
      timings.answer = performance.now() - t;
      return { answer: `抱歉，现有资料中没有关于“${missing.join('、')}”的内容。`, found: false, query, citations: [] };
    }
    // A question that names a document's subject (平陆, 枣强) is answered from that document only.
    const subjects = focusDocuments(analysis.tokens);
    const eligible = subjects.size ? hits.filter((h) => subjects.has(index.chunk(h.id)!.source)) : hits;
    const candidates = withNeighbours(eligible.slice(0, settings.answerPassages));
    const selection = selectAnswer(
      analysis,
      candidates,
      {
        idf: (term) => index.chunkBm25.idf(term),
        documentHas: (source, term) => {
          const key = index.document(source)?.key;
          return key !== undefined && index.documentBm25.termFrequency(term, key) > 0;
        },
        documentFocus: (source, term) => focusSource(term) === source,
        isFocus: (term) => focusSource(term) !== undefined,
        title: (source) => index.document(source)?.meta.title ?? '',
        fold: foldChunk,
        places: (s) => tokenizer.places(s),
      },
      { maxLength: settings.answerMaxLength },
    );
    timings.answer = performance.now() - t;
    if (!selection || selection.confidence < settings.minConfidence || selection.contentCoverage < settings.minContentCoverage) {
      return { answer: NOT_FOUND, found: false, query, citations: [] };
    }
    const chosen = candidates.find((c) => c.chunk.id === selection.chunkId)!;
    const ranked = hits.some((h) => h.id === selection.chunkId)
      ? hits
      : [{ id: selection.chunkId, score: chosen.retrieval * (hits[0]?.score ?? 1), keyword: 0, vector: 0, document: 0 }, ...hits];
    const citations = toCitations(ranked, topK, selection.chunkId);
    citations[0].highlight = selection.span;
    return { answer: `${selection.text}[1]`, found: true, query, citations };
  }

  async function chat(messages: ChatMessage[], options: Omit<AskOptions, 'history'> = {}): Promise<Answer> {
    const users = messages.filter((m) => m.role === 'user').map((m) => m.content);
    const last = messages[messages.length - 1];
    if (!last || last.role !== 'user') throw new AppError('bad_request', 'The last message must be the user’s question.');
    return ask(last.content, { ...options, history: users.slice(0, -1) });
  }

  async function search(question: string, k = settings.topK, signal?: AbortSignal): Promise<{ query: string; hits: SearchHit[] }> {
    const query = validate(question);
    const { hits } = await retrieve(query, Math.min(50, Math.max(1, k)), signal);
    return { query, hits: hits.slice(0, k).map(describe) };
  }

  return { ask, chat, search, validate, settings, index };
}
