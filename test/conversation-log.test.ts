import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createPrometheusMetrics } from '../src/adapters/node/prometheus-metrics.js';
import { createWeChatApp } from '../src/channels/wechat/wechat-app.js';
import { openConversationLog, DATABASE_FILE } from '../src/entries/node/conversation-log.js';
import type { AnswerLog } from '../src/core/conversation/answer-log.js';
import type { OpenedIndex } from '../src/entries/node/open-index.js';
import { openTestIndex, seedCorpus, tempDir } from './support/open-test-index.js';
import { parseSse, serveOnLoopback } from './support/serve.js';
import { createMemoryStore } from './support/memory-store.js';
import { signedQuery, textMessage, wechatSettings } from './support/wechat-sim.js';
import { silentLogger } from '../src/core/observability.js';

const TOKEN = 'admin-token-for-the-log';
const WECHAT_TOKEN = 'wechat-token';
const ADDRESS = '203.0.113.77';
const FOUND = '平陆招商目标是多少';
const REFUSED = '火星移民计划什么时候开始';

let opened: OpenedIndex;
let dataDir: string;
let answers: AnswerLog;
let metrics: ReturnType<typeof createPrometheusMetrics>;
let app: Hono;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const bearer = (token = TOKEN) => ({ headers: { authorization: `Bearer ${token}` } });
const ask = async (question: string, headers: Record<string, string> = {}) => (await app.request('/api/ask', json({ question }, headers))).json();
const list = async (query = '') => {
  const res = await app.request(`/api/admin/conversations${query}`, bearer());
  expect(res.status).toBe(200);
  return res.json() as Promise<{ items: Record<string, unknown>[]; next: string | null }>;
};

function build(log: AnswerLog) {
  const wechat = createWeChatApp({
    engine: () => opened.engine,
    deliveries: createMemoryStore(),
    conversations: createMemoryStore(),
    log,
    settings: wechatSettings(WECHAT_TOKEN),
  });
  return createApp({
    engine: () => opened.engine,
    metrics,
    answers: log,
    channels: [wechat],
    clientKey: (c) => c.req.header('x-test-client') ?? ADDRESS,
    http: { adminToken: TOKEN, rateLimitPerMinute: 0 },
  });
}

beforeAll(async () => {
  opened = await openTestIndex(await seedCorpus());
  dataDir = await tempDir('zhida-data-');
  metrics = createPrometheusMetrics();
  answers = await openConversationLog({ DATA_DIR: dataDir, LOG_RETENTION_DAYS: 90, TIMEZONE: 'Asia/Shanghai' }, { logger: silentLogger, metrics });
  app = build(answers);
  server = await serveOnLoopback(app);
});
afterAll(async () => {
  await server?.close();
  await answers?.close();
});

