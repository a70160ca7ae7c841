/**
 * @module access-token: one cached WeChat access token. Concurrent callers share one fetch (a new token invalidates
 * the old one), and a token WeChat calls invalid (40001) is refreshed once.
 */
import type { Logger } from '../../core/observability.js';

export interface WeChatApiOptions {
  apiBase: string;
  appId: string;
  appSecret: string;
  fetch?: typeof fetch;
  logger?: Logger;
}

export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat API error ${errcode}: ${errmsg}`);
  }
}

export function createAccessTokens(options: WeChatApiOptions) {
  const doFetch = options.fetch ?? fetch;
  let cached: { token: string; expires: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const url = `${options.apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(options.appId)}&secret=${encodeURIComponent(options.appSecret)}`;
    const body = (await (await doFetch(url)).json()) as { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    if (!body.access_token) throw new WeChatApiError(body.errcode ?? -1, body.errmsg ?? 'no access_token');
    // Renew five minutes early.
    cached = { token: body.access_token, expires: Date.now() + Math.max(60, (body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }

  return {
    async get(): Promise<string> {
      if (cached && cached.expires > Date.now()) return cached.token;
      inflight ??= fetchToken().finally(() => (inflight = undefined));
      return inflight;
    },
    /** Drops `token` if it is still the cached one, so that the next `get` fetches a new one (once for all callers). */
    invalidate(token: string) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
