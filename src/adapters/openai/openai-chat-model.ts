/**
 * @module openai-chat-model: the ChatModel port on the official `openai` client, for any OpenAI-compatible server
 * (Ollama, vLLM, a cloud API). Runs on Node and on Workers (it only needs fetch). The reply is streamed and buffered:
 * nothing of it is used before it is whole.
 */
import OpenAI from 'openai';
import type { ChatModel } from '../../core/ports.js';
import { AppError } from '../../core/errors.js';

export interface OpenAIChatModelSettings {
  /** The endpoint's base, with its version path (http://127.0.0.1:11434/v1). */
  baseURL: string;
  model: string;
  /** Sent as a Bearer token; without one, no Authorization header is sent (local servers need none). */
  apiKey?: string;
  /** Retries of a failed request (the caller's signal bounds them all). */
  maxRetries?: number;
  fetch?: typeof fetch;
}

/** Reasoning models served without a reasoning parser (DeepSeek-R1, Qwen3 on some servers) think aloud in the content. */
const THINKING = /<think>[\s\S]*?<\/think>/g;

export function createOpenAIChatModel({ baseURL, model, apiKey, maxRetries = 1, fetch }: OpenAIChatModelSettings): ChatModel {
  const client = new OpenAI({
    baseURL,
    // The client insists on a key; without one the header is dropped instead.
    apiKey: apiKey ?? 'none',
    defaultHeaders: apiKey ? undefined : { Authorization: null },
    maxRetries,
    fetch,
  });
  return {
    modelId: model,
    async complete(messages, { maxTokens, signal }) {
      try {
        const stream = await client.chat.completions.create({ model, messages, max_tokens: maxTokens, temperature: 0, stream: true }, { signal });
        let text = '';
        let finish: string | null = null;
        for await (const chunk of stream) {
          const choice = chunk.choices[0];
          text += choice?.delta?.content ?? '';
          finish = choice?.finish_reason ?? finish;
        }
        return { text: text.replace(THINKING, '').trim(), complete: finish === 'stop' };
      } catch (err) {
        if (signal.aborted) throw signal.reason;
        const why = err instanceof OpenAI.APIError && err.status ? `HTTP ${err.status}` : err instanceof Error ? err.message : String(err);
        throw new AppError('llm_failed', `The language model at ${baseURL} failed: ${why}`, { cause: err });
      }
    },
  };
}
