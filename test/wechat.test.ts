import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createApp } from '../src/app.js';
import { createWeChatApp, DEFAULT_WELCOME, type WeChatSettings } from '../src/channels/wechat/wechat-app.js';
import { createWeChatCipher } from '../src/channels/wechat/wechat-crypto.js';
import { signatureOf } from '../src/channels/wechat/signature.js';
import { cdata, parseMessage, textReply } from '../src/channels/wechat/message-xml.js';
import { splitUtf8, utf8Length } from '../src/channels/wechat/split-utf8.js';
import { createCustomerService } from '../src/channels/wechat/customer-service.js';
import { formatReply } from '../src/channels/wechat/format-reply.js';
import { createMemoryStore } from './support/memory-store.js';
import { createFileKeyValueStore } from '../src/adapters/node/file-key-value-store.js';
import type { Engine } from '../src/core/engine.js';
import type { KeyValueStore } from '../src/core/ports.js';
import type { Answer, RelatedPassage } from '../src/core/types.js';
import { openTestIndex, seedCorpus, tempDir } from './support/open-test-index.js';
import { serveOnLoopback } from './support/serve.js';
import { eventMessage, field, sha1, signedQuery, textMessage, wechatDecrypt, wechatEncrypt, wechatSettings } from './support/wechat-sim.js';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';

const TOKEN = 'AAAAA';
const AES = 'A'.repeat(43);
const APPID = 'wxba5fad812f8e6fb9';

let engine: Engine;

/** A local stand-in for WeChat's token and customer-service endpoints, recording every call. */
function standIn(behaviour: { sendCodes?: number[] } = {}) {
  const calls = { token: 0, send: [] as { token: string; body: { touser: string; text: { content: string } } }[] };
  const codes = [...(behaviour.sendCodes ?? [])];
  const api = new Hono();
  api.get('/cgi-bin/token', async (c) => {
    calls.token++;
    await new Promise((r) => setTimeout(r, 30));
    return c.json({ access_token: `tok${calls.token}`, expires_in: 7200 });
  });
  api.post('/cgi-bin/message/custom/send', async (c) => {
    calls.send.push({ token: c.req.query('access_token')!, body: await c.req.json() });
    const errcode = codes.length ? codes.shift()! : 0;
    return c.json({ errcode, errmsg: errcode ? 'error' : 'ok' });
  });
  return { api, calls };
}

/** The real engine, optionally slowed down, counting retrievals. */
function countingEngine(delayMs = 0, answerText?: string) {
  const counter = { chats: 0 };
  const e: Engine = {
    ...engine,
    chat: async (messages, options) => {
      counter.chats++;
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      const answer = await engine.chat(messages, options);
      return answerText ? { ...answer, answer: answerText } : answer;
    },
  };
  return { engine: e, counter };
}

function wechat(settings: Partial<WeChatSettings> = {}, e: Engine = engine, stores: { deliveries?: KeyValueStore; conversations?: KeyValueStore } = {}) {
  const app = createWeChatApp({
    engine: () => e,
    deliveries: stores.deliveries ?? createMemoryStore(),
    conversations: stores.conversations ?? createMemoryStore(),
    settings: wechatSettings(TOKEN, { appId: APPID, aesKey: AES, ...settings }),
  });
  return createApp({ engine: () => e, channels: [app] });
}

