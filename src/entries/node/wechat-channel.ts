/** @module wechat-channel: the WeChat sub-app wired for Node (delivery keys in a file), or none when WECHAT_TOKEN is unset. */
import { join, resolve } from 'node:path';
import type { Hono } from 'hono';
import type { Config } from '../../config.js';
import type { Engine } from '../../core/engine.js';
import type { Logger } from '../../core/observability.js';
import { createWeChatApp, DEFAULT_WELCOME } from '../../channels/wechat/wechat-app.js';
import { createFileKeyValueStore } from '../../adapters/node/file-key-value-store.js';

export async function wechatChannel(config: Config, engine: () => Engine | undefined, logger: Logger): Promise<Hono | undefined> {
  if (!config.WECHAT_TOKEN) return undefined;
  const state = await createFileKeyValueStore(resolve(config.WECHAT_STATE_FILE ?? join(config.INDEX_DIR, 'wechat-delivery.jsonl')));
  return createWeChatApp({
    engine,
    state,
    logger,
    settings: {
      token: config.WECHAT_TOKEN,
      appId: config.WECHAT_APPID,
      aesKey: config.WECHAT_AES_KEY,
      appSecret: config.WECHAT_APPSECRET,
      apiBase: config.WECHAT_API_BASE,
      replyDeadlineMs: config.WECHAT_REPLY_DEADLINE_MS,
      holdMs: config.WECHAT_REPLY_DEADLINE_MS + 1500,
      welcome: config.WECHAT_WELCOME?.replace(/\\n/g, '\n') ?? DEFAULT_WELCOME,
      maxBodyBytes: 64 * 1024,
    },
  });
}
