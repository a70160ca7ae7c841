/**
 * @module wechat-crypto: WeChat safe mode (WXBizMsgCrypt) with Web Crypto, so it runs on Node and Workers alike.
 * AES-256-CBC, key = base64(EncodingAESKey + "="), IV = first 16 key bytes, PKCS#7 padding to 32-byte blocks;
 * plaintext = random(16) ‖ length (4 bytes, big-endian) ‖ message ‖ appid.
 */
import { AppError } from '../../core/errors.js';

const BLOCK = 32;

const fromBase64 = (s: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const toBase64 = (b: Uint8Array) => btoa(Array.from(b, (x) => String.fromCharCode(x)).join(''));

export interface WeChatCipher {
  decrypt(encrypted: string, appId?: string): Promise<{ message: string; appId: string }>;
  encrypt(message: string, appId: string, random?: Uint8Array): Promise<string>;
}

export async function createWeChatCipher(encodingAESKey: string): Promise<WeChatCipher> {
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAESKey)) {
    throw new AppError('config_invalid', 'WECHAT_AES_KEY must be the 43-character EncodingAESKey');
  }
  const raw = fromBase64(`${encodingAESKey}=`);
  const iv = raw.slice(0, 16);
  const key = await crypto.subtle.importKey('raw', raw, 'AES-CBC', false, ['encrypt', 'decrypt']);

  /** CBC without Web Crypto's own 16-byte padding: the input is already a whole number of blocks. */
  async function encryptBlocks(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
    const out = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv }, key, data));
    return out.slice(0, data.length);
  }

  async function decryptBlocks(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
    if (data.length === 0 || data.length % 16 !== 0) throw new AppError('bad_request', 'Encrypt is not a whole number of AES blocks');
    // Append a block that decrypts to a full block of 16 × 0x10, which Web Crypto then strips as its padding.
    const last = data.slice(data.length - 16);
    const extra = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-CBC', iv: last }, key, new Uint8Array(16).fill(16))).slice(0, 16);
    const joined = new Uint8Array(data.length + 16);
    joined.set(data);
    joined.set(extra, data.length);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key, joined));
  }

  return {
    async decrypt(encrypted, expectedAppId) {
      let plain: Uint8Array;
      try {
        plain = await decryptBlocks(fromBase64(encrypted));
      } catch (cause) {
        throw new AppError('bad_request', 'Encrypt could not be decrypted', { cause });
      }
      const pad = plain[plain.length - 1];
      if (pad < 1 || pad > BLOCK || pad > plain.length) throw new AppError('bad_request', 'bad padding in Encrypt');
      const body = plain.slice(0, plain.length - pad);
      if (body.length < 20) throw new AppError('bad_request', 'Encrypt is too short');
      const length = new DataView(body.buffer, body.byteOffset + 16, 4).getUint32(0);
      if (20 + length > body.length) throw new AppError('bad_request', 'bad message length in Encrypt');
      const decoder = new TextDecoder('utf-8', { fatal: true });
      const message = decoder.decode(body.slice(20, 20 + length));
      const appId = decoder.decode(body.slice(20 + length));
      if (expectedAppId !== undefined && appId !== expectedAppId) throw new AppError('unauthorized', 'The message is for another app id');
      return { message, appId };
    },
    async encrypt(message, appId, random = crypto.getRandomValues(new Uint8Array(16))) {
      const msg = new TextEncoder().encode(message);
      const app = new TextEncoder().encode(appId);
      const size = 20 + msg.length + app.length;
      const pad = BLOCK - (size % BLOCK);
      const data = new Uint8Array(size + pad);
      data.set(random.slice(0, 16));
      new DataView(data.buffer).setUint32(16, msg.length);
      data.set(msg, 20);
      data.set(app, 20 + msg.length);
      data.fill(pad, size);
      return toBase64(await encryptBlocks(data));
    },
  };
}
