/** @module customer-service: sends text through WeChat's customer-service API (used when an answer misses the 5-second window). */
import { createAccessTokens, WeChatApiError, type WeChatApiOptions } from './access-token.js';

/** Codes after which sending again would not help: outside the 48 h window, quota, no permission. */
export const FINAL_ERRORS = new Set([45015, 45047, 48001]);
const INVALID_TOKEN = new Set([40001, 42001, 40014]);

export function createCustomerService(options: WeChatApiOptions) {
  const doFetch = options.fetch ?? fetch;
  const tokens = createAccessTokens(options);

  async function post(token: string, openId: string, content: string): Promise<{ errcode: number; errmsg: string }> {
    const res = await doFetch(`${options.apiBase}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ touser: openId, msgtype: 'text', text: { content } }),
    });
    const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
    return { errcode: body.errcode ?? (res.ok ? 0 : res.status), errmsg: body.errmsg ?? '' };
  }

  /** Sends one text; refreshes an invalid token once; throws WeChatApiError on any other failure (never loops). */
  async function sendText(openId: string, content: string): Promise<void> {
    let token = await tokens.get();
    let result = await post(token, openId, content);
    if (INVALID_TOKEN.has(result.errcode)) {
      tokens.invalidate(token);
      token = await tokens.get();
      result = await post(token, openId, content);
    }
    if (result.errcode !== 0) throw new WeChatApiError(result.errcode, result.errmsg);
  }

  return { sendText };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
