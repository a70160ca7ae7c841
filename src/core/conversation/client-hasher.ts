/**
 * @module client-hasher: who asked, as an HMAC-SHA-256 of the client's address (or WeChat user) under a secret salt:
 * the same client gets the same hash, and the address cannot be read back or found by hashing guesses without the salt.
 */

export type ClientHasher = (client: string) => Promise<string>;

export function createClientHasher(salt: Uint8Array): ClientHasher {
  const key = crypto.subtle.importKey('raw', new Uint8Array(salt), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (client) => {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(client)));
    // 128 bits tell clients apart as well as 256 would, in half the space.
    return Array.from(mac.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  };
}
