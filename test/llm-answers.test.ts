import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createPrometheusMetrics } from '../src/adapters/node/prometheus-metrics.js';
import { createWeChatApp } from '../src/channels/wechat/wechat-app.js';
import { llmAnswering } from '../src/entries/node/llm-answering.js';
import { SYSTEM_PROMPT, sourceLine } from '../src/core/llm/build-prompt.js';
import type { Engine } from '../src/core/engine.js';
import type { Answer } from '../src/core/types.js';
import type { OpenedIndex } from '../src/entries/node/open-index.js';
import { openTestIndex, seedCorpus } from './support/open-test-index.js';
import { parseSse, serveOnLoopback } from './support/serve.js';
import { startFakeOpenAI, type FakeOpenAI, type Scripted } from './support/fake-openai.js';
import { createMemoryStore } from './support/memory-store.js';
import { field, signedQuery, textMessage, wechatSettings } from './support/wechat-sim.js';

const QUESTION = '平陆招商目标是多少';
const CORRECT = '平陆力争全年招商项目达到50个，协议总投资200亿元以上[1]，当年签约当年开工率达到60%以上[1]。';
const INVENTED = '平陆力争全年招商项目达到80个，协议总投资200亿元以上[1]。';
/** Long enough that only the time limit can end the wait. */
const SLOW_MS = 120_000;

let opened: OpenedIndex & { indexDir: string };
let fake: FakeOpenAI;
let metrics: ReturnType<typeof createPrometheusMetrics>;
/** The engine composed with the LLM step as the Node server composes it, and an app over it. */
let engine: Engine;
let app: Hono;
/** The same composition with a time limit far below SLOW_MS. */
let hurried: Engine;
/** What the engine answers on its own. */
let extractive: Answer;

const env = (extra: Record<string, string> = {}) =>
  loadConfig({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'qwen2.5:7b-instruct', LLM_API_KEY: 'sk-local-test', LLM_MAX_TOKENS: '300', LLM_TIMEOUT_MS: '10000', ...extra });
const wire = (config: ReturnType<typeof loadConfig>) =>
  llmAnswering(config, opened.engine, { placeNames: () => opened.index.placeNames(), metrics });
const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
/** An HTTP answer without its id (each answer gets its own), to compare with the engine's. */
const withoutId = ({ id, ...answer }: Answer & { id?: string }): Answer => {
  expect(id).toEqual(expect.any(String));
  return answer;
};
const ask = async (a: Hono, question = QUESTION) => withoutId(await (await a.request('/api/ask', json({ question }))).json());
const answerWith = (reply: Scripted | FakeOpenAI['script']) => {
  fake.script = typeof reply === 'function' ? reply : () => reply;
  fake.requests.length = 0;
};
async function counted(outcome: string): Promise<number> {
  const body = (await metrics.render()).body;
  return Number(body.match(new RegExp(`^zhida_llm_answers_total\\{outcome="${outcome}"\\} (\\d+)`, 'm'))?.[1] ?? 0);
}
/** The outcome counter's growth while `work` runs. */
async function growth(outcome: string, work: () => Promise<unknown>): Promise<number> {
  const before = await counted(outcome);
  await work();
  return (await counted(outcome)) - before;
}

beforeAll(async () => {
  opened = await openTestIndex(await seedCorpus());
  fake = await startFakeOpenAI();
  metrics = createPrometheusMetrics();
  engine = wire(env());
  hurried = wire(env({ LLM_TIMEOUT_MS: '300' }));
  app = createApp({ engine: () => engine, metrics, http: { rateLimitPerMinute: 0 } });
  extractive = await opened.engine.ask(QUESTION);
});
afterAll(async () => {
  await fake?.close();
  await opened?.close();
});

