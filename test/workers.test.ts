/**
 * The Worker in workerd (Miniflare) with a real local D1, and Workers AI and Vectorize replaced by in-test
 * implementations of those binding APIs. Given the same vectors, the Worker must answer the question set exactly as
 * the Node server does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { buildWidget } from '../src/adapters/node/build-widget.js';
import { jiebaWordList } from '../src/adapters/node/jieba-dictionary.js';
import { preparedUploads } from '../src/entries/node/prepare-uploads.js';
import { openTestIndex, recordingEmbedder, seedCorpus } from './support/open-test-index.js';
import type { Embedder } from '../src/core/ports.js';
import { sha1 } from './support/wechat-sim.js';
import { parseSse } from './support/serve.js';
import { startFakeOpenAI, type FakeOpenAI } from './support/fake-openai.js';

const ROOT = join(import.meta.dirname, '..');
const DEV = join(ROOT, 'eval/seeds/dev.jsonl');
// The dev set, and questions that exercise small talk, a misspelt place, a refusal with related passages and one about a
// place whose document the search misses (searched within it: its title read from D1).
const items: { question: string; conversation?: string[] }[] = [
  ...readFileSync(DEV, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)),
  ...['你好', '早强县委书记是谁', '衡水湖的门票多少钱', '平陆今年地区生产总值增长目标是多少'].map((question) => ({ question })),
];

let mf: Miniflare;
let llm: FakeOpenAI;
let bundleText = '';
let node: Hono;
const table: Record<string, number[]> = {};

/** The real model, recording every text it embeds and its vector (the table the Worker's AI will answer from). */
async function tableRecorder(): Promise<Embedder> {
  const inner = await recordingEmbedder();
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    async embed(texts, kind, options) {
      const out = await inner.embed(texts, kind, options);
      texts.forEach((t, i) => (table[t] = Array.from(out[i])));
      return out;
    },
  };
}

const worker = (path: string, init?: RequestInit) => mf.dispatchFetch(`http://zhida.test${path}`, init as never) as unknown as Promise<Response>;
/** An answer without its id (each answer gets its own): the LLM step's fallback is the extractive answer itself. */
const withoutId = ({ id: _id, ...answer }: { id?: string } & Record<string, unknown>) => answer;
const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  const corpus = await seedCorpus();
  const opened = await openTestIndex(corpus, undefined, {}, await tableRecorder());
  node = createApp({ engine: () => opened.engine });
  // Every question (and follow-up) once through Node, so that the table holds their vectors.
  for (const item of items) {
    const turns = item.conversation ?? [item.question];
    await opened.engine.ask(turns[turns.length - 1], { history: turns.slice(0, -1) });
  }

  const widget = await buildWidget();
  const bundle = await build({
    entryPoints: [join(ROOT, 'test/workers/test-worker.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    conditions: ['workerd', 'worker', 'browser', 'import'],
    write: false,
    plugins: [
      {
        name: 'widget',
        setup(b) {
          b.onResolve({ filter: /widget\.txt$/ }, () => ({ path: 'widget', namespace: 'widget' }));
          b.onLoad({ filter: /.*/, namespace: 'widget' }, () => ({ contents: widget, loader: 'text' }));
        },
      },
      {
        name: 'jieba-words',
        setup(b) {
          b.onResolve({ filter: /jieba-words\.txt$/ }, () => ({ path: 'jieba-words', namespace: 'jieba-words' }));
          b.onLoad({ filter: /.*/, namespace: 'jieba-words' }, () => ({ contents: jiebaWordList(), loader: 'text' }));
        },
      },
    ],
  });
  bundleText = bundle.outputFiles[0].text;
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0].text,
    compatibilityDate: '2025-01-01',
    d1Databases: ['DB'],
    bindings: { VECTOR_TABLE: table, ADMIN_TOKEN: 'worker-admin', MODEL_ID: '@cf/baai/bge-m3', WECHAT_TOKEN: 'AAAAA' },
  });
  const db = await mf.getD1Database('DB');
  for (const file of ['0001_init.sql', '0002_conversations.sql', '0003_curated_answers.sql']) {
    const migration = await readFile(join(ROOT, 'migrations', file), 'utf8');
    for (const statement of migration.replace(/--.*$/gm, '').split(';').map((s) => s.trim()).filter(Boolean)) await db.prepare(statement).run();
  }

  // Load the corpus the documented way: prepared on Node, pushed to the Worker's admin route.
  for await (const upload of preparedUploads({ CORPUS_DIR: corpus, CHUNK_SIZE: 300, CHUNK_OVERLAP: 80 })) {
    const res = await worker('/api/documents', { ...json(upload), headers: { 'content-type': 'application/json', authorization: 'Bearer worker-admin' } });
    expect(res.status, await res.clone().text()).toBe(201);
  }
}); // the hang guard of vitest.config.ts: the whole seed index, every question once, a bundle and Miniflare

afterAll(async () => {
  await mf?.dispose();
  await llm?.close();
});

