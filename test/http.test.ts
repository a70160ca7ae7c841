import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { openTestIndex, seedCorpus } from './support/open-test-index.js';
import type { Engine } from '../src/core/engine.js';

let app: Hono;
let engine: Engine;

beforeAll(async () => {
  ({ engine } = await openTestIndex(await seedCorpus()));
  app = createApp({ engine: () => engine });
});

const post = (path: string, body: unknown, type = 'application/json') =>
  app.request(path, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('HTTP API', () => {
  it('GET /healthz is ok once the index is ready, 503 before', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', documents: 5 });
    const starting = createApp({ engine: () => undefined });
    const health = await starting.request('/healthz');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await health.json()).toEqual({ status: 'starting' });
    const ask = await starting.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"question":"平陆"}' });
    expect(ask.status).toBe(503);
    expect(ask.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await ask.json()).toMatchObject({ error: { code: 'not_ready' } });
  });

  it('POST /api/ask answers with the contract’s shape', async () => {
    const res = await post('/api/ask', { question: '平陆招商目标是多少' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ found: true, query: '平陆招商目标是多少' });
    expect(body.answer).toContain('50个');
    expect(body.citations[0]).toMatchObject({ n: 1, source: '001_583cfe85666f49d1.txt', title: '以最优作风最大担当最强干劲抓落实' });
    for (const key of ['text', 'start', 'end', 'score']) expect(body.citations[0]).toHaveProperty(key);
  });

  it('POST /api/ask refuses an on-topic question the documents cannot answer, with at most 3 related passages', async () => {
    const body = await (await post('/api/ask', { question: '衡水湖的门票多少钱' })).json();
    expect(body).toMatchObject({ found: false, citations: [] });
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.length).toBeLessThanOrEqual(3);
    for (const passage of body.related) {
      expect(passage).toMatchObject({ source: expect.stringMatching(/\.txt$/), title: expect.any(String), text: expect.stringMatching(/\S/) });
    }
  });

  it('honours topK', async () => {
    const body = await (await post('/api/ask', { question: '衡水市委书记是谁', topK: 2 })).json();
    expect(body.citations.length).toBeLessThanOrEqual(2);
  });

  it.each([
    ['an empty question', { question: '' }, 'question_empty'],
    ['a blank question', { question: '   ' }, 'question_empty'],
    ['a question of 1001 characters', { question: '长'.repeat(1001) }, 'question_too_long'],
    ['a number as question', { question: 42 }, 'bad_request'],
    ['no question', {}, 'bad_request'],
    ['topK 50', { question: '平陆', topK: 50 }, 'bad_request'],
  ])('400 for %s', async (_label, body, code) => {
    const res = await post('/api/ask', body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe(code);
    expect(json.error.message).toEqual(expect.any(String));
  });

  it('400 for malformed JSON, 415 for another content type, 413 for a huge body', async () => {
    expect((await post('/api/ask', '{"question": ')).status).toBe(400);
    expect((await post('/api/ask', 'question=x', 'text/plain')).status).toBe(415);
    expect((await post('/api/ask', JSON.stringify({ question: 'x'.repeat(300_000) }))).status).toBe(413);
  });

  it('404 JSON for an unknown route', async () => {
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('POST /api/chat answers a follow-up as a standalone question', async () => {
    const res = await post('/api/chat', {
      messages: [
        { role: 'user', content: '平陆招商目标是多少' },
        { role: 'assistant', content: '力争全年招商项目达到50个[1]' },
        { role: 'user', content: '那枣强呢？' },
      ],
    });
    const body = await res.json();
    expect(body.query).toBe('枣强招商目标是多少');
    expect(body.answer).toContain('30个');
  });

  it('POST /api/chat refuses a conversation that does not end with the user', async () => {
    const res = await post('/api/chat', { messages: [{ role: 'assistant', content: '你好' }] });
    expect(res.status).toBe(400);
  });
});
