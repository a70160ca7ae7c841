/**
 * @module wechat-app: the WeChat Official Account endpoint as a Hono sub-app (GET verify, POST messages) in
 * plaintext, compatible and safe (AES) modes. Answers within ~4.5 s passively, else through the customer-service API;
 * a long answer comes in parts (the next on 更多 when there is no customer-service API). Bodies are capped while they
 * stream in; stale or repeated signatures are refused.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Engine } from '../../core/engine.js';
import type { KeyValueStore } from '../../core/ports.js';
import { silentLogger, type Logger } from '../../core/observability.js';
import { AppError } from '../../core/errors.js';
import { createAnswerLog, type AnswerLog } from '../../core/conversation/answer-log.js';
import { sha1Hex, signatureMatches, signatureOf } from './signature.js';
import { createWeChatCipher, type WeChatCipher } from './wechat-crypto.js';
import { encryptedReply, parseMessage, textReply, type IncomingMessage } from './message-xml.js';
import { utf8Length } from './split-utf8.js';
import { splitReply } from './split-reply.js';
import { createPendingParts } from './pending-parts.js';
import { createReplayGuard } from './replay-guard.js';
import { formatReply } from './format-reply.js';
import { createDelivery, type Job } from './delivery.js';
import { createCustomerService, FINAL_ERRORS } from './customer-service.js';
import { WeChatApiError } from './access-token.js';

export interface WeChatSettings {
  token: string;
  appId?: string;
  aesKey?: string;
  appSecret?: string;
  apiBase: string;
  /** Time to answer passively before falling back to the customer-service API. */
  replyDeadlineMs: number;
  /** When nothing else can deliver, how long to hold a request so that WeChat's own retry picks the answer up. */
  holdMs: number;
  welcome: string;
  /** Largest request body accepted; counted while it streams in, so a chunked body cannot grow past it. */
  maxBodyBytes: number;
  /** How far (seconds) a request's timestamp may be from the server's clock; a repeat within it is refused. */
  maxClockSkewS: number;
  fetch?: typeof fetch;
  /** Wall clock in milliseconds since the epoch (tests move it instead of waiting). */
  now?: () => number;
}

export const DEFAULT_WELCOME =
  '欢迎关注！我会根据已收录的讲话、报告和政策文件回答问题，并注明出处。\n\n可以这样问：\n· 平陆招商目标是多少\n· 枣强县委书记是谁\n· 衡水要抓好多少项改革试点';
const NOT_TEXT = '目前只能回答文字问题，请直接输入您想了解的内容。';
const MAX_REPLY_BYTES = 2047;
const MORE_PROMPT = '\n\n（回复“更多”查看后续）';
const NOTHING_MORE = '没有可以继续查看的内容了，请直接输入您的问题。';
const ASKS_FOR_MORE = /^(更多|继续)[。.!！~～]*$/;
const TURNS_KEPT = 6;
const CONVERSATION_TTL_MS = 30 * 60 * 1000;

