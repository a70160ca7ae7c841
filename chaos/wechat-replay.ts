/** @module wechat-replay: captured WeChat requests replayed (another body, another time), forged signatures, XXE, an endless chunked body. */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { check, type Scenario } from './scenario.js';
import { described, errorCode, request, short, type Reply } from './http.js';
import { rssDuring } from './server-process.js';

const TOKEN = 'chaos-wechat-token';
const SKEW_S = 300;
/** The endless body is cut off here by the client if the server has not answered by then. */
const ENDLESS_MB = 64;

const sign = (timestamp: string, nonce: string) => createHash('sha1').update([TOKEN, timestamp, nonce].sort().join('')).digest('hex');
const now = () => Math.floor(Date.now() / 1000);
let nonces = 0;

/** A signed query for /wechat at `timestamp` (seconds), with a fresh nonce. */
function signed(timestamp = now(), extra = ''): string {
  const nonce = String(1_000_000 + ++nonces);
  return `timestamp=${timestamp}&nonce=${nonce}&signature=${sign(String(timestamp), nonce)}${extra}`;
}

const message = (content: string, msgId: number) =>
  `<xml><ToUserName><![CDATA[gh_chaos]]></ToUserName><FromUserName><![CDATA[o_chaos_user]]></FromUserName><CreateTime>${now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;

const post = (url: string, query: string, body: string) =>
  request(`${url}/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body, timeoutMs: 30_000 });

/** 401 with a JSON error of the spec's shape. */
const refused = (reply: Reply, status = 401) => reply.status === status && !errorCode(reply).problem;

const codeOf = (body: string): unknown => {
  try {
    return JSON.parse(body).error?.code;
  } catch {
    return undefined;
  }
};

/** Streams a chunked body until the server answers (or ENDLESS_MB are sent); says how much went out before the answer. */
function endlessBody(url: string, query: string): Promise<{ status: number; sentKb: number; body: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(`${url}/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml', 'transfer-encoding': 'chunked' } });
    const block = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let answered = false;
    let sentKb = 0;
    const finish = (status: number, body: string) => {
      req.destroy();
      resolve({ status, sentKb, body });
    };
    req.on('response', (res) => {
      answered = true;
      sentKb = Math.round(sent / 1024);
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => finish(res.statusCode ?? 0, body));
      res.on('error', () => finish(res.statusCode ?? 0, body));
    });
    req.on('error', () => !answered && finish(0, ''));
    const pump = () => {
      while (!answered && sent < ENDLESS_MB * 1024 * 1024) {
        sent += block.length;
        if (!req.write(block)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('<xml><Content><![CDATA[');
    pump();
  });
}

export const wechatReplay: Scenario = {
  name: 'wechat-replay',
  async *run(lab) {
    const fixture = await lab.fixture('wechat');
    const server = await lab.start(fixture, {
      WECHAT_TOKEN: TOKEN,
      WECHAT_MAX_CLOCK_SKEW_S: String(SKEW_S),
      WECHAT_STATE_FILE: join(fixture.dir, 'wechat-delivery.jsonl'),
    });
    const url = server.url;

    const verify = signed(now(), '&echostr=chaos-echo-1');
    const first = await request(`${url}/wechat?${verify}`);
    yield check('GET /wechat URL verification signed now', first.status === 200 && first.text === 'chaos-echo-1', `${first.status} “${short(first.text, 40)}”`);
    const again = await request(`${url}/wechat?${verify}`);
    yield check('the same verification query replayed', refused(again), described(again));

    const query = signed();
    const original = message('平陆招商目标是多少', 7_100_000_001);
    const answered = await post(url, query, original);
    yield check(
      'POST a signed text message (plaintext mode)',
      answered.status === 200 && answered.text.includes('50个'),
      `${answered.status}, reply ${answered.text.includes('50个') ? 'holds 50个' : `“${short(answered.text, 80)}”`}`,
    );
    const resent = await post(url, query, original);
    yield check('the same query with the same body (WeChat resending)', resent.status === 200, `${resent.status} ${short(resent.text, 40)}`);
    const replayed = await post(url, query, message('枣强县委书记是谁', 7_100_000_002));
    yield check('the same signed query with another message in the body', refused(replayed), described(replayed));

    for (const [label, offset] of [
      [`${SKEW_S * 2} s old`, -SKEW_S * 2],
      [`${SKEW_S * 2} s in the future`, SKEW_S * 2],
    ] as const) {
      const stale = await post(url, signed(now() + offset), message('平陆招商目标是多少', 7_100_000_003));
      yield check(`a correctly signed message with a timestamp ${label}`, refused(stale), described(stale));
    }
    const forged = await post(url, `timestamp=${now()}&nonce=42&signature=${'0'.repeat(40)}`, message('平陆招商目标是多少', 7_100_000_004));
    yield check('a message with a forged signature', refused(forged), described(forged));

    const xxe = await post(
      url,
      signed(),
      `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>gh</ToUserName><FromUserName>o_x</FromUserName><CreateTime>${now()}</CreateTime><MsgType>text</MsgType><Content>&x;</Content><MsgId>7100000005</MsgId></xml>`,
    );
    yield check('a signed message with a DOCTYPE and an external entity', xxe.status >= 400 && xxe.status < 500 && !xxe.text.includes('root:'), described(xxe));

    const { result: endless, beforeMb, peakMb } = await rssDuring(server.pid, () => endlessBody(url, signed()));
    const grown = peakMb !== undefined && beforeMb !== undefined ? Math.round(peakMb - beforeMb) : undefined;
    yield check(
      `a signed POST with an endless chunked body (up to ${ENDLESS_MB} MB)`,
      endless.status === 413 && codeOf(endless.body) === 'payload_too_large' && endless.sentKb < ENDLESS_MB * 1024,
      `${endless.status} ${short(endless.body, 100)} after ${endless.sentKb} KB sent; RSS +${grown ?? '?'} MB`,
    );

    const still = await post(url, signed(), message('平陆招商目标是多少', 7_100_000_006));
    yield check('a fresh signed message after all that', still.status === 200 && still.text.includes('50个'), `${still.status}, reply ${still.text.includes('50个') ? 'holds 50个' : short(still.text, 60)}`);
  },
};
