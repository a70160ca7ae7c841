/**
 * @module wechat-channel: the WeChat sub-app wired for Node (delivery keys and conversations in two files), or none
 * when WECHAT_TOKEN is unset.
 */
import { dirname, join, resolve } from 'node:path';
import type { Hono } from 'hono';
import type { Config } from '../../config.js';
import type { Engine } from '../../core/engine.js';
import type { Logger } from '../../core/observability.js';
import type { AnswerLog } from '../../core/conversation/answer-log.js';
import { createWeChatApp, DEFAULT_WELCOME } from '../../channels/wechat/wechat-app.js';
import { createFileKeyValueStore } from '../../adapters/node/file-key-value-store.js';

export async function wechatChannel(config: Config, engine: () => Engine | undefined, logger: Logger, log?: AnswerLog): Promise<Hono | undefined> {
  if (!config.WECHAT_TOKEN) return undefined;
  const deliveryFile = resolve(config.WECHAT_STATE_FILE ?? join(config.INDEX_DIR, 'wechat-delivery.jsonl'));
  // Two bounded files: many users chatting must not evict the keys that stop a redelivered message being answered twice.
  const deliveries = await createFileKeyValueStore(deliveryFile);
  const conversations = await createFileKeyValueStore(join(dirname(deliveryFile), 'wechat-conversations.jsonl'));
  return createWeChatApp({
    engine,
    deliveries,
    conversations,
    logger,
    log,
    settings: {
      token: config.WECHAT_TOKEN,
      appId: config.WECHAT_APPID,
      aesKey: config.WECHAT_AES_KEY,
      appSecret: config.WECHAT_APPSECRET,
      apiBase: config.WECHAT_API_BASE,
      replyDeadlineMs: config.WECHAT_REPLY_DEADLINE_MS,
      holdMs: config.WECHAT_REPLY_DEADLINE_MS + 1500,
      welcome: config.WECHAT_WELCOME?.replace(/\\n/g, '\n') ?? DEFAULT_WELCOME,
      maxBodyBytes: config.WECHAT_MAX_BODY_BYTES,
      maxClockSkewS: config.WECHAT_MAX_CLOCK_SKEW_S,
    },
  });
}