export interface WeChatDeps {
  engine: () => Engine | undefined;
  settings: WeChatSettings;
  /** Delivered-message keys, in a store of their own so that busy conversations never push one out. */
  deliveries: KeyValueStore;
  /** Recent questions and unsent reply parts, per user. */
  conversations: KeyValueStore;
  logger?: Logger;
  /** Gives each answer its id and logs it (the user's open id is hashed there); by default ids only. */
  log?: AnswerLog;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The value of `promise` if it settles within `ms`, else `undefined`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), Math.max(0, ms))));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createWeChatApp({ engine, settings, deliveries, conversations, logger = silentLogger, log = createAnswerLog() }: WeChatDeps): Hono {
  const app = new Hono();
  const now = settings.now ?? Date.now;
  let cipher: Promise<WeChatCipher> | undefined;
  const getCipher = () => {
    if (!settings.aesKey) throw new AppError('bad_request', 'Safe mode is not configured (WECHAT_AES_KEY).');
    cipher ??= createWeChatCipher(settings.aesKey);
    return cipher;
  };
  const service =
    settings.appId && settings.appSecret
      ? createCustomerService({ apiBase: settings.apiBase, appId: settings.appId, appSecret: settings.appSecret, fetch: settings.fetch, logger })
      : undefined;
  let serviceDenied = false;
  const delivery = createDelivery(deliveries);
  const pending = createPendingParts(conversations, { ttlMs: CONVERSATION_TTL_MS, now });
  // In memory: on Workers each isolate has its own, so there only the window limits a replay sent to another isolate.
  const replays = createReplayGuard({ maxSkewS: settings.maxClockSkewS, now });
  // Recent questions per user live in the durable store, so follow-ups work across restarts and Worker isolates.
  const conversationKey = (openId: string) => `conversation:${openId}`;
  async function recentTurns(openId: string): Promise<string[]> {
    try {
      const past = JSON.parse((await conversations.get(conversationKey(openId))) ?? 'null') as { turns: string[]; at: number } | null;
      return past && now() - past.at < CONVERSATION_TTL_MS ? past.turns : [];
    } catch {
      return [];
    }
  }

  async function answer(openId: string, question: string): Promise<string[]> {
    const e = engine();
    if (!e) return ['系统正在准备资料，请稍后再问。'];
    await pending.drop(openId);
    const turns = await recentTurns(openId);
    let text: string;
    try {
      const started = performance.now();
      const result = await e.chat([...turns, question].map((content) => ({ role: 'user' as const, content })));
      log.record({ channel: 'wechat', question, answer: result, latencyMs: performance.now() - started, client: openId });
      text = formatReply(result, MAX_REPLY_BYTES);
    } catch (err) {
      text = err instanceof AppError && err.status < 500 ? '问题太长或为空，请换个说法再问。' : '抱歉，暂时无法回答，请稍后再试。';
      if (!(err instanceof AppError) || err.status >= 500) logger.error({ err }, 'wechat answer failed');
    }
    await conversations.set(conversationKey(openId), JSON.stringify({ turns: [...turns, question].slice(-TURNS_KEPT), at: now() }));
    // Every part but the last leaves room for the continuation prompt, in case it is delivered passively.
    return splitReply(text, MAX_REPLY_BYTES, utf8Length(MORE_PROMPT));
  }

  async function nextPart(openId: string): Promise<string[]> {
    const next = await pending.next(openId);
    if (!next) return [NOTHING_MORE];
    return [next.left ? next.part + MORE_PROMPT : next.part];
  }

  /** The passive reply: the first part; the rest go through the customer-service API, or wait for 更多 without it. */
  async function firstPart(openId: string, parts: string[], keepAlive: (work: Promise<unknown>) => void): Promise<string> {
    if (parts.length === 1) return parts[0];
    if (service && !serviceDenied) {
      keepAlive(sendByService(openId, parts.slice(1)));
      return parts[0];
    }
    await pending.keep(openId, parts.slice(1));
    return parts[0] + MORE_PROMPT;
  }

  /** Sends pieces through the customer-service API; stops (no loop) on a final error code. */
  async function sendByService(openId: string, pieces: string[]): Promise<boolean> {
    if (!service || serviceDenied) return false;
    try {
      for (const piece of pieces) await service.sendText(openId, piece);
      return true;
    } catch (err) {
      if (err instanceof WeChatApiError && err.errcode === 48001) serviceDenied = true;
      const final = err instanceof WeChatApiError && FINAL_ERRORS.has(err.errcode);
      logger.warn({ openId, errcode: err instanceof WeChatApiError ? err.errcode : undefined, final, err: String(err) }, 'customer-service send failed');
      return false;
    }
  }

  function deliverLater(key: string, openId: string, job: Job, keepAlive: (work: Promise<unknown>) => void) {
    if (job.sendLater) return;
    job.sendLater = true;
    keepAlive(
      job.result.then(async (pieces) => {
        if (job.delivered) return;
        if (await sendByService(openId, pieces)) await delivery.markDelivered(key, job);
      }),
    );
  }

  async function onText(msg: IncomingMessage, started: number, keepAlive: (work: Promise<unknown>) => void): Promise<string | null> {
    const openId = msg.FromUserName;
    const key = `msg:${openId}:${msg.MsgId ?? msg.CreateTime}`;
    if (await delivery.delivered(key)) return null;
    const question = (msg.Content ?? '').trim();
    // 更多 runs as this message's job too, so a redelivered 更多 does not skip a part.
    const job = await delivery.job(key, ASKS_FOR_MORE.test(question) ? () => nextPart(openId) : () => answer(openId, question || '你好'));
    const pieces = await within(job.result, settings.replyDeadlineMs - (Date.now() - started));
    if (pieces) {
      if (job.delivered || (job.sendLater && !serviceDenied)) return null;
      await delivery.markDelivered(key, job);
      return firstPart(openId, pieces, keepAlive);
    }
    if (service && !serviceDenied) {
      deliverLater(key, openId, job, keepAlive);
      return null;
    }
    // Nothing else can deliver: let this attempt run past WeChat's 5 s so that its retry picks the answer up.
    await sleep(settings.holdMs - (Date.now() - started));
    return null;
  }

  async function onEvent(msg: IncomingMessage): Promise<string | null> {
    const event = (msg.Event ?? '').toLowerCase();
    if (event !== 'subscribe') return null;
    const key = `event:${msg.FromUserName}:${msg.CreateTime}:${event}`;
    if (await delivery.delivered(key)) return null;
    const job = await delivery.job(key, async () => [settings.welcome]);
    await delivery.markDelivered(key, job);
    return settings.welcome;
  }

  /** `body`: the POST body, so that WeChat's resending of a message as it was is not taken for a replay. */
  async function verifyQuery(c: Context, body?: string): Promise<{ timestamp: string; nonce: string }> {
    const { signature, timestamp, nonce } = c.req.query();
    if (!signature || !timestamp || !nonce) throw new AppError('bad_request', 'signature, timestamp and nonce are required');
    if (!(await signatureMatches(signature, settings.token, timestamp, nonce))) throw new AppError('unauthorized', 'Bad signature');
    replays.admit(timestamp, nonce, signature, body === undefined ? undefined : await sha1Hex(body));
    return { timestamp, nonce };
  }

  const limitBody = bodyLimit({
    maxSize: settings.maxBodyBytes,
    onError: () => {
      throw new AppError('payload_too_large', `WeChat messages are limited to ${settings.maxBodyBytes} bytes.`);
    },
  });
  // '/wechat/*' covers '/wechat' itself too.
  app.use('/wechat/*', limitBody);

  app.get('/wechat', async (c) => {
    const { msg_signature: msgSignature, echostr } = c.req.query();
    if (!echostr) throw new AppError('bad_request', 'echostr is required');
    if (msgSignature) {
      // WeCom-style verification: the echostr itself is encrypted.
      const { timestamp, nonce } = c.req.query();
      if (!timestamp || !nonce) throw new AppError('bad_request', 'timestamp and nonce are required');
      if (!(await signatureMatches(msgSignature, settings.token, timestamp, nonce, echostr))) throw new AppError('unauthorized', 'Bad msg_signature');
      replays.admit(timestamp, nonce, msgSignature);
      const { message } = await (await getCipher()).decrypt(echostr, settings.appId);
      return c.text(message);
    }
    await verifyQuery(c);
    return c.text(echostr);
  });

  app.post('/wechat', async (c) => {
    const started = Date.now();
    const raw = await c.req.arrayBuffer();
    let body: string;
    try {
      body = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new AppError('bad_request', 'The body is not UTF-8');
    }
    const { timestamp, nonce } = await verifyQuery(c, body);
    let outer = parseMessage(body);
    const encrypted = c.req.query('encrypt_type') === 'aes';
    if (encrypted) {
      if (!outer.Encrypt) throw new AppError('bad_request', 'Encrypt is missing');
      if (!(await signatureMatches(c.req.query('msg_signature'), settings.token, timestamp, nonce, outer.Encrypt))) {
        throw new AppError('unauthorized', 'Bad msg_signature');
      }
      const { message } = await (await getCipher()).decrypt(outer.Encrypt, settings.appId);
      outer = parseMessage(message);
    }
    const msg = outer;
    if (!msg.FromUserName || !msg.ToUserName || !msg.MsgType) throw new AppError('bad_request', 'Not a WeChat message');
    const type = msg.MsgType.toLowerCase();
    // On Workers, work after the response must be handed to waitUntil; on Node it just runs.
    const keepAlive = (work: Promise<unknown>) => {
      try {
        c.executionCtx.waitUntil(work);
      } catch {
        void work;
      }
    };
    const content = type === 'text' ? await onText(msg, started, keepAlive) : type === 'event' ? await onEvent(msg) : NOT_TEXT;
    if (content === null) return c.text('success');
    const ts = String(Math.floor(now() / 1000));
    const reply = textReply(msg.FromUserName, msg.ToUserName, content, Number(ts));
    if (!encrypted) return c.body(reply, 200, { 'Content-Type': 'application/xml; charset=utf-8' });
    const replyNonce = String(crypto.getRandomValues(new Uint32Array(1))[0]);
    const encrypt = await (await getCipher()).encrypt(reply, settings.appId ?? '');
    const signature = await signatureOf(settings.token, ts, replyNonce, encrypt);
    return c.body(encryptedReply(encrypt, signature, ts, replyNonce), 200, { 'Content-Type': 'application/xml; charset=utf-8' });
  });

  return app;
}
