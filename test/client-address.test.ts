import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from '../src/channels/http/client-address.js';
import { loadConfig } from '../src/config.js';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', parseTrustProxy('false'))).toBe('203.0.113.9');
  });

  it('with one trusted proxy, takes the address that proxy saw, not the forgeable leftmost one', () => {
    const trust = parseTrustProxy('true');
    // The client sent “X-Forwarded-For: 6.6.6.6”; the proxy appended the address it really saw.
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7', trust)).toBe('198.51.100.7');
    expect(clientAddress('10.0.0.2', '198.51.100.7', trust)).toBe('198.51.100.7');
  });

  it('skips as many hops as configured', () => {
    expect(clientAddress('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.1', parseTrustProxy('2'))).toBe('198.51.100.7');
  });

  it('skips the proxies in the trusted ranges, IPv4 (also as IPv4-mapped IPv6) and IPv6', () => {
    const trust = parseTrustProxy('10.0.0.0/8, 2001:db8::/32, 172.16.0.1');
    expect(clientAddress('::ffff:10.1.2.3', '6.6.6.6, 198.51.100.7, 172.16.0.1, 2001:db8::5', trust)).toBe('198.51.100.7');
    // A forged entry that is not a trusted proxy stops the walk where the untrusted part starts.
    expect(clientAddress('10.1.2.3', 'not-an-address, 198.51.100.7', trust)).toBe('198.51.100.7');
    expect(clientAddress('10.1.2.3', '198.51.100.7, not-an-address', trust)).toBe('not-an-address');
    // An untrusted peer is the client, whatever it forwards.
    expect(clientAddress('198.51.100.8', '6.6.6.6', trust)).toBe('198.51.100.8');
  });

  it('falls back to the leftmost address when every hop is trusted', () => {
    expect(clientAddress('10.0.0.2', '10.0.0.3', parseTrustProxy('10.0.0.0/8'))).toBe('10.0.0.3');
  });
});

describe('TRUST_PROXY setting', () => {
  it('accepts true, false, 1, 0, a hop count and a list of ranges', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toEqual({ hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toEqual({ hops: 0 });
    expect(loadConfig({}).TRUST_PROXY).toEqual({ hops: 0 });
    expect(loadConfig({ TRUST_PROXY: '3' }).TRUST_PROXY).toEqual({ hops: 3 });
    expect('ranges' in loadConfig({ TRUST_PROXY: '10.0.0.0/8,::1' }).TRUST_PROXY).toBe(true);
  });

  it('names the variable and the bad part when a range is malformed', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8, 10.0.0.300' })).toThrow(/TRUST_PROXY.*10\.0\.0\.300/);
  });
});
