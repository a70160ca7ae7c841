/** @module openai-app: an OpenAI-compatible surface (/v1/chat/completions, /v1/models) so SDKs and chat front ends work unchanged. */
import { Hono, type Context } from 'hono';
import type { Engine } from '../../core/engine.js';
import type { ChatMessage, StageTimings } from '../../core/types.js';
import type { Metrics } from '../../core/observability.js';
import { AppError } from '../../core/errors.js';
import { readJson } from './read-json.js';
import { requireEngine } from './require-engine.js';
import { ChatCompletionRequest } from './schemas.js';
import { answerPieces } from './answer-pieces.js';
import { relatedText } from './related-text.js';
import { sseSession } from './sse-session.js';
import { requestSignal } from './middleware/deadline.js';
import { createAnswerLog, newAnswerId, type AnswerLog } from '../../core/conversation/answer-log.js';

export const MODEL_NAME = 'zhida';

export interface OpenAIDeps {
  engine: () => Engine | undefined;
  metrics?: Metrics;
  maxBodyBytes?: number;
  /** Gives each answer its id (the completion's id) and logs it; by default ids only. */
  log?: AnswerLog;
  clientKey?: (c: Context) => string | undefined;
}

type Content = string | null | undefined | { type: string; text?: string }[];

const textOf = (content: Content): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((p) => (p.type === 'text' ? (p.text ?? '') : '')).join('') : '';

/** A rough token count (CJK characters count one each) for the `usage` field. */
const tokens = (text: string) => (text.match(/[\u3400-\u9fff]|[A-Za-z0-9]+|\S/g) ?? []).length;

export function createOpenAIApp({ engine, metrics, maxBodyBytes = 256 * 1024, log = createAnswerLog({ metrics }), clientKey = () => undefined }: OpenAIDeps): Hono {
  const app = new Hono();
  const ready = () => requireEngine(engine);

  app.get('/v1/models', (c) =>
    c.json({ object: 'list', data: [{ id: MODEL_NAME, object: 'model', created: 1_700_000_000, owned_by: 'zhida' }] }),
  );

  app.post('/v1/chat/completions', async (c) => {
    const started = performance.now();
    const body = await readJson(c, ChatCompletionRequest, maxBodyBytes);
    const messages: ChatMessage[] = body.messages
      .filter((m) => m.role === 'user' || m.role === 'assistant')
      .map((m) => ({ role: m.role as 'user' | 'assistant', content: textOf(m.content as Content) }));
    if (!messages.length || messages[messages.length - 1].role !== 'user') {
      throw new AppError('bad_request', 'messages: the last message must be the user’s question');
    }
    const e = ready();
    const question = e.validate(messages[messages.length - 1].content);
    const id = newAnswerId();
    const created = Math.floor(Date.now() / 1000);
    const model = body.model || MODEL_NAME;
    const timings: StageTimings = {};
    const run = (signal: AbortSignal) =>
      e
        .chat(messages, { signal, timings })
        .finally(() => {
          for (const [stage, ms] of Object.entries(timings)) metrics?.stage(stage, ms);
        })
        .then((answer) => {
          log.record({ id, channel: 'openai', question, answer, latencyMs: performance.now() - started, client: clientKey(c) });
          return answer;
        });

    if (!body.stream) {
      const answer = await run(requestSignal(c));
      const content = answer.answer + relatedText(answer);
      const promptTokens = messages.reduce((n, m) => n + tokens(m.content), 0);
      const completionTokens = tokens(content);
      return c.json({
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
        citations: answer.citations,
        related: answer.related,
        found: answer.found,
        query: answer.query || question,
      });
    }

    return sseSession(
      c,
      metrics,
      async (stream, signal) => {
        const chunk = (delta: object, finish: string | null, extra: object = {}) =>
          stream.writeSSE({
            data: JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...extra }),
          });
        await chunk({ role: 'assistant', content: '' }, null);
        const answer = await run(signal);
        for (const text of answerPieces(answer.answer)) {
          if (stream.aborted) return;
          await chunk({ content: text }, null);
        }
        const related = relatedText(answer);
        if (related && !stream.aborted) await chunk({ content: related }, null);
        if (stream.aborted) return;
        await chunk({}, 'stop', { citations: answer.citations, related: answer.related, found: answer.found, query: answer.query });
        await stream.writeSSE({ data: '[DONE]' });
      },
      (error) => ({ data: JSON.stringify({ error }) }),
    );
  });

  return app;
}