describe('the Worker in workerd', () => {
  it('bundles for workerd without node:*, native addons or the file system', () => {
    expect(bundleText).not.toMatch(/from\s*"node:|require\("(node:|fs|path|os|child_process)|nodejieba|hnswlib|onnxruntime|@xenova/);
  });

  it('holds the pushed corpus: documents listed, vectors stored, healthy', async () => {
    const health = await (await worker('/healthz')).json();
    expect(health).toMatchObject({ status: 'ok', documents: 5 });
    const list = await (await worker('/api/documents', { headers: { authorization: 'Bearer worker-admin' } })).json();
    expect(list.documents).toHaveLength(5);
    const calls = await (await worker('/__test/calls')).json();
    expect(calls.vectors).toBe(health.chunks);
  });

  it('answers the question set exactly as Node does (same answers, same citations with their titles and dates)', async () => {
    let dated = 0;
    for (const item of items) {
      const turns = item.conversation ?? [item.question];
      const messages = turns.map((content) => ({ role: 'user' as const, content }));
      const a = await (await node.request('/api/chat', json({ messages }))).json();
      const b = await (await worker('/api/chat', json({ messages }))).json();
      expect(b.answer, item.question).toBe(a.answer);
      expect(b.found, item.question).toBe(a.found);
      expect(b.query, item.question).toBe(a.query);
      const shape = (cs: { n: number; source: string; start: number; end: number; text: string; title?: string; date?: string }[]) =>
        cs.map(({ n, source, start, end, text, title, date }) => ({ n, source, start, end, text, title, date }));
      expect(shape(b.citations), item.question).toEqual(shape(a.citations));
      for (let i = 0; i < a.citations.length; i++) expect(b.citations[i].score).toBeCloseTo(a.citations[i].score, 2);
      dated += b.citations.filter((c: { date?: string }) => c.date).length;
    }
    expect(dated).toBeGreaterThan(0);
  });

  it('streams /api/chat as Server-Sent Events', async () => {
    const res = await worker('/api/chat', json({ messages: [{ role: 'user', content: '平陆招商目标是多少' }], stream: true }));
    const events = parseSse(await res.text());
    expect(events.at(-1)!.event).toBe('done');
    expect(JSON.parse(events.at(-1)!.data).answer).toContain('50个');
  });

  it('serves /v1/chat/completions, /widget.js and /wechat', async () => {
    const completion = await (await worker('/v1/chat/completions', json({ model: 'zhida', messages: [{ role: 'user', content: '枣强县委书记是谁' }] }))).json();
    expect(completion.choices[0].message.content).toContain('刘新营');
    const widget = await worker('/widget.js');
    expect(widget.headers.get('content-type')).toMatch(/javascript/);
    expect((await widget.text()).length).toBeGreaterThan(1000);
    const now = String(Math.floor(Date.now() / 1000));
    const verify = await worker(`/wechat?signature=${sha1('AAAAA', now, '1514711492')}&timestamp=${now}&nonce=1514711492&echostr=4375120948345356249`);
    expect(await verify.text()).toBe('4375120948345356249');
    const ts = String(Math.floor(Date.now() / 1000));
    const msg = `<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o_w]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[衡水市委书记是谁]]></Content><MsgId>42</MsgId></xml>`;
    const reply = await (await worker(`/wechat?signature=${sha1('AAAAA', ts, '7')}&timestamp=${ts}&nonce=7`, { method: 'POST', body: msg })).text();
    expect(reply).toContain('李谦');
  });

  it('lets an OpenAI-compatible LLM write the answer, verified as on Node, through the official client bundled for workerd', async () => {
    llm = await startFakeOpenAI();
    const ask = async () => withoutId(await (await worker('/api/ask', { ...json({ question: '平陆招商目标是多少' }), headers: { 'content-type': 'application/json', 'x-test-llm-base-url': llm.baseURL } })).json());
    const extractive = withoutId(await (await worker('/api/ask', json({ question: '平陆招商目标是多少' }))).json());
    const correct = '平陆力争全年招商项目达到50个，协议总投资200亿元以上[1]。';
    llm.script = () => ({ text: correct });
    expect((await ask()).answer).toBe(correct);
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0].headers.authorization).toBe('Bearer sk-worker-test');
    expect(llm.requests[0].body).toMatchObject({ model: 'qwen2.5:7b-instruct', max_tokens: 256, stream: true });
    llm.script = () => ({ text: '平陆力争全年招商项目达到80个[1]。' });
    expect(await ask()).toEqual(extractive);
    llm.script = () => ({ status: 500 });
    expect(await ask()).toEqual(extractive);
  });

  it('logs every answer in D1 under its id (streams too), takes feedback and serves the admin log', async () => {
    const auth = { headers: { authorization: 'Bearer worker-admin' } };
    const asked = await (await worker('/api/ask', { ...json({ question: '平陆招商目标是多少' }), headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.9' } })).json();
    expect(asked.id).toMatch(/^[0-9a-f-]{36}$/);
    const streamed = await worker('/api/chat', { ...json({ messages: [{ role: 'user', content: '衡水湖的门票多少钱' }], stream: true }), headers: { 'content-type': 'application/json', 'x-client': 'widget' } });
    const done = JSON.parse(parseSse(await streamed.text()).at(-1)!.data);
    expect((await worker('/api/feedback', json({ id: done.id, rating: 'down', comment: '没回答' }))).status).toBe(204);
    expect((await worker('/api/feedback', json({ id: 'no-such-answer', rating: 'up' }))).status).toBe(404);
    expect((await worker('/api/admin/conversations')).status).toBe(401);
    const { items } = await (await worker('/api/admin/conversations?limit=200', auth)).json();
    expect(items.find((i: { id: string }) => i.id === asked.id)).toMatchObject({ channel: 'http', question: '平陆招商目标是多少', found: true, rating: null });
    expect(items.find((i: { id: string }) => i.id === done.id)).toMatchObject({ channel: 'widget', found: done.found, rating: 'down', comment: '没回答' });
    expect(items.some((i: { channel: string }) => i.channel === 'wechat')).toBe(true);
    const db = await mf.getD1Database('DB');
    const clients = ((await db.prepare('SELECT client FROM conversations').all()).results as { client: string }[]).map((r) => r.client);
    expect(clients.every((c) => /^[0-9a-f]{32}$/.test(c))).toBe(true);
    expect(JSON.stringify(await db.prepare('SELECT * FROM conversations').all())).not.toContain('203.0.113.9');
    const stats = await (await worker('/api/admin/stats?days=1', auth)).json();
    expect(stats.questions).toBe(items.length);
    expect(stats.ratings.down).toBe(1);
    const csv = await worker('/api/admin/conversations.csv', auth);
    expect([...new Uint8Array(await csv.arrayBuffer()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps curated answers (问答对) in D1: CRUD, 404, 401; bge-m3 has no calibrated threshold, so the same question text gets the answer', async () => {
    const admin = (method: string, body?: unknown, token = 'worker-admin') => ({ method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await worker('/api/admin/qa', admin('GET', undefined, 'wrong'))).status).toBe(401);
    const created = await worker('/api/admin/qa', admin('POST', { question: '衡水湖的门票多少钱', answer: '衡水湖景区免费开放，不收门票。' }));
    expect(created.status).toBe(201);
    const pair = await created.json();
    expect((await (await worker('/api/admin/qa', admin('GET'))).json()).items).toEqual([pair]);
    const answer = await (await worker('/api/ask', json({ question: '衡水湖的门票多少钱？' }))).json();
    expect(answer).toMatchObject({ answer: '衡水湖景区免费开放，不收门票。', found: true });
    expect(answer.citations[0].source).toBe(`qa:${pair.id}`);
    expect((await (await worker('/api/ask', json({ question: '平陆招商目标是多少' }))).json()).answer).toContain('50个');
    expect((await worker(`/api/admin/qa/${pair.id}`, admin('PUT', { question: '衡水湖门票', answer: '免费。' }))).status).toBe(200);
    expect((await worker(`/api/admin/qa/${pair.id}`, admin('DELETE'))).status).toBe(204);
    expect((await worker(`/api/admin/qa/${pair.id}`, admin('DELETE'))).status).toBe(404);
    expect((await worker('/api/admin/qa', admin('POST', { question: '' }))).status).toBe(400);
  });

  it('serves the admin console with sessions in D1', async () => {
    const login = await worker('/admin/login');
    expect(login.status).toBe(200);
    const csrf = /zhida_login=([0-9a-f]+)/.exec(login.headers.get('set-cookie') ?? '')![1];
    const res = await worker('/admin/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `zhida_login=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, token: 'worker-admin' }).toString(),
    });
    expect(res.status).toBe(303);
    const session = /zhida_admin=([0-9a-f]+)/.exec(res.headers.get('set-cookie') ?? '')![1];
    const overview = await worker('/admin', { headers: { cookie: `zhida_admin=${session}` }, redirect: 'manual' });
    expect(overview.status).toBe(200);
    expect(await overview.text()).toContain('每日提问与找到答案率');
    const documents = await (await worker('/admin/documents', { headers: { cookie: `zhida_admin=${session}` }, redirect: 'manual' })).text();
    expect(documents).toContain('npm run push');
  });

  it('deletes a document from D1 and Vectorize', async () => {
    const auth = { authorization: 'Bearer worker-admin' };
    const list = await (await worker('/api/documents', { headers: auth })).json();
    const doc = list.documents.find((d: { source: string }) => d.source.startsWith('004'));
    const before = (await (await worker('/__test/calls')).json()).vectors;
    expect((await worker(`/api/documents/${doc.id}`, { method: 'DELETE', headers: auth })).status).toBe(200);
    expect((await (await worker('/__test/calls')).json()).vectors).toBe(before - doc.chunks);
    const answer = await (await worker('/api/ask', json({ question: '衡水市委书记是谁' }))).json();
    expect(answer.citations.every((c: { source: string }) => !c.source.startsWith('004'))).toBe(true);
  });
});
