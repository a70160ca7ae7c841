/** @module llm-answering: the engine the Node channels answer with: the plain one, or one whose answers an LLM may write (LLM_BASE_URL). */
import type { Config } from '../../config.js';
import type { Engine } from '../../core/engine.js';
import type { Logger, Metrics } from '../../core/observability.js';
import { withLlm } from '../../core/llm/with-llm.js';
import { createOpenAIChatModel } from '../../adapters/openai/openai-chat-model.js';
import { createJiebaNameFinder } from '../../adapters/node/jieba-names.js';

export interface LlmWiring {
  /** The places the corpus's documents name (names in a generated answer are checked against the passages). */
  placeNames: () => readonly string[];
  metrics?: Metrics;
  logger?: Logger;
}

export function llmAnswering(config: Config, engine: Engine, { placeNames, metrics, logger }: LlmWiring): Engine {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return engine;
  return withLlm(engine, {
    model: createOpenAIChatModel({ baseURL: config.LLM_BASE_URL, model: config.LLM_MODEL, apiKey: config.LLM_API_KEY }),
    names: createJiebaNameFinder(placeNames),
    settings: { timeoutMs: config.LLM_TIMEOUT_MS, maxTokens: config.LLM_MAX_TOKENS },
    metrics,
    logger,
  });
}
