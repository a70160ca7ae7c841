/**
 * @module client-address: who sent a request behind reverse proxies. The address is the rightmost one in the chain
 * (X-Forwarded-For, then the connection's peer) that is not a trusted proxy: the addresses to its left were written by
 * the client and can be forged, the ones to its right by proxies we trust.
 */
import ipaddr from 'ipaddr.js';

/** Which proxies are trusted: none, a number of hops nearest to us, or the proxies at these addresses and ranges. */
export type TrustProxy = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

const parseAddress = (text: string) => {
  const address = ipaddr.parse(text.trim());
  // ::ffff:10.0.0.1 is how a dual-stack socket reports an IPv4 peer; ranges are written for the IPv4 form.
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
};

/**
 * Reads the TRUST_PROXY setting: `false`/`0` (none), `true` (the one proxy in front of us), a hop count (`2`), or a
 * comma-separated list of addresses and CIDR ranges (`10.0.0.0/8, 172.16.0.1, ::1`). Throws with the bad part named.
 */
export function parseTrustProxy(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false') return { hops: 0 };
  if (v === 'true') return { hops: 1 };
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const ranges = v.split(',').map((part) => {
    const item = part.trim();
    try {
      if (item.includes('/')) return ipaddr.parseCIDR(item);
      const address = parseAddress(item);
      return [address, address.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    } catch {
      throw new Error(`“${item}” is neither an address nor a CIDR range`);
    }
  });
  return { ranges };
}

function trusted(trust: TrustProxy, address: string, hop: number): boolean {
  if ('hops' in trust) return hop < trust.hops;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = parseAddress(address);
  } catch {
    return false; // Not an address at all: certainly not one of our proxies.
  }
  return trust.ranges.some(([range, bits]) => parsed.kind() === range.kind() && parsed.match(range, bits));
}

/**
 * The client's address given the connection's peer and the X-Forwarded-For header. Walks from the peer leftwards
 * while the address is a trusted proxy; when every address is trusted, the leftmost is the best there is.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string | undefined {
  if ('hops' in trust && trust.hops === 0) return peer;
  const chain = [...(forwardedFor ?? '').split(',').map((a) => a.trim()).filter(Boolean), ...(peer ? [peer] : [])];
  if (!chain.length) return undefined;
  for (let i = chain.length - 1, hop = 0; i > 0; i--, hop++) {
    if (!trusted(trust, chain[i], hop)) return chain[i];
  }
  return chain[0];
}
