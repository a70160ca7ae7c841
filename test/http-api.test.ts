import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import OpenAI from 'openai';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createPrometheusMetrics } from '../src/adapters/node/prometheus-metrics.js';
import type { Engine } from '../src/core/engine.js';
import type { Answer, RelatedPassage } from '../src/core/types.js';
import { snippet } from '../src/channels/http/related-text.js';
import { openTestIndex, seedCorpus, type TestIndex } from './support/open-test-index.js';
import { parseSse, serveOnLoopback } from './support/serve.js';
import { makeDocx } from './support/make-files.js';

const TOKEN = 'test-admin-token';
let opened: TestIndex;
let corpus: string;
let app: Hono;
let metrics: ReturnType<typeof createPrometheusMetrics>;
let server: Awaited<ReturnType<typeof serveOnLoopback>>;

beforeAll(async () => {
  corpus = await seedCorpus();
  opened = await openTestIndex(corpus);
  metrics = createPrometheusMetrics();
  app = createApp({
    engine: () => opened.engine,
    library: () => opened.library,
    metrics,
    http: { adminToken: TOKEN, allowedOrigins: ['https://gov.example.cn'], rateLimitPerMinute: 0 },
  });
  server = await serveOnLoopback(app);
});
afterAll(() => server?.close());

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const admin = (init: RequestInit = {}) => ({ ...init, headers: { ...(init.headers as object), authorization: `Bearer ${TOKEN}` } });