describe('LLM answers over /api/ask', () => {
  it('checks the extractive answer the tests compare with: 50个 from passage [1]', () => {
    expect(extractive.found).toBe(true);
    expect(extractive.answer).toContain('50个');
    expect(extractive.citations[0].text).toContain('50个');
  });

  it('serves a correct synthesis with its markers; the request carries the model, the key and max_tokens', async () => {
    answerWith({ text: CORRECT });
    let answer!: Answer;
    expect(await growth('used', async () => (answer = await ask(app)))).toBe(1);
    expect(answer.answer).toBe(CORRECT);
    expect(answer.found).toBe(true);
    expect(answer.citations).toEqual(extractive.citations);
    expect(fake.requests).toHaveLength(1);
    const [{ headers, body }] = fake.requests;
    expect(headers.authorization).toBe('Bearer sk-local-test');
    expect(body.model).toBe('qwen2.5:7b-instruct');
    expect(body.max_tokens).toBe(300);
    expect(body.stream).toBe(true);
    expect(body.messages[0]).toEqual({ role: 'system', content: SYSTEM_PROMPT });
    const prompt = body.messages.at(-1)!.content;
    for (const c of extractive.citations) expect(prompt).toContain(`${sourceLine(c)}\n${c.text.trim()}`);
    expect(prompt).toContain(extractive.answer);
    expect(prompt).toContain(`问题：${QUESTION}`);
  });

  it('serves the answer without the reasoning a model wrote in <think> before it', async () => {
    answerWith({ text: `<think>\n问题问招商目标，资料[1]说80个？不对，是50个。\n</think>\n\n${CORRECT}` });
    expect((await ask(app)).answer).toBe(CORRECT);
  });

  it('falls back to the extractive answer, exactly, when the LLM invents a figure', async () => {
    answerWith({ text: INVENTED });
    let answer!: Answer;
    expect(await growth('rejected', async () => (answer = await ask(app)))).toBe(1);
    expect(answer).toEqual(extractive);
  });

  it('falls back when a marker points at a passage that lacks the figure', async () => {
    const lacking = extractive.citations.find((c) => !c.text.includes('50'));
    expect(lacking).toBeDefined();
    answerWith({ text: `平陆力争全年招商项目达到50个[${lacking!.n}]。` });
    let answer!: Answer;
    expect(await growth('rejected', async () => (answer = await ask(app)))).toBe(1);
    expect(answer).toEqual(extractive);
  });

  it('falls back when a marker points at no citation, or the answer has none', async () => {
    for (const text of [`平陆力争全年招商项目达到50个[${extractive.citations.length + 1}]。`, '平陆力争全年招商项目达到50个。']) {
      answerWith({ text });
      expect(await growth('rejected', async () => expect(await ask(app)).toEqual(extractive))).toBe(1);
    }
  });

  it('falls back when the answer was cut off at LLM_MAX_TOKENS', async () => {
    answerWith({ text: '平陆力争全年招商项目达到50个[1]', finish: 'length' });
    expect(await growth('rejected', async () => expect(await ask(app)).toEqual(extractive))).toBe(1);
  });

  it('falls back within LLM_TIMEOUT_MS when the LLM is slow', async () => {
    answerWith({ text: CORRECT, delayMs: SLOW_MS });
    const slowApp = createApp({ engine: () => hurried, metrics, http: { rateLimitPerMinute: 0 } });
    const started = Date.now();
    expect(await growth('timeout', async () => expect(await ask(slowApp)).toEqual(extractive))).toBe(1);
    // Far sooner than the server would have answered: the time limit, not the server, ended the wait.
    expect(Date.now() - started).toBeLessThan(SLOW_MS / 4);
  });

  it('falls back when the LLM answers with an error (500), after retrying', async () => {
    answerWith({ status: 500 });
    expect(await growth('error', async () => expect(await ask(app)).toEqual(extractive))).toBe(1);
    expect(fake.requests.length).toBeGreaterThanOrEqual(2);
  });

  it('falls back when nothing listens at LLM_BASE_URL', async () => {
    const nowhere = llmAnswering(loadConfig({ LLM_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MODEL: 'm', LLM_TIMEOUT_MS: '10000' }), opened.engine, { placeNames: () => [], metrics });
    expect(await growth('error', async () => expect(await nowhere.ask(QUESTION)).toEqual(extractive))).toBe(1);
  });

  it('keeps the note on a misspelt place in front of the LLM answer', async () => {
    answerWith({ text: CORRECT });
    const answer = await ask(app, '平路招商目标是多少');
    expect(answer.answer).toBe(`（“平路”按“平陆”理解）${CORRECT}`);
  });

  it('never sends a refused question or small talk to the LLM', async () => {
    answerWith({ text: CORRECT });
    for (const question of ['北京市的人口是多少', '今天天气怎么样', '你好']) {
      const answer = await ask(app, question);
      expect(answer.found).toBe(false);
      expect(answer).toEqual(await opened.engine.ask(question));
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('sends no Authorization header when LLM_API_KEY is unset', async () => {
    answerWith({ text: CORRECT });
    const keyless = llmAnswering(loadConfig({ LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'qwen2.5:7b-instruct' }), opened.engine, { placeNames: () => [] });
    expect((await keyless.ask(QUESTION)).answer).toBe(CORRECT);
    expect(fake.requests[0].headers.authorization).toBeUndefined();
    expect(fake.requests[0].body.max_tokens).toBe(512);
  });

  it('is the plain engine when LLM_BASE_URL is unset: same answers, nothing in between', () => {
    expect(llmAnswering(loadConfig({}), opened.engine, { placeNames: () => [], metrics })).toBe(opened.engine);
  });
});

describe('LLM answers over /api/chat', () => {
  it('gives the LLM the conversation and the rewritten follow-up', async () => {
    answerWith({ text: CORRECT });
    const messages = [
      { role: 'user' as const, content: '枣强招商目标是多少' },
      { role: 'assistant' as const, content: '（枣强的答案）' },
      { role: 'user' as const, content: '那平陆呢？' },
    ];
    const res = await app.request('/api/chat', json({ messages }));
    const answer = (await res.json()) as Answer;
    const sent = fake.requests[0].body.messages;
    expect(sent.slice(1, 3)).toEqual(messages.slice(0, 2));
    expect(sent.at(-1)!.content).toContain('问题：那平陆呢？');
    expect(sent.at(-1)!.content).toContain(`结合上文，问题是：${answer.query}`);
  });

  it('streams only the verified answer over SSE, and done carries it', async () => {
    answerWith({ text: CORRECT });
    const events = parseSse(await (await app.request('/api/chat', json({ messages: [{ role: 'user', content: QUESTION }], stream: true }))).text());
    const done = JSON.parse(events.at(-1)!.data) as Answer;
    expect(events.at(-1)!.event).toBe('done');
    expect(done.answer).toBe(CORRECT);
    expect(events.filter((e) => e.event === 'delta').map((e) => JSON.parse(e.data).text).join('')).toBe(CORRECT);
  });

  it('stops asking the LLM, and counts nothing, when the client goes away', async () => {
    answerWith({ text: CORRECT, delayMs: SLOW_MS });
    const patient = wire(env({ LLM_TIMEOUT_MS: '14000' }));
    const server = await serveOnLoopback(createApp({ engine: () => patient, metrics, http: { rateLimitPerMinute: 0 } }));
    const outcomes = async () => Promise.all(['used', 'rejected', 'timeout', 'error'].map(counted));
    const before = await outcomes();
    const abandoned = fake.abandoned;
    try {
      const client = new AbortController();
      const res = await fetch(`${server.url}/api/chat`, { ...json({ messages: [{ role: 'user', content: QUESTION }], stream: true }), signal: client.signal });
      expect(res.status).toBe(200);
      for (let i = 0; i < 200 && !fake.requests.length; i++) await new Promise((r) => setTimeout(r, 50));
      expect(fake.requests).toHaveLength(1);
      client.abort();
      for (let i = 0; i < 200 && fake.abandoned === abandoned; i++) await new Promise((r) => setTimeout(r, 50));
      expect(fake.abandoned).toBe(abandoned + 1);
      expect(await outcomes()).toEqual(before);
    } finally {
      await server.close();
    }
  });

  it('streams the extractive answer, and nothing of the rejected one, when the LLM invents a figure', async () => {
    answerWith({ text: INVENTED });
    const res = await app.request('/api/chat', json({ messages: [{ role: 'user', content: QUESTION }], stream: true }, { 'X-Client': 'widget' }));
    const events = parseSse(await res.text());
    const deltas = events.filter((e) => e.event === 'delta').map((e) => JSON.parse(e.data).text).join('');
    expect(deltas).toBe(extractive.answer);
    expect(deltas).not.toContain('80个');
    expect(withoutId(JSON.parse(events.at(-1)!.data))).toEqual(extractive);
  });
});

describe('LLM answers over /v1 (the official openai client)', () => {
  it('serves the verified answer, streamed and not, and the extractive one when the LLM is wrong', async () => {
    const server = await serveOnLoopback(app);
    try {
      const client = new OpenAI({ baseURL: `${server.url}/v1`, apiKey: 'unused' });
      const messages = [{ role: 'user' as const, content: QUESTION }];
      for (const [script, expected] of [
        [CORRECT, CORRECT],
        [INVENTED, extractive.answer],
      ]) {
        answerWith({ text: script });
        const completion = await client.chat.completions.create({ model: 'zhida', messages });
        expect(completion.choices[0].message.content).toBe(expected);
        const stream = await client.chat.completions.create({ model: 'zhida', messages, stream: true });
        let content = '';
        for await (const chunk of stream) content += chunk.choices[0]?.delta?.content ?? '';
        expect(content).toBe(expected);
      }
      answerWith({ text: CORRECT, delayMs: SLOW_MS });
      const slow = await serveOnLoopback(createApp({ engine: () => hurried, http: { rateLimitPerMinute: 0 } }));
      try {
        const completion = await new OpenAI({ baseURL: `${slow.url}/v1`, apiKey: 'unused' }).chat.completions.create({ model: 'zhida', messages });
        expect(completion.choices[0].message.content).toBe(extractive.answer);
      } finally {
        await slow.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe('LLM answers over WeChat', () => {
  const TOKEN = 'AAAAA';
  const wechatApp = (e: Engine, settings: { apiBase?: string; appId?: string; appSecret?: string; replyDeadlineMs?: number } = {}) =>
    createWeChatApp({
      engine: () => e,
      deliveries: createMemoryStore(),
      conversations: createMemoryStore(),
      settings: wechatSettings(TOKEN, settings),
    });
  const post = (a: Hono, msgId: string) =>
    a.request(`/wechat?${signedQuery(TOKEN)}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: textMessage('o_user', QUESTION, msgId) });
  const send = async (e: Engine, msgId: string) => field(await (await post(wechatApp(e), msgId)).text(), 'Content') ?? '';

  it('replies passively with the verified answer and its sources', async () => {
    answerWith({ text: CORRECT });
    const reply = await send(engine, '9001');
    expect(reply.startsWith(CORRECT)).toBe(true);
    expect(reply).toContain(`来源：[1] ${extractive.citations[0].title}`);
  });

  it('replies passively with the extractive answer when the LLM is slow or wrong', async () => {
    answerWith({ text: CORRECT, delayMs: SLOW_MS });
    expect((await send(hurried, '9002')).startsWith(extractive.answer)).toBe(true);
    answerWith({ text: INVENTED });
    expect((await send(engine, '9003')).startsWith(extractive.answer)).toBe(true);
  });

  it('answers `success` in time when the LLM outlasts the passive reply, then sends the extractive answer by the customer-service API', async () => {
    answerWith({ text: CORRECT, delayMs: SLOW_MS });
    const sent: string[] = [];
    const wechatApi = new Hono();
    wechatApi.get('/cgi-bin/token', (c) => c.json({ access_token: 'tok', expires_in: 7200 }));
    wechatApi.post('/cgi-bin/message/custom/send', async (c) => {
      sent.push((await c.req.json()).text.content);
      return c.json({ errcode: 0, errmsg: 'ok' });
    });
    const api = await serveOnLoopback(wechatApi);
    try {
      // The passive reply's deadline is far shorter than LLM_TIMEOUT_MS, so the answer cannot be ready in time.
      const a = wechatApp(wire(env({ LLM_TIMEOUT_MS: '1500' })), { apiBase: api.url, appId: 'wx_test', appSecret: 'secret', replyDeadlineMs: 200 });
      expect(await (await post(a, '9004')).text()).toBe('success');
      for (let i = 0; i < 300 && !sent.length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(sent).toHaveLength(1);
      expect(sent[0].startsWith(extractive.answer)).toBe(true);
    } finally {
      await api.close();
    }
  });
});
