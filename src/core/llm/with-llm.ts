/**
 * @module with-llm: an Engine whose answers a chat model may rewrite. Retrieval and the answer stage run as before;
 * an answer the stage found (never a refusal or small talk) goes to the model with its passages, and the model's
 * answer is served only when it passes verify-answer, whole, within the time limit. Otherwise the extractive answer
 * is served exactly as it was. Each attempt is counted by its outcome.
 */
import type { Engine } from '../engine.js';
import type { ChatModel, NameFinder } from '../ports.js';
import type { Answer, ChatMessage } from '../types.js';
import { AppError } from '../errors.js';
import { silentLogger, type LlmOutcome, type Logger, type Metrics } from '../observability.js';
import { buildPrompt } from './build-prompt.js';
import { verifyAnswer } from './verify-answer.js';

export interface LlmSettings {
  /** Bounds the whole model step, retries included. */
  timeoutMs: number;
  maxTokens: number;
}

export interface LlmDeps {
  model: ChatModel;
  names: NameFinder;
  settings: LlmSettings;
  metrics?: Metrics;
  logger?: Logger;
}

/** The engine's note on a misspelt name it read as another (（“平路”按“平陆”理解）), kept in front of the model's answer. */
const READ_AS = /^（[^（）]*理解）/;

/** Settles as `work` does, or rejects with the signal's reason as soon as it aborts, whether or not `work` listens. */
function until<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  let stop: () => void = () => {};
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(signal.reason);
    signal.addEventListener('abort', stop, { once: true });
  });
  work.catch(() => undefined);
  return Promise.race([work, aborted]).finally(() => signal.removeEventListener('abort', stop));
}

export function withLlm(engine: Engine, { model, names, settings, metrics, logger = silentLogger }: LlmDeps): Engine {
  const count = (outcome: LlmOutcome, detail: object = {}) => {
    metrics?.llmAnswer(outcome);
    if (outcome !== 'used') logger.warn({ outcome, model: model.modelId, ...detail }, 'LLM answer not used; the extractive answer was served');
  };

  async function compose(extractive: Answer, question: string, history: ChatMessage[], caller?: AbortSignal): Promise<Answer> {
    if (!extractive.found || extractive.intent || !extractive.citations.length) return extractive;
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new AppError('llm_timeout', `No answer from the language model within LLM_TIMEOUT_MS (${settings.timeoutMs} ms).`)),
      settings.timeoutMs,
    );
    const signal = caller ? AbortSignal.any([deadline.signal, caller]) : deadline.signal;
    try {
      const messages = buildPrompt({ question, history, extractive });
      const reply = await until(model.complete(messages, { maxTokens: settings.maxTokens, signal }), signal);
      if (!reply.complete) {
        count('rejected', { reason: `cut off at LLM_MAX_TOKENS (${settings.maxTokens})` });
        return extractive;
      }
      const verdict = verifyAnswer(reply.text, extractive.citations, names);
      if (!verdict.ok) {
        count('rejected', { reason: verdict.reason });
        return extractive;
      }
      count('used');
      const note = extractive.answer.match(READ_AS)?.[0] ?? '';
      return { ...extractive, answer: note + verdict.answer };
    } catch (err) {
      // The client went away: there is no one to serve, and nothing to count.
      if (caller?.aborted) throw caller.reason ?? err;
      if (deadline.signal.aborted) count('timeout');
      else count('error', { err: err instanceof Error ? err.message : String(err) });
      return extractive;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    ...engine,
    async ask(question, options = {}) {
      const extractive = await engine.ask(question, options);
      const history = (options.history ?? []).map((content): ChatMessage => ({ role: 'user', content }));
      return compose(extractive, question.trim(), history, options.signal);
    },
    async chat(messages, options = {}) {
      const extractive = await engine.chat(messages, options);
      return compose(extractive, messages[messages.length - 1].content.trim(), messages.slice(0, -1), options.signal);
    },
  };
}
