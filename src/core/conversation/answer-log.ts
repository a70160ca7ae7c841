/**
 * @module answer-log: gives every answer its id and logs it write-behind. `record` only queues (no I/O on the
 * request path); the queue is written in batches shortly after, and a store that fails costs the entries of that
 * batch, an error in the logs and a count in /metrics, never an answer.
 */
import type { Answer } from '../types.js';
import type { Logger, Metrics } from '../observability.js';
import { silentLogger } from '../observability.js';
import { AppError } from '../errors.js';
import type { ConversationStore } from './conversation-store.js';
import type { Channel, ConversationEntry, Rating } from './conversation-types.js';
import type { ClientHasher } from './client-hasher.js';
import { questionKey } from './question-key.js';
import { dayIn } from './calendar-day.js';

export interface AnsweredQuestion {
  /** The id to log the answer under when the client was given one before the answer existed (a stream's first chunk). */
  id?: string;
  channel: Channel;
  question: string;
  answer: Answer;
  latencyMs: number;
  /** The client's address or WeChat user: hashed before it is stored, never kept in clear. */
  client?: string;
}

export interface AnswerLogSettings {
  /** Where entries go; without one, answers still get ids and are counted, but nothing is kept. */
  store?: ConversationStore;
  hashClient?: ClientHasher;
  /** The zone whose calendar days the daily figures use. */
  timeZone?: string;
  retentionDays?: number;
  /** How long an entry may wait in the queue before its batch is written. */
  flushDelayMs?: number;
  /** Entries held while the store is slow; past this the oldest are dropped (and counted). */
  maxQueue?: number;
  metrics?: Metrics;
  logger?: Logger;
  now?: () => number;
}

export interface AnswerLog {
  /** True when entries are kept (a store is attached). */
  readonly keeps: boolean;
  readonly timeZone: string;
  readonly store?: ConversationStore;
  /** Queues the answer and returns its id (a new one unless given) at once; never throws. */
  record(answered: AnsweredQuestion): string;
  /** Writes what is queued; resolves when it is written (or has failed and been counted). */
  flush(): Promise<void>;
  /** Rates an answer (the second rating replaces the first); false for an unknown id. */
  rate(id: string, rating: Rating, comment?: string): Promise<boolean>;
  /** Deletes entries older than the retention period. */
  purge(): Promise<number>;
  close(): Promise<void>;
}

/** A new answer id: random, so that nobody can rate an answer they were not given. */
export const newAnswerId = (): string => crypto.randomUUID();

interface Queued extends AnsweredQuestion {
  id: string;
  time: number;
}

const DAY_MS = 86_400_000;

export function createAnswerLog({
  store,
  hashClient,
  timeZone = 'Asia/Shanghai',
  retentionDays = 90,
  flushDelayMs = 200,
  maxQueue = 10_000,
  metrics,
  logger = silentLogger,
  now = Date.now,
}: AnswerLogSettings = {}): AnswerLog {
  let queue: Queued[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written: Promise<void> = Promise.resolve();

  const failed = (operation: string, err: unknown, lost = 0) => {
    metrics?.logStoreError(operation);
    logger.error({ err, operation, lost }, 'conversation log store failed; answering goes on');
  };

  const toEntry = async (q: Queued): Promise<ConversationEntry> => ({
    id: q.id,
    time: q.time,
    day: dayIn(timeZone, q.time),
    channel: q.channel,
    question: q.question,
    questionKey: questionKey(q.question),
    query: q.answer.query,
    answer: q.answer.answer,
    found: q.answer.found,
    sources: [...new Set(q.answer.citations.map((c) => c.source))],
    latencyMs: Math.round(q.latencyMs),
    client: q.client && hashClient ? await hashClient(q.client) : undefined,
  });

  async function writeQueued(): Promise<void> {
    const batch = queue;
    queue = [];
    if (!batch.length || !store) return;
    try {
      await store.append(await Promise.all(batch.map(toEntry)));
    } catch (err) {
      failed('append', err, batch.length);
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // Batches are written one after another, in the order they were queued.
    written = written.then(writeQueued);
    return written;
  }

  return {
    keeps: Boolean(store),
    timeZone,
    store,
    record(answered) {
      const id = answered.id ?? newAnswerId();
      metrics?.answered(answered.channel, answered.answer.found);
      if (!store) return id;
      if (queue.length >= maxQueue) {
        queue.shift();
        failed('overflow', new Error(`more than ${maxQueue} entries waiting for the store`), 1);
      }
      queue.push({ ...answered, id, time: now() });
      if (!timer) {
        timer = setTimeout(() => void flush(), flushDelayMs);
        (timer as { unref?: () => void }).unref?.();
      }
      return id;
    },
    flush,
    async rate(id, rating, comment) {
      if (!store) return false;
      await flush();
      let rated: boolean;
      try {
        rated = await store.rate(id, rating, comment);
      } catch (err) {
        failed('rate', err);
        throw new AppError('log_unavailable', 'The feedback could not be stored; try again later.', { cause: err });
      }
      if (rated) metrics?.feedback(rating);
      return rated;
    },
    async purge() {
      if (!store) return 0;
      try {
        return await store.purge(now() - retentionDays * DAY_MS);
      } catch (err) {
        failed('purge', err);
        return 0;
      }
    },
    async close() {
      await flush();
      await store?.close();
    },
  };
}