describe('answer ids', () => {
  it('gives every /api/ask and /api/chat answer its own id, and logs it under that id', async () => {
    const a = await ask(FOUND);
    const b = await ask(FOUND);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.id).not.toBe(a.id);
    const chat = await (await app.request('/api/chat', json({ messages: [{ role: 'user', content: FOUND }] }))).json();
    expect(chat.id).toMatch(/^[0-9a-f-]{36}$/);
    const { items } = await list('?limit=3');
    expect(items.map((i) => i.id)).toEqual([chat.id, b.id, a.id]);
    expect(items[2]).toMatchObject({ channel: 'http', question: FOUND, query: a.query, answer: a.answer, found: true, rating: null, comment: null });
    expect(items[2].sources).toEqual([...new Set(a.citations.map((c: { source: string }) => c.source))]);
    expect(items[2].latency_ms).toEqual(expect.any(Number));
    expect(new Date(items[2].time as string).toISOString()).toBe(items[2].time);
  });

  it('sends the id in the stream’s done event, and logs the widget’s questions as channel widget', async () => {
    const res = await app.request('/api/chat', json({ messages: [{ role: 'user', content: FOUND }], stream: true }, { 'x-client': 'widget' }));
    const done = JSON.parse(parseSse(await res.text()).at(-1)!.data);
    expect(done.id).toMatch(/^[0-9a-f-]{36}$/);
    const { items } = await list('?limit=1');
    expect(items[0]).toMatchObject({ id: done.id, channel: 'widget', answer: done.answer });
  });

  it('uses the answer id as the OpenAI completion id, streamed or not', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused' });
    const completion = await client.chat.completions.create({ model: 'zhida', messages: [{ role: 'user', content: FOUND }] });
    expect((await list('?limit=1')).items[0]).toMatchObject({ id: completion.id, channel: 'openai', question: FOUND });
    const ids = new Set<string>();
    for await (const chunk of await client.chat.completions.create({ model: 'zhida', stream: true, messages: [{ role: 'user', content: REFUSED }] })) ids.add(chunk.id);
    expect(ids.size).toBe(1);
    expect((await list('?limit=1')).items[0]).toMatchObject({ id: [...ids][0], channel: 'openai', question: REFUSED, found: false });
  });

  it('logs WeChat questions as channel wechat', async () => {
    const res = await app.request(`/wechat?${signedQuery(WECHAT_TOKEN)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textMessage('o_wechat_user', FOUND, '9001') });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('50个');
    expect((await list('?limit=1')).items[0]).toMatchObject({ channel: 'wechat', question: FOUND, found: true });
  });
});

describe('POST /api/feedback', () => {
  it('stores a rating with its comment, and a second rating replaces the first', async () => {
    const { id } = await ask(REFUSED);
    expect((await app.request('/api/feedback', json({ id, rating: 'up' }))).status).toBe(204);
    const res = await app.request('/api/feedback', json({ id, rating: 'down', comment: '  没有回答我的问题  ' }));
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    const { items } = await list('?rating=down');
    expect(items.find((i) => i.id === id)).toMatchObject({ rating: 'down', comment: '没有回答我的问题', found: false });
  });

  it('answers 404 for an unknown id and 400 for a bad rating, comment or body', async () => {
    const unknown = await app.request('/api/feedback', json({ id: 'no-such-answer', rating: 'up' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
    const { id } = await ask(FOUND);
    for (const body of [{ id, rating: 'meh' }, { id }, { rating: 'up' }, { id, rating: 'down', comment: '长'.repeat(1001) }, { id: '', rating: 'up' }]) {
      const res = await app.request('/api/feedback', json(body));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect((await app.request('/api/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
  });
});

describe('admin conversations', () => {
  it('answers 401 without a token or with a wrong one, and 403 when no ADMIN_TOKEN is set', async () => {
    for (const path of ['/api/admin/conversations', '/api/admin/conversations.csv', '/api/admin/stats']) {
      expect((await app.request(path)).status).toBe(401);
      const wrong = await app.request(path, bearer('wrong-token'));
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
      const open = createApp({ engine: () => opened.engine, answers, http: { rateLimitPerMinute: 0 } });
      expect((await open.request(path, bearer())).status).toBe(403);
    }
  });

  it('filters by found, rating, channel and text', async () => {
    const all = (await list('?limit=200')).items;
    const refused = (await list('?found=false&limit=200')).items;
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((i) => i.found === false)).toBe(true);
    expect((await list('?found=true&limit=200')).items.length + refused.length).toBe(all.length);
    expect((await list('?rating=down')).items.every((i) => i.rating === 'down')).toBe(true);
    expect((await list('?rating=up')).items).toEqual([]);
    const wechat = (await list('?channel=wechat')).items;
    expect(wechat.map((i) => i.channel)).toEqual(['wechat']);
    const mars = (await list('?q=火星')).items;
    expect(mars.length).toBeGreaterThan(0);
    expect(mars.every((i) => String(i.question).includes('火星'))).toBe(true);
    // LIKE's wildcards are taken literally: answers contain 60%以上, none %平陆.
    expect((await list(`?q=${encodeURIComponent('%平陆')}`)).items).toEqual([]);
    expect((await list(`?q=${encodeURIComponent('60%以上')}`)).items.length).toBeGreaterThan(0);
    expect((await list('?channel=openai&found=false')).items.map((i) => i.question)).toEqual([REFUSED]);
  });

  it('answers 400 for a filter with a bad value', async () => {
    for (const query of ['found=yes', 'rating=meh', 'channel=fax', 'limit=0', 'limit=201', 'limit=x', 'cursor=abc', `q=${'长'.repeat(201)}`]) {
      const res = await app.request(`/api/admin/conversations?${query}`, bearer());
      expect(res.status, query).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    expect((await app.request('/api/admin/conversations.csv?found=maybe', bearer())).status).toBe(400);
    expect((await app.request('/api/admin/stats?days=0', bearer())).status).toBe(400);
    expect((await app.request('/api/admin/stats?days=366', bearer())).status).toBe(400);
  });

  it('pages newest first through every entry with the cursor, none twice, next null on the last page', async () => {
    const all = (await list('?limit=200')).items.map((i) => i.id);
    const paged: unknown[] = [];
    let cursor: string | null = '';
    let pages = 0;
    while (cursor !== null) {
      const page = await list(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items.map((i) => i.id));
      cursor = page.next;
      pages++;
    }
    expect(paged).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 2));
    const times = (await list('?limit=200')).items.map((i) => Date.parse(i.time as string));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('exports CSV with a UTF-8 BOM, a header, one row per entry and formulas kept as text', async () => {
    await ask('=HYPERLINK("http://evil.example","点我")');
    const res = await app.request('/api/admin/conversations.csv', bearer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFid,time,channel,question,query,answer,found,sources,rating,comment,latency_ms\r\n')).toBe(true);
    expect(text).toContain(FOUND);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const all = (await list('?limit=200')).items;
    const rows = text.trim().split('\r\n').length - 1;
    expect(rows).toBe(all.length);
    const refused = new TextDecoder().decode(new Uint8Array(await (await app.request('/api/admin/conversations.csv?found=false', bearer())).arrayBuffer()));
    expect(refused.trim().split('\r\n').length - 1).toBe(all.filter((i) => i.found === false).length);
  });
});

describe('admin stats', () => {
  it('counts what was asked: questions and found per day, found rate, ratings, unanswered grouped by folded text', async () => {
    const before = await (await app.request('/api/admin/stats?days=7', bearer())).json();
    const r1 = await ask('月球基地的预算是多少');
    await ask('月球基地的預算是多少？');
    await ask('月球基地的预算是多少 ?');
    const f = await ask(FOUND);
    expect([r1.found, f.found]).toEqual([false, true]);
    await app.request('/api/feedback', json({ id: f.id, rating: 'up' }));
    await app.request('/api/feedback', json({ id: r1.id, rating: 'down' }));
    const res = await app.request('/api/admin/stats?days=7', bearer());
    expect(res.status).toBe(200);
    const stats = await res.json();
    expect(stats.questions).toBe(before.questions + 4);
    expect(stats.found).toBe(before.found + 1);
    expect(stats.ratings).toEqual({ up: before.ratings.up + 1, down: before.ratings.down + 1 });
    expect(stats.found_rate).toBeCloseTo(stats.found / stats.questions, 4);
    expect(stats.by_day).toHaveLength(7);
    expect(stats.by_day.at(-1).date).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
    expect(stats.by_day.reduce((n: number, d: { questions: number }) => n + d.questions, 0)).toBe(stats.questions);
    expect(stats.top_unanswered[0]).toEqual({ question: '月球基地的预算是多少 ?', count: 3 });
    const logged = (await list('?limit=200')).items;
    expect(stats.questions).toBe(logged.length);
    expect(stats.found).toBe(logged.filter((i) => i.found).length);
    expect(stats.ratings.down).toBe(logged.filter((i) => i.rating === 'down').length);
    const defaults = await (await app.request('/api/admin/stats', bearer())).json();
    expect(defaults.by_day).toHaveLength(30);
    expect(defaults.questions).toBe(stats.questions);
  });
});

describe('privacy, durability and metrics', () => {
  it('stores a salted hash of the client, the same for the same client, and the address nowhere in the database files', async () => {
    await ask(FOUND, { 'x-test-client': '198.51.100.23' });
    await ask(REFUSED, { 'x-test-client': '198.51.100.23' });
    await answers.flush();
    const rows = (answers.store ? (await answers.store.list({}, 200)).items : []).map((e) => e.client);
    expect(rows.every((c) => /^[0-9a-f]{32}$/.test(c ?? ''))).toBe(true);
    expect(rows[0]).toBe(rows[1]);
    expect(rows[0]).not.toBe(rows.at(-1));
    for (const file of await readdir(dataDir)) {
      const bytes = await readFile(join(dataDir, file));
      for (const address of [ADDRESS, '198.51.100.23', 'o_wechat_user']) expect(bytes.includes(Buffer.from(address)), `${address} in ${file}`).toBe(false);
    }
  });

  it('keeps the log across a restart (the store reopened from DATA_DIR)', async () => {
    const before = (await list('?limit=200')).items;
    const salt = await readFile(join(dataDir, 'client-salt'), 'utf8');
    await answers.close();
    answers = await openConversationLog({ DATA_DIR: dataDir, LOG_RETENTION_DAYS: 90, TIMEZONE: 'Asia/Shanghai' }, { logger: silentLogger, metrics });
    app = build(answers);
    expect((await list('?limit=200')).items).toEqual(before);
    expect(await readFile(join(dataDir, 'client-salt'), 'utf8')).toBe(salt);
    const { id } = await ask(FOUND);
    expect((await app.request('/api/feedback', json({ id: before[0].id, rating: 'up' }))).status).toBe(204);
    expect((await list('?limit=1')).items[0].id).toBe(id);
    expect(await readdir(dataDir)).toContain(DATABASE_FILE);
  });

  it('counts answers by channel and found, and feedback, in /metrics', async () => {
    const body = await (await app.request('/metrics')).text();
    expect(body).toMatch(/zhida_answers_total\{channel="http",found="true"\} [1-9]/);
    expect(body).toMatch(/zhida_answers_total\{channel="http",found="false"\} [1-9]/);
    expect(body).toMatch(/zhida_answers_total\{channel="widget",found="true"\} 1\b/);
    expect(body).toMatch(/zhida_answers_total\{channel="openai",found="false"\} 1\b/);
    expect(body).toMatch(/zhida_answers_total\{channel="wechat",found="true"\} 1\b/);
    expect(body).toMatch(/zhida_feedback_total\{rating="up"\} 3\b/);
    expect(body).toMatch(/zhida_feedback_total\{rating="down"\} 2\b/);
    expect(body).toMatch(/zhida_log_store_errors_total\{operation="append"\} 0\b/);
  });
});