const post = (app: Hono, body: string, query = signedQuery(TOKEN)) =>
  app.request(`/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });

beforeAll(async () => {
  ({ engine } = await openTestIndex(await seedCorpus()));
});

describe('official test vectors', () => {
  it('V1: URL verification returns echostr unchanged as text/plain', async () => {
    const app = wechat({ now: () => 1714036504_000 });
    const q = 'signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249';
    const res = await app.request(`/wechat?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('4375120948345356249');
    const bad = await app.request(`/wechat?${q.replace('f464', 'f465')}`);
    expect(bad.status).toBe(401);
    expect(await bad.text()).not.toContain('4375120948345356249');
    expect((await app.request('/wechat?echostr=1')).status).toBe(400);
  });

  it('V2: plaintext signature', async () => {
    expect(await signatureOf('AAAAA', '1714037059', '486452656')).toBe('899cf89e464efb63f54ddac96b0a0a235f53aa78');
  });

  it('V3: safe mode decrypt (pad 19) and encrypted reply', async () => {
    expect(await signatureOf('AAAAA', '1714112445', '415670741')).toBe('6c5c811b55cc85e0e1b54100749188c20beb3f5d');
    const encrypt =
      '+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=';
    expect(await signatureOf('AAAAA', '1714112445', '415670741', encrypt)).toBe('046e02f8204d34f8ba5fa3b1db94908f3df2e9b3');
    const cipher = await createWeChatCipher(AES);
    const { message, appId } = await cipher.decrypt(encrypt, APPID);
    expect(appId).toBe(APPID);
    expect(message).toBe('{"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,"MsgType":"event","Event":"debug_demo","debug_str":"hello world"}');
    const sim = wechatDecrypt(AES, encrypt);
    expect(sim.random.toString()).toBe('a8eedb185eb2fecf');
    expect(Buffer.byteLength(sim.message)).toBe(167);
    expect(sim.pad).toBe(19);
    const reply = await cipher.encrypt('{"demo_resp":"good luck"}', APPID, new TextEncoder().encode('707722b803182950'));
    expect(reply).toBe('ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==');
    expect(await signatureOf('AAAAA', '1713424427', '415670741', reply)).toBe('1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1');
  });

  it('V5: the official sample encrypts byte for byte', async () => {
    const cipher = await createWeChatCipher('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    const out = await cipher.encrypt('我是中文abcd123', 'wxb11529c136998cb6', new TextEncoder().encode('aaaabbbbccccdddd'));
    expect(out).toBe('jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==');
  });

  it('V6: WeCom-style verification decrypts the echostr', async () => {
    const app = wechat({ token: '123456', aesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR', appId: 'wx49f0ab532d5d035a', now: () => 1411443780_000 });
    const echostr = '4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==';
    const q = new URLSearchParams({ msg_signature: 'dd6b9c95b495b3f7e2901bfbc76c664930ffdb96', timestamp: '1411443780', nonce: '437374425', echostr });
    const res = await app.request(`/wechat?${q}`);
    expect(await res.text()).toBe('5927782489442352469');
  });
});

describe('messages', () => {
  it('answers a plaintext text message with an XML reply: swapped To/From, seconds, CDATA, sources', async () => {
    const res = await post(wechat(), textMessage('o_user1', '平陆招商目标是多少', '1001', 'gh_org'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const xml = await res.text();
    expect(xml.startsWith('<xml>')).toBe(true);
    expect(field(xml, 'ToUserName')).toBe('o_user1');
    expect(field(xml, 'FromUserName')).toBe('gh_org');
    expect(field(xml, 'CreateTime')).toMatch(/^\d{10}$/);
    expect(xml).toContain('<MsgType><![CDATA[text]]></MsgType>');
    const content = field(xml, 'Content')!;
    expect(content).toContain('50个');
    expect(content).toMatch(/来源：\[1\] 以最优作风最大担当最强干劲抓落实/);
  });

  it('keeps follow-ups per user, across a restart', async () => {
    const state = createMemoryStore();
    await post(wechat({}, engine, { conversations: state }), textMessage('o_follow', '平陆招商目标是多少', '2001'));
    const app = wechat({}, engine, { conversations: state });
    const xml = await (await post(app, textMessage('o_follow', '那枣强呢？', '2002'))).text();
    expect(field(xml, 'Content')).toContain('30个');
    const other = await (await post(app, textMessage('o_other', '那枣强呢？', '2003'))).text();
    expect(field(other, 'Content')).not.toContain('30个');
  });

  it('welcomes a subscriber, says success to an unsubscribe, and answers other types politely', async () => {
    const app = wechat();
    expect(field(await (await post(app, eventMessage('o_new', 'subscribe'))).text(), 'Content')).toBe(DEFAULT_WELCOME);
    expect(await (await post(app, eventMessage('o_new', 'unsubscribe'))).text()).toBe('success');
    const image = '<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o_img]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://x]]></PicUrl><MsgId>9</MsgId></xml>';
    expect(field(await (await post(app, image)).text(), 'Content')).toMatch(/文字/);
  });

  it('safe mode: decrypts, answers, and encrypts a reply whose MsgSignature verifies', async () => {
    const inner = textMessage('o_safe', '衡水市委书记是谁', '3001');
    const encrypt = wechatEncrypt(AES, inner, APPID);
    const body = `<xml><ToUserName><![CDATA[gh_bot]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    const res = await post(wechat(), body, signedQuery(TOKEN, encrypt));
    const xml = await res.text();
    const enc = field(xml, 'Encrypt')!;
    expect(field(xml, 'MsgSignature')).toBe(sha1(TOKEN, field(xml, 'TimeStamp')!, field(xml, 'Nonce')!, enc));
    const { message, appId } = wechatDecrypt(AES, enc);
    expect(appId).toBe(APPID);
    expect(field(message, 'Content')).toContain('李谦');
    expect(field(message, 'ToUserName')).toBe('o_safe');
  });

  it('compatible mode: plaintext fields and Encrypt in one body', async () => {
    const inner = textMessage('o_compat', '枣强县委书记是谁', '3101');
    const encrypt = wechatEncrypt(AES, inner, APPID);
    const body = inner.replace('</xml>', `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    const xml = await (await post(wechat(), body, signedQuery(TOKEN, encrypt))).text();
    expect(field(wechatDecrypt(AES, field(xml, 'Encrypt')!).message, 'Content')).toContain('刘新营');
  });

  it('rejects a wrong msg_signature even when signature is valid, and a wrong appid', async () => {
    const encrypt = wechatEncrypt(AES, textMessage('o_x', '平陆', '4001'), APPID);
    const body = `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    const query = signedQuery(TOKEN, encrypt).replace(/msg_signature=[0-9a-f]+/, 'msg_signature=0000000000000000000000000000000000000000');
    expect((await post(wechat(), body, query)).status).toBe(401);
    const other = wechatEncrypt(AES, textMessage('o_x', '平陆', '4002'), 'wx_someone_else');
    expect((await post(wechat(), `<xml><Encrypt><![CDATA[${other}]]></Encrypt></xml>`, signedQuery(TOKEN, other))).status).toBe(401);
    expect((await post(wechat(), textMessage('o_x', '平陆', '4003'), signedQuery('wrong-token'))).status).toBe(401);
  });

  it('pads to a full 32-byte block when the plaintext is already aligned', async () => {
    const cipher = await createWeChatCipher(AES);
    // 20 + 12 + 18 (appid) = 50 → pad 14; 20 + 26 + 18 = 64 → a whole extra block of 32.
    const aligned = 'x'.repeat(26);
    const enc = await cipher.encrypt(aligned, APPID);
    const sim = wechatDecrypt(AES, enc);
    expect(sim.pad).toBe(32);
    expect(sim.message).toBe(aligned);
    expect((await cipher.decrypt(wechatEncrypt(AES, aligned, APPID), APPID)).message).toBe(aligned);
  });
});

describe('refusals and small talk', () => {
  const REFUSAL = '抱歉，现有资料中没有找到能回答这个问题的内容。';
  const passage = (title: string, source: string): RelatedPassage => ({ source, title, text: `${title}的一段原文。`, start: 0, end: 10, score: 0.4 });
  /** The real engine's search, with a fixed answer in place of its own. */
  const answering = (answer: Answer): Engine => ({ ...engine, chat: async () => answer });

  it('follows a refusal with the related documents, each title once', async () => {
    const refusal: Answer = {
      answer: REFUSAL,
      found: false,
      query: '平陆县有几座机场',
      citations: [],
      related: [passage('以最优作风最大担当最强干劲抓落实', '001.txt'), passage('以最优作风最大担当最强干劲抓落实', '001.txt'), passage('拉高标杆 奋勇争先 转变作风 狠抓落实', '000.txt')],
    };
    const xml = await (await post(wechat({}, answering(refusal)), textMessage('o_rel', '平陆县有几座机场', '11001'))).text();
    expect(field(xml, 'Content')).toBe(`${REFUSAL}\n\n可能相关的文档：《以最优作风最大担当最强干劲抓落实》《拉高标杆 奋勇争先 转变作风 狠抓落实》`);
  });

  it('sends a refusal without related passages as it is', async () => {
    const xml = await (await post(wechat({}, answering({ answer: REFUSAL, found: false, query: 'x', citations: [], related: [] })), textMessage('o_norel', '火星', '11002'))).text();
    expect(field(xml, 'Content')).toBe(REFUSAL);
  });

  it('sends a small-talk reply as it is, with no sources and no related documents', async () => {
    const hello = '您好！我能回答关于已收录的 5 份文件的问题，并给出答案所在的原文段落。';
    const xml = await (await post(wechat({}, answering({ answer: hello, found: false, query: '你好', citations: [], intent: 'smalltalk' })), textMessage('o_hi', '你好', '11003'))).text();
    expect(field(xml, 'Content')).toBe(hello);
  });

  it('names only the related documents that fit in one reply', () => {
    const long = '抱'.repeat(660);
    const text = formatReply({ answer: long, found: false, query: 'x', citations: [], related: [passage('平陆', 'a'), passage('枣强县三级干部大会暨开展三统筹三扩大四创建活动', 'b')] }, 2047);
    expect(text).toBe(`${long}\n\n可能相关的文档：《平陆》`);
    expect(utf8Length(text)).toBeLessThanOrEqual(2047);
    expect(formatReply({ answer: '抱'.repeat(682), found: false, query: 'x', citations: [], related: [passage('平陆', 'a')] }, 2047)).toBe('抱'.repeat(682));
  });

  it('labels an English question’s sources and related documents in English', () => {
    const cited = { ...passage('以最优作风最大担当最强干劲抓落实', '力争全年招商项目达到50个'), n: 1, score: 1 };
    const answer = '50 — From «以最优作风最大担当最强干劲抓落实» (Pinglu): 力争全年招商项目达到50个[1]';
    expect(formatReply({ answer, found: true, query: 'x', citations: [cited], language: 'en' })).toBe(`${answer}\n\nSources: [1] 以最优作风最大担当最强干劲抓落实`);
    const refusal = 'Sorry, I found nothing in the documents that answers this question.';
    expect(formatReply({ answer: refusal, found: false, query: 'x', citations: [], related: [passage('平陆', 'a')], language: 'en' })).toBe(`${refusal}\n\nDocuments that may be related: 《平陆》`);
  });
});

describe('text limits', () => {
  it('counts CJK as 3 bytes and emoji as 4', () => {
    expect(utf8Length('中')).toBe(3);
    expect(utf8Length('😀')).toBe(4);
  });

  it('splits over 2047 bytes on code-point boundaries, with an emoji at the cut', () => {
    const text = '中'.repeat(682) + '😀' + '文'.repeat(700);
    const pieces = splitUtf8(text, 2047);
    expect(pieces.join('')).toBe(text);
    for (const p of pieces) {
      expect(utf8Length(p)).toBeLessThanOrEqual(2047);
      expect(p).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(pieces[0].endsWith('中')).toBe(true);
    expect(pieces[1].startsWith('😀')).toBe(true);
  });

  it('keeps ]]> and <xml> intact inside CDATA', () => {
    const content = '注意]]><xml><b>不是标签</b>]]>结束';
    const xml = textReply('o', 'gh', content);
    expect(xml).toContain(cdata(content));
    expect(parseMessage(xml).Content).toBe(content);
  });
});

describe('five seconds, retries and duplicates', () => {
  let api: Awaited<ReturnType<typeof serveOnLoopback>>;
  let stand: ReturnType<typeof standIn>;
  beforeAll(async () => {
    stand = standIn();
    api = await serveOnLoopback(stand.api);
  });
  afterAll(() => api?.close());

  it('a slow answer: success once the reply deadline passes (under WeChat’s 5 s by default), then exactly one customer-service POST', async () => {
    expect(loadConfig({}).WECHAT_REPLY_DEADLINE_MS).toBeLessThan(5000);
    // The answer takes far longer than the deadline, whatever the machine's load: the passive reply gives up first.
    const { engine: slow } = countingEngine(3000);
    const app = wechat({ apiBase: api.url, appSecret: 'secret', replyDeadlineMs: 200 }, slow);
    const before = stand.calls.send.length;
    const res = await post(app, textMessage('o_slow', '平陆招商目标是多少', '5001'));
    expect(await res.text()).toBe('success');
    expect(stand.calls.send.length).toBe(before);
    while (stand.calls.send.length === before) await new Promise((r) => setTimeout(r, 100));
    // Time for a second POST, were one coming.
    await new Promise((r) => setTimeout(r, 1000));
    const sent = stand.calls.send.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ touser: 'o_slow', msgtype: 'text' });
    expect(sent[0].body.text.content).toContain('50个');
  });

  it('three deliveries of one message: one retrieval, one answer', async () => {
    const { engine: slow, counter } = countingEngine(800);
    const app = wechat({}, slow);
    const body = textMessage('o_dup', '平陆县长是谁', '6001');
    const replies = await Promise.all([post(app, body), post(app, body), post(app, body)].map(async (r) => (await r).text()));
    expect(counter.chats).toBe(1);
    expect(replies.filter((r) => r.startsWith('<xml>'))).toHaveLength(1);
    expect(replies.filter((r) => r === 'success')).toHaveLength(2);
    expect(await (await post(app, body)).text()).toBe('success');
  });

  it('the same MsgId from two users: both answered', async () => {
    const { engine: e, counter } = countingEngine();
    const app = wechat({}, e);
    const a = await (await post(app, textMessage('o_a', '平陆县长是谁', '7001'))).text();
    const b = await (await post(app, textMessage('o_b', '平陆县长是谁', '7001'))).text();
    expect(field(a, 'Content')).toContain('翟纪亭');
    expect(field(b, 'Content')).toContain('翟纪亭');
    expect(counter.chats).toBe(2);
  });

  it('does not answer twice after a restart (delivery keys are persisted)', async () => {
    const file = join(await tempDir(), 'delivery.jsonl');
    const body = textMessage('o_restart', '平陆县长是谁', '8001');
    const first = wechat({}, engine, { deliveries: await createFileKeyValueStore(file) });
    expect((await (await post(first, body)).text()).startsWith('<xml>')).toBe(true);
    const { engine: e, counter } = countingEngine();
    const second = wechat({}, e, { deliveries: await createFileKeyValueStore(file) });
    expect(await (await post(second, body)).text()).toBe('success');
    expect(counter.chats).toBe(0);
  });

  it('sends the rest of a long answer through the customer-service API', async () => {
    const long = '很长的答案。'.repeat(200);
    const { engine: e } = countingEngine(0, long);
    const before = stand.calls.send.length;
    const xml = await (await post(wechat({ apiBase: api.url, appSecret: 'secret' }, e), textMessage('o_long', '平陆', '8101'))).text();
    expect(utf8Length(field(xml, 'Content')!)).toBeLessThanOrEqual(2047);
    for (let i = 0; i < 50 && stand.calls.send.length === before; i++) await new Promise((r) => setTimeout(r, 20));
    const rest = stand.calls.send.slice(before).map((s) => s.body.text.content).join('');
    expect(field(xml, 'Content')! + rest).toContain(long);
  });
});

describe('customer-service API', () => {
  it('refreshes the token once on 40001', async () => {
    const s = standIn({ sendCodes: [40001, 0] });
    const api = await serveOnLoopback(s.api);
    await createCustomerService({ apiBase: api.url, appId: 'a', appSecret: 'b' }).sendText('o', 'hi');
    expect(s.calls.token).toBe(2);
    expect(s.calls.send.map((c) => c.token)).toEqual(['tok1', 'tok2']);
    await api.close();
  });

  it.each([45015, 45047, 48001])('does not loop on %i', async (code) => {
    const s = standIn({ sendCodes: [code, code, code] });
    const api = await serveOnLoopback(s.api);
    await expect(createCustomerService({ apiBase: api.url, appId: 'a', appSecret: 'b' }).sendText('o', 'hi')).rejects.toMatchObject({ errcode: code });
    expect(s.calls.send).toHaveLength(1);
    await api.close();
  });

  it('fetches one token for concurrent sends', async () => {
    const s = standIn();
    const api = await serveOnLoopback(s.api);
    const cs = createCustomerService({ apiBase: api.url, appId: 'a', appSecret: 'b' });
    await Promise.all(Array.from({ length: 5 }, (_, i) => cs.sendText('o', `m${i}`)));
    expect(s.calls.token).toBe(1);
    expect(s.calls.send).toHaveLength(5);
    await api.close();
  });

  it('without permission (48001), holds the answer for WeChat’s retry of the message', { timeout: 60_000 }, async () => {
    const s = standIn({ sendCodes: [48001] });
    const api = await serveOnLoopback(s.api);
    const { engine: slow } = countingEngine(600);
    const app = wechat({ apiBase: api.url, appSecret: 'b', replyDeadlineMs: 200, holdMs: 700 }, slow);
    // First message: missed window, the service answers 48001.
    expect(await (await post(app, textMessage('o_perm', '平陆县长是谁', '9001'))).text()).toBe('success');
    await new Promise((r) => setTimeout(r, 800));
    // Now known to be denied: the next slow message is held past the window, and its retry gets the answer.
    const first = post(app, textMessage('o_perm', '衡水市委书记是谁', '9002'));
    expect(await (await first).text()).toBe('success');
    const retry = await (await post(app, textMessage('o_perm', '衡水市委书记是谁', '9002'))).text();
    expect(field(retry, 'Content')).toContain('李谦');
    expect(s.calls.send).toHaveLength(1);
    await api.close();
  });
});

describe('hostile input', () => {
  it.each([
    ['garbage', '\u0000\u0001 not xml at all'],
    ['XXE', '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>'],
    ['billion laughs', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><xml><Content>&lol2;</Content></xml>'],
    ['unclosed', '<xml><ToUserName><![CDATA[x]]></ToUserName>'],
  ])('refuses %s with 400 and keeps serving', async (_name, body) => {
    const app = wechat();
    const res = await post(app, body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
    expect((await post(app, textMessage('o_after', '平陆县长是谁', '10001'))).status).toBe(200);
  });

  it('413 for an oversized body', async () => {
    const res = await post(wechat(), `<xml><Content>${'a'.repeat(70_000)}</Content></xml>`);
    expect(res.status).toBe(413);
  });

  it('is off (404) when WECHAT_TOKEN is unset', async () => {
    const app = createApp({ engine: () => engine });
    expect((await app.request('/wechat?echostr=1')).status).toBe(404);
  });
});

describe('the delivery-key file', () => {
  it('keeps the latest value of every key through compaction and restarts', async () => {
    const file = join(await tempDir(), 'kv.jsonl');
    const store = await createFileKeyValueStore(file, 100);
    for (let i = 0; i < 2500; i++) await store.set(`k${i % 50}`, `v${i}`);
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean).length;
    expect(lines).toBeLessThan(2100);
    const again = await createFileKeyValueStore(file, 100);
    expect(await again.get('k7')).toBe('v2457');
    expect(await again.get('k49')).toBe('v2499');
  });
});
