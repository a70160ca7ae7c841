import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionContext } from 'hono';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/observability.js';
import { createWeChatApp, DEFAULT_WELCOME, type WeChatSettings } from '../src/channels/wechat/wechat-app.js';
import { createReplayGuard } from '../src/channels/wechat/replay-guard.js';
import { splitReply } from '../src/channels/wechat/split-reply.js';
import { utf8Length } from '../src/channels/wechat/split-utf8.js';
import { wechatChannel } from '../src/entries/node/wechat-channel.js';
import type { Engine } from '../src/core/engine.js';
import type { KeyValueStore } from '../src/core/ports.js';
import type { Answer } from '../src/core/types.js';
import { createMemoryStore } from './support/memory-store.js';
import { openTestIndex, seedCorpus, tempDir } from './support/open-test-index.js';
import { field, sha1, signedQuery, textMessage } from './support/wechat-sim.js';

const TOKEN = 'AAAAA';
const APPID = 'wxba5fad812f8e6fb9';
const PROMPT = '（回复“更多”查看后续）';
/** 2025-06-15 15:06:40 UTC: the clock every app below runs on, unless a test moves it. */
const T = 1_750_000_000;

let engine: Engine;

beforeAll(async () => {
  ({ engine } = await openTestIndex(await seedCorpus()));
});

/** The real engine, answering `text` (when given) in place of its own answer, counting questions. */
function engineAnswering(text?: string) {
  const counter = { chats: 0 };
  const e: Engine = {
    ...engine,
    chat: async (messages, options) => {
      counter.chats++;
      const answer: Answer = await engine.chat(messages, options);
      return text ? { ...answer, answer: text, found: true, citations: [] } : answer;
    },
  };
  return { engine: e, counter };
}

interface Setup {
  settings?: Partial<WeChatSettings>;
  engine?: Engine;
  deliveries?: KeyValueStore;
  conversations?: KeyValueStore;
}

function wechatAt(clock: { ms: number }, setup: Setup = {}) {
  const e = setup.engine ?? engine;
  const channel = createWeChatApp({
    engine: () => e,
    deliveries: setup.deliveries ?? createMemoryStore(),
    conversations: setup.conversations ?? createMemoryStore(),
    settings: {
      token: TOKEN,
      appId: APPID,
      apiBase: 'https://api.weixin.example',
      replyDeadlineMs: 4500,
      holdMs: 6000,
      welcome: DEFAULT_WELCOME,
      maxBodyBytes: 64 * 1024,
      maxClockSkewS: 300,
      now: () => clock.ms,
      ...setup.settings,
    },
  });
  return createApp({ engine: () => e, channels: [channel] });
}