describe('POST /api/chat with stream: true', () => {
  it('sends delta events that add up to the answer, then citations, then done', async () => {
    const res = await app.request('/api/chat', json({ messages: [{ role: 'user', content: '平陆招商目标是多少' }], stream: true }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = parseSse(await res.text());
    const names = events.map((e) => e.event);
    expect(names.filter((n) => n === 'delta').length).toBeGreaterThan(1);
    expect(names.slice(-2)).toEqual(['citations', 'done']);
    const done = JSON.parse(events.at(-1)!.data);
    const streamed = events.filter((e) => e.event === 'delta').map((e) => JSON.parse(e.data).text).join('');
    expect(streamed).toBe(done.answer);
    expect(done.answer).toContain('50个');
    expect(JSON.parse(events.at(-2)!.data).citations).toEqual(done.citations);
  });

  it.each([
    ['no messages', { messages: [] }],
    ['messages that are not a list', { messages: 'hi' }],
    ['an assistant message last', { messages: [{ role: 'user', content: '你好' }, { role: 'assistant', content: '您好' }] }],
    ['a message without content', { messages: [{ role: 'user' }] }],
  ])('400 with a JSON error, not 500, for %s', async (_label, body) => {
    for (const stream of [false, true]) {
      const res = await app.request('/api/chat', json({ ...body, stream }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
  });

  it('reports an invalid question as JSON before any stream starts', async () => {
    const res = await app.request('/api/chat', json({ messages: [{ role: 'user', content: ' ' }], stream: true }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'question_empty' } });
  });

  it('stops the work when the client aborts mid-stream', async () => {
    let sawAbort = false;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const slow: Engine = {
      ...opened.engine,
      chat: async (messages, options) => {
        await new Promise<void>((resolve) => {
          options?.signal?.addEventListener('abort', () => {
            sawAbort = true;
            resolve();
          });
          release();
        });
        options?.signal?.throwIfAborted();
        return opened.engine.chat(messages, options);
      },
    };
    const m = createPrometheusMetrics();
    const s = await serveOnLoopback(createApp({ engine: () => slow, metrics: m, http: { rateLimitPerMinute: 0 } }));
    const controller = new AbortController();
    const res = await fetch(`${s.url}/api/chat`, { ...json({ messages: [{ role: 'user', content: '平陆招商目标是多少' }], stream: true }), signal: controller.signal });
    expect(res.status).toBe(200);
    await held;
    controller.abort();
    for (let i = 0; i < 100 && !sawAbort; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sawAbort).toBe(true);
    for (let i = 0; i < 50; i++) {
      if (/zhida_http_inflight_requests 0\b/.test((await m.render()).body)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await m.render()).body).toMatch(/zhida_http_inflight_requests 0\b/);
    await s.close();
  });
});

describe('OpenAI-compatible API', () => {
  it('works with the official openai client, without and with streaming', async () => {
    const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused' });
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toContain('zhida');

    const completion = await client.chat.completions.create({
      model: 'zhida',
      messages: [
        { role: 'system', content: '你是政策问答助手' },
        { role: 'user', content: '平陆招商目标是多少' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0].message.content).toContain('50个');
    expect(completion.choices[0].message.content).toMatch(/\[1\]$/);
    const citations = (completion as unknown as { citations: { n: number; source: string }[] }).citations;
    expect(citations[0]).toMatchObject({ n: 1, source: '001_583cfe85666f49d1.txt' });

    const stream = await client.chat.completions.create({
      model: 'zhida',
      stream: true,
      messages: [
        { role: 'user', content: '平陆招商目标是多少' },
        { role: 'assistant', content: completion.choices[0].message.content! },
        { role: 'user', content: [{ type: 'text', text: '那枣强呢？' }] },
      ],
    });
    let text = '';
    let finish: string | null = null;
    let streamedCitations: unknown[] = [];
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      const extra = (chunk as unknown as { citations?: unknown[] }).citations;
      if (extra) streamedCitations = extra;
    }
    expect(text).toContain('30个');
    expect(finish).toBe('stop');
    expect(streamedCitations.length).toBeGreaterThan(0);
  });

  it('refuses a conversation without a user question', async () => {
    const res = await app.request('/v1/chat/completions', json({ model: 'x', messages: [{ role: 'system', content: 'hi' }] }));
    expect(res.status).toBe(400);
  });
});

describe('OpenAI-compatible API: refusals and small talk', () => {
  const REFUSAL = '抱歉，现有资料中没有找到能回答这个问题的内容。';
  let related: RelatedPassage[];
  /** The real app whose engine gives a fixed answer; the related passages are real ones from the seed corpus. */
  const answering = (answer: Answer) =>
    createApp({ engine: () => ({ ...opened.engine, chat: async () => answer }), http: { rateLimitPerMinute: 0 } });
  const ask = (a: Hono, stream = false) =>
    a.request('/v1/chat/completions', json({ model: 'zhida', stream, messages: [{ role: 'user', content: '平陆县有几座机场' }] }));
  const chunksOf = async (res: Response) =>
    parseSse(await res.text())
      .filter((e) => e.data !== '[DONE]')
      .map((e) => JSON.parse(e.data) as { choices: { delta: { content?: string } }[]; related?: RelatedPassage[] });

  beforeAll(async () => {
    related = (await opened.engine.search('平陆招商引资', 3)).hits.map(({ chunkId: _id, ...rest }) => rest);
  });

  it('appends the related passages, labelled as not the answer, and returns them in a top-level field', async () => {
    const res = await ask(answering({ answer: REFUSAL, found: false, query: '平陆县有几座机场', citations: [], related }));
    const body = await res.json();
    const content: string = body.choices[0].message.content;
    const [refusal, list] = content.split('\n\n');
    expect(refusal).toBe(REFUSAL);
    const lines = list.split('\n');
    expect(lines[0]).toBe('可能相关的内容（不是答案）：');
    expect(lines).toHaveLength(related.length + 1);
    related.forEach((r, i) => {
      const line = lines[i + 1];
      expect(line.startsWith(`${i + 1}. 《${r.title}》：`)).toBe(true);
      expect(Array.from(line.slice(`${i + 1}. 《${r.title}》：`.length)).length).toBeLessThanOrEqual(40);
    });
    expect(body).toMatchObject({ found: false, citations: [], related });
  });

  it('streams the same list after the refusal, and sends related with the last chunk', async () => {
    const app2 = answering({ answer: REFUSAL, found: false, query: '平陆县有几座机场', citations: [], related });
    const whole = (await (await ask(app2)).json()).choices[0].message.content;
    const chunks = await chunksOf(await ask(app2, true));
    expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe(whole);
    expect(chunks.at(-1)!.related).toEqual(related);
  });

  it('sends small talk and a refusal with nothing related as they are', async () => {
    const hello = '您好！我能回答关于已收录的 5 份文件的问题。';
    const smalltalk = await (await ask(answering({ answer: hello, found: false, query: '你好', citations: [], intent: 'smalltalk' }))).json();
    expect(smalltalk.choices[0].message.content).toBe(hello);
    expect(smalltalk).not.toHaveProperty('related');
    const bare = await (await ask(answering({ answer: REFUSAL, found: false, query: 'x', citations: [], related: [] }))).json();
    expect(bare.choices[0].message.content).toBe(REFUSAL);
  });

  it('cuts a snippet to one line of at most 40 characters', () => {
    expect(snippet('力争全年招商项目达到50个，\n协议总投资达到200亿元以上。')).toBe('力争全年招商项目达到50个， 协议总投资达到200亿元以上。');
    const cut = snippet('抓落实'.repeat(20));
    expect(Array.from(cut)).toHaveLength(40);
    expect(cut.endsWith('…')).toBe(true);
  });
});

describe('GET /api/search', () => {
  it('returns ranked passages', async () => {
    const res = await app.request('/api/search?q=衡水湖片区的总体定位&k=3');
    const body = await res.json();
    expect(body.hits).toHaveLength(3);
    expect(body.hits[0]).toMatchObject({ source: '004_ac523d24249772f7.txt' });
  });

  it('400 without q', async () => {
    expect((await app.request('/api/search')).status).toBe(400);
    expect((await app.request('/api/search?q=x&k=0')).status).toBe(400);
  });
});

describe('documents (admin)', () => {
  it('needs the admin token, and is off without one', async () => {
    expect((await app.request('/api/documents')).status).toBe(401);
    expect((await app.request('/api/documents', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const off = createApp({ engine: () => opened.engine, library: () => opened.library });
    const res = await off.request('/api/documents', admin());
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/ADMIN_TOKEN/);
  });

  it('uploads a file, answers from it at once and after a restart, then deletes it', async () => {
    const form = new FormData();
    const docx = await makeDocx('青山县政府工作报告', ['青山县今年力争新建农村公路120公里，改造危房300户。']);
    form.append('file', new File([docx as Uint8Array<ArrayBuffer>], '../../青山县报告.docx'));
    const res = await app.request('/api/documents', admin({ method: 'POST', body: form }));
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record).toMatchObject({ source: 'uploads/青山县报告.docx', title: '青山县政府工作报告' });
    // Into the upload folder; the corpus folder (version-controlled) is never written.
    expect(await readdir(opened.uploadDir)).toContain('青山县报告.docx');
    expect(await readdir(corpus)).not.toContain('青山县报告.docx');

    const ask = await (await app.request('/api/ask', json({ question: '青山县今年要新建多少公里农村公路' }))).json();
    expect(ask.answer).toContain('120公里');
    expect(ask.citations[0].source).toBe('uploads/青山县报告.docx');

    const list = await (await app.request('/api/documents', admin())).json();
    expect(list.documents.map((d: { source: string }) => d.source)).toContain('uploads/青山县报告.docx');

    const restarted = await openTestIndex(corpus, opened.indexDir);
    expect((await restarted.engine.ask('青山县今年要新建多少公里农村公路')).answer).toContain('120公里');

    const duplicate = new FormData();
    duplicate.append('file', new File([docx as Uint8Array<ArrayBuffer>], 'copy.docx'));
    const dup = await app.request('/api/documents', admin({ method: 'POST', body: duplicate }));
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('duplicate_document');

    const del = await app.request(`/api/documents/${record.id}`, admin({ method: 'DELETE' }));
    expect(del.status).toBe(200);
    expect(await readdir(opened.uploadDir)).not.toContain('青山县报告.docx');
    // Kept in the upload folder's trash, which is never indexed: a deletion can be undone by hand.
    const trash = await readdir(join(opened.uploadDir, '.trash'), { recursive: true });
    expect(trash.some((p) => p.endsWith('青山县报告.docx'))).toBe(true);
    expect((await opened.engine.ask('青山县今年要新建多少公里农村公路')).found).toBe(false);
    expect((await openTestIndex(corpus, opened.indexDir)).index.document('uploads/青山县报告.docx')).toBeUndefined();
    expect((await app.request(`/api/documents/${record.id}`, admin({ method: 'DELETE' }))).status).toBe(404);
  });

  it('accepts JSON text, and refuses unreadable or unsupported uploads without writing anything', async () => {
    const res = await app.request('/api/documents', admin(json({ name: '白水镇简报', text: '白水镇今年计划新建文化广场3个。' })));
    expect(res.status).toBe(201);
    const record = await res.json();
    expect(record.source).toBe('uploads/白水镇简报.txt');
    await app.request(`/api/documents/${record.id}`, admin({ method: 'DELETE' }));

    const before = [await readdir(corpus), await readdir(opened.uploadDir)];
    const bad = new FormData();
    bad.append('file', new File([new TextEncoder().encode('not a pdf')], 'bad.pdf'));
    const r1 = await app.request('/api/documents', admin({ method: 'POST', body: bad }));
    expect(r1.status).toBe(422);
    const exe = new FormData();
    exe.append('file', new File([new Uint8Array([0x4d, 0x5a])], 'tool.exe'));
    expect((await app.request('/api/documents', admin({ method: 'POST', body: exe }))).status).toBe(415);
    expect((await app.request('/api/documents', admin({ method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } }))).status).toBe(415);
    expect([await readdir(corpus), await readdir(opened.uploadDir)]).toEqual(before);
  });

  it('takes a long Chinese name (cut to 200 bytes, whole characters) and a name with a lone surrogate, and keeps both across a restart', async () => {
    const long = `${'关于进一步加强和改进基层治理工作的实施意见'.repeat(8)}.txt`;
    const odd = `白水镇\uD800简报.txt`;
    const sources: string[] = [];
    const form = new FormData();
    form.append('file', new File([new TextEncoder().encode('白水镇今年计划新建文化广场3个。')], long));
    const uploads = [
      await app.request('/api/documents', admin({ method: 'POST', body: form })),
      // JSON can carry a lone surrogate (multipart names arrive as UTF-8, where it is already U+FFFD).
      await app.request('/api/documents', admin(json({ name: odd, text: '黑山镇今年计划新建图书室5个。' }))),
    ];
    for (const res of uploads) {
      expect(res.status).toBe(201);
      sources.push((await res.json()).source);
    }
    expect(new TextEncoder().encode(sources[0].slice('uploads/'.length)).length).toBeLessThanOrEqual(200);
    expect(sources[0]).toMatch(/^uploads\/关于进一步加强.*\.txt$/);
    expect(sources[0]).not.toContain('\uFFFD');
    expect(sources[1]).toBe('uploads/白水镇简报.txt');
    expect((await readdir(opened.uploadDir)).map((n) => `uploads/${n}`)).toEqual(expect.arrayContaining(sources));
    const restarted = await openTestIndex(corpus, opened.indexDir);
    const listed = restarted.library.list().map((d: { source: string }) => d.source);
    expect(listed).toEqual(expect.arrayContaining(sources));
    const list = (await (await app.request('/api/documents', admin())).json()).documents as { id: string; source: string }[];
    for (const d of list.filter((d) => sources.includes(d.source))) {
      expect((await app.request(`/api/documents/${d.id}`, admin({ method: 'DELETE' }))).status).toBe(200);
    }
    await restarted.close();
  });

  it('413 for an upload over the limit', async () => {
    const small = createApp({ engine: () => opened.engine, library: () => opened.library, http: { adminToken: TOKEN, maxUploadBytes: 2048 } });
    const form = new FormData();
    form.append('file', new File([new Uint8Array(10_000)], 'big.txt'));
    expect((await small.request('/api/documents', admin({ method: 'POST', body: form }))).status).toBe(413);
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3 document with every route', async () => {
    const doc = await (await app.request('/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(doc));
    for (const p of ['/api/ask', '/api/chat', '/api/search', '/api/documents', '/api/documents/{id}', '/v1/chat/completions', '/v1/models', '/healthz']) {
      expect(doc.paths).toHaveProperty([p]);
    }
    expect(doc.components.schemas.AskRequest.properties.question.type).toBe('string');
  });
});

describe('middleware', () => {
  it('exposes Prometheus metrics per route and per stage', async () => {
    await app.request('/api/ask', json({ question: '衡水市委书记是谁' }));
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(/zhida_http_requests_total\{route="\/api\/ask",method="POST",status="200"\} \d+/);
    expect(text).toMatch(/zhida_http_request_duration_seconds_bucket\{le="[\d.]+",route="\/api\/ask",method="POST"\}/);
    for (const stage of ['rewrite', 'embed', 'vector', 'keyword', 'fuse', 'answer']) {
      expect(text).toContain(`zhida_answer_stage_duration_seconds_count{stage="${stage}"}`);
    }
    expect(text).toMatch(/zhida_index_documents \d+/);
  });

  it('sets a request id', async () => {
    const res = await app.request('/healthz');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });

  it('lets allowed origins in and refuses others', async () => {
    const ok = await app.request('/api/ask', { ...json({ question: '平陆县长是谁' }), headers: { 'content-type': 'application/json', origin: 'https://gov.example.cn' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://gov.example.cn');
    const other = await app.request('/api/ask', { ...json({ question: '平陆县长是谁' }), headers: { 'content-type': 'application/json', origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await app.request('/api/ask', { method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    const allowed = await app.request('/api/ask', { method: 'OPTIONS', headers: { origin: 'https://gov.example.cn', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
  });

  it('rate-limits a client on public routes with 429 and Retry-After', async () => {
    const limited = createApp({ engine: () => opened.engine, http: { rateLimitPerMinute: 60 }, clientKey: (c) => c.req.header('x-client') ?? '?' });
    const send = (client: string) => limited.request('/api/search?q=平陆', { headers: { 'x-client': client } });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await send('a')).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    const res = await send('a');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).error.code).toBe('rate_limited');
    expect((await send('b')).status).toBe(200);
    expect((await limited.request('/healthz', { headers: { 'x-client': 'a' } })).status).toBe(200);
  });

  it('times out slow requests with 503', async () => {
    const slow: Engine = { ...opened.engine, ask: () => new Promise((r) => setTimeout(() => r(opened.engine.ask('平陆')), 500)) };
    const res = await createApp({ engine: () => slow, http: { requestTimeoutMs: 50 } }).request('/api/ask', json({ question: '平陆' }));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('timeout');
  });

  it('405 with Allow for a known route and another method', async () => {
    const res = await app.request('/api/ask');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('400 JSON for deep JSON and invalid UTF-8', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r1 = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: deep });
    expect([400, 413]).toContain(r1.status);
    const r2 = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(r2.status).toBe(400);
    expect((await r2.json()).error.code).toBe('invalid_json');
  });
});

describe('hostile bytes on a real socket', () => {
  const raw = (payload: string) =>
    new Promise<string>((resolve) => {
      const socket = connect(server.port, '127.0.0.1');
      let out = '';
      socket.on('data', (d) => (out += d.toString()));
      socket.on('close', () => resolve(out));
      socket.on('error', () => resolve(out));
      socket.write(payload);
    });

  it('answers garbage with a JSON 400', async () => {
    const out = await raw('\x00\x01GARBAGE\r\n\r\n');
    expect(out).toMatch(/^HTTP\/1\.1 400/);
    expect(out).toContain('{"error":{"code":"bad_request"');
  });

  it('answers huge headers with a JSON 431', async () => {
    const out = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(out).toMatch(/^HTTP\/1\.1 431/);
    expect(out).toContain('"error"');
    expect(out).not.toMatch(/at .*\(.*\.ts:\d+/);
  });
});
