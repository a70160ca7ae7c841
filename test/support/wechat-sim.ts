/** Acts as WeChat: signs requests, encrypts with node:crypto (independently of the bot's Web Crypto code), reads replies. */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { DEFAULT_WELCOME, type WeChatSettings } from '../../src/channels/wechat/wechat-app.js';

export const sha1 = (...parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');

export function wechatEncrypt(aesKey: string, message: string, appId: string, random = randomBytes(16)): string {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const msg = Buffer.from(message);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const body = Buffer.concat([random.subarray(0, 16), len, msg, Buffer.from(appId)]);
  const pad = 32 - (body.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([body, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64');
}

export function wechatDecrypt(aesKey: string, encrypted: string): { random: Buffer; message: string; appId: string; pad: number } {
  const key = Buffer.from(`${aesKey}=`, 'base64');
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = plain[plain.length - 1];
  const body = plain.subarray(0, plain.length - pad);
  const len = body.readUInt32BE(16);
  return { random: body.subarray(0, 16), message: body.subarray(20, 20 + len).toString(), appId: body.subarray(20 + len).toString(), pad };
}

export function textMessage(from: string, content: string, msgId: string, to = 'gh_bot', createTime = Math.floor(Date.now() / 1000)): string {
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;
}

export function eventMessage(from: string, event: string, createTime = Math.floor(Date.now() / 1000)): string {
  return `<xml><ToUserName><![CDATA[gh_bot]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[${event}]]></Event></xml>`;
}

/** The query string WeChat adds to a POST: plaintext, or safe mode with msg_signature over Encrypt. */
export function signedQuery(token: string, encrypt?: string, timestamp = String(Math.floor(Date.now() / 1000)), nonce = String(Math.floor(Math.random() * 1e9))): string {
  const q = new URLSearchParams({ signature: sha1(token, timestamp, nonce), timestamp, nonce, openid: 'o_user' });
  if (encrypt !== undefined) {
    q.set('encrypt_type', 'aes');
    q.set('msg_signature', sha1(token, timestamp, nonce, encrypt));
  }
  return q.toString();
}

export function field(xml: string, name: string): string | undefined {
  const m = xml.match(new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`));
  return m ? (m[1] ?? m[2]) : undefined;
}

/** WeChat settings for tests: the given token, no customer-service API (a closed port on 127.0.0.1), the defaults. */
export function wechatSettings(token: string, more: Partial<WeChatSettings> = {}): WeChatSettings {
  return {
    token,
    apiBase: 'http://127.0.0.1:9',
    replyDeadlineMs: 4500,
    holdMs: 6000,
    welcome: DEFAULT_WELCOME,
    maxBodyBytes: 64 * 1024,
    maxClockSkewS: 300,
    ...more,
  };
}