type App = ReturnType<typeof createApp>;
const post = (app: App, body: BodyInit, query: string, init: RequestInit = {}, ctx?: ExecutionContext) =>
  app.request(`/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body, ...init }, {}, ctx);
/** A query signed at the app's clock with a fresh nonce, as WeChat signs each delivery. */
const signedAt = (seconds: number) => signedQuery(TOKEN, undefined, String(seconds));

describe('request bodies', () => {
  it('refuses a chunked body past the cap with a 413 JSON error, reading little more than the cap', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    let pulled = 0;
    // 64 MiB on demand and no Content-Length: the old handler read all of it before looking at its size.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const app = wechatAt({ ms: T * 1000 });
    const res = await post(app, body, signedAt(T), { duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(64 * 1024 + 4 * chunk.length);
    expect(await res.json()).toEqual({ error: { code: 'payload_too_large', message: 'WeChat messages are limited to 65536 bytes.' } });
  });

  it('refuses a declared Content-Length past the cap without reading the body', async () => {
    const app = wechatAt({ ms: T * 1000 });
    const res = await post(app, textMessage('o_len', '平陆县长是谁', '1', 'gh_bot', T), signedAt(T), { headers: { 'content-length': '70000' } });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('takes the cap from WECHAT_MAX_BODY_BYTES in the Node entry; a bad value names the variable', async () => {
    const config = loadConfig({ WECHAT_TOKEN: TOKEN, INDEX_DIR: await tempDir(), WECHAT_MAX_BODY_BYTES: '2048' });
    const channel = (await wechatChannel(config, () => engine, silentLogger))!;
    const app = createApp({ engine: () => engine, channels: [channel] });
    const now = Math.floor(Date.now() / 1000);
    const padded = textMessage('o_cap', `平陆县长是谁${' '.repeat(2100)}`, '2', 'gh_bot', now);
    expect((await post(app, padded, signedAt(now))).status).toBe(413);
    const small = await post(app, textMessage('o_cap', '平陆县长是谁', '3', 'gh_bot', now), signedAt(now));
    expect(field(await small.text(), 'Content')).toContain('翟纪亭');
    expect(() => loadConfig({ WECHAT_MAX_BODY_BYTES: 'lots' })).toThrow(/WECHAT_MAX_BODY_BYTES/);
    expect(() => loadConfig({ WECHAT_MAX_CLOCK_SKEW_S: '-1' })).toThrow(/WECHAT_MAX_CLOCK_SKEW_S/);
  });
});

describe('signed requests: clock window and replays', () => {
  it('refuses a timestamp more than five minutes from the server clock, either way', async () => {
    const app = wechatAt({ ms: T * 1000 });
    for (const [offset, status] of [[-301, 401], [301, 401], [-299, 200], [299, 200]]) {
      const res = await post(app, textMessage('o_skew', '平陆县长是谁', `skew${offset}`, 'gh_bot', T + offset), signedAt(T + offset));
      expect(res.status, `timestamp ${offset} s away`).toBe(status);
      if (status === 401) expect((await res.json()).error.code).toBe('unauthorized');
    }
  });

  it('refuses a signed query used again with another body, and answers the same message resent under it once', async () => {
    const { engine: e, counter } = engineAnswering();
    const app = wechatAt({ ms: T * 1000 }, { engine: e });
    const query = signedAt(T);
    const first = await post(app, textMessage('o_replay', '平陆县长是谁', '10', 'gh_bot', T), query);
    expect(field(await first.text(), 'Content')).toContain('翟纪亭');
    // WeChat may resend a message as it was: let through, and not answered twice (MsgId).
    const resent = await post(app, textMessage('o_replay', '平陆县长是谁', '10', 'gh_bot', T), query);
    expect(resent.status).toBe(200);
    // A captured query carrying another message (plaintext signatures do not cover the body) is a replay.
    const forged = await post(app, textMessage('o_victim', '衡水市委书记是谁', '11', 'gh_bot', T), query);
    expect(forged.status).toBe(401);
    expect(counter.chats).toBe(1);
  });

  it('refuses a replayed URL verification, and a stale one', async () => {
    const app = wechatAt({ ms: T * 1000 });
    const verify = (timestamp: number, nonce: string) =>
      app.request(`/wechat?${new URLSearchParams({ signature: sha1(TOKEN, String(timestamp), nonce), timestamp: String(timestamp), nonce, echostr: '4375120948345356249' })}`);
    expect(await (await verify(T, '1514711492')).text()).toBe('4375120948345356249');
    expect((await verify(T, '1514711492')).status).toBe(401);
    expect((await verify(T - 3600, '77')).status).toBe(401);
  });

  it('still answers WeChat’s redeliveries of one message once: each is signed afresh', async () => {
    const { engine: e, counter } = engineAnswering();
    const app = wechatAt({ ms: T * 1000 }, { engine: e });
    const body = textMessage('o_retry', '平陆县长是谁', '12', 'gh_bot', T);
    const replies = await Promise.all([T, T + 5, T + 10].map(async (at) => (await post(app, body, signedAt(at))).text()));
    expect(replies.filter((r) => r.startsWith('<xml>'))).toHaveLength(1);
    expect(replies.filter((r) => r === 'success')).toHaveLength(2);
    expect(counter.chats).toBe(1);
  });

  it('remembers a signed request only while its timestamp is acceptable, and no more than its capacity', () => {
    const clock = { ms: T * 1000 };
    const guard = createReplayGuard({ maxSkewS: 300, capacity: 3, now: () => clock.ms });
    for (const nonce of ['1', '2', '3', '4', '5']) guard.admit(String(T), nonce, 'sig');
    expect(guard.size).toBe(3);
    expect(() => guard.admit(String(T), '5', 'SIG')).toThrow(/already used/);
    guard.admit(String(T), '7', 'sig', 'body-digest');
    guard.admit(String(T), '7', 'sig', 'body-digest');
    expect(() => guard.admit(String(T), '7', 'sig', 'other-digest')).toThrow(/already used/);
    clock.ms += 301_000;
    expect(() => guard.admit(String(T), '6', 'sig')).toThrow(/300 s away/);
    guard.admit(String(T + 301), '1', 'sig');
    expect(guard.size).toBe(1);
    expect(() => guard.admit('17e8', '1', 'sig')).toThrow(/seconds since the epoch/);
  });

  it('takes the window from WECHAT_MAX_CLOCK_SKEW_S in the Node entry', async () => {
    const stale = Math.floor(Date.now() / 1000) - 400;
    const appWith = async (env: Record<string, string>) => {
      const config = loadConfig({ WECHAT_TOKEN: TOKEN, INDEX_DIR: await tempDir(), ...env });
      return createApp({ engine: () => engine, channels: [(await wechatChannel(config, () => engine, silentLogger))!] });
    };
    const body = textMessage('o_late', '平陆县长是谁', '13', 'gh_bot', stale);
    expect((await post(await appWith({}), body, signedAt(stale))).status).toBe(401);
    expect((await post(await appWith({ WECHAT_MAX_CLOCK_SKEW_S: '600' }), body, signedAt(stale))).status).toBe(200);
  });
});

describe('delivery keys in a store of their own', () => {
  it('answers a redelivered message once, however many other users chat in between', async () => {
    const clock = { ms: T * 1000 };
    const written: string[] = [];
    const inner = createMemoryStore();
    const deliveries: KeyValueStore = { get: (key) => inner.get(key), set: async (key, value) => (written.push(key), inner.set(key, value)) };
    // A tiny conversation store, as a busy server's would be: it forgets users, never delivery keys.
    const conversations = createMemoryStore(2);
    const body = textMessage('o_first', '平陆县长是谁', '20', 'gh_bot', T);
    expect((await (await post(wechatAt(clock, { deliveries, conversations }), body, signedAt(T))).text()).startsWith('<xml>')).toBe(true);
    const busy = wechatAt(clock, { deliveries, conversations });
    for (let i = 0; i < 6; i++) await post(busy, textMessage(`o_busy${i}`, '平陆县长是谁', `${21 + i}`, 'gh_bot', T), signedAt(T));
    // A restarted process (no jobs in memory) receives WeChat's retry of the first message.
    const { engine: e, counter } = engineAnswering();
    const restarted = wechatAt(clock, { engine: e, deliveries, conversations });
    expect(await (await post(restarted, body, signedAt(T + 5))).text()).toBe('success');
    expect(counter.chats).toBe(0);
    expect(written.filter((key) => !key.startsWith('msg:'))).toEqual([]);
  });

  it('the Node entry keeps delivery keys and conversations in separate files', async () => {
    const dir = await tempDir();
    const channel = (await wechatChannel(loadConfig({ WECHAT_TOKEN: TOKEN, INDEX_DIR: dir }), () => engine, silentLogger))!;
    const app = createApp({ engine: () => engine, channels: [channel] });
    const now = Math.floor(Date.now() / 1000);
    expect((await post(app, textMessage('o_files', '平陆县长是谁', '30', 'gh_bot', now), signedAt(now))).status).toBe(200);
    const keys = async (name: string) =>
      (await readFile(join(dir, name), 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as [string, string])[0]);
    expect(await keys('wechat-delivery.jsonl')).toEqual(['msg:o_files:30', 'msg:o_files:30']);
    expect(await keys('wechat-conversations.jsonl')).toEqual(['conversation:o_files']);
  });
});

/** About 5.8 KB of sentences and clauses, with an emoji: three messages' worth. */
const LONG = Array.from(
  { length: 50 },
  (_, i) => `第${i + 1}项：平陆县坚持项目为王，全力抓招商、上项目、优环境，确保全年目标顺利完成${i === 11 ? '🎉' : ''}。`,
).join('');

describe('long replies', () => {
  it('cuts at a sentence end, never inside a character, and keeps a reply that fits whole', () => {
    const parts = splitReply(LONG, 2047, utf8Length(`\n\n${PROMPT}`));
    expect(parts.length).toBe(3);
    expect(parts.join('')).toBe(LONG);
    for (const part of parts.slice(0, -1)) {
      expect(utf8Length(part)).toBeLessThanOrEqual(2047 - utf8Length(`\n\n${PROMPT}`));
      expect(part.endsWith('。')).toBe(true);
    }
    expect(utf8Length(parts.at(-1)!)).toBeLessThanOrEqual(2047);
    expect(splitReply('平陆招商目标是50个。', 2047, 40)).toEqual(['平陆招商目标是50个。']);
    // No boundary at all: cut between whole graphemes (a family emoji is 7 code points, 18 bytes).
    const family = '👨‍👩‍👧‍👦'.repeat(300);
    const cut = splitReply(family, 2047);
    expect(cut.join('')).toBe(family);
    for (const part of cut) expect(part.length % '👨‍👩‍👧‍👦'.length).toBe(0);
  });

  it('without an app secret: the first part ends with a prompt, 更多 and 继续 bring the rest, then says there is no more', async () => {
    const { engine: e } = engineAnswering(LONG);
    const app = wechatAt({ ms: T * 1000 }, { engine: e });
    const ask = async (content: string, msgId: string) => field(await (await post(app, textMessage('o_long', content, msgId, 'gh_bot', T), signedAt(T))).text(), 'Content')!;
    const first = await ask('平陆招商', '40');
    expect(utf8Length(first)).toBeLessThanOrEqual(2047);
    expect(first).toMatch(new RegExp(`。\\n\\n${PROMPT}$`));
    const second = await ask('更多', '41');
    expect(second.endsWith(PROMPT)).toBe(true);
    const third = await ask('继续', '42');
    expect(third).not.toContain('更多');
    const strip = (s: string) => s.replace(`\n\n${PROMPT}`, '');
    expect([first, second, third].map(strip).join('')).toBe(LONG);
    expect(await ask('更多', '43')).toBe('没有可以继续查看的内容了，请直接输入您的问题。');
  });

  it('a redelivered 更多 is answered once and does not skip a part', async () => {
    const { engine: e } = engineAnswering(LONG);
    const app = wechatAt({ ms: T * 1000 }, { engine: e });
    const send = async (content: string, msgId: string, at = T) => (await post(app, textMessage('o_again', content, msgId, 'gh_bot', T), signedAt(at))).text();
    const first = field(await send('平陆招商', '50'), 'Content')!;
    const second = field(await send('更多', '51'), 'Content')!;
    expect(await send('更多', '51', T + 5)).toBe('success');
    const third = field(await send('更多', '52'), 'Content')!;
    expect([first, second, third].map((s) => s.replace(`\n\n${PROMPT}`, '')).join('')).toBe(LONG);
  });

  it('forgets unsent parts after 30 minutes, and when the user asks something new', async () => {
    const clock = { ms: T * 1000 };
    let answerText = LONG;
    const e: Engine = { ...engine, chat: async (messages) => ({ ...(await engine.chat(messages)), answer: answerText, found: true, citations: [] }) };
    const app = wechatAt(clock, { engine: e });
    const send = async (content: string, msgId: string) => {
      const at = Math.floor(clock.ms / 1000);
      return field(await (await post(app, textMessage('o_later', content, msgId, 'gh_bot', at), signedAt(at))).text(), 'Content')!;
    };
    expect(await send('平陆招商', '60')).toContain(PROMPT);
    clock.ms += 31 * 60 * 1000;
    expect(await send('更多', '61')).toBe('没有可以继续查看的内容了，请直接输入您的问题。');
    expect(await send('平陆招商', '62')).toContain(PROMPT);
    answerText = '平陆县县长是翟纪亭。';
    expect(await send('平陆县长是谁', '63')).toBe(answerText);
    expect(await send('更多', '64')).toBe('没有可以继续查看的内容了，请直接输入您的问题。');
  });

  it('with an app secret: the first part passively, the others as successive customer-service messages', async () => {
    const sent: string[] = [];
    // WeChat's token and customer-service endpoints, recording what is sent.
    const weChatApi = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const { pathname } = new URL(String(input));
      if (pathname === '/cgi-bin/token') return Response.json({ access_token: 'tok1', expires_in: 7200 });
      sent.push((JSON.parse(String(init?.body)) as { text: { content: string } }).text.content);
      return Response.json({ errcode: 0, errmsg: 'ok' });
    }) as typeof fetch;
    const background: Promise<unknown>[] = [];
    const ctx = { waitUntil: (p: Promise<unknown>) => background.push(p), passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
    const { engine: e } = engineAnswering(LONG);
    const app = wechatAt({ ms: T * 1000 }, { engine: e, settings: { appSecret: 'secret', fetch: weChatApi } });
    const first = field(await (await post(app, textMessage('o_cs', '平陆招商', '70', 'gh_bot', T), signedAt(T), {}, ctx)).text(), 'Content')!;
    await Promise.all(background);
    expect(sent).toHaveLength(2);
    const parts = [first, ...sent];
    expect(parts.join('')).toBe(LONG);
    for (const part of parts) {
      expect(part).not.toContain('更多');
      expect(part.endsWith('。')).toBe(true);
      expect(utf8Length(part)).toBeLessThanOrEqual(2047);
    }
  });
});
