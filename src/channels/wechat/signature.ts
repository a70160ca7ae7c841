/** @module signature: WeChat request signatures — sha1 of the sorted parts — compared in constant time. */
import { safeEqual } from '../../core/safe-equal.js';

export async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `sha1(sort(parts).join(''))`, lowercase hex: `signature` (token, timestamp, nonce) or `msg_signature` (+ Encrypt). */
export const signatureOf = (...parts: string[]) => sha1Hex([...parts].sort().join(''));

export async function signatureMatches(expected: string | undefined, ...parts: string[]): Promise<boolean> {
  if (!expected) return false;
  return safeEqual(await signatureOf(...parts), expected.toLowerCase());
}
