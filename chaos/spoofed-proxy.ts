/** @module spoofed-proxy: behind TRUST_PROXY=1, a client forging X-Forwarded-For cannot get past the rate limiter. */
import { check, type Scenario } from './scenario.js';
import { described, errorCode, request, type Reply } from './http.js';

const PER_MINUTE = 12;
/** The rate limiter's burst for that rate (a sixth of a minute's worth). */
const BURST = Math.ceil(PER_MINUTE / 6);
const SENT = 30;
const OTHERS = 5;
/** The address the trusted proxy in front would append: the client as it really connected. */
const REAL = '203.0.113.7';

const search = (url: string, forwardedFor: string) =>
  request(`${url}/api/search?q=${encodeURIComponent('平陆招商')}&k=1`, { headers: { 'x-forwarded-for': forwardedFor }, timeoutMs: 30_000 });

const limited = (r: Reply) => r.status === 429 && errorCode(r).code === 'rate_limited' && Number(r.headers.get('retry-after')) > 0;

export const spoofedProxy: Scenario = {
  name: 'spoofed-proxy',
  async *run(lab) {
    const fixture = await lab.fixture('proxy');
    const server = await lab.start(fixture, { TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) });
    const url = server.url;

    const started = performance.now();
    const replies: Reply[] = [];
    for (let i = 0; i < SENT; i++) replies.push(await search(url, `198.51.100.${i + 1}, ${REAL}`));
    const seconds = (performance.now() - started) / 1000;
    // What one client may get through in that time: the burst, plus what refills meanwhile (one every 5 s at 12 a minute).
    const allowed = BURST + Math.ceil((seconds * PER_MINUTE) / 60);
    const passed = replies.filter((r) => r.status === 200).length;
    const refused = replies.filter(limited);
    yield check(
      `${SENT} searches in ${seconds.toFixed(1)} s, each with another forged leftmost X-Forwarded-For and the same real address`,
      passed <= allowed && refused.length === SENT - passed,
      `${passed} answered, ${refused.length} got ${refused[0] ? described(refused[0]) : '429'} (Retry-After ${refused[0]?.headers.get('retry-after') ?? '–'}); one client may pass ${allowed}`,
    );

    for (const [label, header] of [
      ['several forged addresses before the real one', `10.0.0.1, 172.16.0.9, 192.168.1.1, ${REAL}`],
      ['a forged entry that is not an address', `unknown, <script>, ${REAL}`],
    ] as const) {
      const reply = await search(url, header);
      yield check(`then ${label}`, limited(reply), described(reply));
    }

    // Other real addresses are other clients: the limit above is per client, not a global one.
    const others: Reply[] = [];
    for (let i = 0; i < OTHERS; i++) others.push(await search(url, `198.51.100.1, 203.0.113.${100 + i}`));
    const ok = others.filter((r) => r.status === 200).length;
    yield check(`one search from each of ${OTHERS} other real addresses, with the same forged leftmost one`, ok === OTHERS, `${ok} of ${OTHERS} answered`);
  },
};
