/**
 * @module curated-answers: curated answers (问答对) with their questions' vectors kept in memory. A write embeds only
 * the question it changed; before each match the store's version is read, so that a pair written elsewhere (another
 * isolate of the Worker) is seen, and again only new or changed questions are embedded.
 */
import type { Embedder } from '../ports.js';
import { AppError } from '../errors.js';
import { questionKey } from '../conversation/question-key.js';
import type { CuratedStore } from './curated-store.js';
import type { CuratedAnswer, CuratedInput } from './curated-types.js';
import { cosine } from './cosine.js';
import { questionVectors } from './question-vector.js';
import { LruCache } from '../lru-cache.js';
import { foldText } from '../normalize/fold-text.js';

export interface CuratedAnswersDeps {
  store: CuratedStore;
  embedder: Embedder;
  /** Cosine similarity at or above which a question gets a pair's answer; without one, only the same folded text does. */
  threshold?: number;
  now?: () => number;
  newId?: () => string;
  /** Asked questions whose vectors are kept (LRU), so that a question asked again is not embedded again. */
  cacheSize?: number;
}

export interface CuratedMatch {
  pair: CuratedAnswer;
  similarity: number;
}

interface Cached {
  pair: CuratedAnswer;
  key: string;
  vector: Float32Array;
}

export type CuratedAnswers = ReturnType<typeof createCuratedAnswers>;

const NO_VECTOR = new Float32Array(0);
const randomId = () => crypto.randomUUID().replace(/-/g, '').slice(0, 12);

export function createCuratedAnswers({ store, embedder, threshold, now = Date.now, newId = randomId, cacheSize = 1000 }: CuratedAnswersDeps) {
  let cache = new Map<string, Cached>();
  const asked = new LruCache<string, Float32Array>(cacheSize);
  let version: string | undefined;
  let syncing: Promise<void> | undefined;

  async function load(): Promise<void> {
    const seen = await store.version();
    if (seen === version) return;
    const pairs = await store.list();
    // Without a threshold only the folded text is compared: nothing to embed.
    const changed = threshold === undefined ? [] : pairs.filter((p) => cache.get(p.id)?.pair.question !== p.question);
    const vectors = await questionVectors(embedder, changed.map((p) => p.question));
    const fresh = new Map(changed.map((p, i) => [p.id, vectors[i]]));
    cache = new Map(pairs.map((pair) => [pair.id, { pair, key: questionKey(pair.question), vector: fresh.get(pair.id) ?? cache.get(pair.id)?.vector ?? NO_VECTOR }]));
    version = seen;
  }

  /** Brings the cache up to date; concurrent callers share one reload. */
  function sync(): Promise<void> {
    syncing ??= load().finally(() => (syncing = undefined));
    return syncing;
  }

  const clean = (input: CuratedInput): Omit<CuratedAnswer, 'id' | 'updated'> => ({
    question: input.question.trim(),
    answer: input.answer.trim(),
    ...(input.source?.trim() ? { source: input.source.trim() } : {}),
  });

  /** Later than every pair's, so that the store's version moves even within one millisecond. */
  const stamp = () => Math.max(now(), ...[...cache.values()].map((c) => c.pair.updated + 1));

  async function write(pair: CuratedAnswer): Promise<CuratedAnswer> {
    await store.put(pair);
    await sync();
    return pair;
  }

  return {
    async list(): Promise<CuratedAnswer[]> {
      return store.list();
    },
    async get(id: string): Promise<CuratedAnswer> {
      const pair = await store.get(id);
      if (!pair) throw new AppError('not_found', `No curated answer has the id ${id}.`);
      return pair;
    },
    async create(input: CuratedInput): Promise<CuratedAnswer> {
      await sync();
      return write({ id: newId(), ...clean(input), updated: stamp() });
    },
    async update(id: string, input: CuratedInput): Promise<CuratedAnswer> {
      if (!(await store.get(id))) throw new AppError('not_found', `No curated answer has the id ${id}.`);
      await sync();
      return write({ id, ...clean(input), updated: stamp() });
    },
    async remove(id: string): Promise<void> {
      if (!(await store.delete(id))) throw new AppError('not_found', `No curated answer has the id ${id}.`);
      await sync();
    },
    /** The pair whose question asks the same as `question`, if one does confidently. */
    async match(question: string, signal?: AbortSignal): Promise<CuratedMatch | undefined> {
      await sync();
      if (!cache.size) return undefined;
      const key = questionKey(question);
      for (const c of cache.values()) if (c.key === key) return { pair: c.pair, similarity: 1 };
      if (threshold === undefined) return undefined;
      const text = foldText(question.trim());
      let vector = asked.get(text);
      if (!vector) asked.set(text, (vector = (await questionVectors(embedder, [question], signal))[0]));
      let best: CuratedMatch | undefined;
      for (const c of cache.values()) {
        const similarity = cosine(vector, c.vector);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { pair: c.pair, similarity };
      }
      return best;
    },
  };
}
