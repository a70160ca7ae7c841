/**
 * @module with-curated: an Engine that answers with a curated answer (问答对) when the question asks the same as a
 * curated question, confidently (curated-answers' threshold): the answer verbatim, found, cited as `qa:<id>`.
 * Otherwise the engine answers from the documents as before. Outermost, so that no later step rewrites the answer.
 * A follow-up is matched as asked (the engine's rewritten query is not known before it answers).
 */
import type { Engine } from '../engine.js';
import type { Answer } from '../types.js';
import { silentLogger, type Logger, type Metrics } from '../observability.js';
import type { CuratedAnswers, CuratedMatch } from './curated-answers.js';
import { curatedSource } from './curated-types.js';

export function curatedAnswer(question: string, { pair, similarity }: CuratedMatch): Answer {
  return {
    answer: pair.answer,
    found: true,
    query: question,
    citations: [{ n: 1, source: curatedSource(pair.id), title: pair.question, text: pair.answer, start: 0, end: pair.answer.length, score: Math.round(similarity * 1000) / 1000 }],
  };
}

export function withCurated(engine: Engine, { curated, logger = silentLogger, metrics }: { curated: CuratedAnswers; logger?: Logger; metrics?: Metrics }): Engine {
  /** The curated answer, if any; a failing store or embedder is logged and the documents answer. */
  async function fromCurated(raw: string, signal?: AbortSignal): Promise<Answer | undefined> {
    const question = engine.validate(raw);
    try {
      const match = await curated.match(question, signal);
      if (match) metrics?.curated('matched');
      return match && curatedAnswer(question, match);
    } catch (err) {
      if (signal?.aborted) throw signal.reason ?? err;
      metrics?.curated('error');
      logger.warn({ err }, 'curated answers unavailable; answering from the documents');
      return undefined;
    }
  }

  return {
    ...engine,
    async ask(question, options = {}) {
      return (await fromCurated(question, options.signal)) ?? engine.ask(question, options);
    },
    async chat(messages, options = {}) {
      const last = messages[messages.length - 1];
      if (last?.role === 'user') {
        const answer = await fromCurated(last.content, options.signal);
        if (answer) return answer;
      }
      return engine.chat(messages, options);
    },
  };
}
