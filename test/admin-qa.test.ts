/**
 * Curated answers (问答对) through the admin API, black-box over app.request(): CRUD, errors, auth, a paraphrase of a
 * curated question answered with it (cited qa:<id>), other questions still answered from the documents, and the
 * pairs surviving a reopened database. Real model, real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { openSqliteDatabase, type SqliteDatabase } from '../src/adapters/node/sqlite-database.js';
import { createSqliteCuratedStore } from '../src/adapters/node/sqlite-curated-store.js';
import { createCuratedAnswers } from '../src/core/curated/curated-answers.js';
import { withCurated } from '../src/core/curated/with-curated.js';
import { qaThreshold } from '../src/core/curated/qa-threshold.js';
import { createAnswerLog, type AnswerLog } from '../src/core/conversation/answer-log.js';
import { createSqliteConversationStore } from '../src/adapters/node/sqlite-conversation-store.js';
import type { CuratedStore } from '../src/core/curated/curated-store.js';
import { createPrometheusMetrics } from '../src/adapters/node/prometheus-metrics.js';
import type { OpenedIndex } from '../src/entries/node/open-index.js';
import { openTestIndex, recordingEmbedder, seedCorpus, tempDir, type RecordingEmbedder } from './support/open-test-index.js';

const TOKEN = 'qa-admin-token';
const CURATED_Q = '衡水湖的门票多少钱';
const CURATED_A = '衡水湖景区免费开放，不收门票。';

let opened: OpenedIndex;
let file: string;
let db: SqliteDatabase;
let log: AnswerLog;
let embedder: RecordingEmbedder;

const auth = (token = TOKEN) => ({ authorization: `Bearer ${token}` });
const send = (method: string, body: unknown, token = TOKEN) => ({ method, headers: { 'content-type': 'application/json', ...auth(token) }, body: JSON.stringify(body) });

function build(database: SqliteDatabase): Hono {
  const curated = createCuratedAnswers({ store: createSqliteCuratedStore(database), embedder, threshold: qaThreshold(embedder.modelId) });
  const engine = withCurated(opened.engine, { curated });
  return createApp({ engine: () => engine, curated: () => curated, answers: log, http: { adminToken: TOKEN, rateLimitPerMinute: 0 } });
}

let app: Hono;
const ask = async (question: string) => (await app.request('/api/ask', send('POST', { question }))).json();

beforeAll(async () => {
  opened = await openTestIndex(await seedCorpus());
  embedder = await recordingEmbedder();
  file = join(await tempDir('zhida-qa-'), 'zhida.db');
  db = openSqliteDatabase(file);
  log = createAnswerLog({ store: createSqliteConversationStore(openSqliteDatabase(join(await tempDir('zhida-qa-log-'), 'zhida.db'))) });
  app = build(db);
});

afterAll(async () => {
  db?.close();
  await opened?.close();
});

describe('curated answers (问答对)', () => {
  it('has a calibrated threshold for the bundled model', () => {
    expect(qaThreshold('Xenova/bge-small-zh-v1.5')).toBeGreaterThan(0.5);
    expect(qaThreshold('@cf/baai/bge-m3')).toBeUndefined();
  });

  it('refuses the admin routes without a token or with a wrong one (401), and 403 when no ADMIN_TOKEN is set', async () => {
    expect((await app.request('/api/admin/qa')).status).toBe(401);
    expect((await app.request('/api/admin/qa', { headers: auth('wrong') })).status).toBe(401);
    expect((await app.request('/api/admin/qa', send('POST', { question: '问', answer: '答' }, 'wrong'))).status).toBe(401);
    expect((await app.request('/api/admin/qa/x', { method: 'DELETE', headers: auth('wrong') })).status).toBe(401);
    const disabled = createApp({ engine: () => opened.engine, curated: () => undefined });
    expect((await disabled.request('/api/admin/qa', { headers: auth() })).status).toBe(403);
  });

  it('answers 衡水湖的门票多少钱 from the documents with a refusal before any pair exists', async () => {
    const before = await ask(CURATED_Q);
    expect(before.found).toBe(false);
  });

  it('adds, lists, replaces and deletes a pair; 404 for an unknown id, 400 for a bad body', async () => {
    const created = await app.request('/api/admin/qa', send('POST', { question: '  临时问题  ', answer: '临时回答', source: '办事指南' }));
    expect(created.status).toBe(201);
    const pair = await created.json();
    expect(pair).toMatchObject({ question: '临时问题', answer: '临时回答', source: '办事指南' });
    expect(pair.id).toMatch(/^[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(pair.updated))).toBe(false);

    const listed = await (await app.request('/api/admin/qa', { headers: auth() })).json();
    expect(listed.items).toContainEqual(pair);

    const replaced = await app.request(`/api/admin/qa/${pair.id}`, send('PUT', { question: '临时问题二', answer: '新的回答' }));
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: pair.id, question: '临时问题二', answer: '新的回答', source: null });

    expect((await app.request('/api/admin/qa/000000000000', send('PUT', { question: '问', answer: '答' }))).status).toBe(404);
    expect((await app.request('/api/admin/qa/000000000000', { method: 'DELETE', headers: auth() })).status).toBe(404);
    for (const bad of [{}, { question: '问' }, { question: '   ', answer: '答' }, { question: '问', answer: 5 }, { question: '问', answer: '答', source: 'x'.repeat(301) }]) {
      const res = await app.request('/api/admin/qa', send('POST', bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    }
    expect((await app.request(`/api/admin/qa/${pair.id}`, send('PUT', { answer: '答' }))).status).toBe(400);
    expect((await app.request('/api/admin/qa', { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: '{' })).status).toBe(400);

    const deleted = await app.request(`/api/admin/qa/${pair.id}`, { method: 'DELETE', headers: auth() });
    expect(deleted.status).toBe(204);
    expect((await (await app.request('/api/admin/qa', { headers: auth() })).json()).items.map((p: { id: string }) => p.id)).not.toContain(pair.id);
    expect((await ask('临时问题二')).found).toBe(false);
  });

  it('answers a paraphrase of a curated question with its answer verbatim, found, cited qa:<id>; other questions from the documents', async () => {
    const pair = await (await app.request('/api/admin/qa', send('POST', { question: CURATED_Q, answer: CURATED_A }))).json();
    const answer = await ask('去衡水湖玩，门票要多少钱？');
    expect(answer).toMatchObject({ answer: CURATED_A, found: true });
    expect(answer.citations).toEqual([expect.objectContaining({ n: 1, source: `qa:${pair.id}`, title: CURATED_Q, text: CURATED_A })]);
    expect(typeof answer.id).toBe('string');

    const chat = await (await app.request('/api/chat', send('POST', { messages: [{ role: 'user', content: '衡水湖门票多少钱' }] }))).json();
    expect(chat.citations[0].source).toBe(`qa:${pair.id}`);
    await log.flush();
    const logged = (await log.store!.list({ text: '去衡水湖玩' }, 5)).items[0];
    expect(logged).toMatchObject({ id: answer.id, found: true, answer: CURATED_A, sources: [`qa:${pair.id}`] });

    const other = await ask('平陆招商目标是多少');
    expect(other.answer).toContain('50个');
    expect(other.citations[0].source).not.toMatch(/^qa:/);
    const nearby = await ask('衡水湖什么时候开放');
    expect(nearby.citations.every((c: { source: string }) => !c.source.startsWith('qa:'))).toBe(true);
  });

  it('embeds only the question a write changed (as a question, the instruction before it), not every pair again', async () => {
    const before = embedder.calls.filter((c) => c.kind === 'question').reduce((n, c) => n + c.texts, 0);
    await app.request('/api/admin/qa', send('POST', { question: '县长信箱在哪里', answer: '在县政府网站首页“政民互动”栏目。' }));
    const after = embedder.calls.filter((c) => c.kind === 'question').reduce((n, c) => n + c.texts, 0);
    expect(after - before).toBe(1);
  });

  it('keeps the pairs when the database is reopened', async () => {
    db.close();
    db = openSqliteDatabase(file);
    app = build(db);
    const items = (await (await app.request('/api/admin/qa', { headers: auth() })).json()).items;
    expect(items.map((p: { question: string }) => p.question)).toEqual([CURATED_Q, '县长信箱在哪里']);
    expect((await ask('衡水湖门票多少钱')).answer).toBe(CURATED_A);
  });

  it('counts curated answers and failures in /metrics; answers from the documents when the curated answers cannot be read', async () => {
    const metrics = createPrometheusMetrics();
    const broken: CuratedStore = {
      list: async () => [],
      get: async () => undefined,
      put: async () => {},
      delete: async () => false,
      version: async () => {
        throw new Error('database is locked');
      },
    };
    const failing = withCurated(opened.engine, { curated: createCuratedAnswers({ store: broken, embedder, threshold: qaThreshold(embedder.modelId) }), metrics });
    expect((await failing.ask('平陆招商目标是多少')).answer).toContain('50个');
    const working = withCurated(opened.engine, { curated: createCuratedAnswers({ store: createSqliteCuratedStore(db), embedder, threshold: qaThreshold(embedder.modelId) }), metrics });
    expect((await working.ask('去衡水湖玩，门票要多少钱？')).answer).toBe(CURATED_A);
    const { body } = await metrics.render();
    expect(body).toContain('zhida_curated_answers_total{outcome="matched"} 1');
    expect(body).toContain('zhida_curated_answers_total{outcome="error"} 1');
  });

  it('lists the qa routes in /openapi.json', async () => {
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/admin/qa', '/api/admin/qa/{id}']));
    expect(doc.components.schemas.CuratedRequest).toBeDefined();
  });
});
