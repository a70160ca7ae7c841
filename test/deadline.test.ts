import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Engine } from '../src/core/engine.js';

/** An engine whose answer never comes: it waits for its signal and records that it was told to stop. */
function stuckEngine() {
  const seen = { aborted: 0 };
  const wait = (signal?: AbortSignal) =>
    new Promise<never>((_, reject) => {
      signal?.addEventListener('abort', () => {
        seen.aborted++;
        reject(signal.reason);
      });
    });
  const engine = {
    validate: (q: string) => q,
    ask: (_q: string, options: { signal?: AbortSignal } = {}) => wait(options.signal),
    chat: (_m: unknown, options: { signal?: AbortSignal } = {}) => wait(options.signal),
    search: (_q: string, _k?: number, signal?: AbortSignal) => wait(signal),
  } as unknown as Engine;
  return { engine, seen };
}

const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('request deadline', () => {
  it('answers 503 timeout past REQUEST_TIMEOUT_MS and tells the engine to stop, on every question route', async () => {
    const { engine, seen } = stuckEngine();
    const app = createApp({ engine: () => engine, http: { requestTimeoutMs: 50, rateLimitPerMinute: 0 } });
    const responses = [
      await app.request('/api/ask', post({ question: '平陆招商目标是多少' })),
      await app.request('/api/chat', post({ messages: [{ role: 'user', content: '平陆招商目标是多少' }] })),
      await app.request('/api/search?q=平陆'),
      await app.request('/v1/chat/completions', post({ messages: [{ role: 'user', content: '平陆招商目标是多少' }] })),
    ];
    for (const res of responses) {
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('timeout');
    }
    expect(seen.aborted).toBe(4);
  });
});
