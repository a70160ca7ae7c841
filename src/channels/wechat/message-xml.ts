/** @module message-xml: WeChat message XML in and out; DOCTYPE and entities are refused before parsing. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../core/errors.js';

export type IncomingMessage = Record<string, string>;

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: false,
});

/** Parses `<xml>…</xml>` into its flat string fields. DOCTYPE and ENTITY (XXE, billion laughs) are never accepted. */
export function parseMessage(xml: string): IncomingMessage {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AppError('bad_request', 'XML with DOCTYPE or entities is not accepted');
  if (XMLValidator.validate(xml) !== true) throw new AppError('bad_request', 'The body is not well-formed XML');
  const root = parser.parse(xml)?.xml;
  if (!root || typeof root !== 'object') throw new AppError('bad_request', 'The body is not a WeChat <xml> message');
  const out: IncomingMessage = {};
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  return out;
}

/** CDATA that survives `]]>` inside the text. */
export const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function textReply(to: string, from: string, content: string, createTime = nowSeconds()): string {
  return `<xml><ToUserName>${cdata(to)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content></xml>`;
}

export function encryptedReply(encrypt: string, signature: string, timestamp: string, nonce: string): string {
  return `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}
